"""An event's content version: one integer on the event row, bumped by every write of what
its public pages and exports show (the event, its items and their parts, speakers and
appearances, workshops, tariffs).

Reading it costs nothing: the pages read the event row anyway. Pages, the agenda PDF, the
iCalendar and JSON files are cached under it and their ETags derive from it, so a new
version is all it takes for the next request to show an edit.

Who bumps it, in the transaction of the write:
- the admin (:class:`ContentVersionAdminMixin` on every programme ``ModelAdmin``: saves,
  inlines, deletions, the "delete selected" action);
- the loader (``programme.loading.load_event_data``), when it changed anything;
- any other code that writes programme content, by calling :func:`bump_content_version`.

A speaker is shared between events: editing one bumps every event it appears in.
"""

from django.db import transaction
from django.db.models import F

from .models import Appearance, Event, Speaker


def events_showing(obj):
    """The ids of the events whose pages show ``obj`` (any programme model instance)."""
    if obj is None:
        return set()
    if isinstance(obj, Event):
        return {obj.pk}
    if isinstance(obj, Speaker):
        return events_of_speakers([obj])
    if getattr(obj, "event_id", None) is not None:
        return {obj.event_id}
    # Parts and appearances hang from an item or a workshop.
    events = set()
    for parent in ("item", "workshop"):
        if getattr(obj, f"{parent}_id", None) is not None:
            events |= events_showing(getattr(obj, parent))
    return events


def events_of_speakers(speakers):
    """The ids of the events where any of ``speakers`` appears, in one query."""
    rows = Appearance.objects.filter(speaker__in=speakers).values_list(
        "item__event_id", "workshop__event_id"
    )
    return {event_id for row in rows for event_id in row if event_id is not None}


def bump_content_version(*, events):
    """Give each of ``events`` (instances or ids) a new content version, in one UPDATE."""
    ids = {getattr(event, "pk", event) for event in events}
    ids.discard(None)
    if ids:
        Event.objects.filter(pk__in=ids).update(content_version=F("content_version") + 1)


class ContentVersionAdminMixin:
    """Bumps the content version of the events an admin write touches, in its transaction.

    An edit may move an object to another event (an item's event): both are bumped.
    """

    def save_model(self, request, obj, form, change):
        if change:
            # Where the object showed before this edit.
            bump_content_version(events=events_showing(type(obj).objects.get(pk=obj.pk)))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the inlines (parts, speakers, tariffs, workshops) are saved or deleted.
        bump_content_version(events=events_showing(form.instance))

    def delete_model(self, request, obj):
        events = events_showing(obj)
        super().delete_model(request, obj)
        bump_content_version(events=events)

    def delete_queryset(self, request, queryset):
        # The "delete selected" action runs outside the admin's own transactions.
        with transaction.atomic():
            events = set().union(*(events_showing(obj) for obj in queryset))
            super().delete_queryset(request, queryset)
            bump_content_version(events=events)
