"""Satisfaction survey (Qualiopi 30): from the e-mail to the dashboard and the XLSX."""

import io
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from registrations import services
from registrations.enums import QuestionKind, RegistrationStatus, SurveyPhase
from registrations.models import SurveyAnswer, SurveyQuestion, SurveyResponse
from tests.factories import RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event, _workshops = build_training_event()
    call_command("load_training_defaults", event.slug, stdout=io.StringIO())
    return event


def questions(event, phase=SurveyPhase.HOT):
    return list(SurveyQuestion.objects.filter(event=event, phase=phase))


def answer_data(event, overall, comment=""):
    data = {}
    for question in questions(event):
        if question.kind == QuestionKind.RATING:
            data[f"question_{question.pk}"] = str(overall)
        elif comment and not data.get("commented"):
            data[f"question_{question.pk}"] = comment
            data["commented"] = "1"
    data.pop("commented", None)
    return data


def test_default_questionnaire_is_loaded_once(event):
    assert len(questions(event)) == 8
    assert len(questions(event, SurveyPhase.COLD)) == 2
    call_command("load_training_defaults", event.slug, stdout=io.StringIO())
    assert SurveyQuestion.objects.filter(event=event).count() == 10


def test_survey_from_the_email_to_the_dashboard(
    client, staff_user, event, django_capture_on_commit_callbacks
):
    """The whole journey in one test (hence its length): e-mail, questionnaire, dashboard."""
    first = RegistrationFactory(event=event)
    second = RegistrationFactory(event=event)

    # Staff send the "à chaud" questionnaire from the list.
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:registrations_registration_changelist"),
            {"action": "send_survey", "_selected_action": [first.pk, second.pk]},
        )
    client.logout()
    assert len(mail.outbox) == 2
    links = {}
    for message in mail.outbox:
        [link] = re.findall(r"https?://\S+/questionnaire/a-chaud/", message.body)
        links[message.to[0]] = link.split("://", 1)[1].split("/", 1)[1]

    # Each participant answers from the link in their e-mail.
    for registration, overall, comment in ((first, 5, "Très riche"), (second, 3, "=1+1")):
        url = "/" + links[registration.email]
        page = client.get(url)
        assert page.status_code == 200
        assert "Dans l&#x27;ensemble, êtes-vous satisfait(e) de la formation ?" in (
            page.content.decode()
        )
        response = client.post(url, answer_data(event, overall, comment))
        assert response.status_code == 302
    assert SurveyResponse.objects.count() == 2

    # The dashboard shows the distribution, the average and the comments.
    client.force_login(staff_user)
    page = client.get(reverse("admin:registrations_dashboard", args=[event.pk])).content.decode()
    section = page[page.index('id="survey-results"') :]
    assert "2 réponses" in section
    assert "Dans l&#x27;ensemble, êtes-vous satisfait(e) de la formation ?" in section
    assert '<td class="number">4.0</td>' in section or '<td class="number">4,0</td>' in section
    assert "3 : 1" in section and "5 : 1" in section and "1 : 0" in section
    assert "Très riche" in section

    # And the XLSX export holds the same.
    xlsx = client.get(reverse("staff:survey_xlsx", args=[event.slug]))
    assert xlsx.status_code == 200
    workbook = load_workbook(io.BytesIO(xlsx.content))
    summary = workbook["Synthèse à chaud"]
    rows = list(summary.iter_rows(values_only=True))
    assert rows[0][:3] == ("Question", "Réponses", "Moyenne (sur 5)")
    overall_row = next(row for row in rows if row[0].startswith("Dans l'ensemble"))
    assert overall_row[1:] == (2, 4.0, 0, 0, 1, 0, 1)
    comments = [row[1] for row in workbook["Commentaires à chaud"].iter_rows(values_only=True)]
    assert "Très riche" in comments
    # A comment that looks like a formula stays text.
    assert "'=1+1" in comments
    assert workbook["Réponses à chaud"].max_row == 3


def test_one_answer_per_registration(client, event):
    registration = RegistrationFactory(event=event)
    url = reverse("registrations:survey", kwargs={"token": registration.token, "phase": "a-chaud"})
    assert client.post(url, answer_data(event, 4)).status_code == 302
    again = client.post(url, answer_data(event, 1))
    assert again.status_code == 409
    assert SurveyResponse.objects.count() == 1
    assert set(SurveyAnswer.objects.values_list("rating", flat=True)) == {4}
    assert "déjà répondu" in client.get(url).content.decode()


def test_invalid_answers_come_back_with_what_was_typed_and_400(client, event):
    registration = RegistrationFactory(event=event)
    url = reverse("registrations:survey", kwargs={"token": registration.token, "phase": "a-chaud"})
    data = answer_data(event, 9, "Mon commentaire")
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Mon commentaire" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_private_page_offers_the_questionnaire_from_the_event_until_answered(client, event):
    registration = RegistrationFactory(event=event)
    url = reverse("registrations:survey", kwargs={"token": registration.token, "phase": "a-chaud"})
    private = registration.get_absolute_url()
    assert url not in client.get(private).content.decode()
    with time_machine.travel(paris(2030, 11, 15, 12, 0), tick=False):
        assert url in client.get(private).content.decode()
        client.post(url, answer_data(event, 4))
        assert url not in client.get(private).content.decode()


def test_questionnaire_refused_without_a_place_or_questions(client, event):
    cancelled = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    with pytest.raises(services.SurveyRefused):
        services.survey_invite(registration=cancelled)
    other = RegistrationFactory()
    url = reverse("registrations:survey", kwargs={"token": other.token, "phase": "a-chaud"})
    assert client.get(url).status_code == 404
    bad = reverse("registrations:survey", kwargs={"token": other.token, "phase": "demain"})
    assert client.get(bad).status_code == 404


def test_results_xlsx_needs_staff(client, event):
    response = client.get(reverse("staff:survey_xlsx", args=[event.slug]))
    assert response.status_code == 302
