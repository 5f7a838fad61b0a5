"""Rules applied when a participant registers, changes their workshop or cancels."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.models import Workshop

from .. import notifications
from ..capacity import places_left
from ..enums import Capacity, MembershipOutcome, MembershipState, RegistrationStatus
from ..membership import check_registration_membership
from ..models import Registration, Tariff
from .common import (
    FULL_MESSAGES,
    AlreadyRegistered,
    CapacityError,
    MembershipNotVerified,
    RegistrationClosed,
    full_message,
    lock_event,
    lock_registration,
)


def _next_number(event):
    last = Registration.objects.filter(event=event).order_by("-number").first()
    return (last.number if last else 0) + 1


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


def _email_taken(event, email):
    return Registration.objects.filter(event=event, email__iexact=email.strip()).exists()


_FORM_FIELDS = [
    "last_name",
    "first_name",
    "job_title",
    "email",
    "organisation_name",
    "member_number",
    "address",
    "phone",
    "contact_person",
    "signed_place",
    "signature",
]


@transaction.atomic
def registration_create(
    *, event, data, allow_pending_membership=False, join_waiting_list=False, now=None
):
    """Register a participant from the bulletin's cleaned ``data``.

    A paid-up member is confirmed at once; otherwise, with ``allow_pending_membership``,
    the registration awaits the membership check (and holds a place). When a capacity is
    reached, :class:`CapacityError` is raised unless ``join_waiting_list``.
    """
    now = now or timezone.now()
    event = lock_event(event)
    if not event.registration_is_open(now):
        raise RegistrationClosed(
            _("Les inscriptions à cette rencontre ne sont pas ouvertes."), code="closed"
        )
    tariff, workshop = data.get("tariff"), data.get("workshop")
    _check_choices_belong_to(event, tariff=tariff, workshop=workshop)
    if not data.get("certified") or not data.get("privacy_consent"):
        raise ValidationError(
            _(
                "Certifiez l'exactitude des informations et acceptez la politique de "
                "confidentialité."
            ),
            code="required",
        )
    email = data["email"].strip()
    if _email_taken(event, email):
        raise AlreadyRegistered(
            _("Une inscription existe déjà avec cette adresse e-mail."), code="duplicate"
        )

    check = check_registration_membership(
        organisation_name=data["organisation_name"],
        member_number=data.get("member_number", ""),
        on_date=event.start_date,
    )
    if not check.is_paid_up and not allow_pending_membership:
        raise MembershipNotVerified(membership_message(check), check=check)

    full = places_left(event).full(tariff=tariff, workshop=workshop)
    if full and not join_waiting_list:
        raise CapacityError(full_message(full), full=full)
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
        **{name: (data.get(name) or "").strip() for name in _FORM_FIELDS},
    )
    registration.email = email
    registration.number = _next_number(event)
    registration.reference = f"{event.reference_prefix}-{registration.number:04d}"
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # Only reachable when a writer did not take the event lock (the admin, a script):
        # the database's unique e-mail constraint is the last guard.
        if _email_taken(event, email):
            raise AlreadyRegistered(
                _("Une inscription existe déjà avec cette adresse e-mail."), code="duplicate"
            ) from None
        raise
    notifications.participant(registration, notifications.REGISTERED)
    notifications.staff(registration, notifications.REGISTERED)
    return registration


def membership_message(check):
    """The French explanation shown when ``check`` is not paid up."""
    if check.outcome == MembershipOutcome.LAPSED:
        return _(
            "L'adhésion de « %(name)s » à l'AFPOLS ne couvre pas la date de la rencontre "
            "(cotisation valable jusqu'au %(end)s). La cotisation de l'organisme est "
            "obligatoire."
        ) % {"name": check.member.name, "end": check.member.subscription_end.strftime("%d/%m/%Y")}
    return _(
        "Nous ne trouvons pas cet organisme parmi les adhérents de l'AFPOLS. La cotisation "
        "de l'organisme est obligatoire."
    )


@transaction.atomic
def registration_change_workshop(*, registration, workshop, by_staff=False, now=None):
    """Move the participant to ``workshop`` if it has a place left."""
    registration = lock_registration(registration)
    event = registration.event
    if not by_staff and not event.registration_is_open(now):
        raise RegistrationClosed(
            _("Les inscriptions sont closes : l'atelier ne peut plus être changé en ligne."),
            code="closed",
        )
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("Cette inscription est annulée."), code="cancelled")
    if not isinstance(workshop, Workshop) or workshop.event_id != event.pk:
        raise ValidationError(
            {"workshop": _("Choisissez l'un des ateliers de cette rencontre.")}, code="invalid"
        )
    if workshop.pk == registration.workshop_id:
        return registration
    holds_a_place = registration.status in RegistrationStatus.holding_a_place()
    if holds_a_place and places_left(event).for_workshop(workshop) == 0:
        raise CapacityError(_(FULL_MESSAGES[Capacity.WORKSHOP]), full=[Capacity.WORKSHOP])
    registration.workshop = workshop
    registration.save()
    notifications.participant(registration, notifications.WORKSHOP_CHANGED)
    return registration


@transaction.atomic
def registration_cancel(*, registration, by_staff=False, now=None):
    """Cancel the registration, which frees its place."""
    now = now or timezone.now()
    registration = lock_registration(registration)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("Cette inscription est déjà annulée."), code="cancelled")
    if not by_staff and not registration.event.registration_is_open(now):
        raise RegistrationClosed(
            _("Les inscriptions sont closes : pour annuler, contactez l'AFPOLS."), code="closed"
        )
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save()
    notifications.participant(registration, notifications.CANCELLED)
    if not by_staff:
        notifications.staff(registration, notifications.CANCELLED)
    return registration


@transaction.atomic
def send_private_link(*, event, email):
    """E-mail the private link to ``email`` if it registered for ``event``; silent otherwise.

    The caller shows the same message either way, so nobody learns who registered.
    """
    registration = (
        Registration.objects.filter(event=event, email__iexact=(email or "").strip())
        .order_by("pk")
        .first()
    )
    if registration is not None:
        notifications.participant(registration, notifications.PRIVATE_LINK)
