"""The programme in the Django admin: events with their tariffs and workshops, items with
their parts and speakers inline, speakers, workshops with their speakers."""

import datetime as dt

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from afpols_events.admin_french import FrenchAdminMixin, yes_no_display
from afpols_events.formatting import format_date, format_time

from .enums import ItemKind
from .models import Appearance, Event, ItemPart, ProgrammeItem, Speaker, Tariff, Workshop


def _object_id(request):
    """The primary key of the object a change form is showing, or None on an add form."""
    match = request.resolver_match
    return match.kwargs.get("object_id") if match else None


class EventAdminForm(forms.ModelForm):
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


class TariffInline(admin.TabularInline):
    model = Tariff
    fields = ["label", "amount", "included", "capacity", "position"]
    extra = 0


class WorkshopInline(admin.TabularInline):
    model = Workshop
    fields = ["number", "title", "slot", "capacity"]
    extra = 0
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "slot":
            # Only the "Ateliers" slots of the event being edited.
            kwargs["queryset"] = ProgrammeItem.objects.filter(
                event_id=_object_id(request), kind=ItemKind.WORKSHOPS
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Event)
class EventAdmin(FrenchAdminMixin, admin.ModelAdmin):
    form = EventAdminForm
    of_the = _("de l'événement")
    of_a = _("d'un événement")
    a = _("un événement")
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
            {"fields": [("registration_opens_at", "registration_closes_at"), "seat_capacity"]},
        ),
    ]
    inlines = [TariffInline, WorkshopInline]


class DayListFilter(admin.SimpleListFilter):
    """Items of one programme day, the day taken in Europe/Paris."""

    title = _("jour")
    parameter_name = "jour"

    def lookups(self, request, model_admin):
        items = ProgrammeItem.objects.all()
        event_id = request.GET.get("event__id__exact")
        if event_id and event_id.isdigit():
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


class ItemPartInline(admin.StackedInline):
    model = ItemPart
    fields = [("heading", "position"), "description", "bullets"]
    extra = 0


class AppearanceInline(admin.TabularInline):
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
class ProgrammeItemAdmin(FrenchAdminMixin, admin.ModelAdmin):
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
class SpeakerAdmin(FrenchAdminMixin, admin.ModelAdmin):
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
class WorkshopAdmin(FrenchAdminMixin, admin.ModelAdmin):
    of_the = _("de l'atelier")
    of_a = _("d'un atelier")
    a = _("un atelier")
    list_display = ["__str__", "slot", "capacity", "event"]
    list_filter = ["event"]
    list_select_related = ["event", "slot"]
    search_fields = ["title", "description", "appearances__speaker__name"]
    fields = ["event", "slot", "number", "title", "description", "bullets", "capacity"]
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
