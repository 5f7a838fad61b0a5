"""Staff see the offers of freed places in progress, their deadlines, and the counts."""

import datetime as dt

import pytest
from django.urls import reverse

from registrations import services
from registrations.enums import RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory, TariffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_offers():
    """Three offers made: one accepted, one expired (then passed on), one in progress."""
    event = EventFactory(seat_capacity=2)
    tariff = TariffFactory(event=event)
    taken = [RegistrationFactory(event=event, tariff=tariff) for _ in range(2)]
    waiting = [
        RegistrationFactory(
            event=event, tariff=tariff, status=RegistrationStatus.WAITING_LIST, last_name=name
        )
        for name in ("Premier", "Deuxième", "Troisième")
    ]
    services.registration_cancel(registration=taken[0], by_staff=True)
    services.offer_accept(offer=waiting[0].offers.get())
    services.registration_cancel(registration=taken[1], by_staff=True)
    offer = waiting[1].offers.get()
    services.offers_expire_due(now=offer.expires_at + dt.timedelta(seconds=1))
    return event, waiting


def test_dashboard_counts_offers_made_accepted_expired_and_lists_those_in_progress(
    staff_client, event_with_offers
):
    event, waiting = event_with_offers
    response = staff_client.get(reverse("admin:registrations_dashboard", args=[event.pk]))
    counts = response.context["dashboard"].offers
    assert (counts.made, counts.accepted, counts.expired, counts.pending) == (3, 1, 1, 1)
    [in_progress] = response.context["dashboard"].offers_in_progress
    assert in_progress.registration == waiting[2]
    content = response.content.decode()
    assert "3 proposée(s) : 1 acceptée(s), 1 expirée(s), 0 refusée(s)." in content
    assert waiting[2].reference in content


def test_staff_see_the_offers_with_their_deadlines_but_cannot_edit_them(
    staff_client, event_with_offers
):
    _event, waiting = event_with_offers
    response = staff_client.get(reverse("admin:registrations_waitinglistoffer_changelist"))
    assert response.status_code == 200
    content = response.content.decode()
    assert waiting[2].reference in content and "En attente de réponse" in content
    offer = waiting[2].offers.get()
    change = staff_client.get(
        reverse("admin:registrations_waitinglistoffer_change", args=[offer.pk])
    )
    assert change.status_code == 200
    assert b'name="status"' not in change.content
