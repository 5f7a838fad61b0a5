"""The satisfaction questionnaire, opened from the e-mail or the private page (token URL),
and its results as XLSX for staff."""

import hashlib

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from afpols_events.http import download_response
from programme.models import Event

from . import services
from .enums import SurveyPhase
from .forms.survey import SurveyForm
from .models import Registration, SurveyQuestion
from .survey_export import survey_xlsx


class SurveyView(View):
    template_name = "registrations/survey/form.html"

    def dispatch(self, request, *args, **kwargs):
        self.registration = get_object_or_404(
            Registration.objects.select_related("event"), token=kwargs["token"]
        )
        if kwargs["phase"] not in SurveyPhase.values:
            raise Http404(_("Questionnaire inconnu."))
        self.phase = SurveyPhase(kwargs["phase"])
        self.questions = list(
            SurveyQuestion.objects.filter(event=self.registration.event, phase=self.phase)
        )
        if not self.questions:
            raise Http404(_("Aucune question n'est prévue pour ce questionnaire."))
        return super().dispatch(request, *args, **kwargs)

    def _render(self, form, *, status=200, refusal=""):
        context = {
            "registration": self.registration,
            "event": self.registration.event,
            "phase": self.phase,
            "form": form,
            "refusal": refusal,
            "answered": self.registration.survey_responses.filter(phase=self.phase).exists(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        return self._render(SurveyForm(questions=self.questions))

    def post(self, request, *args, **kwargs):
        form = SurveyForm(request.POST, questions=self.questions)
        if not form.is_valid():
            return self._render(form, status=400)
        try:
            services.survey_submit(
                registration=self.registration, phase=self.phase, answers=form.answers()
            )
        except services.SurveyRefused as refusal:
            return self._render(form, status=409, refusal=" ".join(refusal.messages))
        messages.success(request, _("Merci ! Vos réponses au questionnaire sont enregistrées."))
        return redirect(self.registration)


@method_decorator(
    [
        staff_member_required,
        permission_required("registrations.view_surveyresponse", raise_exception=True),
    ],
    name="dispatch",
)
class SurveyResultsXLSXView(View):
    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        content = survey_xlsx(event)
        return download_response(
            request,
            content=content,
            etag='"' + hashlib.sha256(content).hexdigest()[:32] + '"',
            filename=f"questionnaire-satisfaction-{event.slug}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            private=True,
        )
