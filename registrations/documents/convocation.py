"""The convocation: what a confirmed participant needs to come (dates and times, place and
access, what to bring, the contact), their own workshop, the programme and the internal
rules (règlement intérieur)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from afpols_events.documents import Document
from afpols_events.formatting import format_date, format_date_range, format_time
from afpols_events.text import split_lines
from programme.half_days import format_duration, training_duration
from programme.selectors import agenda_days

from ..selectors import training_body, workshop_label
from ..selectors.training import event_training


def _day(agenda_day):
    items = agenda_day.items
    last = items[-1]
    return {
        "date": format_date(agenda_day.day),
        "start": format_time(items[0].starts_at),
        "end": format_time(last.ends_at or last.starts_at),
        "items": [
            {
                "time": format_time(item.starts_at),
                "title": item.title,
                "pause": item.is_pause,
            }
            for item in items
        ],
    }


class ConvocationDocument(Document):
    template_name = "registrations/pdf/convocation.html"

    def __init__(self, registration, *, issued_on=None):
        self.registration, self.issued_on = registration, issued_on

    @property
    def cache_key(self):
        return f"convocation:{self.registration.pk}"

    @property
    def filename(self):
        return f"convocation-{self.registration.reference}.pdf"

    def context(self):
        registration = self.registration
        event = registration.event
        training = event_training(event)
        workshop = registration.workshop
        return {
            "title": _("Convocation"),
            "body": training_body(),
            "registration": registration,
            "event": event,
            "dates": format_date_range(event.start_date, event.end_date),
            "venue_lines": [event.venue_name, *split_lines(event.venue_address)],
            "days": [_day(day) for day in agenda_days(event)],
            "duration": format_duration(training_duration(event)),
            "workshop": workshop_label(workshop),
            "workshop_room": workshop.room if workshop else "",
            "practical": training.practical_paragraphs,
            "what_to_bring": training.what_to_bring_list,
            "internal_rules": split_lines(training.internal_rules),
            "issued_on": format_date(self.issued_on or timezone.localdate(), weekday=False),
        }
