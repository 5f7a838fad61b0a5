"""Registration rules: every write to a registration goes through one of these functions.

Each runs in one transaction, takes keyword-only arguments, returns the registration and
raises ``ValidationError`` (or one of the subclasses below) with a French message when
the rule refuses. Capacities are counted under a lock on the event's row, so concurrent
submissions on PostgreSQL are served one after the other and never exceed a capacity.
E-mails are enqueued only once the transaction has committed.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from programme.models import Event, Workshop

from . import notifications
from .capacity import places_left
from .enums import (
    Capacity,
    MembershipOutcome,
    MembershipState,
    PaymentState,
    RegistrationStatus,
)
from .membership import check_membership, check_registration_membership
from .models import MemberOrganisation, Registration, Tariff


class RegistrationClosed(ValidationError):
    """Registration is not open for this event (not yet, or no longer)."""


class AlreadyRegistered(ValidationError):
    """This e-mail address already has a registration for this event."""


class MembershipNotVerified(ValidationError):
    """The organisation is not a paid-up member and "adhésion en cours" was not chosen."""

    def __init__(self, message, *, check, code="membership_not_verified"):
        super().__init__(message, code=code)
        self.check = check


class CapacityError(ValidationError):
    """A capacity is reached. ``full`` lists which: ``Capacity`` values."""

    def __init__(self, message, *, full, code="capacity_full"):
        super().__init__(message, code=code)
        self.full = list(full)

    @property
    def capacity(self):
        """The first capacity that is full (event, then tariff, then workshop)."""
        return self.full[0]


_FULL_MESSAGES = {
    Capacity.EVENT: gettext_noop("Il n'y a plus de place pour cette rencontre."),
    Capacity.TARIFF: gettext_noop(
        "Il n'y a plus de place à ce tarif (les chambres réservées sont toutes attribuées)."
    ),
    Capacity.WORKSHOP: gettext_noop("Il n'y a plus de place dans cet atelier."),
}


def _full_message(full):
    return " ".join(_(_FULL_MESSAGES[capacity]) for capacity in full)


def _lock_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _lock_registration(registration):
    """Lock the event row first (same order as registration_create), then the registration."""
    _lock_event(registration.event)
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event", "tariff", "workshop")
        .get(pk=registration.pk)
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
    event = _lock_event(event)
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
        raise MembershipNotVerified(_membership_message(check), check=check)

    full = places_left(event).full(tariff=tariff, workshop=workshop)
    if full and not join_waiting_list:
        raise CapacityError(_full_message(full), full=full)
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


def _membership_message(check):
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


def membership_message(check):
    """The French explanation shown when ``check`` is not paid up."""
    return _membership_message(check)


@transaction.atomic
def registration_change_workshop(*, registration, workshop, by_staff=False, now=None):
    """Move the participant to ``workshop`` if it has a place left."""
    registration = _lock_registration(registration)
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
        raise CapacityError(_(_FULL_MESSAGES[Capacity.WORKSHOP]), full=[Capacity.WORKSHOP])
    registration.workshop = workshop
    registration.save()
    notifications.participant(registration, notifications.WORKSHOP_CHANGED)
    return registration


@transaction.atomic
def registration_cancel(*, registration, by_staff=False, now=None):
    """Cancel the registration, which frees its place."""
    now = now or timezone.now()
    registration = _lock_registration(registration)
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
def registration_confirm(*, registration):
    """Confirm a registration awaiting the membership check, once membership is recorded."""
    registration = _lock_registration(registration)
    if registration.status == RegistrationStatus.CONFIRMED:
        raise ValidationError(_("Cette inscription est déjà confirmée."), code="confirmed")
    if registration.status != RegistrationStatus.AWAITING_MEMBERSHIP:
        raise ValidationError(
            _(
                "Seule une inscription en attente de vérification de l'adhésion peut être "
                "confirmée (statut actuel : %(status)s)."
            )
            % {"status": registration.get_status_display()},
            code="invalid_status",
        )
    if registration.membership_state != MembershipState.VERIFIED:
        raise ValidationError(
            _(
                "Impossible de confirmer : l'adhésion de l'organisme à l'AFPOLS n'a pas été "
                "enregistrée."
            ),
            code="membership_not_verified",
        )
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = timezone.now()
    registration.save()
    notifications.participant(registration, notifications.CONFIRMED)
    return registration


@transaction.atomic
def registration_record_membership(*, registration, member=None):
    """Record that the organisation's membership is paid up; confirms a pending registration."""
    registration = _lock_registration(registration)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("Cette inscription est annulée."), code="cancelled")
    if registration.membership_state == MembershipState.VERIFIED:
        raise ValidationError(_("L'adhésion est déjà vérifiée."), code="already_verified")
    if member is not None and not isinstance(member, MemberOrganisation):
        raise ValidationError(_("Organisme adhérent inconnu."), code="invalid")
    registration.membership_state = MembershipState.VERIFIED
    registration.member = member or registration.member
    if registration.status == RegistrationStatus.AWAITING_MEMBERSHIP:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    registration.save()
    notifications.participant(registration, notifications.MEMBERSHIP_RECORDED)
    return registration


def registrations_verify_pending_memberships(*, event=None):
    """Record the membership of pending registrations whose organisation is now paid up.

    Run after a member import; returns how many registrations were verified.
    """
    pending = (
        Registration.objects.filter(membership_state=MembershipState.PENDING)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event", "member")
        .order_by("pk")
    )
    if event is not None:
        pending = pending.filter(event=event)
    verified = 0
    for registration in pending:
        on_date = registration.event.start_date
        if registration.member and registration.member.covers(on_date):
            member = registration.member
        else:
            check = check_registration_membership(
                organisation_name=registration.organisation_name,
                member_number=registration.member_number,
                on_date=on_date,
            )
            member = check.member if check.is_paid_up else None
        if member is None:
            continue
        try:
            registration_record_membership(registration=registration, member=member)
        except ValidationError:
            continue  # Changed meanwhile (cancelled, verified by staff): nothing to do.
        verified += 1
    return verified


@transaction.atomic
def registration_promote(*, registration):
    """Give a place to a registration on the waiting list, if every capacity allows it."""
    registration = _lock_registration(registration)
    if registration.status != RegistrationStatus.WAITING_LIST:
        raise ValidationError(
            _(
                "Seule une inscription en liste d'attente peut être promue (statut actuel : "
                "%(status)s)."
            )
            % {"status": registration.get_status_display()},
            code="invalid_status",
        )
    full = places_left(registration.event).full(
        tariff=registration.tariff, workshop=registration.workshop
    )
    if full:
        raise CapacityError(
            _("Impossible de promouvoir cette inscription : %(reason)s")
            % {"reason": _full_message(full)},
            full=full,
        )
    if registration.membership_state == MembershipState.VERIFIED:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    else:
        registration.status = RegistrationStatus.AWAITING_MEMBERSHIP
    registration.save()
    notifications.participant(registration, notifications.PROMOTED)
    return registration


@transaction.atomic
def registration_mark_invoiced(*, registration):
    registration = _lock_registration(registration)
    if registration.status not in RegistrationStatus.holding_a_place():
        raise ValidationError(
            _(
                "Seule une inscription qui occupe une place peut être facturée (statut actuel : "
                "%(status)s)."
            )
            % {"status": registration.get_status_display()},
            code="invalid_status",
        )
    if registration.payment_state != PaymentState.NOT_INVOICED:
        raise ValidationError(
            _("Cette inscription est déjà %(state)s.")
            % {"state": registration.get_payment_state_display().lower()},
            code="already_invoiced",
        )
    registration.payment_state = PaymentState.INVOICED
    registration.invoiced_at = timezone.now()
    registration.save()
    return registration


@transaction.atomic
def registration_mark_paid(*, registration):
    registration = _lock_registration(registration)
    if registration.payment_state == PaymentState.PAID:
        raise ValidationError(_("Cette inscription est déjà payée."), code="already_paid")
    if registration.status == RegistrationStatus.WAITING_LIST:
        raise ValidationError(
            _("Une inscription en liste d'attente ne peut pas être marquée payée."),
            code="invalid_status",
        )
    registration.payment_state = PaymentState.PAID
    registration.paid_at = timezone.now()
    registration.save()
    return registration


@transaction.atomic
def registration_resend_confirmation(*, registration):
    """Send the participant their confirmation (summary, private link, PDF) again."""
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("Cette inscription est annulée : aucune confirmation à renvoyer."),
            code="cancelled",
        )
    notifications.participant(registration, notifications.RESENT)
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


# Re-exported for the back office: one place to match a name against the member list.
__all__ = [
    "AlreadyRegistered",
    "CapacityError",
    "MembershipNotVerified",
    "RegistrationClosed",
    "check_membership",
    "membership_message",
    "registration_cancel",
    "registration_change_workshop",
    "registration_confirm",
    "registration_create",
    "registration_mark_invoiced",
    "registration_mark_paid",
    "registration_promote",
    "registration_record_membership",
    "registration_resend_confirmation",
    "registrations_verify_pending_memberships",
    "send_private_link",
]
