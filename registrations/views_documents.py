"""The participant's training documents on the private page: the convention, its signed
copy (uploaded here, served as received), and the documents sent to them (convocation,
certificate, attestation) served exactly as sent."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from afpols_events.http import download_response
from afpols_events.ratelimit import rate_limited

from . import services
from .documents.convention import ConventionDocument
from .enums import IssuedDocumentKind, RegistrationStatus
from .forms.signed_convention import SignedConventionForm
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
        return stored_document_response(request, document)


def stored_document_response(request, document):
    """The bytes of an issued (or received) document, exactly as stored; the private page
    and the admin serve them so."""
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


@method_decorator(rate_limited("upload"), name="dispatch")
class SignedConventionView(View):
    """ "Déposer la convention signée": the form alone (GET, or with its errors), and the
    upload (POST), stored by the service as received."""

    template_name = "registrations/signed_convention.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration = get_object_or_404(
            Registration.objects.select_related("event"),
            token=kwargs["token"],
            anonymised_at__isnull=True,
        )
        return super().dispatch(request, *args, **kwargs)

    def _render(self, form, *, status=200):
        context = {
            "registration": self.registration,
            "event": self.registration.event,
            "form": form,
            "holding": self.registration.status in RegistrationStatus.holding_a_place(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self._render(SignedConventionForm())

    def post(self, request, *args, **kwargs):
        form = SignedConventionForm(request.POST, request.FILES, obj=self.registration)
        if not form.is_valid():
            return self._render(form, status=400)
        try:
            services.signed_convention_store(
                registration=self.registration, content=form.cleaned_data["content"]
            )
        except services.SignedConventionRefused as refusal:
            form.add_error("content", refusal)
            return self._render(form, status=409)
        messages.success(request, _("Merci : la convention signée est bien reçue et enregistrée."))
        return redirect(self.registration)
