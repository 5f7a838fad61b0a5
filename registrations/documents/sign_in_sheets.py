"""Sign-in sheets ("feuilles d'émargement"): one per half-day of training time."""

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from afpols_events.documents import Document
from afpols_events.formatting import format_date, format_time
from programme.enums import ItemKind
from programme.models import ProgrammeItem

from ..models import Registration
from .staff import StaffDocumentError, participants, people_of, single_event

MORNING = "matin"
AFTERNOON = "apres-midi"
PERIODS = {MORNING: _("matin"), AFTERNOON: _("après-midi")}
# Lunch is always over by 13h: a session starting later belongs to the afternoon.
NOON = dt.time(13, 0)


@dataclass(frozen=True)
class HalfDay:
    day: dt.date
    period: str
    sessions: tuple = field(default=(), compare=False)

    @property
    def period_label(self):
        return PERIODS[self.period]

    @property
    def label(self):
        return f"{format_date(self.day)}, {self.period_label}"


def _period_of(moment):
    return MORNING if timezone.localtime(moment).time() < NOON else AFTERNOON


def event_half_days(event):
    """Half-days of ``event`` that hold training time, with their sessions (no pauses).

    An event without a programme yet gets every morning and afternoon of its dates.
    """
    items = (
        ProgrammeItem.objects.filter(event=event)
        .exclude(kind__in=ItemKind.pauses())
        .order_by("starts_at", "position", "pk")
    )
    half_days = [
        HalfDay(day=day, period=period, sessions=tuple(sessions))
        for (day, period), sessions in groupby(
            items, key=lambda item: (timezone.localdate(item.starts_at), _period_of(item.starts_at))
        )
    ]
    if half_days:
        return half_days
    days = (event.end_date - event.start_date).days + 1
    return [
        HalfDay(day=event.start_date + dt.timedelta(days=offset), period=period)
        for offset in range(days)
        for period in (MORNING, AFTERNOON)
    ]


def find_half_day(event, day, period):
    for half_day in event_half_days(event):
        if half_day.day == day and half_day.period == period:
            return half_day
    raise StaffDocumentError(_g("Cette demi-journée ne fait pas partie de l'événement."))


def _session(item):
    return {
        "start": format_time(item.starts_at),
        "end": format_time(item.ends_at) if item.ends_at else "",
        "title": item.title,
    }


def _sheets_context(event, half_days, people):
    return {
        "event_title": event.title,
        "event_series": event.series,
        "venue": event.venue_name,
        "sheets": [
            {
                "date": format_date(half_day.day),
                "period": str(half_day.period_label),
                "sessions": [_session(item) for item in half_day.sessions],
            }
            for half_day in half_days
        ],
        "people": people,
    }


class SignInSheetsDocument(Document):
    template_name = "registrations/staff/sign_in_sheets.html"
    filename = "feuilles-emargement.pdf"

    def __init__(self, event, half_days, people):
        self.event, self.half_days, self.people = event, half_days, people

    @property
    def cache_key(self):
        return f"sign-in-sheets:{self.event.pk}"

    def context(self):
        return _sheets_context(self.event, self.half_days, self.people)


def event_sign_in_sheet_pdf(event, half_day):
    """The sign-in sheet of one half-day, for every participant holding a place."""
    people = people_of(participants(Registration.objects.filter(event=event)))
    return SignInSheetsDocument(event, [half_day], people).pdf().content


def sign_in_sheets_pdf(registrations):
    """Every half-day's sheet for the selected registrations (e.g. one workshop's group)."""
    selected = participants(registrations)
    event = single_event(selected)
    return SignInSheetsDocument(event, event_half_days(event), people_of(selected)).pdf().content
