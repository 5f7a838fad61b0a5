"""The programme as iCalendar: the whole event, or one participant's own days.

Choices:
- one VEVENT per programme item, the workshops slot included as ONE event whose
  description lists the parallel workshops (in the public calendar a person attends one
  of them, and three overlapping events would clutter it);
- in a participant's calendar that slot becomes their own workshop (title, speakers),
  the other two are left out (no workshop chosen yet: the slot stays as it is); a
  cancelled registration gives an empty calendar, so a subscribed calendar drops them;
- an item without an end lasts until the next item of the same day, else one hour;
- UIDs are stable per item (event slug + item anchor), so re-importing updates events.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from afpols_events.cleaning import clean_line

from .. import selectors
from .base import Exporter, agenda_url

DEFAULT_DURATION = timedelta(hours=1)
UID_DOMAIN = "rencontres.afpols"
PRODID = "-//AFPOLS//Rencontres formation//FR"


def _speaker_lines(appearances):
    lines = []
    group = ""
    for appearance in appearances:
        if appearance.group and appearance.group != group:
            group = appearance.group
            lines.append(f"{group} :")
        speaker = appearance.speaker
        text = ", ".join(part for part in (speaker.name, speaker.description) if part)
        if appearance.lead_in:
            text = f"{appearance.lead_in} {text}"
        lines.append(f"- {text}")
    return lines


def _text_lines(paragraphs, bullets):
    return [*paragraphs, *(f"• {bullet}" for bullet in bullets)]


def _item_description(item, workshops):
    lines = _text_lines(item.description_paragraphs, item.bullet_list)
    for part in item.parts.all():
        lines += ["", part.heading, *_text_lines(part.description_paragraphs, part.bullet_list)]
    for workshop in workshops:
        lines += ["", str(workshop), *_workshop_lines(workshop)]
    speakers = _speaker_lines(item.appearances.all())
    if speakers:
        lines += ["", "Intervenants :", *speakers]
    return "\n".join(lines).strip()


def _workshop_lines(workshop):
    lines = _text_lines(workshop.description_paragraphs, workshop.bullet_list)
    speakers = _speaker_lines(workshop.appearances.all())
    if speakers:
        lines += ["Animé par :", *speakers]
    return lines


def _location(event):
    address = ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    return ", ".join(part for part in (event.venue_name, address) if part)


def _ends_at(item, next_item):
    if item.ends_at:
        return item.ends_at
    if next_item and timezone.localdate(next_item.starts_at) == timezone.localdate(item.starts_at):
        return next_item.starts_at
    return item.starts_at + DEFAULT_DURATION


def _vevent(*, event, uid, starts_at, ends_at, summary, description, anchor, stamp, category):
    from icalendar import Event as CalendarEvent  # loaded only where a calendar is made

    vevent = CalendarEvent()
    vevent.add("uid", f"{event.slug}.{uid}@{UID_DOMAIN}")
    vevent.add("dtstamp", stamp)
    vevent.add("last-modified", stamp)
    vevent.add("dtstart", timezone.localtime(starts_at))
    vevent.add("dtend", timezone.localtime(ends_at))
    vevent.add("summary", summary)
    if description:
        vevent.add("description", description)
    vevent.add("location", _location(event))
    vevent.add("url", agenda_url(event, anchor))
    vevent.add("categories", [category])
    return vevent


def _calendar(event, name):
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # One line: a line break in a name or a title made the whole file unreadable.
    calendar.add("x-wr-calname", clean_line(name))
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    return calendar


def _night(event, day, tariff):
    """An all-day entry for a night that ``tariff`` includes (the night after ``day``)."""
    from icalendar import Event as CalendarEvent  # loaded only where a calendar is made

    vevent = CalendarEvent()
    vevent.add("uid", f"{event.slug}.nuit-{day.isoformat()}@{UID_DOMAIN}")
    vevent.add("dtstamp", tariff.updated_at)
    vevent.add("dtstart", day)
    vevent.add("dtend", day + timedelta(days=1))
    vevent.add("summary", _("Nuit à l'hôtel : %(venue)s") % {"venue": event.venue_name})
    vevent.add("location", _location(event))
    vevent.add("transp", "TRANSPARENT")
    return vevent


def _events(event, *, chosen_workshop=None, tariff=None):
    """VEVENTs of the items; the slot holding ``chosen_workshop`` becomes that workshop.

    With ``tariff``, only the meals and dinners it includes are kept, and its nights added.
    """
    if tariff is not None:
        for day in tariff.night_dates:
            yield _night(event, day, tariff)
    items = list(selectors.agenda_items(event))
    # Each item with the one after it (None after the last); no item, no event.
    for item, next_item in zip(items, [*items[1:], None][: len(items)], strict=True):
        if tariff is not None and not tariff.includes_item(item):
            continue
        common = {
            "event": event,
            "starts_at": item.starts_at,
            "ends_at": _ends_at(item, next_item),
            "category": str(item.get_kind_display()),
        }
        workshops = list(item.workshops.all())
        chosen = next((w for w in workshops if w.pk == getattr(chosen_workshop, "pk", None)), None)
        if chosen:
            yield _vevent(
                uid=chosen.anchor,
                summary=str(chosen),
                description="\n".join(_workshop_lines(chosen)),
                anchor=chosen.anchor,
                stamp=max(item.updated_at, chosen.updated_at),
                **common,
            )
        else:
            yield _vevent(
                uid=item.anchor,
                summary=item.title,
                description=_item_description(item, workshops),
                anchor=item.anchor,
                stamp=item.updated_at,
                **common,
            )


def event_calendar(event, *, name=None, chosen_workshop=None, tariff=None, with_items=True):
    """The programme of ``event`` as an :class:`icalendar.Calendar`.

    With ``chosen_workshop``, its slot shows only that workshop, and with ``tariff`` only
    the meals and nights that tariff includes (a participant's own calendar); without
    ``with_items``, the calendar is empty (a cancelled registration).
    """
    calendar = _calendar(event, name or f"{event.series} — {event.title}")
    if with_items:
        for vevent in _events(event, chosen_workshop=chosen_workshop, tariff=tariff):
            calendar.add_component(vevent)
    calendar.add_missing_timezones()
    return calendar


class AgendaICSExporter(Exporter):
    identifier = "agenda-ics"
    extension = "ics"
    content_type = "text/calendar; charset=utf-8"

    def render(self):
        return event_calendar(self.event).to_ical()
