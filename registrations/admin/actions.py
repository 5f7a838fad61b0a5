"""Admin actions on registrations: each calls a service per registration and sums up.

A refusal of one registration (a ``ValidationError`` from the service) never stops
the others: Victoria gets one message saying how many succeeded and, for each
refusal, which registration and why.

Why ~320 lines: every list action and every action of a registration's own page, one
short function each, so the full list of what staff can do reads in one place.
"""

import io
import zipfile
from functools import partial

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from afpols_events.http import file_response

from .. import services
from ..documents import ConfirmationDocument, StaffDocumentError, badges_pdf, sign_in_sheets_pdf
from ..enums import MembershipState, PaymentState, RegistrationStatus
from ..forms.signed_convention import SignedConventionForm
from .forms import FullPaymentForm, MembershipPeriodForm, membership_initial, payment_initial
from .object_actions import ObjectAction


def _refusal_text(error):
    return " ".join(str(message) for message in error.messages)


def run_for_each(modeladmin, request, queryset, service, done_message):
    """Call ``service(registration=…)`` for each selected registration; report once.

    ``done_message`` phrases the successes: an ``ngettext_lazy(…, "count")`` ("3
    inscriptions confirmées"; French puts 0 in the singular, the catalogue's plural rule).
    """
    done, refused = 0, []
    for registration in queryset.select_related("event", "tariff", "workshop", "member"):
        try:
            service(registration=registration)
        except ValidationError as error:
            refused.append((registration, _refusal_text(error)))
        else:
            done += 1
    if not refused:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        return
    refusals = format_html_join(
        " ; ", "{} ({}) : {}", ((r.reference, r.full_name, why) for r, why in refused)
    )
    summary = format_html(
        "{} ; {} {}",
        done_message % {"count": done},
        ngettext("%(count)d refusée :", "%(count)d refusées :", len(refused))
        % {"count": len(refused)},
        refusals,
    )
    modeladmin.message_user(request, summary, messages.WARNING if done else messages.ERROR)


CHANGE = ("change",)
VIEW = ("view",)


@admin.action(description=_("Confirmer les inscriptions sélectionnées"), permissions=CHANGE)
def confirm(modeladmin, request, queryset):
    run_for_each(
        modeladmin,
        request,
        queryset,
        services.registration_confirm,
        ngettext_lazy(
            "%(count)d inscription confirmée", "%(count)d inscriptions confirmées", "count"
        ),
    )


@admin.action(
    description=_("Enregistrer l'adhésion (vérifiée) des inscriptions sélectionnées"),
    permissions=CHANGE,
)
def record_membership(modeladmin, request, queryset):
    """Asks the subscription period first: each organisation joins the member list for it."""
    form = MembershipPeriodForm(request.POST if request.POST.get("post") == "yes" else None)
    if not form.is_bound or not form.is_valid():
        return TemplateResponse(
            request,
            "admin/registrations/registration/membership_period.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Enregistrer l'adhésion"),
                "opts": modeladmin.opts,
                "registrations": queryset.select_related("event"),
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": modeladmin.media + form.media,
            },
            status=400 if form.is_bound else 200,
        )
    run_for_each(
        modeladmin,
        request,
        queryset,
        partial(services.registration_record_membership, **form.cleaned_data),
        ngettext_lazy(
            "%(count)d adhésion enregistrée", "%(count)d adhésions enregistrées", "count"
        ),
    )
    return None


@admin.action(description=_("Annuler les inscriptions sélectionnées"), permissions=CHANGE)
def cancel(modeladmin, request, queryset):
    """Asks for a confirmation first: cancelling frees the place and e-mails the participant."""
    if request.POST.get("post") != "yes":
        return TemplateResponse(
            request,
            "admin/registrations/registration/cancel_confirmation.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Annuler des inscriptions"),
                "opts": modeladmin.opts,
                "registrations": queryset.select_related("event"),
                "selected": queryset,
                "action_name": "cancel",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": modeladmin.media,
            },
        )
    run_for_each(
        modeladmin,
        request,
        queryset,
        lambda *, registration: services.registration_cancel(
            registration=registration, by_staff=True
        ),
        ngettext_lazy("%(count)d inscription annulée", "%(count)d inscriptions annulées", "count"),
    )
    return None


@admin.action(description=_("Inscrire depuis la liste d'attente"), permissions=CHANGE)
def promote(modeladmin, request, queryset):
    run_for_each(
        modeladmin,
        request,
        queryset,
        services.registration_promote,
        ngettext_lazy(
            "%(count)d inscription sortie de la liste d'attente",
            "%(count)d inscriptions sorties de la liste d'attente",
            "count",
        ),
    )


@admin.action(
    description=_("Émettre les factures (une par organisme et événement)"), permissions=CHANGE
)
def issue_invoices(modeladmin, request, queryset):
    """Registrations of one organisation for one event share a grouped invoice."""
    invoices, refused = services.invoices_issue(
        registrations=queryset.select_related("event", "tariff").order_by("created_at", "pk")
    )
    done = ngettext("%(count)d facture émise", "%(count)d factures émises", len(invoices)) % {
        "count": len(invoices)
    }
    if invoices:
        done += format_html(" ({})", ", ".join(invoice.number for invoice in invoices))
    if not refused:
        modeladmin.message_user(request, done, messages.SUCCESS)
        return
    refusals = format_html_join(
        " ; ", "{} ({}) : {}", ((r.reference, r.full_name, why) for r, why in refused)
    )
    summary = format_html(
        "{} ; {} {}",
        done,
        ngettext(
            "%(count)d inscription refusée :", "%(count)d inscriptions refusées :", len(refused)
        )
        % {"count": len(refused)},
        refusals,
    )
    modeladmin.message_user(request, summary, messages.WARNING if invoices else messages.ERROR)


@admin.action(description=_("Renvoyer l'e-mail de confirmation"), permissions=CHANGE)
def resend_confirmation(modeladmin, request, queryset):
    run_for_each(
        modeladmin,
        request,
        queryset,
        services.registration_resend_confirmation,
        ngettext_lazy(
            "%(count)d e-mail de confirmation renvoyé",
            "%(count)d e-mails de confirmation renvoyés",
            "count",
        ),
    )


@admin.action(description=_("Télécharger les confirmations PDF (ZIP)"), permissions=VIEW)
def download_confirmations(modeladmin, request, queryset):
    buffer = io.BytesIO()
    registrations = queryset.select_related("event", "tariff", "workshop__slot", "member")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for registration in registrations.order_by("reference"):
            document = ConfirmationDocument(registration)
            archive.writestr(document.filename, document.pdf().content)
    return file_response(
        buffer.getvalue(), filename="confirmations.zip", content_type="application/zip"
    )


def _staff_document_action(modeladmin, request, queryset, render, filename):
    try:
        content = render(queryset)
    except StaffDocumentError as error:
        modeladmin.message_user(request, str(error), messages.ERROR)
        return None
    return file_response(content, filename=filename, content_type="application/pdf")


@admin.action(
    description=_("Feuilles d'émargement des inscriptions sélectionnées (PDF)"),
    permissions=VIEW,
)
def sign_in_sheets(modeladmin, request, queryset):
    return _staff_document_action(
        modeladmin, request, queryset, sign_in_sheets_pdf, "feuilles-emargement.pdf"
    )


@admin.action(description=_("Badges des inscriptions sélectionnées (PDF)"), permissions=VIEW)
def badges(modeladmin, request, queryset):
    return _staff_document_action(modeladmin, request, queryset, badges_pdf, "badges.pdf")


REGISTRATION_ACTIONS = (
    confirm,
    record_membership,
    promote,
    cancel,
    issue_invoices,
    resend_confirmation,
    download_confirmations,
    sign_in_sheets,
    badges,
)


def _cancel_by_staff(*, registration):
    return services.registration_cancel(registration=registration, by_staff=True)


# The actions of a registration's own page: the same services as the list's actions, each
# offered when it fits the registration's state. Add one with one more ObjectAction.
REGISTRATION_OBJECT_ACTIONS = (
    ObjectAction(
        name="confirmer",
        label=_("Confirmer"),
        service=services.registration_confirm,
        done=_("Inscription %(registration)s confirmée."),
        fits=lambda r: r.status == RegistrationStatus.AWAITING_MEMBERSHIP,
    ),
    ObjectAction(
        name="adhesion",
        label=_("Enregistrer l'adhésion"),
        service=services.registration_record_membership,
        done=_("Adhésion enregistrée pour l'inscription %(registration)s."),
        fits=lambda r: (
            r.membership_state == MembershipState.PENDING
            and r.status != RegistrationStatus.CANCELLED
        ),
        form_class=MembershipPeriodForm,
        form_initial=membership_initial,
    ),
    ObjectAction(
        name="liste-attente",
        label=_("Inscrire depuis la liste d'attente"),
        service=services.registration_promote,
        done=_("Inscription %(registration)s sortie de la liste d'attente."),
        fits=lambda r: r.status == RegistrationStatus.WAITING_LIST,
    ),
    ObjectAction(
        name="facture",
        label=_("Émettre la facture"),
        service=services.registration_issue_invoice,
        done=_("Facture émise pour l'inscription %(registration)s."),
        fits=lambda r: services.invoice_refusal(r) is None,
    ),
    ObjectAction(
        name="paiement",
        label=_("Enregistrer le paiement"),
        service=services.registration_record_full_payment,
        done=_("Paiement enregistré : inscription %(registration)s payée."),
        fits=lambda r: r.payment_state in (PaymentState.INVOICED, PaymentState.PARTIALLY_PAID),
        form_class=FullPaymentForm,
        form_initial=payment_initial,
    ),
    ObjectAction(
        name="renvoyer",
        label=_("Renvoyer l'e-mail de confirmation"),
        service=services.registration_resend_confirmation,
        done=_("E-mail de confirmation renvoyé pour l'inscription %(registration)s."),
        fits=lambda r: r.status != RegistrationStatus.CANCELLED,
    ),
    ObjectAction(
        name="convention-signee",
        label=_("Déposer la convention signée"),
        service=services.signed_convention_store,
        done=_("Convention signée enregistrée pour l'inscription %(registration)s."),
        fits=lambda r: r.status in RegistrationStatus.holding_a_place(),
        form_class=SignedConventionForm,
        by_user=True,
    ),
    ObjectAction(
        name="annuler",
        label=_("Annuler l'inscription"),
        service=_cancel_by_staff,
        done=_("Inscription %(registration)s annulée."),
        fits=lambda r: r.status != RegistrationStatus.CANCELLED,
        confirm=_(
            "Annuler cette inscription ? Sa place sera libérée et le participant recevra un e-mail."
        ),
        style="danger",
    ),
)
