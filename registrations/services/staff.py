"""Rules applied by AFPOLS staff (through the admin) to existing registrations.

Invoicing and payments are in ``billing``: the payment state is derived from real
invoices and payments there.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..enums import MembershipState, RegistrationStatus
from ..models import MemberOrganisation, Registration
from . import waiting_list
from .capacity import full_capacities
from .errors import CapacityError, full_message
from .locking import lock_registration
from .member_list import member_for_period
from .membership import check_registration_membership


def _wrong_status(registration, message):
    """The refusal of an action that the registration's current status does not allow."""
    return ValidationError(
        message % {"status": registration.get_status_display()}, code="invalid_status"
    )


@transaction.atomic
def registration_confirm(*, registration):
    """Confirm a registration awaiting the membership check, once membership is recorded."""
    registration = lock_registration(registration)
    if registration.status == RegistrationStatus.CONFIRMED:
        raise ValidationError(_("Cette inscription est déjà confirmée."), code="confirmed")
    if registration.status != RegistrationStatus.AWAITING_MEMBERSHIP:
        raise _wrong_status(
            registration,
            _(
                "Seule une inscription en attente de vérification de l'adhésion peut être "
                "confirmée (statut actuel : %(status)s)."
            ),
        )
    if registration.membership_state != MembershipState.VERIFIED:
        raise ValidationError(
            _(
                "Impossible de confirmer : l'adhésion de l'organisme à l'AFPOLS n'a pas été "
                "enregistrée. Utilisez « Enregistrer l'adhésion » avec la période de "
                "cotisation : l'inscription sera alors confirmée."
            ),
            code="membership_not_verified",
        )
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = timezone.now()
    registration.save()
    notifications.notify(registration, notifications.MessageKind.CONFIRMED)
    return registration


@transaction.atomic
def registration_record_membership(
    *, registration, member=None, subscription_start=None, subscription_end=None
):
    """Record that the organisation's membership is paid up; confirms a pending registration.

    With a subscription period (what staff enter), the organisation joins the member list,
    or its existing member gets that period (``member_list.member_for_period``), so the
    next registrant from it is recognised.
    """
    registration = lock_registration(registration)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("Cette inscription est annulée."), code="cancelled")
    if registration.membership_state == MembershipState.VERIFIED:
        raise ValidationError(_("L'adhésion est déjà vérifiée."), code="already_verified")
    if member is not None and not isinstance(member, MemberOrganisation):
        raise ValidationError(_("Organisme adhérent inconnu."), code="invalid")
    if subscription_start is not None or subscription_end is not None:
        member = member_for_period(
            registration=registration,
            member=member,
            start=subscription_start,
            end=subscription_end,
        )
    registration.membership_state = MembershipState.VERIFIED
    registration.member = member or registration.member
    if registration.status == RegistrationStatus.AWAITING_MEMBERSHIP:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    registration.save()
    notifications.notify(registration, notifications.MessageKind.MEMBERSHIP_RECORDED)
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
    registration = lock_registration(registration)
    if registration.status != RegistrationStatus.WAITING_LIST:
        raise _wrong_status(
            registration,
            _(
                "Seule une inscription en liste d'attente peut être promue (statut actuel : "
                "%(status)s)."
            ),
        )
    # A place offered to this registration is the one it takes now.
    waiting_list.offers_withdraw(registration=registration)
    full = full_capacities(
        registration.event, tariff=registration.tariff, workshop=registration.workshop
    )
    if full:
        raise CapacityError(
            _("Impossible de promouvoir cette inscription : %(reason)s")
            % {"reason": full_message(full)},
            full=full,
        )
    if registration.membership_state == MembershipState.VERIFIED:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    else:
        registration.status = RegistrationStatus.AWAITING_MEMBERSHIP
    registration.save()
    notifications.notify(registration, notifications.MessageKind.PROMOTED)
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
    notifications.notify(registration, notifications.MessageKind.RESENT)
    return registration
