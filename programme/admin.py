"""The programme in the Django admin: events with their tariffs and workshops, items with
their parts and speakers inline, speakers, workshops with their speakers.

Why ~410 lines: one ModelAdmin per programme model with its inlines and forms, the "next
edition" page of events, and ``RegistrationSettingsOnlyMixin`` (what the staff group may
change), which only these admins use.
"""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten, flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from afpols_events.admin_french import FrenchAdminMixin, yes_no_display
from afpols_events.cleaning import parse_id
from afpols_events.formatting import format_date, format_time
from afpols_events.forms import CleanForm, CleanModelForm, CleanTextAdminMixin

from . import inclusions
from .content_version import ContentVersionAdminMixin
from .editions import event_prepare_next_edition, next_edition_defaults
from .enums import ItemKind
from .models import Appearance, Event, ItemPart, ProgrammeItem, Speaker, Tariff, Workshop


def _object_id(request):
    """The primary key of the object a change form is showing, or None on an add form."""
    match = request.resolver_match
    return match.kwargs.get("object_id") if match else None


class EventAdminForm(CleanModelForm):
    """Each event shows participants when registration closes: the date is required here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "registration_closes_at" in self.fields:
            field = self.fields["registration_closes_at"]
            field.required = True
            field.error_messages["required"] = _(
                "Indiquez la date et l'heure de clôture des inscriptions : elles sont "
                "affichées aux participants."
            )


class RegistrationSettingsOnlyMixin:
    """Staff who are not superusers (the "Gestion des inscriptions" group) change only the
    registration settings here: every other field is shown read-only, so the event's
    public content (title, texts, slug, publication, programme) stays the organisers'."""

    staff_editable_fields = ()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        names = flatten_fieldsets(self.fieldsets) if self.fieldsets else flatten(self.fields or ())
        return readonly + [
            name for name in names if name not in self.staff_editable_fields + tuple(readonly)
        ]

    def get_prepopulated_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_prepopulated_fields(request, obj)
        return {}


class TariffInlineForm(CleanModelForm):
    """Nights and dinners as check boxes, one per day of the event (``day_choices``)."""

    day_choices = []

    nights = forms.MultipleChoiceField(
        label=_("nuits comprises"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("La nuit qui suit chaque jour coché."),
    )
    dinners = forms.MultipleChoiceField(
        label=_("dîners compris"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Tariff
        fields = ["label", "amount", "included", "nights", "dinners", "lunches", "capacity"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("nights", "dinners"):
            self.fields[name].choices = self.day_choices


class TariffInline(RegistrationSettingsOnlyMixin, CleanTextAdminMixin, admin.StackedInline):
    model = Tariff
    form = TariffInlineForm
    fields = [
        ("label", "amount"),
        "included",
        ("nights", "dinners", "lunches"),
        ("capacity", "position"),
    ]
    staff_editable_fields = ("capacity",)
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        # The days offered are those of the event being edited (none yet on an add form).
        choices = inclusions.day_choices(obj) if obj is not None else []
        kwargs["form"] = type("TariffForm", (TariffInlineForm,), {"day_choices": choices})
        return super().get_formset(request, obj, **kwargs)


class WorkshopInline(RegistrationSettingsOnlyMixin, CleanTextAdminMixin, admin.TabularInline):
    model = Workshop
    fields = ["number", "title", "slot", "capacity"]
    staff_editable_fields = ("capacity",)
    extra = 0
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "slot":
            # Only the "Ateliers" slots of the event being edited.
            kwargs["queryset"] = ProgrammeItem.objects.filter(
                event_id=_object_id(request), kind=ItemKind.WORKSHOPS
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class NextEditionForm(CleanForm):
    start_date = forms.DateField(
        label=_("premier jour de la nouvelle édition"),
        help_text=_("Proposé : le même jour de la semaine, un an plus tard."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    slug = forms.SlugField(label=_("identifiant d'URL"), max_length=80)
    reference_prefix = forms.CharField(label=_("préfixe des références"), max_length=12)


@admin.register(Event)
class EventAdmin(
    ContentVersionAdminMixin, FrenchAdminMixin, RegistrationSettingsOnlyMixin, admin.ModelAdmin
):
    form = EventAdminForm
    staff_editable_fields = ("registration_opens_at", "registration_closes_at", "seat_capacity")
    of_the = _("de l'événement")
    of_a = _("d'un événement")
    a = _("un événement")
    actions = ["prepare_next_edition"]
    list_display = [
        "title",
        "start_date",
        "end_date",
        "venue_name",
        "seat_capacity",
        "is_published_display",
    ]
    list_filter = ["is_published"]
    is_published_display = yes_no_display("is_published", _("publié"))
    search_fields = ["title", "subtitle", "series", "slug", "reference_prefix"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (
            _("Événement"),
            {
                "fields": [
                    "series",
                    "title",
                    "subtitle",
                    "theme",
                    ("slug", "reference_prefix"),
                    "is_published",
                ]
            },
        ),
        (
            _("Dates et lieu"),
            {"fields": [("start_date", "end_date"), "venue_name", "venue_address", "venue_phone"]},
        ),
        (
            _("Contact"),
            {
                "fields": [
                    "contact_name",
                    ("contact_phone", "contact_fax"),
                    "contact_email",
                    "postal_address",
                ]
            },
        ),
        (_("Présentation"), {"fields": ["stakes", "objectives"]}),
        (
            _("Inscriptions"),
            {
                "fields": [
                    ("registration_opens_at", "registration_closes_at"),
                    "seat_capacity",
                    "offer_hours",
                ]
            },
        ),
    ]
    inlines = [TariffInline, WorkshopInline]

    def get_urls(self):
        return [
            path(
                "<int:event_id>/edition-suivante/",
                self.admin_site.admin_view(self.next_edition_view),
                name="programme_event_next_edition",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Préparer l'édition suivante"), permissions=["add"])
    def prepare_next_edition(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request,
                _("Choisissez un seul événement pour préparer son édition suivante."),
                messages.ERROR,
            )
            return None
        return redirect("admin:programme_event_next_edition", queryset.get().pk)

    def next_edition_view(self, request, event_id):
        """The action's form: new dates, slug and prefix; creating it runs the copy."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        event = get_object_or_404(Event, pk=event_id)
        defaults = next_edition_defaults(event)
        status = 200
        if request.method == "POST":
            form = NextEditionForm(request.POST)
            if form.is_valid():
                try:
                    new_event = event_prepare_next_edition(event=event, **form.cleaned_data)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(
                        request,
                        _(
                            "L'édition suivante « %(title)s » est créée, non publiée : "
                            "vérifiez-la puis publiez-la."
                        )
                        % {"title": new_event.title},
                        messages.SUCCESS,
                    )
                    return redirect("admin:programme_event_change", new_event.pk)
            status = 400
        else:
            form = NextEditionForm(
                initial={
                    "start_date": defaults.start_date,
                    "slug": defaults.slug,
                    "reference_prefix": defaults.reference_prefix,
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Préparer l'édition suivante"),
            "original": event,
            "form": form,
            "defaults": defaults,
        }
        return TemplateResponse(
            request, "admin/programme/event/next_edition.html", context, status=status
        )


class DayListFilter(admin.SimpleListFilter):
    """Items of one programme day, the day taken in Europe/Paris."""

    title = _("jour")
    parameter_name = "jour"

    def lookups(self, request, model_admin):
        items = ProgrammeItem.objects.all()
        event_id = parse_id(request.GET.get("event__id__exact"))
        if event_id is not None:
            items = items.filter(event_id=event_id)
        days = items.datetimes("starts_at", "day")
        return [(day.date().isoformat(), format_date(day)) for day in days]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            day = dt.date.fromisoformat(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        return queryset.filter(starts_at__date=day)


class ItemPartInline(CleanTextAdminMixin, admin.StackedInline):
    model = ItemPart
    fields = [("heading", "position"), "description", "bullets"]
    extra = 0


class AppearanceInline(CleanTextAdminMixin, admin.TabularInline):
    model = Appearance
    fields = ["speaker", "lead_in", "group", "position"]
    autocomplete_fields = ["speaker"]
    extra = 1


class ItemAppearanceInline(AppearanceInline):
    fk_name = "item"
    verbose_name_plural = _("intervenants")


class WorkshopAppearanceInline(AppearanceInline):
    fk_name = "workshop"
    verbose_name_plural = _("intervenants")


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(
    ContentVersionAdminMixin, FrenchAdminMixin, CleanTextAdminMixin, admin.ModelAdmin
):
    of_the = _("de la séquence")
    of_a = _("d'une séquence")
    a = _("une séquence")
    list_display = ["title", "day", "time", "kind", "event"]
    list_display_links = ["title"]
    list_filter = ["event", "kind", DayListFilter]
    list_select_related = ["event"]
    search_fields = ["title", "description", "bullets", "anchor", "appearances__speaker__name"]
    ordering = ["event", "starts_at", "position"]
    fieldsets = [
        (None, {"fields": ["event", "kind", "title", "anchor"]}),
        (_("Horaire"), {"fields": [("starts_at", "ends_at"), "position"]}),
        (_("Contenu"), {"fields": ["description", "bullets"]}),
    ]
    inlines = [ItemPartInline, ItemAppearanceInline]

    @admin.display(description=_("jour"), ordering="starts_at")
    def day(self, item):
        return format_date(item.starts_at)

    @admin.display(description=_("horaire"), ordering="starts_at")
    def time(self, item):
        if item.ends_at:
            return f"{format_time(item.starts_at)} – {format_time(item.ends_at)}"
        return format_time(item.starts_at)

    def view_on_site(self, item):
        return reverse("programme:agenda", kwargs={"slug": item.event.slug}) + f"#{item.anchor}"


@admin.register(Speaker)
class SpeakerAdmin(
    ContentVersionAdminMixin, FrenchAdminMixin, CleanTextAdminMixin, admin.ModelAdmin
):
    of_the = _("de l'intervenant")
    of_a = _("d'un intervenant")
    a = _("un intervenant")
    list_display = ["name", "role", "organisation", "is_collective_display"]
    is_collective_display = yes_no_display("is_collective", _("intervenant collectif"))
    list_filter = ["is_collective"]
    search_fields = ["name", "role", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "role", "organisation", "is_collective", "slug"]


@admin.register(Workshop)
class WorkshopAdmin(
    ContentVersionAdminMixin,
    FrenchAdminMixin,
    RegistrationSettingsOnlyMixin,
    CleanTextAdminMixin,
    admin.ModelAdmin,
):
    of_the = _("de l'atelier")
    of_a = _("d'un atelier")
    a = _("un atelier")
    list_display = ["__str__", "slot", "capacity", "event"]
    list_filter = ["event"]
    list_select_related = ["event", "slot"]
    search_fields = ["title", "description", "appearances__speaker__name"]
    fields = ["event", "slot", "number", "title", "description", "bullets", "capacity"]
    staff_editable_fields = ("capacity",)
    inlines = [WorkshopAppearanceInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "slot":
            slots = ProgrammeItem.objects.filter(kind=ItemKind.WORKSHOPS).select_related("event")
            workshop = Workshop.objects.filter(pk=_object_id(request)).first()
            if workshop:
                slots = slots.filter(event_id=workshop.event_id)
            kwargs["queryset"] = slots
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def view_on_site(self, workshop):
        return (
            reverse("programme:agenda", kwargs={"slug": workshop.event.slug})
            + f"#{workshop.anchor}"
        )
