"""Offers of freed places, read-only: which are in progress and until when.

They are made, accepted, declined and expired by ``services/waiting_list.py`` only;
staff still promote a waiting registration by hand from the registrations list.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from afpols_events.formatting import format_date, format_time
from afpols_events.forms import CleanTextAdminMixin

from ..models import WaitingListOffer


@admin.register(WaitingListOffer)
class WaitingListOfferAdmin(CleanTextAdminMixin, admin.ModelAdmin):
    list_display = ["registration", "participant", "event", "status", "offered_at", "deadline"]
    list_filter = ["status", "registration__event"]
    list_select_related = ["registration__event"]
    search_fields = ["registration__reference", "registration__last_name", "registration__email"]
    ordering = ["status", "expires_at"]
    fields = ["registration", "status", "offered_at", "expires_at", "answered_at"]
    readonly_fields = fields

    @admin.display(description=_("participant"))
    def participant(self, offer):
        return offer.registration.full_name

    @admin.display(description=_("événement"), ordering="registration__event")
    def event(self, offer):
        return offer.registration.event

    @admin.display(description=_("à accepter avant le"), ordering="expires_at")
    def deadline(self, offer):
        return f"{format_date(offer.expires_at)} {format_time(offer.expires_at)}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
