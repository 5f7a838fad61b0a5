"""Check-in: marking a participant present on a half-day, with its own refusals.

Like pretix's check-in service, one function decides and says why it refuses
(:class:`CheckInRefused` with a code: ``cancelled``, ``no_place``, ``no_half_day``,
``not_a_half_day``); scanning twice is not an error but answers that the person was
already there (``CheckIn.created`` is false). Presence is one row per registration and
half-day, unique in the database, so two phones scanning at once record it once.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.half_days import current_half_day, event_half_days, find_half_day

from ..enums import CheckInMethod, RegistrationStatus
from ..models import Attendance


class CheckInRefused(ValidationError):
    """The person cannot be marked present; ``code`` says why, the message in French."""


@dataclass(frozen=True)
class CheckIn:
    attendance: Attendance
    created: bool  # False: the person had already been marked present on this half-day.
    half_day: object


def _refuse_unless_holding_a_place(registration):
    if registration.status == RegistrationStatus.CANCELLED:
        raise CheckInRefused(
            _("Inscription annulée : %(name)s ne peut pas être pointé(e) présent(e).")
            % {"name": registration.full_name},
            code="cancelled",
        )
    if registration.status not in RegistrationStatus.holding_a_place():
        raise CheckInRefused(
            _(
                "%(name)s est sur liste d'attente : aucune place ne lui est attribuée. "
                "Attribuez-lui une place dans la gestion des inscriptions avant de la pointer."
            )
            % {"name": registration.full_name},
            code="no_place",
        )


def attendance_check_in(*, registration, by, half_day=None, now=None, method=CheckInMethod.SCAN):
    """Mark ``registration`` present on ``half_day`` (default: the half-day going on now).

    Returns a :class:`CheckIn`; raises :class:`CheckInRefused`.
    """
    now = now or timezone.now()
    _refuse_unless_holding_a_place(registration)
    half_days = event_half_days(registration.event)
    if half_day is None:
        half_day = current_half_day(half_days, now)
        if half_day is None:
            raise CheckInRefused(
                _(
                    "Aucune demi-journée de formation de « %(event)s » n'a lieu en ce moment : "
                    "pointez depuis la liste de présence de la demi-journée voulue."
                )
                % {"event": registration.event.title},
                code="no_half_day",
            )
    else:
        half_day = find_half_day(half_days, half_day.day, half_day.period)
        if half_day is None:
            raise CheckInRefused(
                _("Cette demi-journée ne fait pas partie de la rencontre."),
                code="not_a_half_day",
            )
    with transaction.atomic():
        attendance, created = Attendance.objects.get_or_create(
            registration=registration,
            day=half_day.day,
            period=half_day.period,
            defaults={"checked_in_at": now, "checked_in_by": by, "method": method},
        )
    return CheckIn(attendance=attendance, created=created, half_day=half_day)


def attendance_undo(*, registration, half_day, by):
    """Remove the presence of ``registration`` on ``half_day`` (a mistaken tick)."""
    with transaction.atomic():
        deleted, _rows = Attendance.objects.filter(
            registration=registration, day=half_day.day, period=half_day.period
        ).delete()
    return bool(deleted)
