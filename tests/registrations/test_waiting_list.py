"""The waiting list fills itself: a freed place is offered, held, accepted or passed on."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from registrations import services
from registrations.enums import MembershipState, OfferStatus, RegistrationStatus
from registrations.models import Registration, WaitingListOffer
from registrations.selectors import places_left
from registrations.services.waiting_list import expire_offer
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

WAITING = RegistrationStatus.WAITING_LIST


@pytest.fixture
def full_event(event, tariffs, workshops):
    """One seat, taken; places in every workshop."""
    event.seat_capacity = 1
    event.save()
    return event


def register(event, tariffs, workshop, **kwargs):
    return RegistrationFactory(event=event, tariff=tariffs[0], workshop=workshop, **kwargs)


def wait(event, tariffs, workshop, **kwargs):
    return register(event, tariffs, workshop, status=WAITING, **kwargs)


def pending_offers():
    return list(WaitingListOffer.objects.pending().order_by("pk"))


def refresh(*registrations):
    return [Registration.objects.get(pk=r.pk) for r in registrations]


def test_a_cancellation_offers_the_place_to_the_first_waiting_in_order_of_arrival(
    full_event, tariffs, workshops, mailoutbox, django_capture_on_commit_callbacks
):
    taken = register(full_event, tariffs, workshops[0])
    first = wait(full_event, tariffs, workshops[0])
    second = wait(full_event, tariffs, workshops[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=taken, by_staff=True)

    [offer] = pending_offers()
    assert offer.registration == first
    assert offer.expires_at - offer.offered_at == dt.timedelta(hours=48)
    assert refresh(second)[0].status == WAITING
    offer_mail = next(m for m in mailoutbox if m.to == [first.email])
    assert "Une place s'est libérée" in offer_mail.subject
    assert reverse("registrations:offer", args=[offer.token]) in offer_mail.body
    assert "Nous vous la gardons jusqu'au" in offer_mail.body


def test_the_offered_place_is_held_for_that_person(full_event, tariffs, workshops, make_bulletin):
    taken = register(full_event, tariffs, workshops[0])
    wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)

    assert places_left(full_event).seats == 0
    with pytest.raises(services.CapacityError):
        services.registration_create(event=full_event, bulletin=make_bulletin())
    late = services.registration_create(
        event=full_event, bulletin=make_bulletin(), join_waiting_list=True
    )
    assert late.status == WAITING


def test_a_place_that_fits_only_the_second_person_is_offered_to_the_second(
    event, tariffs, workshops
):
    workshops[0].capacity = 1
    workshops[0].save()
    workshops[1].capacity = 1
    workshops[1].save()
    register(event, tariffs, workshops[0])
    leaving = register(event, tariffs, workshops[1])
    first = wait(event, tariffs, workshops[0])
    second = wait(event, tariffs, workshops[1])

    services.registration_cancel(registration=leaving, by_staff=True)

    [offer] = pending_offers()
    assert offer.registration == second
    assert not first.offers.exists()


def test_a_workshop_change_offers_the_place_left_in_the_former_workshop(event, tariffs, workshops):
    workshops[0].capacity = 1
    workshops[0].save()
    moving = register(event, tariffs, workshops[0])
    waiting = wait(event, tariffs, workshops[0])

    services.registration_change_workshop(registration=moving, workshop=workshops[1])

    assert [offer.registration for offer in pending_offers()] == [waiting]


def test_accepting_confirms_the_place_and_cannot_happen_twice(full_event, tariffs, workshops):
    taken = register(full_event, tariffs, workshops[0])
    waiting = wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)
    [offer] = pending_offers()

    services.offer_accept(offer=offer)

    [registration] = refresh(waiting)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert WaitingListOffer.objects.get().status == OfferStatus.ACCEPTED
    assert places_left(full_event).seats == 0
    with pytest.raises(services.OfferClosed, match="déjà accepté"):
        services.offer_accept(offer=offer)


def test_accepting_with_membership_pending_holds_the_place_awaiting_the_check(
    full_event, tariffs, workshops
):
    taken = register(full_event, tariffs, workshops[0])
    waiting = wait(full_event, tariffs, workshops[0], membership_state=MembershipState.PENDING)
    services.registration_cancel(registration=taken, by_staff=True)

    services.offer_accept(offer=pending_offers()[0])

    assert refresh(waiting)[0].status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_expiry_passes_the_place_to_the_next_and_the_late_link_is_refused(
    full_event, tariffs, workshops
):
    taken = register(full_event, tariffs, workshops[0])
    first = wait(full_event, tariffs, workshops[0])
    second = wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)
    [offer] = pending_offers()
    after = offer.expires_at + dt.timedelta(seconds=1)

    # Past the deadline the link refuses, even before the worker has passed.
    with pytest.raises(services.OfferClosed, match="délai"):
        services.offer_accept(offer=offer, now=after)
    assert services.offers_expire_due(now=offer.expires_at - dt.timedelta(seconds=1)) == 0
    assert services.offers_expire_due(now=after) == 1

    assert WaitingListOffer.objects.get(pk=offer.pk).status == OfferStatus.EXPIRED
    [next_offer] = pending_offers()
    assert next_offer.registration == second
    # The first stays on the waiting list, for staff to promote by hand, but gets no
    # second automatic offer.
    assert refresh(first)[0].status == WAITING
    services.offers_expire_due(now=next_offer.expires_at)
    assert not WaitingListOffer.objects.pending().exists()


def test_the_task_worker_expires_a_due_offer(full_event, tariffs, workshops):
    taken = register(full_event, tariffs, workshops[0])
    wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)
    [offer] = pending_offers()
    expire_offer.call(offer.pk)  # Before the deadline: nothing happens.
    assert WaitingListOffer.objects.get().status == OfferStatus.PENDING

    past = timezone.now() - dt.timedelta(minutes=1)
    WaitingListOffer.objects.filter(pk=offer.pk).update(
        offered_at=past - dt.timedelta(hours=48), expires_at=past
    )
    expire_offer.call(offer.pk)
    assert WaitingListOffer.objects.get().status == OfferStatus.EXPIRED


def test_declining_cancels_the_registration_and_passes_the_place_on(full_event, tariffs, workshops):
    taken = register(full_event, tariffs, workshops[0])
    first = wait(full_event, tariffs, workshops[0])
    second = wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)

    services.offer_decline(offer=pending_offers()[0])

    assert refresh(first)[0].status == RegistrationStatus.CANCELLED
    assert [offer.registration for offer in pending_offers()] == [second]


def test_two_places_freed_at_once_go_to_the_first_two(
    full_event, tariffs, workshops, django_capture_on_commit_callbacks
):
    register(full_event, tariffs, workshops[0])
    waiting = [wait(full_event, tariffs, workshops[0]) for _ in range(3)]

    # Staff raise the capacity in the admin: the save enqueues the task that offers.
    with django_capture_on_commit_callbacks(execute=True):
        full_event.seat_capacity = 3
        full_event.save()

    assert [offer.registration for offer in pending_offers()] == waiting[:2]
    assert places_left(full_event).seats == 0


def test_the_periodic_command_offers_places_a_raised_capacity_freed(full_event, tariffs, workshops):
    register(full_event, tariffs, workshops[0])
    waiting = wait(full_event, tariffs, workshops[0])
    type(full_event).objects.filter(pk=full_event.pk).update(seat_capacity=2)
    out = StringIO()
    call_command("process_waiting_lists", stdout=out)
    assert "1 place(s) proposée(s)" in out.getvalue()
    assert [offer.registration for offer in pending_offers()] == [waiting]


def test_no_offer_while_registration_is_closed(full_event, tariffs, workshops):
    taken = register(full_event, tariffs, workshops[0])
    wait(full_event, tariffs, workshops[0])
    full_event.registration_closes_at = timezone.now() - dt.timedelta(days=1)
    full_event.registration_opens_at = timezone.now() - dt.timedelta(days=30)
    full_event.save()
    services.registration_cancel(registration=taken, by_staff=True)
    assert not WaitingListOffer.objects.exists()


def test_staff_can_still_promote_by_hand_the_holder_of_an_offer(full_event, tariffs, workshops):
    taken = register(full_event, tariffs, workshops[0])
    waiting = wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)

    services.registration_promote(registration=waiting)

    assert refresh(waiting)[0].status == RegistrationStatus.CONFIRMED
    assert WaitingListOffer.objects.get().status == OfferStatus.WITHDRAWN


def test_cancelling_a_registration_with_an_offer_passes_the_place_on(
    full_event, tariffs, workshops
):
    taken = register(full_event, tariffs, workshops[0])
    first = wait(full_event, tariffs, workshops[0])
    second = wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)

    services.registration_cancel(registration=first, by_staff=True)

    assert first.offers.get().status == OfferStatus.WITHDRAWN
    assert [offer.registration for offer in pending_offers()] == [second]


# The private page of the offer ------------------------------------------------------


@pytest.fixture
def offer(full_event, tariffs, workshops):
    taken = register(full_event, tariffs, workshops[0])
    wait(full_event, tariffs, workshops[0])
    services.registration_cancel(registration=taken, by_staff=True)
    return pending_offers()[0]


def offer_url(offer):
    return reverse("registrations:offer", args=[offer.token])


def test_offer_page_shows_the_place_and_its_deadline(client, offer):
    response = client.get(offer_url(offer))
    content = response.content.decode()
    assert response.status_code == 200
    assert "accepte la place" in content
    assert services.waiting_list.deadline_text(offer) in content


def test_offer_page_is_private_like_the_registration_pages(client, offer):
    response = client.get(offer_url(offer))

    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "strict-origin"


def test_accepting_from_the_page_leads_to_the_private_page(client, offer):
    response = client.post(offer_url(offer), {"choice": "accept"})
    registration = Registration.objects.get(pk=offer.registration_id)
    assert response.status_code == 302
    assert response["Location"] == registration.get_absolute_url()
    assert registration.status == RegistrationStatus.CONFIRMED

    again = client.post(offer_url(offer), {"choice": "accept"})
    assert again.status_code == 409
    assert "déjà accepté" in again.content.decode()


def test_declining_from_the_page_cancels(client, offer):
    response = client.post(offer_url(offer), {"choice": "decline"})
    assert response.status_code == 302
    assert Registration.objects.get(pk=offer.registration_id).status == "cancelled"


def test_offer_page_refuses_an_unknown_choice_and_an_unknown_token(client, offer):
    assert client.post(offer_url(offer), {"choice": "peut-être"}).status_code == 400
    assert client.get(reverse("registrations:offer", args=["inconnu"])).status_code == 404
    assert WaitingListOffer.objects.get().status == OfferStatus.PENDING


def test_private_page_of_a_waiting_registration_links_to_its_offer(client, offer):
    content = client.get(offer.registration.get_absolute_url()).content.decode()
    assert offer.get_absolute_url() in content
    assert "elle vous est réservée jusqu" in content


def test_offer_page_past_the_deadline_says_so_without_buttons(client, offer):
    past = timezone.now() - dt.timedelta(minutes=1)
    WaitingListOffer.objects.filter(pk=offer.pk).update(
        offered_at=past - dt.timedelta(hours=48), expires_at=past
    )
    content = client.get(offer_url(offer)).content.decode()
    assert "Le délai pour accepter cette place est dépassé" in content
    assert 'value="accept"' not in content
    assert client.post(offer_url(offer), {"choice": "accept"}).status_code == 409
