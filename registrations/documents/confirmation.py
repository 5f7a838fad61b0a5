"""The participant's PDF confirmation, with the QR code of its reference for check-in."""

from django.utils.translation import gettext as _

from afpols_events.documents import Document

from ..enums import RegistrationStatus
from ..selectors import next_steps, summary_sections, workshop_label
from ..selectors.attendance import check_in_url


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
        import segno  # loaded only where a confirmation is made

        registration = self.registration
        cancelled = registration.status == RegistrationStatus.CANCELLED
        # A cancelled registration prints "Inscription annulée" and no QR code: nobody can
        # check in with it. Otherwise the QR code opens the staff check-in page (signed, so
        # it cannot be guessed).
        qr_code = None if cancelled else segno.make(check_in_url(registration), error="m")
        return {
            "cancelled": cancelled,
            "registration": registration,
            "event": registration.event,
            "tariff": registration.tariff,
            "workshop_label": workshop_label(registration.workshop),
            "sections": summary_sections(registration),
            "next_steps": next_steps(registration),
            "qr_code_uri": qr_code.svg_data_uri(scale=4, border=2) if qr_code else "",
            "title": (
                _("Inscription annulée %(reference)s")
                if cancelled
                else _("Confirmation d'inscription %(reference)s")
            )
            % {"reference": registration.reference},
        }
