"""The participant's PDF confirmation, with the QR code of its reference for check-in."""

import segno
from django.utils.translation import gettext as _

from afpols_events.documents import Document

from ..selectors import next_steps, summary_sections, workshop_label


class ConfirmationDocument(Document):
    template_name = "registrations/pdf/confirmation.html"

    def __init__(self, registration):
        self.registration = registration

    @property
    def cache_key(self):
        return f"registration-confirmation:{self.registration.pk}"

    @property
    def filename(self):
        return f"confirmation-{self.registration.reference}.pdf"

    def context(self):
        registration = self.registration
        qr_code = segno.make(registration.reference, error="m")
        return {
            "registration": registration,
            "event": registration.event,
            "tariff": registration.tariff,
            "workshop_label": workshop_label(registration.workshop),
            "sections": summary_sections(registration),
            "next_steps": next_steps(registration),
            "qr_code_uri": qr_code.svg_data_uri(scale=4, border=2),
            "title": _("Confirmation d'inscription %(reference)s")
            % {"reference": registration.reference},
        }
