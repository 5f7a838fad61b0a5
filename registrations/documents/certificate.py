"""Certificat de réalisation (the Ministry of Labour's model) and attestation de fin de
formation (Code du travail L6353-1) of one participant, from the attendance recorded.

Both print the hours actually attended: the half-days the participant was marked present,
each counted for the training time of its programme (``programme.half_days``). Once sent,
their bytes are stored (``IssuedDocument``) and served as sent.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from afpols_events.documents import Document
from afpols_events.formatting import format_date, format_date_range
from afpols_events.text import split_lines
from programme.half_days import event_half_days, format_duration, training_duration

from ..selectors import training_body
from ..selectors.attendance import attended_duration, attended_half_days

# Code du travail L6313-1: the categories of actions that are professional training.
NATURE = gettext_lazy(
    "Action de formation (article L6313-1, 1° du Code du travail), "
    "en présentiel, session inter-organismes"
)


def training_context(registration, *, issued_on=None):
    """What the certificate and the attestation print about the training and the trainee."""
    event = registration.event
    half_days = event_half_days(event)
    present = attended_half_days(registration, half_days)
    issued_on = issued_on or timezone.localdate()
    return {
        "body": training_body(),
        "registration": registration,
        "event": event,
        "objectives": split_lines(event.objectives),
        "nature": str(NATURE),
        "dates": format_date_range(event.start_date, event.end_date),
        "venue": ", ".join([event.venue_name, *split_lines(event.venue_address)]),
        "total_hours": format_duration(training_duration(event)),
        "attended_hours": format_duration(attended_duration(registration, half_days)),
        "attended_half_days": [half_day.label for half_day in present],
        "issued_on": format_date(issued_on, weekday=False),
    }


class CertificateDocument(Document):
    template_name = "registrations/pdf/certificate.html"

    def __init__(self, registration, *, issued_on=None):
        self.registration, self.issued_on = registration, issued_on

    @property
    def cache_key(self):
        return f"certificate:{self.registration.pk}"

    @property
    def filename(self):
        return f"certificat-realisation-{self.registration.reference}.pdf"

    def context(self):
        return {
            **training_context(self.registration, issued_on=self.issued_on),
            "title": _("Certificat de réalisation"),
        }


class AttestationDocument(CertificateDocument):
    template_name = "registrations/pdf/attestation.html"

    @property
    def cache_key(self):
        return f"attestation:{self.registration.pk}"

    @property
    def filename(self):
        return f"attestation-fin-formation-{self.registration.reference}.pdf"

    def context(self):
        return {
            **training_context(self.registration, issued_on=self.issued_on),
            "title": _("Attestation de fin de formation"),
        }
