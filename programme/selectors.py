"""Read-side queries of the programme: each returns everything a page needs at once.

Every function here runs a fixed number of SQL queries whatever the size of the
programme (tests/programme/test_agenda_queries.py holds them to it).
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from django.db import connection
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Appearance, Event, ProgrammeItem, Workshop

_appearances = Prefetch(
    "appearances",
    queryset=Appearance.objects.select_related("speaker").order_by("position", "pk"),
)


@dataclass
class AgendaDay:
    day: dt.date
    items: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"jour-{self.day.isoformat()}"


# What tells whether an event's cached pages and files are current (and the file names),
# and the seat capacity, which the bulletin's places left need.
STAMP_FIELDS = (
    "id",
    "slug",
    "content_version",
    "registration_opens_at",
    "registration_closes_at",
    "seat_capacity",
)


@lru_cache(maxsize=1)
def _stamp_attnames():
    # In the model's order: Model.from_db() takes the values of a partial row so.
    return tuple(f.attname for f in Event._meta.concrete_fields if f.name in STAMP_FIELDS)


@lru_cache(maxsize=4)
def _stamp_sql(vendor):
    quote = connection.ops.quote_name
    meta = Event._meta
    columns = ", ".join(quote(meta.get_field(name).column) for name in _stamp_attnames())
    return (
        f"SELECT {columns} FROM {quote(meta.db_table)} "
        f"WHERE {quote('slug')} = %s AND {quote('is_published')} = %s"
    )


def published_event_stamp(slug):
    """The published event ``slug`` with only :data:`STAMP_FIELDS` read, or ``None``.

    This runs for every visit of a cached page and of the bulletin: a raw query costs a
    quarter of what the ORM spends compiling the same SELECT (docs/performance.md). The
    other fields are deferred; :func:`complete_event` reads them when a page or a file is built.
    """
    with connection.cursor() as cursor:
        cursor.execute(_stamp_sql(connection.vendor), [slug, True])
        row = cursor.fetchone()
    if row is None:
        return None
    # A plain cursor, not Event.objects.raw(): its per-row machinery cost as much as the
    # query. SQLite hands datetimes back without their zone (stored in UTC).
    values = [_aware_utc(value) for value in row]
    return Event.from_db(connection.alias, _stamp_attnames(), values)


def _aware_utc(value):
    if isinstance(value, dt.datetime) and timezone.is_naive(value):
        return timezone.make_aware(value, dt.UTC)
    return value


def complete_event(event):
    """``event`` with every field read (one query if some were left out)."""
    deferred = event.get_deferred_fields()
    if deferred:
        event.refresh_from_db(fields=sorted(deferred))
    return event


def agenda_items(event):
    """All items of ``event`` in order, with parts, speakers and workshops prefetched."""
    workshops = Workshop.objects.prefetch_related(_appearances).order_by("number")
    return list(
        ProgrammeItem.objects.filter(event=event)
        .order_by("starts_at", "position", "pk")
        .prefetch_related("parts", _appearances, Prefetch("workshops", queryset=workshops))
    )


def agenda_days(event):
    """The programme of ``event`` grouped by local day: a list of :class:`AgendaDay`."""
    items = agenda_items(event)
    return [
        AgendaDay(day=day, items=list(day_items))
        for day, day_items in groupby(items, key=lambda item: timezone.localdate(item.starts_at))
    ]


@dataclass
class EventsByPeriod:
    """Published events: ``upcoming`` (and ongoing, soonest first), ``past`` (the archive,
    most recent first)."""

    upcoming: list
    past: list

    def __len__(self):
        return len(self.upcoming) + len(self.past)

    def __iter__(self):
        return iter([*self.upcoming, *self.past])


def events_by_period(today=None):
    today = today or timezone.localdate()
    events = list(Event.objects.published().order_by("-start_date", "pk"))
    return EventsByPeriod(
        upcoming=sorted((e for e in events if e.end_date >= today), key=lambda e: e.start_date),
        past=[e for e in events if e.end_date < today],
    )


def current_events():
    """Published events: the coming and ongoing ones first (soonest first), then the past
    ones (most recent first)."""
    return list(events_by_period())


@dataclass(frozen=True)
class SpeakerSlot:
    """Where a speaker speaks: an item of the agenda, or one workshop of a workshops slot."""

    anchor: str
    title: str
    starts_at: dt.datetime
    workshop_number: int | None = None


@dataclass
class SpeakerEntry:
    speaker: object
    slots: list = field(default_factory=list)

    @property
    def anchor(self):
        return self.speaker.slug


def _surname_key(name):
    """Sort key on the surname, written in capitals on the flyer ("Pierre CHENEL")."""
    words = name.split()
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    key = " ".join(capitals) if capitals else name
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return plain.casefold(), name.casefold()


def _slot_of(appearance):
    if appearance.workshop_id:
        workshop = appearance.workshop
        return SpeakerSlot(
            anchor=workshop.anchor,
            title=str(workshop),
            starts_at=workshop.slot.starts_at,
            workshop_number=workshop.number,
        )
    item = appearance.item
    return SpeakerSlot(anchor=item.anchor, title=item.title, starts_at=item.starts_at)


def event_speakers(event):
    """Speakers of ``event``'s items and workshops, each with the slots where they speak.

    Individual speakers come first, by surname, then collective ones ("Représentants du
    Québec"); slots are in programme order. One query.
    """
    appearances = (
        Appearance.objects.filter(Q(item__event=event) | Q(workshop__event=event))
        .select_related("speaker", "item", "workshop__slot")
        .order_by(
            Coalesce("item__starts_at", "workshop__slot__starts_at"),
            Coalesce("item__position", "workshop__number"),
            "pk",
        )
    )
    entries = {}
    for appearance in appearances:
        entry = entries.setdefault(appearance.speaker_id, SpeakerEntry(speaker=appearance.speaker))
        slot = _slot_of(appearance)
        if slot not in entry.slots:
            entry.slots.append(slot)
    return sorted(
        entries.values(),
        key=lambda e: (e.speaker.is_collective, *_surname_key(e.speaker.name)),
    )
