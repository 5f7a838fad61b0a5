"""`send_cold_surveys --weeks-after N`: the "à froid" questionnaire sent once, through the
staff action's service and the outbox, N weeks after the event, to its participants only."""

import io

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from registrations import services
from registrations.enums import MessageKind, RegistrationStatus, SurveyPhase
from registrations.models import OutgoingMessage, SurveyQuestion, SurveyResponse
from tests.factories import RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db

# The event ends on Friday 15 November 2030: six weeks later is Friday 27 December.
SIX_WEEKS_AFTER = paris(2030, 12, 27, 7, 0)
THE_DAY_BEFORE = paris(2030, 12, 26, 23, 0)


@pytest.fixture
def event():
    event, _workshops = build_training_event()
    call_command("load_training_defaults", event.slug, stdout=io.StringIO())
    assert SurveyQuestion.objects.filter(event=event, phase=SurveyPhase.COLD).exists()
    return event


def run(when, *arguments, capture):
    out = io.StringIO()
    with time_machine.travel(when, tick=False), capture(execute=True):
        call_command("send_cold_surveys", *arguments, stdout=out)
    return out.getvalue()


def cold_messages():
    return OutgoingMessage.objects.filter(kind=MessageKind.SURVEY_COLD)


def test_sent_once_n_weeks_after_the_event_to_its_participants_only(
    event, django_capture_on_commit_callbacks
):
    confirmed = RegistrationFactory(event=event)
    awaiting = RegistrationFactory(
        event=event, status=RegistrationStatus.AWAITING_MEMBERSHIP, membership_state="pending"
    )
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST)
    capture = django_capture_on_commit_callbacks

    # Not before N weeks.
    assert "envoyés : 0" in run(THE_DAY_BEFORE, "--weeks-after", "6", capture=capture)
    assert mail.outbox == [] and not cold_messages().exists()

    # At N weeks: each participant holding a place, through the outbox.
    assert "envoyés : 2" in run(SIX_WEEKS_AFTER, "--weeks-after", "6", capture=capture)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([confirmed.email, awaiting.email])
    assert sorted(cold_messages().values_list("registration_id", flat=True)) == sorted(
        [confirmed.pk, awaiting.pk]
    )
    [first, _second] = mail.outbox
    assert first.subject.startswith("Quelques semaines après la formation, votre avis")
    assert f"/questionnaire/{SurveyPhase.COLD.value}/" in first.body

    # Never twice: a re-run, the day after too, sends nothing.
    assert "envoyés : 0" in run(SIX_WEEKS_AFTER, "--weeks-after", "6", capture=capture)
    assert "envoyés : 0" in run(paris(2030, 12, 28, 7, 0), capture=capture)
    assert len(mail.outbox) == 2 and cold_messages().count() == 2


def test_the_default_is_six_weeks(event, django_capture_on_commit_callbacks):
    RegistrationFactory(event=event)
    assert "envoyés : 0" in run(THE_DAY_BEFORE, capture=django_capture_on_commit_callbacks)
    assert "envoyés : 1" in run(SIX_WEEKS_AFTER, capture=django_capture_on_commit_callbacks)


def test_not_to_whom_staff_already_sent_it_nor_who_answered(
    event, django_capture_on_commit_callbacks
):
    sent_by_staff = RegistrationFactory(event=event)
    answered = RegistrationFactory(event=event)
    due = RegistrationFactory(event=event)
    services.survey_invite(registration=sent_by_staff, phase=SurveyPhase.COLD)
    SurveyResponse.objects.create(
        registration=answered, phase=SurveyPhase.COLD, submitted_at=paris(2030, 12, 20)
    )

    output = run(SIX_WEEKS_AFTER, capture=django_capture_on_commit_callbacks)

    assert "envoyés : 1" in output
    assert [m.to for m in mail.outbox] == [[due.email]]


def test_a_cancellation_after_the_event_is_not_written_to(
    event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event)
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    assert "envoyés : 0" in run(SIX_WEEKS_AFTER, capture=django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_nothing_for_an_event_without_cold_questions_nor_for_an_old_one(
    event, django_capture_on_commit_callbacks
):
    SurveyQuestion.objects.filter(event=event, phase=SurveyPhase.COLD).delete()
    RegistrationFactory(event=event)
    assert "envoyés : 0" in run(SIX_WEEKS_AFTER, capture=django_capture_on_commit_callbacks)

    old = build_training_event(slug="ancienne", reference_prefix="OLD")[0]
    call_command("load_training_defaults", old.slug, stdout=io.StringIO())
    RegistrationFactory(event=old)
    # Twelve weeks and a day after its end: past the default window (N + 6 weeks).
    assert "envoyés : 0" in run(paris(2031, 2, 8, 7, 0), capture=django_capture_on_commit_callbacks)
    assert "envoyés : 1" in run(
        paris(2031, 2, 8, 7, 0),
        "--until-weeks-after",
        "20",
        capture=django_capture_on_commit_callbacks,
    )
    assert mail.outbox[0].to == [old.registrations.get().email]


def test_bad_arguments_are_refused():
    with pytest.raises(CommandError, match="positif"):
        call_command("send_cold_surveys", "--weeks-after", "-1", stdout=io.StringIO())
    with pytest.raises(CommandError, match="supérieur"):
        call_command(
            "send_cold_surveys",
            "--weeks-after",
            "6",
            "--until-weeks-after",
            "2",
            stdout=io.StringIO(),
        )
