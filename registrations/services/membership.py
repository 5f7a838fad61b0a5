"""The membership check: is the participant's organisation a paid-up AFPOLS member?

Run once per submission by the registration service, whose refusal the bulletin shows,
and after a member import for the registrations awaiting the check.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.translation import gettext as _

from afpols_events.text import normalise_organisation_name

from ..enums import MembershipOutcome
from ..models import MemberOrganisation


@dataclass(frozen=True)
class MembershipCheck:
    outcome: str
    member: MemberOrganisation | None = None

    @property
    def is_paid_up(self):
        return self.outcome == MembershipOutcome.PAID_UP


def _candidates(query):
    """The members whose number is ``query``, else those whose name it is (one query)."""
    text = (query or "").strip()
    if not text:
        return []
    by_number = Q(member_number__iexact=text)
    key = normalise_organisation_name(text)
    members = list(
        MemberOrganisation.objects.filter(
            by_number | Q(normalized_name=key) if key else by_number
        ).annotate(matched_by_number=ExpressionWrapper(by_number, output_field=BooleanField()))
    )
    return [member for member in members if member.matched_by_number] or members


def check_membership(*, query, on_date):
    """Match ``query`` (a name or a member number) against the member list on ``on_date``.

    Paid up if a matching member's subscription covers ``on_date``; lapsed if members
    match but none covers it (the latest one is returned); unknown otherwise.
    """
    candidates = _candidates(query)
    if not candidates:
        return MembershipCheck(outcome=MembershipOutcome.UNKNOWN)
    paid_up = [member for member in candidates if member.covers(on_date)]
    if paid_up:
        return MembershipCheck(outcome=MembershipOutcome.PAID_UP, member=paid_up[0])
    latest = max(candidates, key=lambda member: member.subscription_end)
    return MembershipCheck(outcome=MembershipOutcome.LAPSED, member=latest)


_RANK = {MembershipOutcome.PAID_UP: 2, MembershipOutcome.LAPSED: 1, MembershipOutcome.UNKNOWN: 0}


def check_registration_membership(*, organisation_name, member_number="", on_date):
    """The best outcome of the member number (if given) and the organisation's name."""
    checks = [check_membership(query=organisation_name, on_date=on_date)]
    if (member_number or "").strip():
        checks.insert(0, check_membership(query=member_number, on_date=on_date))
    return max(checks, key=lambda check: _RANK[check.outcome])


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
