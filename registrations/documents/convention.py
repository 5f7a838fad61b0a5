"""Convention de formation professionnelle (Code du travail L6353-1, D6353-1) between AFPOLS
and one organisation, for one event, covering its participants.

It holds the parties, the training's title and objectives, the programme and its duration
in hours (computed from the programme), the dates and venue, the teaching means, the
follow-up and assessment, the trainees, the price per participant and the total, the
payment and cancellation terms, and the signature blocks. The printed agenda's pages
follow it, without the paper bulletin (its last page): the programme attached.
"""

import hashlib
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from afpols_events.documents import Document, join_pdfs
from afpols_events.formatting import format_date, format_date_range, format_money, format_time
from afpols_events.text import normalise_organisation_name, split_lines
from programme.exports.agenda_pdf import AgendaDocument
from programme.half_days import format_duration, training_duration
from programme.selectors import agenda_days

from ..selectors import training_body
from ..selectors.training import event_training


def _programme(event):
    return [
        {
            "date": format_date(day.day),
            "items": [
                {
                    "time": format_time(item.starts_at),
                    "end": format_time(item.ends_at) if item.ends_at else "",
                    "title": item.title,
                    "workshops": [str(workshop) for workshop in item.workshops.all()],
                }
                for item in day.items
                if not item.is_pause
            ],
        }
        for day in agenda_days(event)
    ]


class ConventionDocument(Document):
    template_name = "registrations/pdf/convention.html"

    def __init__(self, event, registrations):
        self.event = event
        self.registrations = sorted(registrations, key=lambda r: (r.last_name, r.first_name, r.pk))

    @property
    def cache_key(self):
        return "convention:" + ",".join(str(r.pk) for r in self.registrations)

    @property
    def filename(self):
        if len(self.registrations) == 1:
            return f"convention-{self.registrations[0].reference}.pdf"
        slug = normalise_organisation_name(self.registrations[0].organisation_name)
        return f"convention-{self.event.slug}-{slug.replace(' ', '-')[:60]}.pdf"

    def _agenda(self):
        return AgendaDocument(self.event, str(self.event.content_version))

    def data_version(self):
        # What the convention prints, and the version of the agenda attached to it.
        return hashlib.sha256(self.html.encode()).hexdigest() + ":" + self._agenda().version

    def render(self):
        agenda = self._agenda().pdf().content  # from the cache when the agenda has it
        # Without the paper bulletin, the agenda's last page.
        return join_pdfs((super().render(), slice(None)), (agenda, slice(0, -1)))

    def context(self):
        event = self.event
        training = event_training(event)
        # The organisation as the first of its participants to register wrote it.
        first = min(self.registrations, key=lambda r: r.pk)
        total = sum((r.amount for r in self.registrations), Decimal("0.00"))
        body = training_body()
        return {
            "title": _("Convention de formation professionnelle"),
            "body": body,
            "organisation": {
                "name": first.organisation_name,
                "address": split_lines(first.address),
                "contact": first.contact_person,
            },
            "event": event,
            "objectives": split_lines(event.objectives),
            "programme": _programme(event),
            "duration": format_duration(training_duration(event)),
            "dates": format_date_range(event.start_date, event.end_date),
            "venue": ", ".join([event.venue_name, *split_lines(event.venue_address)]),
            "teaching_means": training.teaching_means,
            "assessment": training.assessment,
            "cancellation_terms": training.cancellation_terms,
            "trainees": [
                {
                    "name": f"{r.first_name} {r.last_name.upper()}",
                    "job_title": r.job_title,
                    "tariff": r.tariff.label,
                    "amount": format_money(r.amount),
                }
                for r in self.registrations
            ],
            "trainee_count": len(self.registrations),
            "total": format_money(total),
            "issued_on": format_date(timezone.localdate(), weekday=False),
        }


def conventions_of(registrations):
    """One :class:`ConventionDocument` per event and organisation of ``registrations``
    (organisations matched as the membership check does: accents, case, legal forms)."""
    groups = defaultdict(list)
    for registration in registrations:
        key = (registration.event_id, normalise_organisation_name(registration.organisation_name))
        groups[key].append(registration)
    return [ConventionDocument(group[0].event, group) for _key, group in sorted(groups.items())]
