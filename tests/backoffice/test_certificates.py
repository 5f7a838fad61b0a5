"""Certificat de réalisation and attestation de fin de formation: their mandatory content,
the hours actually attended, sent once after the event, stored and served as sent."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from programme.half_days import event_half_days
from registrations import services
from registrations.documents.certificate import AttestationDocument, CertificateDocument
from registrations.enums import IssuedDocumentKind, MessageKind, MessageState, RegistrationStatus
from registrations.models import IssuedDocument
from registrations.selectors import training_body
from tests.factories import RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db

AFTER = paris(2030, 11, 20, 10, 0)


def pdf_text(content):
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


@pytest.fixture
def training():
    return build_training_event()


@pytest.fixture
def registration(training, admin_user):
    event, workshops = training
    registration = RegistrationFactory(
        event=event,
        first_name="Camille",
        last_name="Martin",
        job_title="Conseillère sociale",
        organisation_name="Paris Habitat",
        workshop=workshops[0],
    )
    morning, afternoon, _friday = event_half_days(event)
    for half_day in (morning, afternoon):
        services.attendance_check_in(registration=registration, by=admin_user, half_day=half_day)
    return registration


def test_certificate_holds_the_ministry_model_mentions(registration):
    body = training_body()
    text = pdf_text(
        CertificateDocument(registration, issued_on=dt.date(2030, 11, 20)).pdf().content
    )
    assert "Certificat de réalisation" in text
    assert body.name in text and body.siret in text and body.nda in text
    assert "Camille MARTIN" in text
    assert "Paris Habitat" in text
    assert "De l'accompagnement individuel à l'action collective" in text
    assert "Action de formation (article L6313-1, 1° du Code du travail)" in text
    assert "du jeudi 14 au vendredi 15 novembre 2030" in text
    # 3 h on Thursday morning + 3 h 30 that afternoon, out of 8 h 30.
    assert "6 h 30 réalisées sur les 8 h 30 de l'action" in text
    assert "Jeudi 14 novembre 2030, après-midi" in text
    assert "Vendredi 15 novembre 2030" not in text
    assert "conserver l'ensemble des pièces justificatives" in text
    assert "Fait à Paris, le 20 novembre 2030" in text


def test_attestation_holds_objectives_nature_duration_and_assessment(registration):
    text = pdf_text(AttestationDocument(registration).pdf().content)
    assert "Attestation de fin de formation" in text
    assert "L6353-1" in text
    for objective in ("Définir", "Identifier", "Comprendre"):
        assert objective in text
    assert "Action de formation" in text
    assert "Durée de la formation 8 h 30" in text
    assert "Durée suivie 6 h 30" in text
    assert "Résultats de l'évaluation des acquis" in text
    assert "Conseillère sociale" in text


def test_certificates_sent_once_after_the_event_and_stored_as_sent(
    registration, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        documents = services.certificates_send(registration=registration, by=admin_user, now=AFTER)

    assert [d.kind for d in documents] == [
        IssuedDocumentKind.CERTIFICATE,
        IssuedDocumentKind.ATTESTATION,
    ]
    [message] = mail.outbox
    assert message.to == [registration.email]
    assert sorted(name for name, _content, _type in message.attachments) == [
        f"attestation-fin-formation-{registration.reference}.pdf",
        f"certificat-realisation-{registration.reference}.pdf",
    ]
    attached = {name: content for name, content, _type in message.attachments}
    certificate = IssuedDocument.objects.get(kind=IssuedDocumentKind.CERTIFICATE)
    assert attached[certificate.filename] == bytes(certificate.content)
    # The send is on the registration's record (the outbox), with its outcome.
    [sent] = registration.messages.all()
    assert (sent.kind, sent.state) == (MessageKind.CERTIFICATE, MessageState.SENT)

    with pytest.raises(services.CertificateRefused, match="déjà envoyé"):
        services.certificates_send(registration=registration, by=admin_user, now=AFTER)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificates_send(registration=registration, by=admin_user, now=AFTER, again=True)
    assert IssuedDocument.objects.filter(kind=IssuedDocumentKind.CERTIFICATE).count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("when", "status", "present", "words"),
    [
        (paris(2030, 11, 14, 18, 0), RegistrationStatus.CONFIRMED, True, "pas terminée"),
        (AFTER, RegistrationStatus.CONFIRMED, False, "Aucune présence"),
        (AFTER, RegistrationStatus.CANCELLED, True, "annulée"),
    ],
)
def test_certificates_refused_before_the_end_without_presence_or_cancelled(
    training, admin_user, when, status, present, words
):
    event, _workshops = training
    registration = RegistrationFactory(event=event)
    if present:
        services.attendance_check_in(
            registration=registration, by=admin_user, half_day=event_half_days(event)[0]
        )
    registration.status = status
    registration.save()
    with pytest.raises(services.CertificateRefused, match=words):
        services.certificates_send(registration=registration, by=admin_user, now=when)
    assert not IssuedDocument.objects.exists()
    assert mail.outbox == []


def test_stored_certificate_is_served_as_sent_on_the_private_page(
    client, registration, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        services.certificates_send(registration=registration, by=admin_user, now=AFTER)
    # The request only recorded the send: the worker renders the PDFs.
    assert IssuedDocument.objects.filter(content__isnull=True).count() == 2
    assert (
        "Certificat de réalisation"
        not in client.get(registration.get_absolute_url()).content.decode()
    )
    for callback in callbacks:
        callback()  # the worker's task (immediate backend)
    stored = bytes(IssuedDocument.objects.get(kind=IssuedDocumentKind.CERTIFICATE).content)
    # Data printed on it changes afterwards: what was sent does not.
    registration.event.title = "Un autre titre"
    registration.event.save()

    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Certificat de réalisation (PDF)" in page
    url = reverse(
        "registrations:issued_document",
        kwargs={"token": registration.token, "kind": "certificat-realisation"},
    )
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == stored
    assert response["Content-Type"] == "application/pdf"
    assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_no_certificate_offered_before_it_is_issued(client, registration):
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Certificat de réalisation" not in page
    url = reverse(
        "registrations:issued_document",
        kwargs={"token": registration.token, "kind": "certificat-realisation"},
    )
    assert client.get(url).status_code == 404
    bad = reverse(
        "registrations:issued_document", kwargs={"token": registration.token, "kind": "autre"}
    )
    assert client.get(bad).status_code == 404


def test_admin_action_sends_certificates_and_reports_refusals(
    client, staff_user, training, registration, django_capture_on_commit_callbacks
):
    event, _workshops = training
    absent = RegistrationFactory(event=event, last_name="Absent")
    with time_machine.travel(AFTER, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.force_login(staff_user)
        response = client.post(
            reverse("admin:registrations_registration_changelist"),
            {"action": "send_certificates", "_selected_action": [registration.pk, absent.pk]},
            follow=True,
        )
    page = response.content.decode()
    assert "1 certificat de réalisation et attestation envoyés" in page
    assert "Aucune présence enregistrée" in page
    assert IssuedDocument.objects.filter(registration=registration).count() == 2
    assert len(mail.outbox) == 1


def test_anonymisation_deletes_the_documents_stored_as_sent(
    client, registration, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.certificates_send(registration=registration, by=admin_user, now=AFTER)
    assert registration.issued_documents.count() == 2

    assert services.registrations_anonymise(after_days=365, now=paris(2032, 1, 10, 9, 0)) == 1

    assert not IssuedDocument.objects.exists()
    url = reverse(
        "registrations:issued_document",
        kwargs={"token": registration.token, "kind": "certificat-realisation"},
    )
    assert client.get(url).status_code == 404
