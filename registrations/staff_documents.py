"""Documents for the venue: sign-in sheets ("feuilles d'émargement") and name badges.

Each document is a template plus a context function; rendering and caching go through
``afpols_events.documents``. The cache version is a hash of the context data itself,
so any change of a name, an organisation or a session gives a new PDF.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from itertools import groupby

from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from afpols_events.documents import cached_pdf, render_pdf
from programme.enums import ItemKind
from programme.formatting import format_date, format_day_list, format_time
from programme.models import ProgrammeItem

from .enums import RegistrationStatus
from .models import Registration

MORNING = "matin"
AFTERNOON = "apres-midi"
PERIODS = {MORNING: _("matin"), AFTERNOON: _("après-midi")}
# Lunch is always over by 13h: a session starting later belongs to the afternoon.
NOON = dt.time(13, 0)
BADGES_PER_PAGE = 8


class StaffDocumentError(Exception):
    """The document cannot be made from this selection; the message is French."""


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


def participants(registrations):
    """Registrations holding a place (confirmed or awaiting membership), by name."""
    return list(
        registrations.filter(status__in=RegistrationStatus.holding_a_place())
        .select_related("event")
        .order_by("last_name", "first_name", "pk")
    )


def _single_event(registrations):
    events = {registration.event for registration in registrations}
    if len(events) > 1:
        raise StaffDocumentError(_g("Sélectionnez les inscriptions d'un seul événement à la fois."))
    if not events:
        raise StaffDocumentError(
            _g(
                "Aucune inscription confirmée ou en attente d'adhésion dans la sélection : "
                "rien à imprimer."
            )
        )
    return events.pop()


def _people(registrations):
    return [
        {
            "last_name": registration.last_name,
            "first_name": registration.first_name,
            "organisation": registration.organisation_name,
        }
        for registration in registrations
    ]


def _session(item):
    return {
        "start": format_time(item.starts_at),
        "end": format_time(item.ends_at) if item.ends_at else "",
        "title": item.title,
    }


def _render(cache_name, template_name, context):
    # The context is plain data: its hash is the version of the document.
    version = hashlib.sha256(
        json.dumps(context, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()
    return cached_pdf(cache_name, version, lambda: render_pdf(template_name, context)).content


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


def event_sign_in_sheet_pdf(event, half_day):
    """The sign-in sheet of one half-day, for every participant holding a place."""
    people = _people(participants(Registration.objects.filter(event=event)))
    context = _sheets_context(event, [half_day], people)
    return _render(f"sign-in-sheet:{event.pk}", "registrations/staff/sign_in_sheets.html", context)


def sign_in_sheets_pdf(registrations):
    """Every half-day's sheet for the selected registrations (e.g. one workshop's group)."""
    selected = participants(registrations)
    event = _single_event(selected)
    context = _sheets_context(event, event_half_days(event), _people(selected))
    return _render(f"sign-in-sheets:{event.pk}", "registrations/staff/sign_in_sheets.html", context)


def _badges_context(event, people):
    pages = [
        people[start : start + BADGES_PER_PAGE] for start in range(0, len(people), BADGES_PER_PAGE)
    ]
    return {
        "event_title": event.title,
        "event_series": event.series,
        "event_dates": format_day_list(event.start_date, event.end_date),
        "pages": [[page[row : row + 2] for row in range(0, len(page), 2)] for page in pages],
    }


def event_badges_pdf(event):
    people = _people(participants(Registration.objects.filter(event=event)))
    if not people:
        raise StaffDocumentError(_g("Aucun participant inscrit : pas de badge à imprimer."))
    return _render(
        f"badges:{event.pk}", "registrations/staff/badges.html", _badges_context(event, people)
    )


def badges_pdf(registrations):
    selected = participants(registrations)
    event = _single_event(selected)
    return _render(
        f"badges:{event.pk}",
        "registrations/staff/badges.html",
        _badges_context(event, _people(selected)),
    )
