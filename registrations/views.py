"""Participant pages: the private page (token URL) and its actions.

Views stay thin: forms validate what was typed, services apply the rules.

The bulletin and "Déjà inscrit ?" are in ``views_bulletin``. Rate limits and the
private-page headers are decorators from ``afpols_events`` (``ratelimit``, ``security``).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from afpols_events.http import download_response
from programme.views_exports import export_response

from . import services
from .calendar import ParticipantCalendarExporter
from .documents import ConfirmationDocument
from .forms import WorkshopChangeForm
from .forms.signed_convention import SignedConventionForm
from .models import Invoice, Registration, WaitingListOffer
from .selectors import next_steps, places_left, registration_billing, summary_sections
from .selectors.issued import training_documents
from .session_keys import SESSION_COLLEAGUE
from .views_bulletin import COLLEAGUE_FIELDS, InvalidFormStatusMixin


class RegistrationMixin:
    def get_registration(self):
        # An anonymised registration has no private page any more (its token changed too).
        return get_object_or_404(
            Registration.objects.select_related("event", "tariff", "workshop__slot"),
            token=self.kwargs["token"],
            anonymised_at__isnull=True,
        )

    def changes_closed(self, registration):
        """The 403 page when the participant may no longer change their registration."""
        return render(
            self.request,
            "registrations/changes_closed.html",
            {"registration": registration, "event": registration.event},
            status=403,
        )


class RegistrationDetailView(RegistrationMixin, TemplateView):
    template_name = "registrations/detail.html"

    def get_context_data(self, **kwargs):
        registration = self.get_registration()
        return super().get_context_data(
            registration=registration,
            event=registration.event,
            sections=summary_sections(registration),
            next_steps=next_steps(registration),
            can_change=registration.participant_can_change(),
            billing=registration_billing(registration),
            # The task worker makes the PDF with the e-mail; until then the link still
            # works (the PDF is made on demand), the page only says it is on its way.
            confirmation_ready=ConfirmationDocument(registration).is_ready(),
            training_documents=training_documents(registration),
            signed_convention_form=SignedConventionForm(),
            **kwargs,
        )


class ColleagueView(RegistrationMixin, View):
    """ "Inscrire un(e) collègue": the bulletin again, with the organisation, its address and
    the contact person of this registration filled in (through the session, so the private
    token never appears in the bulletin's address)."""

    def get(self, request, *args, **kwargs):
        registration = self.get_registration()
        request.session[SESSION_COLLEAGUE] = {
            "event": registration.event.slug,
            **{name: getattr(registration, name) for name in COLLEAGUE_FIELDS},
        }
        return redirect("registrations:register", slug=registration.event.slug)


class ConfirmationPDFView(RegistrationMixin, View):
    def get(self, request, *args, **kwargs):
        document = ConfirmationDocument(self.get_registration())
        pdf = document.pdf()
        return download_response(
            request,
            content=pdf.content,
            etag=pdf.etag,
            filename=document.filename,
            content_type=document.content_type,
            private=True,
        )


class InvoicePDFView(RegistrationMixin, View):
    """An invoice or credit note of this registration: the bytes stored when it was issued."""

    def get(self, request, *args, **kwargs):
        registration = self.get_registration()
        invoice = get_object_or_404(
            Invoice.objects.filter(lines__registration=registration).distinct(),
            number=kwargs["number"],
        )
        return download_response(
            request,
            content=invoice.pdf_bytes,
            etag=invoice.pdf_etag,
            filename=invoice.filename,
            content_type="application/pdf",
            private=True,
        )


class CancelView(RegistrationMixin, TemplateView):
    template_name = "registrations/cancel.html"

    def get(self, request, *args, **kwargs):
        registration = self.get_registration()
        if not registration.participant_can_change():
            return self.changes_closed(registration)
        return self.render_to_response(
            self.get_context_data(registration=registration, event=registration.event)
        )

    def post(self, request, *args, **kwargs):
        registration = self.get_registration()
        try:
            services.registration_cancel(registration=registration)
        except services.RegistrationClosed:
            return self.changes_closed(registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(registration)
        messages.success(request, _("Votre inscription est annulée."))
        return redirect(registration)


class ChangeWorkshopView(InvalidFormStatusMixin, RegistrationMixin, FormView):
    form_class = WorkshopChangeForm
    template_name = "registrations/change_workshop.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration = self.get_registration()
        if (
            not self.registration.participant_can_change()
            or not self.registration.event.workshops.exists()
        ):
            return self.changes_closed(self.registration)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "registration": self.registration,
            "places": places_left(self.registration.event),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration=self.registration, event=self.registration.event, **kwargs
        )

    def form_valid(self, form):
        try:
            services.registration_change_workshop(
                registration=self.registration, workshop=form.cleaned_data["workshop"]
            )
        except services.RegistrationClosed:
            return self.changes_closed(self.registration)
        except ValidationError as error:
            form.add_error("workshop", error.messages)
            return self.form_invalid(form, status=409)
        messages.success(self.request, _("Votre choix d'atelier est enregistré."))
        return redirect(self.registration)


class PrivacyView(TemplateView):
    template_name = "registrations/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            anonymise_after_days=settings.ANONYMISE_AFTER_DAYS,
            home_url=reverse("programme:home"),
            **kwargs,
        )


class ParticipantCalendarView(RegistrationMixin, View):
    def get(self, request, token):
        registration = self.get_registration()
        response = export_response(request, ParticipantCalendarExporter(registration), private=True)
        # The link is a private token: keep it out of search engines and referrers.
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response


class OfferView(TemplateView):
    """A freed place offered to a waiting registration: accept it or leave it to the next."""

    template_name = "registrations/offer.html"
    ACTIONS = {"accept": services.offer_accept, "decline": services.offer_decline}

    def get_offer(self):
        return get_object_or_404(
            WaitingListOffer.objects.select_related(
                "registration__event", "registration__tariff", "registration__workshop"
            ),
            token=self.kwargs["token"],
        )

    def respond(self, offer, *, error=None, status=200):
        refusal = services.waiting_list.offer_refusal(offer)
        context = self.get_context_data(
            offer=offer,
            registration=offer.registration,
            event=offer.registration.event,
            is_open=refusal is None and error is None,
            closed=" ".join(refusal.messages) if refusal and error is None else "",
            deadline=services.waiting_list.deadline_text(offer),
            error=error,
        )
        return self.render_to_response(context, status=status)

    def get(self, request, *args, **kwargs):
        return self.respond(self.get_offer())

    def post(self, request, *args, **kwargs):
        offer = self.get_offer()
        action = self.ACTIONS.get(request.POST.get("choice"))
        if action is None:
            return self.respond(
                offer, error=_("Choisissez d'accepter ou de refuser la place."), status=400
            )
        try:
            registration = action(offer=offer)
        except ValidationError as error:
            return self.respond(offer, error=" ".join(error.messages), status=409)
        if action is services.offer_accept:
            messages.success(request, _("La place est à vous : votre inscription est enregistrée."))
        else:
            messages.success(
                request, _("Vous avez laissé la place : votre inscription est annulée.")
            )
        return redirect(registration)
