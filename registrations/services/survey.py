"""The satisfaction survey: inviting participants, and recording one answer each."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..enums import MessageKind, QuestionKind, RegistrationStatus, SurveyPhase
from ..models import SurveyAnswer, SurveyQuestion, SurveyResponse

INVITATIONS = {SurveyPhase.HOT: MessageKind.SURVEY_HOT, SurveyPhase.COLD: MessageKind.SURVEY_COLD}


class SurveyRefused(ValidationError):
    """The questionnaire cannot be sent or answered."""


def _refuse_unless_open(registration, phase):
    if registration.status not in RegistrationStatus.holding_a_place():
        raise SurveyRefused(
            _("Le questionnaire est réservé aux participants de la rencontre."), code="no_place"
        )
    if not SurveyQuestion.objects.filter(event=registration.event, phase=phase).exists():
        raise SurveyRefused(
            _("Aucune question n'est prévue pour ce questionnaire."), code="no_question"
        )
    if SurveyResponse.objects.filter(registration=registration, phase=phase).exists():
        raise SurveyRefused(_("Ce questionnaire a déjà été rempli. Merci !"), code="answered")


def survey_invite(*, registration, phase=SurveyPhase.HOT):
    """E-mail ``registration`` the link to the ``phase`` questionnaire (if not answered)."""
    _refuse_unless_open(registration, phase)
    notifications.notify(registration, INVITATIONS[SurveyPhase(phase)])
    return registration


def survey_submit(*, registration, phase, answers, now=None):
    """Record the answers (``{question: rating or text}``) of ``registration``, once."""
    _refuse_unless_open(registration, phase)
    now = now or timezone.now()
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                registration=registration, phase=phase, submitted_at=now
            )
            rows = []
            for question, value in answers.items():
                if value in (None, ""):
                    continue
                if question.kind == QuestionKind.RATING:
                    rows.append(
                        SurveyAnswer(response=response, question=question, rating=int(value))
                    )
                else:
                    rows.append(SurveyAnswer(response=response, question=question, text=value))
            SurveyAnswer.objects.bulk_create(rows)
    except IntegrityError:
        # A double submit: the first one won.
        raise SurveyRefused(
            _("Ce questionnaire a déjà été rempli. Merci !"), code="answered"
        ) from None
    return response
