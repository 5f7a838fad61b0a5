"""A participant's rights, from the registrations list: access (one JSON file of
everything held about them) and erasure on request (after a confirmation page)."""

import json

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.serializers.json import DjangoJSONEncoder
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from afpols_events.http import file_response

from .. import services
from ..models import Registration
from ..selectors import participant_data


def _one_person(modeladmin, request, queryset):
    """The selected registrations' single e-mail address, or ``None`` after a message."""
    people = {
        tuple(value.strip().lower() for value in person)
        for person in queryset.values_list("email", "last_name", "first_name")
    }
    if len(people) != 1:
        modeladmin.message_user(
            request,
            _g(
                "Sélectionnez les inscriptions d'une seule personne (même nom, même adresse "
                "e-mail) : %(count)d personnes différentes sont sélectionnées."
            )
            % {"count": len(people)},
            messages.ERROR,
        )
        return None
    return queryset.first()


@admin.action(
    description=_("Exporter les données personnelles de la personne (JSON)"),
    permissions=("view",),
)
def export_personal_data(modeladmin, request, queryset):
    registration = _one_person(modeladmin, request, queryset)
    if registration is None:
        return None
    content = json.dumps(
        participant_data(registration), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = file_response(
        content.encode(),
        filename=f"donnees-personnelles-{registration.reference}.json",
        content_type="application/json; charset=utf-8",
    )
    response["Cache-Control"] = "no-store"
    return response


@admin.action(
    description=_("Effacer les données personnelles de la personne (sur demande)"),
    permissions=("change",),
)
def erase_personal_data(modeladmin, request, queryset):
    """Asks for a confirmation listing every registration of the person first."""
    registration = _one_person(modeladmin, request, queryset)
    if registration is None:
        return None
    if request.POST.get("post") != "yes":
        return TemplateResponse(
            request,
            "admin/registrations/registration/erase_confirmation.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": _("Effacer les données personnelles d'une personne"),
                "opts": modeladmin.opts,
                "selected": queryset,
                "registrations": Registration.objects.filter(
                    email__iexact=registration.email,
                    last_name__iexact=registration.last_name,
                    first_name__iexact=registration.first_name,
                ).select_related("event"),
                "action_name": "erase_personal_data",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": modeladmin.media,
            },
        )
    count = services.participant_erase(registration=registration)
    modeladmin.message_user(
        request,
        ngettext(
            "Données personnelles effacées : %(count)d inscription anonymisée.",
            "Données personnelles effacées : %(count)d inscriptions anonymisées.",
            max(count, 1),
        )
        % {"count": count},
        messages.SUCCESS,
    )
    return None


PRIVACY_ACTIONS = (export_personal_data, erase_personal_data)
