"""The programme as JSON for other tools; shape documented in docs/programme-json.md."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from afpols_events import formatting

from .. import selectors
from ..models import Tariff
from .base import Exporter, absolute_url, agenda_url

JSON_FORMAT = "afpols-programme/1"


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


def _appearances(appearances):
    return [
        {
            "speaker": appearance.speaker.slug,
            "name": appearance.speaker.name,
            "role": appearance.speaker.role,
            "organisation": appearance.speaker.organisation,
            "is_collective": appearance.speaker.is_collective,
            "lead_in": appearance.lead_in,
            "group": appearance.group,
        }
        for appearance in appearances
    ]


def _workshop(workshop, event):
    return {
        "number": workshop.number,
        "anchor": workshop.anchor,
        "url": agenda_url(event, workshop.anchor),
        "slot": workshop.slot.anchor,
        "title": workshop.title,
        "description": workshop.description_paragraphs,
        "bullets": workshop.bullet_list,
        "capacity": workshop.capacity,
        "speakers": _appearances(workshop.appearances.all()),
    }


def _item(item, event):
    return {
        "anchor": item.anchor,
        "url": agenda_url(event, item.anchor),
        "starts_at": _iso(item.starts_at),
        "ends_at": _iso(item.ends_at),
        "kind": item.kind,
        "kind_label": str(item.get_kind_display()),
        "title": item.title,
        "description": item.description_paragraphs,
        "bullets": item.bullet_list,
        "parts": [
            {
                "heading": part.heading,
                "description": part.description_paragraphs,
                "bullets": part.bullet_list,
            }
            for part in item.parts.all()
        ],
        "speakers": _appearances(item.appearances.all()),
        "workshops": [workshop.number for workshop in item.workshops.all()],
    }


def _speakers(days):
    """Every speaker once, in order of first appearance."""
    speakers = {}
    for day in days:
        for item in day.items:
            appearances = list(item.appearances.all())
            for workshop in item.workshops.all():
                appearances += workshop.appearances.all()
            for appearance in appearances:
                speaker = appearance.speaker
                speakers.setdefault(
                    speaker.slug,
                    {
                        "slug": speaker.slug,
                        "name": speaker.name,
                        "role": speaker.role,
                        "organisation": speaker.organisation,
                        "is_collective": speaker.is_collective,
                    },
                )
    return list(speakers.values())


def programme_data(event):
    """The whole programme of ``event`` as plain JSON-ready data (a few queries).

    Longer than most functions because it is the literal shape of the document
    (``docs/programme-json.md``), top to bottom.
    """
    days = selectors.agenda_days(event)
    workshops = [
        workshop for day in days for item in day.items for workshop in item.workshops.all()
    ]
    tariffs = Tariff.objects.filter(event=event).order_by("position", "pk")
    return {
        "format": JSON_FORMAT,
        "event": {
            "slug": event.slug,
            "url": absolute_url(event.get_absolute_url()),
            "series": event.series,
            "title": event.title,
            "subtitle": event.subtitle,
            "theme": event.theme,
            "start_date": event.start_date.isoformat(),
            "end_date": event.end_date.isoformat(),
            "dates_label": formatting.format_date_range(event.start_date, event.end_date),
            "venue": {
                "name": event.venue_name,
                "address": event.venue_address,
                "phone": event.venue_phone,
            },
            "contact": {
                "name": event.contact_name,
                "phone": event.contact_phone,
                "fax": event.contact_fax,
                "email": event.contact_email,
            },
            "postal_address": event.postal_address,
            "stakes": event.stakes_paragraphs,
            "objectives": event.objective_list,
            "registration_opens_at": _iso(event.registration_opens_at),
            "registration_closes_at": _iso(event.registration_closes_at),
        },
        "days": [
            {
                "date": day.day.isoformat(),
                "label": formatting.format_date(day.day),
                "items": [_item(item, event) for item in day.items],
            }
            for day in days
        ],
        "workshops": [_workshop(workshop, event) for workshop in workshops],
        "speakers": _speakers(days),
        "tariffs": [
            {
                "label": tariff.label,
                # A string, so no tool reads the amount through a binary float.
                "amount": str(tariff.amount),
                "currency": "EUR",
                "included": tariff.included_list,
                "capacity": tariff.capacity,
            }
            for tariff in tariffs
        ],
    }


class AgendaJSONExporter(Exporter):
    identifier = "agenda-json"
    extension = "json"
    content_type = "application/json; charset=utf-8"
    as_attachment = False

    def render(self):
        data = programme_data(self.event)
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
