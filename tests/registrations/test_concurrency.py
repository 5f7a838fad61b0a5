"""Concurrent submissions for the last place, on a real PostgreSQL (row locks)."""

import threading

import pytest
from django.db import connection, connections

from registrations import services
from registrations.enums import RegistrationStatus
from registrations.models import Registration

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


def submit_at_once(count, submit):
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def run(index):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = submit(index)
        except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_exactly_one_of_concurrent_submissions_gets_the_last_seat(event, make_data):
    event.seat_capacity = 1
    event.save()
    data = [make_data() for _ in range(6)]

    outcomes = submit_at_once(
        6,
        lambda i: services.registration_create(event=event, bulletin=services.Bulletin(**data[i])),
    )

    winners = [outcome for outcome in outcomes if isinstance(outcome, Registration)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, services.CapacityError)]
    assert (len(winners), len(refused)) == (1, 5), outcomes
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_distinct_numbers(event, make_data):
    data = [make_data() for _ in range(6)]

    outcomes = submit_at_once(
        6,
        lambda i: services.registration_create(event=event, bulletin=services.Bulletin(**data[i])),
    )

    assert all(isinstance(outcome, Registration) for outcome in outcomes), outcomes
    assert sorted(Registration.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_creates_one_registration(event, make_data):
    data = make_data(email="double@example.org")

    outcomes = submit_at_once(
        4, lambda i: services.registration_create(event=event, bulletin=services.Bulletin(**data))
    )

    assert sum(isinstance(outcome, Registration) for outcome in outcomes) == 1, outcomes
    assert sum(isinstance(o, services.AlreadyRegistered) for o in outcomes) == 3
    assert Registration.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_workshop_changes_never_overfill_a_workshop(event, make_data, workshops):
    workshops[1].capacity = 1
    workshops[1].save()
    registrations = [
        services.registration_create(event=event, bulletin=services.Bulletin(**make_data()))
        for _ in range(4)
    ]

    outcomes = submit_at_once(
        4,
        lambda i: services.registration_change_workshop(
            registration=registrations[i], workshop=workshops[1]
        ),
    )

    assert sum(isinstance(outcome, Registration) for outcome in outcomes) == 1, outcomes
    assert Registration.objects.filter(workshop=workshops[1]).count() == 1
