"""Name badges, eight to an A4 page."""

from django.utils.translation import gettext as _g

from afpols_events.documents import Document
from afpols_events.formatting import format_day_list

from ..models import Registration
from .staff import StaffDocumentError, participants, people_of, single_event

BADGES_PER_PAGE = 8


class BadgesDocument(Document):
    template_name = "registrations/staff/badges.html"
    filename = "badges.pdf"

    def __init__(self, event, people):
        self.event, self.people = event, people

    @property
    def cache_key(self):
        return f"badges:{self.event.pk}"

    def context(self):
        return _badges_context(self.event, self.people)


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
    people = people_of(participants(Registration.objects.filter(event=event)))
    if not people:
        raise StaffDocumentError(_g("Aucun participant inscrit : pas de badge à imprimer."))
    return BadgesDocument(event, people).pdf().content


def badges_pdf(registrations):
    selected = participants(registrations)
    event = single_event(selected)
    return BadgesDocument(event, people_of(selected)).pdf().content
