"""The training documents an outbox message carries, rendered by the task worker.

``services/training_documents.py`` decides (in the staff's request or the command) that a
convocation or a certificate is sent: it records an ``IssuedDocument`` row per document,
without its bytes, beside the outbox message. The worker, building that message, calls
:func:`message_documents`: each document is rendered once, its bytes stored, and a retry
of the message attaches the very same bytes. No request waits on WeasyPrint.
"""

import hashlib

from django.utils import timezone

from .documents.certificate import AttestationDocument, CertificateDocument
from .documents.convocation import ConvocationDocument
from .enums import IssuedDocumentKind
from .models import IssuedDocument

DOCUMENTS = {
    IssuedDocumentKind.CONVOCATION: ConvocationDocument,
    IssuedDocumentKind.CERTIFICATE: CertificateDocument,
    IssuedDocumentKind.ATTESTATION: AttestationDocument,
}


def issued_document_for(registration, kind, *, issued_on=None):
    """The ``Document`` of ``kind`` about ``registration``, dated ``issued_on``."""
    return DOCUMENTS[IssuedDocumentKind(kind)](registration, issued_on=issued_on)


def message_documents(message, registration):
    """The documents the outbox ``message`` carries, each rendered and stored once."""
    documents = list(message.documents.order_by("pk"))
    for document in documents:
        if document.content is not None:
            continue
        issued_on = timezone.localdate(document.issued_at)
        content = issued_document_for(registration, document.kind, issued_on=issued_on).render()
        # Only an empty row is filled: what was stored (and perhaps sent) never changes.
        IssuedDocument.objects.filter(pk=document.pk, content__isnull=True).update(
            content=content, sha256=hashlib.sha256(content).hexdigest()
        )
        document.refresh_from_db(fields=["content", "sha256"])
    return documents
