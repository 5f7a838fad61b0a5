"""Satisfaction survey (Qualiopi indicator 30): questions per event, one answer per
registration and phase ("à chaud" at the end, "à froid" some weeks later)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programme.models import Event

from ..enums import QuestionKind, SurveyPhase
from .registration import Registration

RATING_MIN, RATING_MAX = 1, 5


class SurveyQuestion(models.Model):
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="survey_questions",
        verbose_name=_("événement"),
    )
    phase = models.CharField(
        _("questionnaire"), max_length=10, choices=SurveyPhase.choices, default=SurveyPhase.HOT
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("type de réponse"), max_length=10, choices=QuestionKind.choices)
    required = models.BooleanField(_("réponse obligatoire"), default=False)

    class Meta:
        verbose_name = _("question du questionnaire de satisfaction")
        verbose_name_plural = _("questions du questionnaire de satisfaction")
        ordering = ["event", "phase", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(phase__in=SurveyPhase.values), name="survey_question_phase_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="survey_question_kind_valid"
            ),
        ]

    def __str__(self):
        return self.text


class SurveyResponse(models.Model):
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("inscription"),
    )
    phase = models.CharField(_("questionnaire"), max_length=10, choices=SurveyPhase.choices)
    submitted_at = models.DateTimeField(_("répondu le"))

    class Meta:
        verbose_name = _("réponse au questionnaire de satisfaction")
        verbose_name_plural = _("réponses au questionnaire de satisfaction")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "phase"],
                name="survey_one_response_per_registration",
                violation_error_message=_("Ce questionnaire a déjà été rempli."),
            ),
        ]

    def __str__(self):
        return f"{self.registration.reference} — {self.get_phase_display()}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("réponse")
    )
    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    rating = models.PositiveSmallIntegerField(_("note"), null=True, blank=True)
    text = models.TextField(_("commentaire"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("réponse à une question")
        verbose_name_plural = _("réponses aux questions")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True)
                | Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="survey_rating_in_scale",
            ),
        ]

    def __str__(self):
        return str(self.question)
