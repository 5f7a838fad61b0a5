"""Offers of freed places under concurrency, on a real PostgreSQL (row locks)."""

import pytest
from django.db import connection

from registrations import services
from registrations.enums import RegistrationStatus
from registrations.models import Registration, WaitingListOffer
from registrations.selectors import places_left
from tests.factories import RegistrationFactory
from tests.registrations.test_concurrency import submit_at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]

HOLDING = RegistrationStatus.holding_a_place()


def holding():
    return Registration.objects.filter(status__in=HOLDING).count()


@pytest.mark.django_db(transaction=True)
def test_an_offer_is_never_accepted_twice(event, tariffs, workshops):
    event.seat_capacity = 1
    event.save()
    taken = RegistrationFactory(event=event, tariff=tariffs[0], workshop=workshops[0])
    waiting = RegistrationFactory(
        event=event,
        tariff=tariffs[0],
        workshop=workshops[0],
        status=RegistrationStatus.WAITING_LIST,
    )
    services.registration_cancel(registration=taken, by_staff=True)
    offer = waiting.offers.get()

    outcomes = submit_at_once(6, lambda _i: services.offer_accept(offer=offer))

    accepted = [outcome for outcome in outcomes if isinstance(outcome, Registration)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, services.OfferClosed)]
    assert (len(accepted), len(refused)) == (1, 5), outcomes
    assert holding() == 1


@pytest.mark.django_db(transaction=True)
def test_capacity_is_never_exceeded_by_offers_acceptances_and_new_registrations(
    event, tariffs, workshops, make_data
):
    event.seat_capacity = 2
    event.save()
    taken = [
        RegistrationFactory(event=event, tariff=tariffs[0], workshop=workshops[0]) for _ in range(2)
    ]
    for _ in range(3):
        RegistrationFactory(
            event=event,
            tariff=tariffs[0],
            workshop=workshops[0],
            status=RegistrationStatus.WAITING_LIST,
        )
    data = [make_data() for _ in range(4)]

    # Two cancellations and four newcomers at once: the freed seats go to the waiting list.
    def first_round(index):
        if index < 2:
            return services.registration_cancel(registration=taken[index], by_staff=True)
        bulletin = services.Bulletin(**data[index - 2])
        return services.registration_create(event=event, bulletin=bulletin)

    outcomes = submit_at_once(6, first_round)
    assert sum(isinstance(outcome, services.CapacityError) for outcome in outcomes) == 4, outcomes
    offers = list(WaitingListOffer.objects.pending())
    assert len(offers) == 2
    assert places_left(event).seats == 0

    # Both accept while two more newcomers try: never more than two seats taken.
    def second_round(index):
        if index < 2:
            return services.offer_accept(offer=offers[index])
        bulletin = services.Bulletin(**data[index])
        return services.registration_create(event=event, bulletin=bulletin)

    outcomes = submit_at_once(4, second_round)
    assert sum(isinstance(outcome, services.CapacityError) for outcome in outcomes) == 2, outcomes
    assert holding() == 2
