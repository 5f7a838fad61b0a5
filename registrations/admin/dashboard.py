"""The registrations dashboard of an event and its documents, as admin views.

Mixed into the registration admin: the URLs live under
``/admin/registrations/registration/tableau-de-bord/`` and need the view permission
on registrations.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from afpols_events.cleaning import parse_id
from afpols_events.http import file_response
from programme.models import Event

from ..documents import (
    AFTERNOON,
    MORNING,
    StaffDocumentError,
    event_badges_pdf,
    event_half_days,
    event_sign_in_sheet_pdf,
    find_half_day,
)
from ..selectors import event_dashboard
from ..selectors.attendance import attendance_by_half_day
from ..selectors.survey import survey_results


class DashboardAdminMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "tableau-de-bord/",
                wrap(self.dashboard_index_view),
                name="registrations_dashboard_index",
            ),
            path(
                "tableau-de-bord/<int:event_id>/",
                wrap(self.dashboard_view),
                name="registrations_dashboard",
            ),
            path(
                "tableau-de-bord/<int:event_id>/emargement/<str:day>/<str:period>/",
                wrap(self.sign_in_sheet_view),
                name="registrations_sign_in_sheet",
            ),
            path(
                "tableau-de-bord/<int:event_id>/badges/",
                wrap(self.badges_view),
                name="registrations_badges",
            ),
            *super().get_urls(),
        ]

    def _check_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def dashboard_index_view(self, request):
        self._check_view(request)
        events = list(Event.objects.order_by("-start_date"))
        if len(events) == 1:
            return redirect("admin:registrations_dashboard", event_id=events[0].pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tableaux de bord des inscriptions"),
            "opts": self.opts,
            "events": events,
        }
        return TemplateResponse(request, "admin/registrations/dashboard_index.html", context)

    def dashboard_view(self, request, event_id):
        self._check_view(request)
        event = get_object_or_404(Event, pk=event_id)
        changelist = reverse("admin:registrations_registration_changelist")
        half_days = event_half_days(event)
        context = {
            **self.admin_site.each_context(request),
            "title": _g("Tableau de bord : %(event)s") % {"event": event.title},
            "opts": self.opts,
            "dashboard": event_dashboard(event),
            "half_days": half_days,
            "attendance": attendance_by_half_day(event, half_days),
            "survey": survey_results(event),
            "changelist_url": f"{changelist}?event__id__exact={event.pk}",
        }
        return TemplateResponse(request, "admin/registrations/dashboard.html", context)

    def _pdf(self, content, filename):
        return file_response(
            content, filename=filename, content_type="application/pdf", as_attachment=False
        )

    def sign_in_sheet_view(self, request, event_id, day, period):
        self._check_view(request)
        event = get_object_or_404(Event, pk=event_id)
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            raise Http404(_g("Date invalide.")) from None
        if period not in (MORNING, AFTERNOON):
            raise Http404(_g("Demi-journée invalide."))
        try:
            half_day = find_half_day(event, day, period)
        except StaffDocumentError as error:
            raise Http404(str(error)) from None
        content = event_sign_in_sheet_pdf(event, half_day)
        return self._pdf(content, f"emargement-{event.slug}-{day.isoformat()}-{period}.pdf")

    def badges_view(self, request, event_id):
        self._check_view(request)
        event = get_object_or_404(Event, pk=event_id)
        try:
            content = event_badges_pdf(event)
        except StaffDocumentError as error:
            self.message_user(request, str(error), messages.WARNING)
            return redirect("admin:registrations_dashboard", event_id=event.pk)
        return self._pdf(content, f"badges-{event.slug}.pdf")

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        event_id = parse_id(request.GET.get("event__id__exact"))
        if event_id is not None:
            extra_context["dashboard_url"] = reverse(
                "admin:registrations_dashboard", kwargs={"event_id": event_id}
            )
        else:
            extra_context["dashboard_url"] = reverse("admin:registrations_dashboard_index")
        return super().changelist_view(request, extra_context)
