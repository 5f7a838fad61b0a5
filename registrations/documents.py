"""The participant's PDF confirmation, rendered once per version of its data."""

import segno
from django.utils.translation import gettext as _

from afpols_events.documents import cached_pdf, render_pdf

from .summary import next_steps, summary_sections, workshop_label

TEMPLATE = "registrations/pdf/confirmation.html"


def confirmation_version(registration):
    """Changes whenever anything printed on the confirmation changes."""
    workshop = registration.workshop
    parts = [
        registration.updated_at.isoformat(),
        registration.status,
        registration.membership_state,
        registration.event.updated_at.isoformat(),
        registration.tariff.updated_at.isoformat(),
    ]
    if workshop is not None:
        parts += [workshop.updated_at.isoformat(), workshop.slot.updated_at.isoformat()]
    return "|".join(parts)


def confirmation_filename(registration):
    return f"confirmation-{registration.reference}.pdf"


def confirmation_context(registration):
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


def confirmation_pdf(registration):
    """The :class:`~afpols_events.documents.CachedPDF` confirmation of ``registration``."""
    return cached_pdf(
        f"registration-confirmation:{registration.pk}",
        confirmation_version(registration),
        lambda: render_pdf(TEMPLATE, confirmation_context(registration)),
    )
