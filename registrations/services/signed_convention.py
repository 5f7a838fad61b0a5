"""The convention de formation once signed: the PDF the employer signed and sent back,
stored exactly as received, as an ``IssuedDocument`` of kind « Convention signée ».

Staff upload it from the registration's admin page, the participant from their private
page; both call :func:`signed_convention_store`. A later upload is a new version beside
the first: what was stored is never overwritten (the same file sent twice, a double
submit, is stored once).

It is stored for the registration it was uploaded on only. A convention made for an
organisation may cover several colleagues, but nothing tells which pages of an uploaded
file cover whom, and each registration's documents are shown on its own private page
and erased with it: one person's upload is not put on a colleague's page.
"""

import hashlib
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import IssuedDocumentKind, RegistrationStatus
from ..models import IssuedDocument, Registration


class SignedConventionRefused(ValidationError):
    """The uploaded file is not a convention we can store for this registration."""


def signed_convention_pdf_refusal(content):
    """Why ``content`` (bytes) is not an acceptable signed convention, or None.

    A PDF (its bytes start with ``%PDF`` and pypdf reads its pages) of at most
    ``settings.SIGNED_CONVENTION_MAX_BYTES``."""
    limit = settings.SIGNED_CONVENTION_MAX_BYTES
    if not content:
        return SignedConventionRefused(_("Le fichier envoyé est vide."), code="empty")
    if len(content) > limit:
        return SignedConventionRefused(
            _("Le fichier dépasse la taille maximale de %(limit)s.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    if not content.startswith(b"%PDF"):
        return SignedConventionRefused(
            _("Le fichier n'est pas un PDF : déposez la convention signée au format PDF."),
            code="not_pdf",
        )
    from pypdf import PdfReader  # here: a web worker loads it only for an upload

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            return SignedConventionRefused(
                _("Le PDF est protégé par un mot de passe : déposez-le sans protection."),
                code="encrypted",
            )
        if len(reader.pages) == 0:
            raise ValueError("no page")
    except Exception:  # pypdf raises many kinds of errors on a damaged file
        return SignedConventionRefused(
            _("Le PDF est illisible ou endommagé : déposez-le de nouveau."), code="unreadable"
        )
    return None


def signed_convention_filename(registration):
    return f"convention-signee-{registration.reference}.pdf"


def signed_convention_store(*, registration, content, by=None, now=None):
    """Store ``content`` (the signed convention's PDF bytes) for ``registration``, as
    uploaded by ``by`` (a staff user; None for the participant). Returns the stored row.

    Refused for a file that is not a readable PDF within the size limit, and for a
    registration that holds no place (cancelled, waiting list)."""
    refusal = signed_convention_pdf_refusal(content)
    if refusal is not None:
        raise refusal
    now = now or timezone.now()
    sha256 = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        registration = Registration.objects.select_for_update(of=("self",)).get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise SignedConventionRefused(
                _("Inscription annulée : la convention signée ne peut plus être déposée."),
                code="cancelled",
            )
        if registration.status not in RegistrationStatus.holding_a_place():
            raise SignedConventionRefused(
                _("Pas de convention pour une inscription sans place (statut : %(status)s).")
                % {"status": registration.get_status_display()},
                code="no_place",
            )
        if registration.anonymised_at is not None:
            raise SignedConventionRefused(
                _("Inscription anonymisée : rien ne peut plus y être déposé."), code="anonymised"
            )
        latest = (
            registration.issued_documents.filter(kind=IssuedDocumentKind.SIGNED_CONVENTION)
            .order_by("-issued_at", "-pk")
            .defer("content")
            .first()
        )
        if latest is not None and latest.sha256 == sha256:
            return latest  # the same file again (a double submit): stored once
        return IssuedDocument.objects.create(
            registration=registration,
            kind=IssuedDocumentKind.SIGNED_CONVENTION,
            filename=signed_convention_filename(registration),
            content=content,
            sha256=sha256,
            issued_at=now,
            issued_by=by,
        )
