"""Admin actions for the training paperwork: convocations before the event, certificates
after it. Each calls a service per registration and reports refusals one by one."""

import io
import zipfile

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from afpols_events.http import file_response

from .. import services
from ..documents.convention import conventions_of
from ..enums import RegistrationStatus, SurveyPhase
from .actions import CHANGE, VIEW, run_for_each


@admin.action(description=_("Conventions de formation (une par organisme, PDF)"), permissions=VIEW)
def conventions(modeladmin, request, queryset):
    selected = queryset.filter(status__in=RegistrationStatus.holding_a_place()).select_related(
        "event", "tariff"
    )
    documents = conventions_of(selected)
    if not documents:
        modeladmin.message_user(
            request,
            _("Aucune inscription confirmée ou en attente d'adhésion dans la sélection."),
            messages.ERROR,
        )
        return None
    if len(documents) == 1:
        return file_response(
            documents[0].pdf().content,
            filename=documents[0].filename,
            content_type="application/pdf",
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            archive.writestr(document.filename, document.pdf().content)
    return file_response(
        buffer.getvalue(), filename="conventions.zip", content_type="application/zip"
    )


def _send(modeladmin, request, queryset, *, again):
    run_for_each(
        modeladmin,
        request,
        queryset,
        lambda registration: services.certificates_send(
            registration=registration, by=request.user, again=again
        ),
        ngettext_lazy(
            "%(count)d certificat de réalisation et attestation envoyés",
            "%(count)d certificats de réalisation et attestations envoyés",
            "count",
        ),
    )


@admin.action(
    description=_("Envoyer le certificat de réalisation et l'attestation (après la rencontre)"),
    permissions=CHANGE,
)
def send_certificates(modeladmin, request, queryset):
    _send(modeladmin, request, queryset, again=False)


@admin.action(
    description=_("Renvoyer le certificat de réalisation et l'attestation"), permissions=CHANGE
)
def resend_certificates(modeladmin, request, queryset):
    _send(modeladmin, request, queryset, again=True)


def _convoke(modeladmin, request, queryset, *, again):
    run_for_each(
        modeladmin,
        request,
        queryset,
        lambda registration: services.convocation_send(
            registration=registration, by=request.user, again=again
        ),
        ngettext_lazy("%(count)d convocation envoyée", "%(count)d convocations envoyées", "count"),
    )


@admin.action(description=_("Envoyer la convocation"), permissions=CHANGE)
def send_convocations(modeladmin, request, queryset):
    _convoke(modeladmin, request, queryset, again=False)


@admin.action(description=_("Renvoyer la convocation"), permissions=CHANGE)
def resend_convocations(modeladmin, request, queryset):
    _convoke(modeladmin, request, queryset, again=True)


def _invite(modeladmin, request, queryset, phase):
    run_for_each(
        modeladmin,
        request,
        queryset,
        lambda registration: services.survey_invite(registration=registration, phase=phase),
        ngettext_lazy(
            "%(count)d questionnaire envoyé", "%(count)d questionnaires envoyés", "count"
        ),
    )


@admin.action(
    description=_("Envoyer le questionnaire de satisfaction (à chaud)"), permissions=CHANGE
)
def send_survey(modeladmin, request, queryset):
    _invite(modeladmin, request, queryset, SurveyPhase.HOT)


@admin.action(
    description=_("Envoyer le questionnaire de satisfaction (à froid)"), permissions=CHANGE
)
def send_cold_survey(modeladmin, request, queryset):
    _invite(modeladmin, request, queryset, SurveyPhase.COLD)


TRAINING_ACTIONS = (
    conventions,
    send_convocations,
    resend_convocations,
    send_certificates,
    resend_certificates,
    send_survey,
    send_cold_survey,
)
