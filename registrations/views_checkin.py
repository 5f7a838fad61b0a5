"""Staff check-in pages, made for a phone at the door: the page a scanned QR code opens,
and a half-day's roll to tick presence by hand.

Only signed-in staff with the attendance permissions get anything: anyone else is sent to
the login page (or refused with 403), before any registration is looked up.

Scanning opens the check-in URL with a GET, and that GET marks the person present: a
camera app can do nothing else. It is safe to repeat (one presence per half-day, unique
in the database), and the URL is signed, so it cannot be guessed nor forged. A browser
that only prefetches or prerenders the URL (``Sec-Purpose``/``Purpose: prefetch``,
``X-Moz: prefetch``, ``X-Purpose: preview``) marks nobody: it gets the person's page with
a button that marks them with a POST.
"""

import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from afpols_events.ratelimit import rate_limited
from programme.half_days import current_half_day, event_half_days, find_half_day, parse_half_day_key
from programme.models import Event

from . import services
from .enums import CheckInMethod
from .models import Registration
from .selectors.attendance import (
    attendance_by_half_day,
    half_day_roll,
    registration_for_code,
)

CHECK_IN_PERMISSIONS = ("registrations.add_attendance", "registrations.delete_attendance")

staff_check_in = [
    staff_member_required,
    permission_required(CHECK_IN_PERMISSIONS, raise_exception=True),
]
# Per client, after the staff checks (afpols_events.ratelimit, RATE_LIMIT_CHECK_IN): a scan is
# a GET that writes, so GETs count here too.
rate_limited_check_in = rate_limited("check_in", methods=("GET", "POST"))

QUERY_MAX_LENGTH = 100

# Request headers by which browsers say a request is a prefetch or a prerender, not a
# visit: Sec-Purpose (Chromium, Firefox), Purpose (older Chromium), X-Moz (old Firefox),
# X-Purpose (Safari).
PREFETCH_HEADERS = ("Sec-Purpose", "Purpose", "X-Moz", "X-Purpose")


def is_prefetch(request):
    """True when the browser only prefetches or prerenders the page (no one looked)."""
    for header in PREFETCH_HEADERS:
        value = request.headers.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return True
    return False


@method_decorator(staff_check_in, name="dispatch")
@method_decorator(rate_limited_check_in, name="dispatch")
class CheckInScanView(View):
    template_name = "registrations/checkin/scan.html"

    def get(self, request, code):
        if is_prefetch(request):
            return self.ask(request, code)
        return self.check_in(request, code)

    def post(self, request, code):
        """The button of the page a prefetch was given (or of any page that asks)."""
        return self.check_in(request, code)

    def _registration(self, code):
        registration = registration_for_code(code)
        if registration is None:
            raise Http404(_("Ce code de pointage n'est pas valable."))
        return registration

    def ask(self, request, code):
        """The person's page with a button that marks them: nothing is written."""
        registration = self._registration(code)
        context = {"registration": registration, "event": registration.event, "ask": True}
        response = render(request, self.template_name, context)
        # Never kept to stand in for a real visit; caches tell the two apart.
        response["Cache-Control"] = "no-store"
        response["Vary"] = ", ".join(PREFETCH_HEADERS)
        return response

    def check_in(self, request, code):
        registration = self._registration(code)
        context = {"registration": registration, "event": registration.event}
        try:
            check_in = services.attendance_check_in(
                registration=registration, by=request.user, method=CheckInMethod.SCAN
            )
        except services.CheckInRefused as refusal:
            context["refusal"] = " ".join(refusal.messages)
            return render(request, self.template_name, context, status=409)
        context["check_in"] = check_in
        context["roll_url"] = reverse(
            "staff:attendance_roll",
            kwargs={"slug": registration.event.slug, "half_day": check_in.half_day.key},
        )
        return render(request, self.template_name, context)


@method_decorator(staff_check_in, name="dispatch")
class AttendanceIndexView(View):
    """The event's half-days, with their attendance; the current one opens directly."""

    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        half_days = event_half_days(event)
        current = current_half_day(half_days)
        if current is not None and "toutes" not in request.GET:
            return redirect("staff:attendance_roll", slug=event.slug, half_day=current.key)
        return render(
            request,
            "registrations/checkin/index.html",
            {"event": event, "rows": attendance_by_half_day(event, half_days), "current": current},
        )


@method_decorator(staff_check_in, name="dispatch")
@method_decorator(rate_limited("check_in"), name="dispatch")
class AttendanceRollView(View):
    template_name = "registrations/checkin/roll.html"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(Event, slug=kwargs["slug"])
        parsed = parse_half_day_key(kwargs["half_day"])
        self.half_days = event_half_days(self.event)
        self.half_day = find_half_day(self.half_days, *parsed) if parsed else None
        if self.half_day is None:
            raise Http404(_("Cette demi-journée ne fait pas partie de la rencontre."))
        return super().dispatch(request, *args, **kwargs)

    def _query(self, data):
        return " ".join(data.get("q", "").split())[:QUERY_MAX_LENGTH]

    def _render(self, query, *, status=200):
        lines = half_day_roll(self.event, self.half_day, query=query)
        context = {
            "event": self.event,
            "half_day": self.half_day,
            "half_days": self.half_days,
            "lines": lines,
            "present_count": sum(1 for line in lines if line.present),
            "query": query,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self._render(self._query(request.GET))

    def post(self, request, *args, **kwargs):
        query = self._query(request.POST)
        registration_id = request.POST.get("registration", "")
        registration = (
            Registration.objects.filter(event=self.event, pk=registration_id).first()
            # ASCII digits that fit a bigint: "²" or 10**30 would be a 500, not a 400.
            if re.fullmatch(r"[0-9]{1,18}", registration_id)
            else None
        )
        action = request.POST.get("action")
        if registration is None or action not in ("present", "absent"):
            messages.error(request, _("Participant ou action inconnus : rien n'a été modifié."))
            return self._render(query, status=400)
        if action == "present":
            try:
                services.attendance_check_in(
                    registration=registration,
                    by=request.user,
                    half_day=self.half_day,
                    method=CheckInMethod.MANUAL,
                )
            except services.CheckInRefused as refusal:
                messages.error(request, " ".join(refusal.messages))
                return self._render(query, status=409)
            messages.success(
                request, _("%(name)s : présent(e).") % {"name": registration.full_name}
            )
        else:
            services.attendance_undo(
                registration=registration, half_day=self.half_day, by=request.user
            )
            messages.info(
                request, _("%(name)s : présence retirée.") % {"name": registration.full_name}
            )
        url = reverse(
            "staff:attendance_roll", kwargs={"slug": self.event.slug, "half_day": self.half_day.key}
        )
        if query:
            url += "?" + urlencode({"q": query})
        return redirect(f"{url}#inscription-{registration.pk}")
