"""The satisfaction survey: inviting participants (by a staff action, or the "à froid" one
by ``send_cold_surveys``), and recording one answer each."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notifications
from ..enums import MessageKind, QuestionKind, RegistrationStatus, SurveyPhase
from ..models import OutgoingMessage, Registration, SurveyAnswer, SurveyQuestion, SurveyResponse

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


def cold_surveys_send_due(*, weeks_after, until_weeks_after=None, now=None):
    """Invite to the "à froid" questionnaire, once, every participant of the events that
    ended ``weeks_after`` weeks ago or more (but not more than ``until_weeks_after``: an
    old event's participants are not written to out of the blue), who was never sent it
    (by this command or by staff) and has not answered it. Returns how many were invited.

    The rules are the staff action's (:func:`survey_invite`: a place at the event, cold
    questions defined); each invitation is decided under the registration's lock, so two
    runs at once still send it once."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if until_weeks_after is None:
        until_weeks_after = weeks_after + 6
    message_kind = INVITATIONS[SurveyPhase.COLD]
    due = (
        Registration.objects.filter(
            status__in=RegistrationStatus.holding_a_place(),
            anonymised_at__isnull=True,
            event__end_date__lte=today - dt.timedelta(weeks=weeks_after),
            event__end_date__gte=today - dt.timedelta(weeks=until_weeks_after),
            event__survey_questions__phase=SurveyPhase.COLD,
        )
        .exclude(messages__kind=message_kind)
        .exclude(survey_responses__phase=SurveyPhase.COLD)
        .distinct()
        .order_by("event__end_date", "pk")
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(of=("self",))
                .select_related("event")
                .get(pk=pk)
            )
            if OutgoingMessage.objects.filter(
                registration=registration, kind=message_kind
            ).exists():
                continue  # another run got there first
            try:
                survey_invite(registration=registration, phase=SurveyPhase.COLD)
            except SurveyRefused:
                continue  # changed since the query (cancelled, answered)
            sent += 1
    return sent


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
