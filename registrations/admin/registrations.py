"""Victoria's back office: registrations in the Django admin.

Status, membership and payment change only through the actions, which call the
services (capacities, membership rule, e-mails); the change form edits what the
participant typed, to correct a typo.

Why ~330 lines: the list (columns, filters, search), the change page and the export
settings of one model admin; actions, dashboard, history and outbox live in their own
modules.
"""

from contextvars import ContextVar

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportActionMixin
from import_export.forms import ExportForm
from simple_history.admin import SimpleHistoryAdmin

from afpols_events.admin_french import FrenchAdminMixin, yes_no_display
from afpols_events.cleaning import parse_id
from afpols_events.formatting import format_money
from afpols_events.forms import CleanModelForm
from afpols_events.site import absolute_url

from ..enums import MembershipState, PaymentState, RegistrationStatus
from ..models import Registration
from .actions import REGISTRATION_ACTIONS, REGISTRATION_OBJECT_ACTIONS
from .billing import billing_summary_html
from .dashboard import DashboardAdminMixin
from .history import FrenchHistoryHelper
from .issued import IssuedDocumentsAdminMixin
from .object_actions import ObjectActionsMixin
from .outbox import MessageStateFilter, OutgoingMessageInline, send_failed_messages_again
from .privacy import PRIVACY_ACTIONS
from .resources import EXPORT_FORMATS, RegistrationResource
from .spreadsheets import TypedExportMixin
from .training_actions import TRAINING_ACTIONS

# The request being answered, for the absolute private link (admin instances are shared).
_admin_request = ContextVar("registration_admin_request", default=None)

STATUS_SHORT = {
    RegistrationStatus.AWAITING_MEMBERSHIP: _("Adhésion à vérifier"),
    RegistrationStatus.CONFIRMED: _("Confirmée"),
    RegistrationStatus.WAITING_LIST: _("Liste d'attente"),
    RegistrationStatus.CANCELLED: _("Annulée"),
}
MEMBERSHIP_SHORT = {MembershipState.VERIFIED: _("Vérifiée"), MembershipState.PENDING: _("En cours")}
PAYMENT_SHORT = {
    PaymentState.NOT_INVOICED: _("Non facturée"),
    PaymentState.INVOICED: _("Facturée"),
    PaymentState.PARTIALLY_PAID: _("Part. payée"),
    PaymentState.PAID: _("Payée"),
}


class EventScopedFilter(admin.RelatedFieldListFilter):
    """Tariffs and workshops of the event being filtered on, named with their event
    otherwise (two events both have a "1 750 €" tariff)."""

    def field_choices(self, field, request, model_admin):
        queryset = field.related_model.objects.select_related("event").order_by(
            "event__start_date", "pk"
        )
        event_id = parse_id(request.GET.get("event__id__exact"))
        if event_id is not None:
            return [(obj.pk, str(obj)) for obj in queryset.filter(event_id=event_id)]
        objects = list(queryset)
        several_events = len({obj.event_id for obj in objects}) > 1
        return [(obj.pk, f"{obj} ({obj.event})" if several_events else str(obj)) for obj in objects]


class RegistrationAdminForm(CleanModelForm):
    def validate_unique(self):
        super().validate_unique()
        # The event is read-only here, so model validation leaves out the constraints that
        # involve it: check them too (one active registration per person), with the
        # constraints' own messages.
        read_only = {field.name for field in Registration._meta.fields} - set(self.fields)
        try:
            self.instance.validate_constraints(exclude=read_only - {"event", "status"})
        except ValidationError as error:
            self.add_error(None, error)


@admin.register(Registration)
class RegistrationAdmin(
    FrenchAdminMixin,
    ObjectActionsMixin,
    IssuedDocumentsAdminMixin,
    DashboardAdminMixin,
    TypedExportMixin,
    ExportActionMixin,
    SimpleHistoryAdmin,
):
    of_the = _("de l'inscription")
    of_a = _("d'une inscription")
    a = _("une inscription")
    object_history_list_template = "admin/registrations/registration/history_list.html"
    form = RegistrationAdminForm
    object_actions = REGISTRATION_OBJECT_ACTIONS
    change_form_template = "admin/registrations/registration/change_form.html"
    resource_classes = [RegistrationResource]
    formats = EXPORT_FORMATS
    export_form_class = ExportForm
    # A byte order mark, so that Excel reads the accents of the CSV right.
    to_encoding = "utf-8-sig"
    show_change_form_export = False
    import_export_change_list_template = "admin/registrations/registration/change_list.html"

    list_display = (
        "reference",
        "participant",
        "organisation_name",
        "tariff_amount",
        "workshop_number",
        "status_short",
        "membership_short",
        "payment_short",
        "created_on",
    )
    list_display_links = ("reference", "participant")
    list_filter = (
        "event",
        "status",
        ("tariff", EventScopedFilter),
        ("workshop", EventScopedFilter),
        "membership_state",
        "payment_state",
        MessageStateFilter,
    )
    list_select_related = ("tariff", "workshop")
    search_fields = ("last_name", "first_name", "email", "organisation_name", "reference")
    search_help_text = _("Nom, prénom, e-mail, organisme ou référence.")
    date_hierarchy = "created_at"
    list_per_page = 100
    actions = (
        *REGISTRATION_ACTIONS,
        *TRAINING_ACTIONS,
        send_failed_messages_again,
        *PRIVACY_ACTIONS,
    )
    inlines = (OutgoingMessageInline,)

    def get_inlines(self, request, obj):
        # The outbox is shown, never submitted: leaving it out of the POST means a change
        # form posted without its management form (a script, an old tab) still saves.
        return () if request.method == "POST" else self.inlines

    fieldsets = (
        (
            _("Inscription"),
            {"fields": ("reference", "event", "created_at", "updated_at", "private_link", "token")},
        ),
        (
            _("Participant"),
            {
                "fields": (
                    ("last_name", "first_name"),
                    "job_title",
                    "email",
                    "phone",
                    "organisation_name",
                    "member_number",
                    "address",
                    "contact_person",
                    "billing_email",
                )
            },
        ),
        (_("Choix"), {"fields": ("tariff", "amount", "workshop")}),
        (
            _("Suivi"),
            {
                "description": _(
                    "Le statut, l'adhésion et le paiement se modifient avec les actions en "
                    "haut de cette page (ou celles de la liste des inscriptions)."
                ),
                "fields": (
                    "status",
                    ("membership_state", "member"),
                    "payment_state",
                    "billing_summary",
                    ("confirmed_at", "cancelled_at"),
                    ("invoiced_at", "paid_at"),
                ),
            },
        ),
        (_("Documents de formation"), {"fields": ("issued_documents_list",)}),
        (
            _("Signature du bulletin"),
            {
                "fields": (
                    ("signed_place", "signed_on"),
                    "signature",
                    "certified_display",
                    "privacy_consent_display",
                )
            },
        ),
    )
    readonly_fields = (
        "reference",
        "event",
        "token",
        "private_link",
        "created_at",
        "updated_at",
        "member_number",
        "tariff",
        "amount",
        "workshop",
        "status",
        "membership_state",
        "member",
        "payment_state",
        "billing_summary",
        "confirmed_at",
        "cancelled_at",
        "invoiced_at",
        "paid_at",
        "signed_place",
        "signed_on",
        "signature",
        "certified_display",
        "privacy_consent_display",
        "issued_documents_list",
    )

    certified_display = yes_no_display("certified", _("exactitude certifiée"))
    privacy_consent_display = yes_no_display(
        "privacy_consent", _("consentement au traitement des données")
    )

    @admin.display(description=_("nom"), ordering="last_name")
    def participant(self, registration):
        return f"{registration.last_name.upper()} {registration.first_name}"

    @admin.display(description=_("tarif"), ordering="tariff__amount")
    def tariff_amount(self, registration):
        # The amount names the tariff as staff say it ("le tarif à 1 750 €"); the label is
        # on the detail page and in the filter.
        return format_money(registration.tariff.amount)

    @admin.display(description=_("atelier"), ordering="workshop__number")
    def workshop_number(self, registration):
        if registration.workshop_id is None:
            return "—"
        return _g("Atelier %(number)s") % {"number": registration.workshop.number}

    @admin.display(description=_("factures"))
    def billing_summary(self, registration):
        return billing_summary_html(registration)

    # Short labels, so the list fits a 1280 px screen without hiding a column; the full
    # labels are in the filters and on the registration's page.
    @admin.display(description=_("statut"), ordering="status")
    def status_short(self, registration):
        return str(STATUS_SHORT.get(registration.status, registration.get_status_display()))

    @admin.display(description=_("adhésion"), ordering="membership_state")
    def membership_short(self, registration):
        return str(MEMBERSHIP_SHORT.get(registration.membership_state, "—"))

    @admin.display(description=_("paiement"), ordering="payment_state")
    def payment_short(self, registration):
        return str(PAYMENT_SHORT.get(registration.payment_state, "—"))

    @admin.display(description=_("inscrit le"), ordering="created_at")
    def created_on(self, registration):
        return timezone.localtime(registration.created_at).strftime("%d/%m/%Y")

    @admin.display(description=_("lien privé du participant"))
    def private_link(self, registration):
        try:
            url = registration.get_absolute_url()
        except NoReverseMatch:
            return "—"
        # Absolute, so it can be pasted into an e-mail to the participant, at the address
        # the site is served at.
        url = absolute_url(url, request=_admin_request.get())
        return format_html('<a href="{}">{}</a>', url, url)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The private link's address comes from the request; the page is rendered here so
        # the read-only field sees it.
        token = _admin_request.set(request)
        try:
            response = super().change_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response
        finally:
            _admin_request.reset(token)

    def has_add_permission(self, request):
        # A registration is made through the public bulletin, which numbers it and
        # applies capacities and the membership check.
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting would bring back an old status or place without the services' rules.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def get_historical_record_context_helper(self, request, historical_record):
        return FrenchHistoryHelper(self.model, historical_record)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "export_admin_action" in actions:
            function, name, _description = actions["export_admin_action"]
            actions[name] = (function, name, _("Exporter les inscriptions sélectionnées"))
        return actions

    def get_export_queryset(self, request):
        # The export also shows the event and the recognised member: join them too.
        return super().get_export_queryset(request).select_related("event", "member")

    def get_valid_export_item_pks(self, request):
        # Checks the rows posted by the "export selected" action; the library's default
        # (deprecated, with a warning) lists every row of the table.
        return self.get_queryset(request).values_list("pk", flat=True)

    def has_export_permission(self, request):
        # import-export allows every staff user by default: the export holds personal data.
        return self.has_view_permission(request)

    def get_export_filename(self, request, queryset, file_format):
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
        return f"inscriptions-{stamp}.{file_format.get_extension()}"
