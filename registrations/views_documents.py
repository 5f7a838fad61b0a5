"""The participant's training documents on the private page: the convention, and the
documents sent to them (convocation, certificate, attestation) served exactly as sent."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View

from afpols_events.http import download_response

from .documents.convention import ConventionDocument
from .enums import IssuedDocumentKind, RegistrationStatus
from .models import Registration
from .selectors.issued import issued_document

KINDS = {kind.url_word: kind for kind in IssuedDocumentKind}


class IssuedDocumentView(View):
    def get(self, request, token, kind):
        registration = get_object_or_404(Registration, token=token)
        if kind not in KINDS:
            raise Http404(_("Document inconnu."))
        document = issued_document(registration, KINDS[kind])
        if document is None:
            raise Http404(_("Ce document n'a pas encore été émis."))
        return download_response(
            request,
            content=bytes(document.content),
            etag=f'"{document.sha256[:32]}"',
            filename=document.filename,
            content_type="application/pdf",
            private=True,
        )


class ConventionView(View):
    """The participant's own convention (for their employer to sign), made on demand."""

    def get(self, request, token):
        registration = get_object_or_404(
            Registration.objects.select_related("event", "tariff"), token=token
        )
        if registration.status not in RegistrationStatus.holding_a_place():
            raise Http404(_("Pas de convention pour une inscription sans place."))
        document = ConventionDocument(registration.event, [registration])
        pdf = document.pdf()
        return download_response(
            request,
            content=pdf.content,
            etag=pdf.etag,
            filename=document.filename,
            content_type="application/pdf",
            private=True,
        )
