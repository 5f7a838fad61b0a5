"""The waiting list that fills itself.

When a place frees (a cancellation, a workshop change, a raised capacity), the first
waiting registration, in order of arrival, that the place fits (seat, tariff, workshop)
receives an offer: an e-mail with a private link valid ``event.offer_hours`` hours. The
place is held meanwhile (the capacity count takes pending offers as taken). Following the
link and accepting confirms the place under the same locks as a registration; declining
cancels the registration; letting the deadline pass expires the offer. Either way the
place goes to the next person.

Expiry never happens on a page view: the task worker runs :func:`expire_offer` at the
deadline (when the task backend can defer tasks), and ``manage.py process_waiting_lists``
(run periodically) expires whatever is due and offers the places a raised capacity freed.

A registration receives one automatic offer at most: after an expired offer it stays on
the waiting list, where staff can still promote it by hand.
"""

import datetime as dt
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from afpols_events.formatting import format_date, format_time
from programme.models import Event

from .. import notifications
from ..enums import MembershipState, OfferStatus, RegistrationStatus
from ..models import Registration, WaitingListOffer
from ..selectors.places import places_left
from .billing import registration_credit
from .capacity import full_capacities
from .errors import CapacityError, full_message
from .locking import lock_event, lock_registration


class OfferClosed(ValidationError):
    """The offer can no longer be accepted (answered, expired or withdrawn)."""


def deadline_text(offer):
    """``vendredi 16 novembre 2012 à 9h30``."""
    return _("%(date)s à %(time)s") % {
        "date": format_date(offer.expires_at),
        "time": format_time(offer.expires_at),
    }


def offer_refusal(offer, now=None, *, accepting=True):
    """The :class:`OfferClosed` that answering ``offer`` now would raise, or ``None``.

    The offer page shows it without trying; the services raise it.
    """
    now = now or timezone.now()
    if offer.status == OfferStatus.ACCEPTED:
        return OfferClosed(
            _("Vous avez déjà accepté cette place : votre inscription est enregistrée."),
            code="accepted",
        )
    if offer.status == OfferStatus.DECLINED:
        return OfferClosed(_("Vous avez déjà refusé cette place."), code="declined")
    if offer.status == OfferStatus.WITHDRAWN:
        return OfferClosed(_("Cette proposition n'est plus valable."), code="withdrawn")
    if offer.status == OfferStatus.EXPIRED or (accepting and now >= offer.expires_at):
        return OfferClosed(
            _(
                "Le délai pour accepter cette place est dépassé (il courait jusqu'au "
                "%(deadline)s) : elle est proposée à la personne suivante de la liste "
                "d'attente."
            )
            % {"deadline": deadline_text(offer)},
            code="expired",
        )
    return None


def _refuse_unless_pending(offer, now, *, accepting):
    refusal = offer_refusal(offer, now, accepting=accepting)
    if refusal is not None:
        raise refusal


def _lock(offer):
    """Lock the event, the registration, then the offer (the order of every service)."""
    registration = lock_registration(offer.registration)
    offer = WaitingListOffer.objects.select_for_update(of=("self",)).get(pk=offer.pk)
    offer.registration = registration
    return registration, offer


def _schedule_expiry(offer):
    """Have the task worker expire ``offer`` at its deadline, if the backend can defer."""
    if not expire_offer.get_backend().supports_defer:
        return  # The periodic command expires it.
    deferred = expire_offer.using(run_after=offer.expires_at)
    transaction.on_commit(partial(deferred.enqueue, offer.pk))


@transaction.atomic
def waiting_list_offer_places(*, event, now=None):
    """Offer each free place to the first waiting registration it fits; returns the offers.

    Runs under the event's row lock. Nothing is offered while registration is closed:
    staff then promote by hand.
    """
    now = now or timezone.now()
    event = lock_event(event)
    if not event.registration_is_open(now):
        return []
    waiting = (
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITING_LIST)
        .exclude(offers__isnull=False)
        .order_by("created_at", "pk")
    )
    offers = []
    places = places_left(event)
    for registration in waiting:
        if places.seats == 0:
            break
        if places.full(tariff=registration.tariff_id, workshop=registration.workshop_id):
            continue
        offer = WaitingListOffer.objects.create(
            registration=registration,
            offered_at=now,
            expires_at=now + dt.timedelta(hours=event.offer_hours),
        )
        offers.append(offer)
        notifications.notify(registration, notifications.MessageKind.OFFER)
        _schedule_expiry(offer)
        places = places_left(event)
    return offers


@transaction.atomic
def offer_accept(*, offer, now=None):
    """Take the offered place: the registration holds it from now on."""
    now = now or timezone.now()
    registration, offer = _lock(offer)
    _refuse_unless_pending(offer, now, accepting=True)
    if registration.status != RegistrationStatus.WAITING_LIST:
        raise OfferClosed(_("Cette proposition n'est plus valable."), code="withdrawn")
    offer.status = OfferStatus.ACCEPTED
    offer.answered_at = now
    offer.save()
    # The offer no longer holds the place: check it is still there (staff may have
    # lowered a capacity meanwhile) before the registration takes it.
    full = full_capacities(
        registration.event, tariff=registration.tariff, workshop=registration.workshop
    )
    if full:
        raise CapacityError(full_message(full), full=full)
    if registration.membership_state == MembershipState.VERIFIED:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = RegistrationStatus.AWAITING_MEMBERSHIP
    registration.save()
    notifications.notify(registration, notifications.MessageKind.PROMOTED)
    return registration


@transaction.atomic
def offer_decline(*, offer, now=None):
    """Give up the offered place, which cancels the registration and passes the place on."""
    now = now or timezone.now()
    registration, offer = _lock(offer)
    _refuse_unless_pending(offer, now, accepting=False)
    offer.status = OfferStatus.DECLINED
    offer.answered_at = now
    offer.save()
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save()
    registration_credit(registration=registration)  # Nothing unless it was invoiced.
    notifications.notify(registration, notifications.MessageKind.CANCELLED)
    notifications.notify(registration, notifications.MessageKind.STAFF_CANCELLED)
    waiting_list_offer_places(event=registration.event, now=now)
    return registration


@transaction.atomic
def offer_expire(*, offer, now=None):
    """Expire ``offer`` if it is pending and past its deadline; returns whether it did."""
    now = now or timezone.now()
    registration, offer = _lock(offer)
    if offer.status != OfferStatus.PENDING or now < offer.expires_at:
        return False
    offer.status = OfferStatus.EXPIRED
    offer.answered_at = now
    offer.save()
    notifications.notify(registration, notifications.MessageKind.OFFER_EXPIRED)
    waiting_list_offer_places(event=registration.event, now=now)
    return True


def offers_withdraw(*, registration, now=None):
    """Close the pending offer of ``registration`` (cancelled, or promoted by hand).

    Called by those services, inside their transaction and under their locks.
    """
    return WaitingListOffer.objects.filter(
        registration=registration, status=OfferStatus.PENDING
    ).update(status=OfferStatus.WITHDRAWN, answered_at=now or timezone.now())


def offers_expire_due(*, now=None):
    """Expire every pending offer past its deadline; returns how many."""
    now = now or timezone.now()
    due = WaitingListOffer.objects.due(now).select_related("registration__event")
    return sum(offer_expire(offer=offer, now=now) for offer in due.order_by("expires_at", "pk"))


def waiting_lists_process(*, now=None):
    """What the periodic command does: expire the offers that are due, then offer the free
    places of every event with a waiting list (a raised capacity frees places without any
    registration changing). Returns (offers expired, offers made)."""
    now = now or timezone.now()
    expired = offers_expire_due(now=now)
    events = Event.objects.filter(registrations__status=RegistrationStatus.WAITING_LIST)
    made = sum(
        len(waiting_list_offer_places(event=event, now=now))
        for event in events.distinct().order_by("pk")
    )
    return expired, made


@task()
def expire_offer(offer_id):
    """Deferred to the offer's deadline by :func:`waiting_list_offer_places`."""
    offer = WaitingListOffer.objects.filter(pk=offer_id).select_related("registration").first()
    if offer is not None:
        offer_expire(offer=offer)


@task()
def offer_freed_places(event_id):
    """Enqueued when staff raise a capacity (see ``registrations.apps``)."""
    event = Event.objects.filter(pk=event_id).first()
    if event is not None:
        waiting_list_offer_places(event=event)


def capacity_saved(sender, instance, raw=False, **kwargs):
    """``post_save`` receiver of events, tariffs and workshops (``registrations.apps``).

    A saved capacity may have been raised: once the edit commits, the task offers the
    places it freed. No rule runs here; the task calls :func:`waiting_list_offer_places`.
    """
    if raw:
        return
    event_id = instance.pk if isinstance(instance, Event) else instance.event_id
    transaction.on_commit(partial(offer_freed_places.enqueue, event_id))
