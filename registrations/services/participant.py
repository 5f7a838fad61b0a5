"""Rules applied when a participant registers, changes their workshop or cancels."""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.models import Tariff, Workshop

from .. import notifications
from ..enums import Capacity, MembershipState, RegistrationStatus
from ..models import Registration
from ..selectors import active_registrations_of_person
from . import waiting_list
from .billing import registration_credit
from .capacity import full_capacities, workshop_is_full
from .errors import (
    FULL_MESSAGES,
    AlreadyRegistered,
    CapacityError,
    MembershipNotVerified,
    RegistrationClosed,
    full_message,
)
from .locking import lock_event, lock_registration
from .membership import check_registration_membership, membership_message
from .private_link import send_private_link_if_registered


@dataclass(frozen=True)
class Bulletin:
    """What the participant wrote on the bulletin d'inscription, already validated."""

    last_name: str
    first_name: str
    job_title: str
    email: str
    organisation_name: str
    address: str
    phone: str
    signed_place: str
    signature: str
    tariff: Tariff
    workshop: Workshop | None = None
    member_number: str = ""
    contact_person: str = ""
    billing_email: str = ""
    certified: bool = False
    privacy_consent: bool = False

    def text_fields(self):
        """The typed fields, stripped, as the registration stores them."""
        names = (
            "last_name",
            "first_name",
            "job_title",
            "email",
            "organisation_name",
            "member_number",
            "address",
            "phone",
            "contact_person",
            "billing_email",
            "signed_place",
            "signature",
        )
        return {name: (getattr(self, name) or "").strip() for name in names}


def _next_number(event):
    last = Registration.objects.filter(event=event).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def _check_choices_belong_to(event, *, tariff, workshop):
    if not isinstance(tariff, Tariff) or tariff.event_id != event.pk:
        raise ValidationError(
            {"tariff": _("Choisissez l'un des tarifs de cette rencontre.")}, code="invalid"
        )
    if workshop is not None and (
        not isinstance(workshop, Workshop) or workshop.event_id != event.pk
    ):
        raise ValidationError(
            {"workshop": _("Choisissez l'un des ateliers de cette rencontre.")}, code="invalid"
        )
    if workshop is None and Workshop.objects.filter(event=event).exists():
        raise ValidationError({"workshop": _("Choisissez un atelier.")}, code="required")


def _person_taken(event, fields):
    return active_registrations_of_person(
        event,
        email=fields["email"],
        last_name=fields["last_name"],
        first_name=fields["first_name"],
    ).exists()


def _already_registered():
    return AlreadyRegistered(
        _("Une inscription à ce nom existe déjà avec cette adresse e-mail."), code="duplicate"
    )


@transaction.atomic
def registration_create(
    *, event, bulletin, allow_pending_membership=False, join_waiting_list=False, now=None
):
    """Register a participant from their :class:`Bulletin`.

    Longer than most: every check runs under the one event lock, in the order the
    participant is told about them (window, choices, person, membership, capacity).

    The membership check runs here, once per submission: a paid-up member is confirmed at
    once; otherwise, with ``allow_pending_membership``, the registration awaits the check
    (and holds a place), else :class:`MembershipNotVerified` carries the verdict for the
    form to show. When a capacity is reached, :class:`CapacityError` is raised unless
    ``join_waiting_list``.
    """
    now = now or timezone.now()
    event = lock_event(event)
    if not event.registration_is_open(now):
        raise RegistrationClosed(
            _("Les inscriptions à cette rencontre ne sont pas ouvertes."), code="closed"
        )
    tariff, workshop = bulletin.tariff, bulletin.workshop
    _check_choices_belong_to(event, tariff=tariff, workshop=workshop)
    if not bulletin.certified or not bulletin.privacy_consent:
        raise ValidationError(
            _(
                "Certifiez l'exactitude des informations et acceptez la politique de "
                "confidentialité."
            ),
            code="required",
        )
    fields = bulletin.text_fields()
    # Looked up now, refused last: every other refusal (membership, a full workshop)
    # answers the same whether the person is registered or not.
    person_taken = _person_taken(event, fields)

    check = check_registration_membership(
        organisation_name=fields["organisation_name"],
        member_number=fields["member_number"],
        on_date=event.start_date,
    )
    if not check.is_paid_up and not allow_pending_membership:
        raise MembershipNotVerified(membership_message(check), check=check)

    full = full_capacities(event, tariff=tariff, workshop=workshop)
    if full and not join_waiting_list:
        raise CapacityError(full_message(full), full=full)
    if person_taken:
        raise _already_registered()
    if full:
        status = RegistrationStatus.WAITING_LIST
    elif check.is_paid_up:
        status = RegistrationStatus.CONFIRMED
    else:
        status = RegistrationStatus.AWAITING_MEMBERSHIP

    registration = Registration(
        event=event,
        tariff=tariff,
        workshop=workshop,
        amount=tariff.amount,
        status=status,
        membership_state=(
            MembershipState.VERIFIED if check.is_paid_up else MembershipState.PENDING
        ),
        member=check.member,
        signed_on=timezone.localdate(now),
        certified=True,
        privacy_consent=True,
        confirmed_at=now if status == RegistrationStatus.CONFIRMED else None,
        **fields,
    )
    registration.number = _next_number(event)
    registration.reference = f"{event.reference_prefix}-{registration.number:04d}"
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # Only reachable when a writer did not take the event lock (the admin, a script):
        # the database's one-active-registration-per-person constraint is the last guard.
        if _person_taken(event, fields):
            raise _already_registered() from None
        raise
    notifications.notify(registration, notifications.MessageKind.REGISTERED)
    notifications.notify(registration, notifications.MessageKind.STAFF_REGISTERED)
    return registration


def _refuse_participant_change(registration, now, *, closed_message, cancelled_message):
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(cancelled_message, code="cancelled")
    if not registration.participant_can_change(now):
        raise RegistrationClosed(closed_message, code="closed")


@transaction.atomic
def registration_change_workshop(*, registration, workshop, by_staff=False, now=None):
    """Move the participant to ``workshop`` if it has a place left."""
    registration = lock_registration(registration)
    event = registration.event
    if by_staff:
        if registration.status == RegistrationStatus.CANCELLED:
            raise ValidationError(_("Cette inscription est annulée."), code="cancelled")
    else:
        _refuse_participant_change(
            registration,
            now,
            closed_message=_(
                "Les inscriptions sont closes : l'atelier ne peut plus être changé en ligne."
            ),
            cancelled_message=_("Cette inscription est annulée."),
        )
    if not isinstance(workshop, Workshop) or workshop.event_id != event.pk:
        raise ValidationError(
            {"workshop": _("Choisissez l'un des ateliers de cette rencontre.")}, code="invalid"
        )
    if workshop.pk == registration.workshop_id:
        return registration
    holds_a_place = registration.status in RegistrationStatus.holding_a_place()
    if holds_a_place and workshop_is_full(event, workshop):
        raise CapacityError(_(FULL_MESSAGES[Capacity.WORKSHOP]), full=[Capacity.WORKSHOP])
    registration.workshop = workshop
    registration.save()
    notifications.notify(registration, notifications.MessageKind.WORKSHOP_CHANGED)
    # A place in the former workshop is free (or this waiting registration now fits one).
    waiting_list.waiting_list_offer_places(event=event, now=now)
    return registration


@transaction.atomic
def registration_cancel(*, registration, by_staff=False, now=None):
    """Cancel the registration, which frees its place."""
    now = now or timezone.now()
    registration = lock_registration(registration)
    if by_staff:
        if registration.status == RegistrationStatus.CANCELLED:
            raise ValidationError(_("Cette inscription est déjà annulée."), code="cancelled")
    else:
        _refuse_participant_change(
            registration,
            now,
            closed_message=_("Les inscriptions sont closes : pour annuler, contactez l'AFPOLS."),
            cancelled_message=_("Cette inscription est déjà annulée."),
        )
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save()
    # An invoiced registration gets its credit note (avoir), under the same locks.
    registration_credit(registration=registration)
    waiting_list.offers_withdraw(registration=registration, now=now)
    notifications.notify(registration, notifications.MessageKind.CANCELLED)
    if not by_staff:
        notifications.notify(registration, notifications.MessageKind.STAFF_CANCELLED)
    # The freed place goes to the first waiting registration it fits.
    waiting_list.waiting_list_offer_places(event=registration.event, now=now)
    return registration


@transaction.atomic
def send_private_link(*, event, email):
    """E-mail every private link held by ``email`` for ``event`` (an assistant may have
    registered several colleagues with one address); silent when there is none.

    The same work either way (one task enqueued after commit, which looks the address
    up), and the caller shows the same message: neither the answer nor its time tells who
    registered.
    """
    transaction.on_commit(
        partial(send_private_link_if_registered.enqueue, event.pk, (email or "").strip())
    )
