"""Reads about attendance: the check-in code of a registration, a half-day's roll, the
figures of the dashboard and the hours a participant actually attended."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Count
from django.urls import reverse

from afpols_events.text import fold
from programme.half_days import event_half_days

from ..enums import RegistrationStatus
from ..models import Attendance, Registration

CHECK_IN_SALT = "registrations.check-in"


def check_in_code(registration):
    """The registration's reference, signed: what the confirmation's QR code carries."""
    return signing.Signer(salt=CHECK_IN_SALT).sign(registration.reference)


def check_in_url(registration):
    """Absolute URL of the staff check-in page of ``registration`` (its QR code)."""
    path = reverse("staff:check_in_scan", kwargs={"code": check_in_code(registration)})
    return settings.SITE_URL + path


def registration_for_code(code):
    """The registration whose signed code is ``code``, or ``None`` (forged, unknown)."""
    try:
        reference = signing.Signer(salt=CHECK_IN_SALT).unsign(code or "")
    except signing.BadSignature:
        return None
    return (
        Registration.objects.select_related("event", "workshop__slot", "tariff")
        .filter(reference=reference)
        .first()
    )


@dataclass(frozen=True)
class RollLine:
    registration: Registration
    attendance: Attendance | None

    @property
    def present(self):
        return self.attendance is not None


def half_day_roll(event, half_day, *, query=""):
    """Participants holding a place, by name, with their presence on ``half_day``.

    ``query`` keeps those whose name, organisation or reference contains it (accents and
    case ignored).
    """
    registrations = list(
        Registration.objects.filter(event=event, status__in=RegistrationStatus.holding_a_place())
        .select_related("workshop")
        .order_by("last_name", "first_name", "pk")
    )
    present = {
        attendance.registration_id: attendance
        for attendance in Attendance.objects.filter(
            registration__event=event, day=half_day.day, period=half_day.period
        ).select_related("checked_in_by")
    }
    wanted = fold(query)
    lines = []
    for registration in registrations:
        haystack = fold(
            " ".join(
                (
                    registration.first_name,
                    registration.last_name,
                    registration.organisation_name,
                    registration.reference,
                )
            )
        )
        if wanted and wanted not in haystack:
            continue
        lines.append(RollLine(registration, present.get(registration.pk)))
    return lines


@dataclass(frozen=True)
class HalfDayAttendance:
    half_day: object
    present: int
    expected: int


def attendance_by_half_day(event, half_days=None):
    """For each half-day of ``event``: how many were present, out of those holding a place."""
    half_days = half_days if half_days is not None else event_half_days(event)
    expected = Registration.objects.filter(
        event=event, status__in=RegistrationStatus.holding_a_place()
    ).count()
    counts = {
        (row["day"], row["period"]): row["count"]
        for row in Attendance.objects.filter(registration__event=event)
        .values("day", "period")
        .annotate(count=Count("pk"))
        .order_by()
    }
    return [
        HalfDayAttendance(
            half_day=half_day,
            present=counts.get((half_day.day, half_day.period), 0),
            expected=expected,
        )
        for half_day in half_days
    ]


def attended_half_days(registration, half_days=None):
    """The half-days of its event on which ``registration`` was marked present."""
    half_days = half_days if half_days is not None else event_half_days(registration.event)
    marked = set(registration.attendances.values_list("day", "period"))
    return [half_day for half_day in half_days if (half_day.day, half_day.period) in marked]


def attended_duration(registration, half_days=None):
    """Training time actually attended: the sum of the half-days present (``timedelta``)."""
    return sum(
        (half_day.duration for half_day in attended_half_days(registration, half_days)),
        dt.timedelta(),
    )
