import pytest

from registrations.enums import Capacity, MembershipState, RegistrationStatus
from registrations.selectors import places_left
from tests.factories import RegistrationFactory


@pytest.fixture
def limited(event, tariffs, workshops):
    event.seat_capacity = 10
    event.save()
    tariffs[0].capacity = 3
    tariffs[0].save()
    workshops[0].capacity = 2
    workshops[0].save()
    return event


def register(event, tariff, workshop, status=RegistrationStatus.CONFIRMED):
    membership = (
        MembershipState.VERIFIED
        if status == RegistrationStatus.CONFIRMED
        else MembershipState.PENDING
    )
    return RegistrationFactory(
        event=event, tariff=tariff, workshop=workshop, status=status, membership_state=membership
    )


def test_places_left_counts_only_registrations_holding_a_place(limited, tariffs, workshops):
    register(limited, tariffs[0], workshops[0])
    register(limited, tariffs[0], workshops[1], RegistrationStatus.AWAITING_MEMBERSHIP)
    register(limited, tariffs[1], workshops[0], RegistrationStatus.WAITING_LIST)
    register(limited, tariffs[0], workshops[0], RegistrationStatus.CANCELLED)

    places = places_left(limited)

    assert places.seats == 8
    assert places.seats_taken == 2
    assert places.for_tariff(tariffs[0]) == 1
    assert places.for_tariff(tariffs[1]) is None  # Unlimited.
    assert places.for_workshop(workshops[0]) == 1
    assert places.for_workshop(workshops[1]) is None
    assert places.workshops_taken == {workshops[0].pk: 1, workshops[1].pk: 1, workshops[2].pk: 0}


def test_unlimited_event_has_no_seat_limit(event, tariffs, workshops):
    register(event, tariffs[0], workshops[0])

    places = places_left(event)

    assert places.seats is None
    assert places.full(tariff=tariffs[0], workshop=workshops[0]) == []
    assert not places.is_full


def test_full_lists_every_capacity_reached(limited, tariffs, workshops):
    for _ in range(2):
        register(limited, tariffs[0], workshops[0])
    register(limited, tariffs[0], workshops[1])

    places = places_left(limited)

    assert places.full(tariff=tariffs[0], workshop=workshops[0]) == [
        Capacity.TARIFF,
        Capacity.WORKSHOP,
    ]
    assert places.full(tariff=tariffs[1], workshop=workshops[1]) == []


def test_places_left_never_negative_when_capacity_is_lowered(limited, tariffs, workshops):
    for _ in range(3):
        register(limited, tariffs[0], workshops[1])
    limited.seat_capacity = 1
    limited.save()

    places = places_left(limited)

    assert places.seats == 0
    assert places.is_full


def test_places_left_runs_one_query_for_many_registrations(
    limited, tariffs, workshops, django_assert_num_queries
):
    register(limited, tariffs[0], workshops[0])
    with django_assert_num_queries(1):
        places_left(limited)

    for index in range(30):
        register(limited, tariffs[index % 2], workshops[index % 3])
    with django_assert_num_queries(1):
        places_left(limited)
