"""Write an event as the YAML document that :mod:`programme.loading` reads.

``dump_event(event)`` is the inverse of ``load_event_data``: loading its output into an
empty database and dumping again gives the same text (tests/programme/test_dump_event.py).
Optional values left empty are left out, as the loader takes them as empty; times are
local (Europe/Paris). Speakers are those the event's programme names, in the order they
first appear.
"""

import yaml
from django.utils import timezone

from afpols_events.text import split_lines

from . import inclusions, selectors
from .loading import DEFAULT_OFFER_HOURS

HEADER = (
    "# Written by: python manage.py dump_event {slug}\n"
    "# Load it with: python manage.py load_event FILE\n"
    "# (format described in programme/data/rencontres-2012.yaml)\n"
)


def _compact(mapping):
    """``mapping`` without its empty optional values (the loader defaults them)."""
    return {
        key: value
        for key, value in mapping.items()
        if not (value is None or value is False or value == "" or value == [])
    }


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else None


def _time(value):
    return timezone.localtime(value).strftime("%H:%M")


def _event(event):
    registration = {
        "opens_at": _local(event.registration_opens_at),
        "closes_at": _local(event.registration_closes_at),
        "seat_capacity": event.seat_capacity,
    }
    if event.offer_hours != DEFAULT_OFFER_HOURS:
        registration["offer_hours"] = event.offer_hours
    fields = {
        "slug": event.slug,
        "reference_prefix": event.reference_prefix,
        "series": event.series,
        "title": event.title,
        "subtitle": event.subtitle,
        "theme": event.theme,
        "start_date": event.start_date,
        "end_date": event.end_date,
        "venue": _compact(
            {
                "name": event.venue_name,
                "address": split_lines(event.venue_address),
                "phone": event.venue_phone,
            }
        ),
        "contact": _compact(
            {
                "name": event.contact_name,
                "phone": event.contact_phone,
                "fax": event.contact_fax,
                "email": event.contact_email,
            }
        ),
        "postal_address": split_lines(event.postal_address),
        "stakes": split_lines(event.stakes),
        "objectives": split_lines(event.objectives),
        "registration": _compact(registration),
    }
    fields = _compact(fields)
    fields["is_published"] = event.is_published
    return fields


def _tariff(tariff):
    return _compact(
        {
            "label": tariff.label,
            "amount": f"{tariff.amount:.2f}",
            "included": split_lines(tariff.included),
            "nights": inclusions.dates(tariff.nights),
            "dinners": inclusions.dates(tariff.dinners),
            "lunches": tariff.lunches,
            "capacity": tariff.capacity,
        }
    )


def _texts(block):
    return {
        "description": split_lines(block.description),
        "bullets": split_lines(block.bullets),
    }


def _appearances(appearances, speakers):
    entries = []
    for appearance in appearances:
        speakers.setdefault(appearance.speaker.slug, appearance.speaker)
        entries.append(
            _compact(
                {
                    "speaker": appearance.speaker.slug,
                    "lead_in": appearance.lead_in,
                    "group": appearance.group,
                }
            )
        )
    return entries


def _item(item, speakers):
    entry = {
        "anchor": item.anchor,
        "start": _time(item.starts_at),
        "end": _time(item.ends_at) if item.ends_at else None,
        "kind": item.kind,
        "title": item.title,
        **_texts(item),
        "parts": [_compact({"heading": part.heading, **_texts(part)}) for part in item.parts.all()],
        "speakers": _appearances(item.appearances.all(), speakers),
        "workshops": [
            _compact(
                {
                    "number": workshop.number,
                    "title": workshop.title,
                    "capacity": workshop.capacity,
                    **_texts(workshop),
                    "speakers": _appearances(workshop.appearances.all(), speakers),
                }
            )
            for workshop in item.workshops.all()
        ],
    }
    return _compact(entry)


def _speaker(speaker):
    return _compact(
        {
            "slug": speaker.slug,
            "name": speaker.name,
            "role": speaker.role,
            "organisation": speaker.organisation,
            "collective": speaker.is_collective,
        }
    )


def event_document(event):
    """The event as the Python structure of the YAML file."""
    speakers = {}
    days = [
        {"date": day.day, "items": [_item(item, speakers) for item in day.items]}
        for day in selectors.agenda_days(event)
    ]
    return {
        "event": _event(event),
        "tariffs": [_tariff(tariff) for tariff in event.tariffs.order_by("position", "pk")],
        "speakers": [_speaker(speaker) for speaker in speakers.values()],
        "days": days,
    }


def dump_event(event):
    """The YAML text of ``event``, ready for ``load_event``."""
    body = yaml.safe_dump(
        event_document(event),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
    )
    return HEADER.format(slug=event.slug) + "\n" + body
