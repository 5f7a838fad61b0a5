"""A participant's own calendar (.ics), from the private link of their registration."""

from django.shortcuts import get_object_or_404
from django.views import View

from programme.exports.agenda_ics import ParticipantCalendarExporter
from programme.views_exports import export_response

from .models import Registration


class ParticipantCalendarView(View):
    def get(self, request, token):
        registration = get_object_or_404(
            Registration.objects.select_related("event", "workshop"), token=token
        )
        response = export_response(request, ParticipantCalendarExporter(registration), private=True)
        # The link is a private token: keep it out of search engines and referrers.
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response
