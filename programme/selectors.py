"""Read-side queries of the programme: each returns everything a page needs at once."""

from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone

from .models import Appearance, Event, ProgrammeItem, Workshop

_appearances = Prefetch(
    "appearances",
    queryset=Appearance.objects.select_related("speaker").order_by("position", "pk"),
)


@dataclass
class AgendaDay:
    day: date
    items: list = field(default_factory=list)


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


def current_events():
    """Published events, the coming ones first, then the past ones most recent first."""
    return list(Event.objects.published().order_by("-start_date"))
