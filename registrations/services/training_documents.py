"""Training documents sent to participants and stored exactly as sent: the convocation
before the event, the certificat de réalisation and the attestation de fin de formation
after it.

Each is sent once: a second send must be asked for (``again=True``), and stores a new
version beside the first (what was sent stays on record). The services decide and record
(an ``IssuedDocument`` row per document, with the outbox message that carries them); the
task worker renders the PDFs and sends them (``registrations/issuing.py``).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..documents.certificate import AttestationDocument, CertificateDocument
from ..documents.convocation import ConvocationDocument
from ..enums import IssuedDocumentKind, MessageKind, RegistrationStatus
from ..models import IssuedDocument, Registration
from ..selectors.attendance import attended_half_days


class CertificateRefused(ValidationError):
    """The certificate cannot be sent (yet, or again without asking)."""


def _record(registration, message, document_class, kind, *, by, now):
    """The row of a document ``message`` carries; the worker renders and stores it."""
    return IssuedDocument.objects.create(
        registration=registration,
        kind=kind,
        filename=document_class(registration).filename,
        message=message,
        issued_at=now,
        issued_by=by,
    )


def certificates_send(*, registration, by=None, again=False, now=None):
    """Issue the certificate and the attestation of ``registration`` and e-mail them
    (rendered by the worker, dated ``now``).

    Refused before the event's last day, for a registration with no presence recorded,
    and when they were already sent (unless ``again``).

    Longer than most: every refusal is checked under the registration's lock, in the order
    staff are told about them, before the send is recorded.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # One send at a time per registration (the event row is not locked: sign-ups of
        # other people go on while the PDFs render).
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event", "workshop")
            .get(pk=registration.pk)
        )
        event = registration.event
        if timezone.localdate(now) < event.end_date:
            raise CertificateRefused(
                _("La rencontre n'est pas terminée : le certificat s'envoie après la formation."),
                code="too_early",
            )
        if registration.status == RegistrationStatus.CANCELLED:
            raise CertificateRefused(
                _("Inscription annulée : pas de certificat."), code="cancelled"
            )
        if not attended_half_days(registration):
            raise CertificateRefused(
                _(
                    "Aucune présence enregistrée : pointez les demi-journées suivies avant "
                    "d'envoyer le certificat."
                ),
                code="no_attendance",
            )
        sent = registration.issued_documents.filter(kind=IssuedDocumentKind.CERTIFICATE).first()
        if sent is not None and not again:
            raise CertificateRefused(
                _(
                    "Certificat déjà envoyé le %(day)s : utilisez « Renvoyer » pour l'envoyer "
                    "de nouveau."
                )
                % {"day": timezone.localtime(sent.issued_at).strftime("%d/%m/%Y")},
                code="already_sent",
            )
        message = notifications.notify(registration, MessageKind.CERTIFICATE)
        documents = [
            _record(
                registration,
                message,
                CertificateDocument,
                IssuedDocumentKind.CERTIFICATE,
                by=by,
                now=now,
            ),
            _record(
                registration,
                message,
                AttestationDocument,
                IssuedDocumentKind.ATTESTATION,
                by=by,
                now=now,
            ),
        ]
    return documents


class ConvocationRefused(ValidationError):
    """The convocation cannot be sent (not confirmed, or already sent without asking)."""


def convocation_send(*, registration, by=None, again=False, now=None):
    """Issue the convocation of a confirmed ``registration`` and e-mail it, once.

    Sending it again must be asked for (``again``); each send is stored as sent.
    """
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event", "workshop__slot")
            .get(pk=registration.pk)
        )
        if registration.status != RegistrationStatus.CONFIRMED:
            raise ConvocationRefused(
                _("Seules les inscriptions confirmées reçoivent une convocation (statut : %(s)s).")
                % {"s": registration.get_status_display()},
                code="not_confirmed",
            )
        sent = registration.issued_documents.filter(kind=IssuedDocumentKind.CONVOCATION).first()
        if sent is not None and not again:
            raise ConvocationRefused(
                _(
                    "Convocation déjà envoyée le %(day)s : utilisez « Renvoyer la convocation » "
                    "pour l'envoyer de nouveau."
                )
                % {"day": timezone.localtime(sent.issued_at).strftime("%d/%m/%Y")},
                code="already_sent",
            )
        message = notifications.notify(registration, MessageKind.CONVOCATION)
        document = _record(
            registration,
            message,
            ConvocationDocument,
            IssuedDocumentKind.CONVOCATION,
            by=by,
            now=now,
        )
    return document


def convocations_send_due(*, days_before, now=None):
    """Send the convocation to every confirmed participant not convoked yet, of the events
    starting within ``days_before`` days (and not started). Returns how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            event__start_date__gt=today,
            event__start_date__lte=today + dt.timedelta(days=days_before),
        )
        .exclude(issued_documents__kind=IssuedDocumentKind.CONVOCATION)
        .order_by("event__start_date", "pk")
    )
    sent = 0
    for registration in due:
        convocation_send(registration=registration, now=now)
        sent += 1
    return sent
