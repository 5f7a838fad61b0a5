"""A fingerprint of everything an event's programme documents show.

The printed agenda is cached per version: any edit of the event, its items, parts,
appearances, speakers, workshops or tariffs must give a new version, deletions too.
Each table contributes its row count (deletions lower it) and its latest ``updated_at``
(``auto_now`` fields: every ``save()``, in the admin or elsewhere, moves it forward).
Bulk ``QuerySet.update()`` calls bypass ``auto_now``; code doing them on programme data
must set ``updated_at`` itself.
"""

import hashlib

from django.db.models import Count, Max, Q

from ..models import Appearance, Event, ItemPart, ProgrammeItem, Tariff, Workshop


def _stamp(queryset, *extra_max):
    fields = {"rows": Count("pk"), "last": Max("updated_at")}
    fields.update({f"max_{n}": Max(name) for n, name in enumerate(extra_max)})
    values = queryset.aggregate(**fields)
    return "|".join(
        value.isoformat() if hasattr(value, "isoformat") else str(value)
        for _, value in sorted(values.items())
    )


def event_content_version(event):
    """A short hex string that changes whenever the programme content of ``event`` does.

    Six small aggregate queries; the event row is read again so a stale instance in the
    caller does not hide an edit.
    """
    parts = [
        _stamp(Event.objects.filter(pk=event.pk)),
        _stamp(ProgrammeItem.objects.filter(event=event)),
        _stamp(ItemPart.objects.filter(item__event=event)),
        # A speaker's edit shows through the appearances that link it to this event.
        _stamp(
            Appearance.objects.filter(Q(item__event=event) | Q(workshop__event=event)),
            "speaker__updated_at",
        ),
        _stamp(Workshop.objects.filter(event=event)),
        _stamp(Tariff.objects.filter(event=event)),
    ]
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:24]
