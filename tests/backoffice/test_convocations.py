"""Convocations: their content, sent once to confirmed participants by a staff action or
by `send_convocations --days-before N`, through the e-mail queue, stored as sent."""

import datetime as dt
import io
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from registrations import notifications, services
from registrations.documents.convocation import ConvocationDocument
from registrations.enums import IssuedDocumentKind, MessageKind, RegistrationStatus
from registrations.models import EventTraining, IssuedDocument
from tests.factories import RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db

BEFORE = paris(2030, 11, 4, 8, 0)


def pdf_text(content):
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


@pytest.fixture
def training():
    event, workshops = build_training_event()
    EventTraining.objects.create(
        event=event,
        internal_rules="Article 1 : le présent règlement s'applique à tous les stagiaires.\n"
        "Article 2 : les horaires sont fixés par la convocation.",
        practical_information="Parking gratuit de l'hôtel.\nTram R, arrêt Clemenceau.",
        what_to_bring="De quoi prendre des notes",
    )
    return event, workshops


@pytest.fixture
def registration(training):
    event, workshops = training
    return RegistrationFactory(
        event=event, first_name="Camille", last_name="Martin", workshop=workshops[0]
    )


def test_convocation_holds_practical_details_workshop_programme_and_rules(registration):
    text = pdf_text(ConvocationDocument(registration).pdf().content)
    assert "Convocation" in text
    assert "du jeudi 14 au vendredi 15 novembre 2030" in text
    assert "Hôtel Mercure Lille Métropole" in text and "Marcq-en-Barœul" in text
    assert "Jeudi 14 novembre 2030 : 9h00 – 17h30" in text
    assert "Vendredi 15 novembre 2030 : 9h00 – 11h00" in text
    assert "Parking gratuit de l'hôtel." in text and "Tram R, arrêt Clemenceau." in text
    assert "De quoi prendre des notes" in text
    assert "Atelier 1 : Les partenariats locaux" in text and "Salle : Salle Vauban" in text
    assert "14h00 — Ateliers" in text and "9h00 — Table ronde du vendredi" in text
    assert "Règlement intérieur" in text
    assert "Article 2 : les horaires sont fixés par la convocation." in text
    assert "Victoria ESTEBAN" in text and "v.esteban.afpols@union-habitat.org" in text
    assert "Durée de la formation 8 h 30" in text


def test_convocation_sent_once_and_again_only_when_asked(
    registration, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.convocation_send(registration=registration, now=BEFORE)
    [message] = mail.outbox
    assert message.to == [registration.email]
    assert "Votre convocation" in message.subject
    [(filename, content, mimetype)] = message.attachments
    stored = IssuedDocument.objects.get(kind=IssuedDocumentKind.CONVOCATION)
    assert (filename, content, mimetype) == (
        stored.filename,
        bytes(stored.content),
        "application/pdf",
    )

    with pytest.raises(services.ConvocationRefused, match="déjà envoyée"):
        services.convocation_send(registration=registration, now=BEFORE)
    with django_capture_on_commit_callbacks(execute=True):
        services.convocation_send(registration=registration, now=BEFORE, again=True)
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "status",
    [
        RegistrationStatus.AWAITING_MEMBERSHIP,
        RegistrationStatus.WAITING_LIST,
        RegistrationStatus.CANCELLED,
    ],
)
def test_convocation_only_for_confirmed_participants(training, status):
    event, _workshops = training
    registration = RegistrationFactory(event=event, status=status)
    if status == RegistrationStatus.AWAITING_MEMBERSHIP:
        registration.membership_state = "pending"
        registration.save()
    with pytest.raises(services.ConvocationRefused, match="confirmées"):
        services.convocation_send(registration=registration)
    assert not IssuedDocument.objects.exists()


def test_command_sends_to_confirmed_participants_of_events_starting_soon(
    training, registration, django_capture_on_commit_callbacks
):
    import time_machine

    event, _workshops = training
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST)
    later = build_training_event(slug="plus-tard", reference_prefix="LATER")[0]
    later.start_date, later.end_date = dt.date(2031, 3, 1), dt.date(2031, 3, 2)
    later.save()
    RegistrationFactory(event=later)
    out = StringIO()

    with time_machine.travel(BEFORE, tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("send_convocations", "--days-before", "14", stdout=out)
        call_command("send_convocations", "--days-before", "14", stdout=out)

    assert "Convocations envoyées : 1" in out.getvalue()
    assert "Convocations envoyées : 0" in out.getvalue()
    assert [message.to for message in mail.outbox] == [[registration.email]]


def test_staff_action_sends_and_reports_who_was_already_convoked(
    client, staff_user, training, registration, django_capture_on_commit_callbacks
):
    event, _workshops = training
    other = RegistrationFactory(event=event)
    services.convocation_send(registration=registration)
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:registrations_registration_changelist"),
            {"action": "send_convocations", "_selected_action": [registration.pk, other.pk]},
            follow=True,
        )
    page = response.content.decode()
    assert "1 convocation envoyée" in page
    assert "déjà envoyée" in page
    assert [message.to for message in mail.outbox] == [[other.email]]


def test_convocation_offered_on_the_private_page_once_sent(
    client, registration, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.convocation_send(registration=registration)
    page = client.get(registration.get_absolute_url()).content.decode()
    url = reverse(
        "registrations:issued_document",
        kwargs={"token": registration.token, "kind": "convocation"},
    )
    assert url in page
    assert client.get(url).content == bytes(IssuedDocument.objects.get().content)


def test_staff_edit_the_internal_rules_in_the_admin(client, staff_user, training):
    event, _workshops = training
    client.force_login(staff_user)
    training_details = EventTraining.objects.get(event=event)
    url = reverse("admin:registrations_eventtraining_change", args=[training_details.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "event": event.pk,
            "internal_rules": "Article unique : la ponctualité est de rigueur.",
            "practical_information": "",
            "what_to_bring": "",
            "teaching_means": "Exposés",
            "assessment": "Feuilles d'émargement",
            "cancellation_terms": "Par écrit",
        },
    )
    assert response.status_code == 302
    training_details.refresh_from_db()
    assert training_details.internal_rules == "Article unique : la ponctualité est de rigueur."


def test_the_worker_renders_the_convocation_once_and_a_retry_attaches_the_same_bytes(
    registration, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        document = services.convocation_send(registration=registration, now=BEFORE)
    # The staff's request recorded the send; nothing was rendered nor sent yet.
    document.refresh_from_db()
    assert document.content is None and document.message.kind == MessageKind.CONVOCATION
    assert mail.outbox == [] and len(callbacks) == 1

    first = notifications._build(document.message)
    registration.event.title = "Un autre titre"
    registration.event.save()
    again = notifications._build(document.message)  # as a retry after a mail server error

    [(_name, content, _type)] = first.attachments
    assert again.attachments == first.attachments
    document.refresh_from_db()
    assert bytes(document.content) == content
    assert "Un autre titre" not in pdf_text(content)
