"""Member organisations in the admin: the list AFPOLS keeps, its import and export."""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ExportForm
from import_export.tmp_storages import CacheStorage

from afpols_events.admin_french import FrenchAdminMixin, yes_no_display, yes_no_icon
from afpols_events.forms import CleanModelForm

from .. import services
from ..models import MemberOrganisation
from .resources import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    MemberOrganisationResource,
)
from .spreadsheets import TypedExportMixin


class SubscriptionFilter(admin.SimpleListFilter):
    title = _("adhésion")
    parameter_name = "adhesion"

    def lookups(self, request, model_admin):
        return (("a-jour", _("À jour aujourd'hui")), ("echue", _("Échue ou pas commencée")))

    def queryset(self, request, queryset):
        today = timezone.localdate()
        current = Q(subscription_start__lte=today, subscription_end__gte=today)
        if self.value() == "a-jour":
            return queryset.filter(current)
        if self.value() == "echue":
            return queryset.exclude(current)
        return queryset


@admin.register(MemberOrganisation)
class MemberOrganisationAdmin(FrenchAdminMixin, TypedExportMixin, ImportExportModelAdmin):
    of_the = _("de l'organisme adhérent")
    of_a = _("d'un organisme adhérent")
    a = _("un organisme adhérent")
    # The file waits between preview and confirmation in the default cache, which every
    # app server shares (database or Redis); a server's own disk would not do, since the
    # confirmation may reach another server.
    tmp_storage_class = CacheStorage
    form = CleanModelForm
    resource_classes = [MemberOrganisationResource]
    formats = EXPORT_FORMATS
    import_formats = IMPORT_FORMATS
    export_form_class = ExportForm
    to_encoding = "utf-8-sig"
    list_display = (
        "name",
        "member_number",
        "city",
        "subscription_start",
        "subscription_end",
        "is_current",
        "is_demo_display",
    )
    list_filter = (SubscriptionFilter, "is_demo", "city")
    search_fields = ("name", "normalized_name", "member_number", "city")
    fields = ("name", "member_number", "city", "subscription_start", "subscription_end", "is_demo")

    is_demo_display = yes_no_display("is_demo", _("donnée de démonstration"))

    @admin.display(description=_("à jour"))
    def is_current(self, member):
        return yes_no_icon(member.covers(timezone.localdate()))

    def has_import_permission(self, request):
        # An import creates and updates members.
        return request.user.has_perms(
            ["registrations.add_memberorganisation", "registrations.change_memberorganisation"]
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def _verify_pending(self, request):
        verified = services.registrations_verify_pending_memberships()
        self.message_user(
            request,
            ngettext(
                "%(count)d inscription en attente a été vérifiée automatiquement "
                "(organisme désormais adhérent à jour).",
                "%(count)d inscriptions en attente ont été vérifiées automatiquement "
                "(organismes désormais adhérents à jour).",
                verified,
            )
            % {"count": verified},
            messages.SUCCESS if verified else messages.INFO,
        )

    def process_result(self, result, request):
        response = super().process_result(result, request)
        self._verify_pending(request)
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._verify_pending(request)
