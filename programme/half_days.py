"""Half-days of an event: the unit of attendance, of sign-in sheets and of training hours.

A half-day is a morning or an afternoon of one day of the event that holds training time
(pauses, meals and dinners are not training). Its duration is the time covered by its
training items (overlaps counted once; an item without an end time counts for nothing,
like "Clôture de la journée"). The event's training duration is the sum of its half-days:
the one figure the convention, the convocation and the certificates print.
"""

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from django.utils import timezone

from afpols_events.formatting import format_date

from .enums import HalfDayPeriod, ItemKind
from .models import ProgrammeItem

# Lunch is always over by 13h: a session starting later belongs to the afternoon.
NOON = dt.time(13, 0)


@dataclass(frozen=True)
class HalfDay:
    day: dt.date
    period: str
    sessions: tuple = field(default=(), compare=False)

    @property
    def period_label(self):
        return HalfDayPeriod(self.period).label

    @property
    def label(self):
        return f"{format_date(self.day)}, {self.period_label}"

    @property
    def key(self):
        """``2012-11-14-matin``: the half-day in a URL."""
        return f"{self.day.isoformat()}-{self.period}"

    @property
    def duration(self):
        """Training time of this half-day (a ``timedelta``)."""
        return covered_time(self.sessions)

    @property
    def workshop_slots(self):
        """Its items during which workshops run in parallel."""
        return [item for item in self.sessions if item.kind == ItemKind.WORKSHOPS]


def period_of(moment):
    if timezone.localtime(moment).time() < NOON:
        return HalfDayPeriod.MORNING
    return HalfDayPeriod.AFTERNOON


def covered_time(items):
    """Total time covered by ``items`` with an end time; overlapping items count once."""
    spans = sorted((item.starts_at, item.ends_at) for item in items if item.ends_at)
    total = dt.timedelta()
    current_start = current_end = None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return total


def event_half_days(event, items=None):
    """Half-days of ``event`` that hold training time, in order, with their sessions.

    ``items`` may be given (the event's items, prefetched); an event without a programme
    yet gets every morning and afternoon of its dates, with no session.
    """
    if items is None:
        items = ProgrammeItem.objects.filter(event=event).order_by("starts_at", "position", "pk")
    training = sorted(
        (item for item in items if item.kind not in ItemKind.pauses()),
        key=lambda item: (item.starts_at, item.position, item.pk),
    )
    half_days = [
        HalfDay(day=day, period=period, sessions=tuple(sessions))
        for (day, period), sessions in groupby(
            training,
            key=lambda item: (timezone.localdate(item.starts_at), period_of(item.starts_at)),
        )
    ]
    if half_days:
        return half_days
    days = (event.end_date - event.start_date).days + 1
    return [
        HalfDay(day=event.start_date + dt.timedelta(days=offset), period=period)
        for offset in range(days)
        for period in HalfDayPeriod.values
    ]


def find_half_day(half_days, day, period):
    """The half-day of ``half_days`` on ``day`` at ``period``, or ``None``."""
    for half_day in half_days:
        if half_day.day == day and half_day.period == period:
            return half_day
    return None


def parse_half_day_key(key):
    """``(date, period)`` from ``2012-11-14-matin``; ``None`` if it is not one."""
    key = key or ""
    day_text, period = key[:10], key[11:]
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        return None
    if key[10:11] != "-" or period not in HalfDayPeriod.values:
        return None
    return day, period


def current_half_day(half_days, now=None):
    """The half-day going on at ``now`` (default: now), or ``None``."""
    now = now or timezone.now()
    return find_half_day(half_days, timezone.localdate(now), period_of(now))


def training_duration(event, items=None):
    """The event's training duration, from its programme (a ``timedelta``)."""
    return sum((half_day.duration for half_day in event_half_days(event, items)), dt.timedelta())


def format_duration(duration):
    """``17 h 45``, ``3 h`` (French, to the minute) from a ``timedelta``."""
    minutes = round(duration.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"


__all__ = [
    "HalfDay",
    "covered_time",
    "current_half_day",
    "event_half_days",
    "find_half_day",
    "format_duration",
    "parse_half_day_key",
    "period_of",
    "training_duration",
]
