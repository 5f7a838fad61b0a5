"""Recording a membership puts the organisation on the member list for the period staff
enter, so the next registrant from that organisation is recognised at once."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import MemberOrganisation
from .membership import check_registration_membership


def _member_number_for(registration):
    typed = (registration.member_number or "").strip()
    if typed and not MemberOrganisation.objects.filter(member_number__iexact=typed).exists():
        return typed
    return f"A-{registration.reference}"


def check_subscription_period(*, start, end, event):
    """The French refusal of a subscription period that does not fit, or ``None``."""
    if start is None or end is None:
        return _("Indiquez le début et la fin de la période d'adhésion.")
    if end < start:
        return _("La fin de l'adhésion (%(end)s) précède son début (%(start)s).") % {
            "end": end.strftime("%d/%m/%Y"),
            "start": start.strftime("%d/%m/%Y"),
        }
    if not start <= event.start_date <= end:
        return _(
            "La période d'adhésion saisie (du %(start)s au %(end)s) ne couvre pas la date de "
            "la rencontre (%(day)s) : corrigez-la."
        ) % {
            "start": start.strftime("%d/%m/%Y"),
            "end": end.strftime("%d/%m/%Y"),
            "day": event.start_date.strftime("%d/%m/%Y"),
        }
    return None


def member_for_period(*, registration, start, end, member=None):
    """The member organisation of ``registration``, paid up from ``start`` to ``end``.

    ``member`` when staff picked one; else the member that the registration's organisation
    name or member number matches; else a new member named as on the bulletin. Its
    subscription period becomes the one entered. Call inside the caller's transaction.
    """
    error = check_subscription_period(start=start, end=end, event=registration.event)
    if error:
        raise ValidationError(error, code="invalid_period")
    if member is not None and not isinstance(member, MemberOrganisation):
        raise ValidationError(_("Organisme adhérent inconnu."), code="invalid")
    if member is None:
        member = check_registration_membership(
            organisation_name=registration.organisation_name,
            member_number=registration.member_number,
            on_date=registration.event.start_date,
        ).member
    if member is None:
        member = MemberOrganisation(
            name=registration.organisation_name, member_number=_member_number_for(registration)
        )
    member.subscription_start, member.subscription_end = start, end
    member.save()
    return member
