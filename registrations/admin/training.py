"""The training details of each event (règlement intérieur, practical details, terms)."""

from django.contrib import admin

from afpols_events.forms import CleanTextAdminMixin

from ..models import EventTraining


@admin.register(EventTraining)
class EventTrainingAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    list_display = ["event", "updated_at"]
    list_select_related = ["event"]
    fields = [
        "event",
        "internal_rules",
        "practical_information",
        "what_to_bring",
        "teaching_means",
        "assessment",
        "cancellation_terms",
    ]
