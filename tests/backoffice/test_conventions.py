"""Conventions de formation: the mandatory content, one per organisation from the admin,
the participant's own from the private page."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from programme.exports.agenda_pdf import AgendaDocument
from registrations.documents.convention import ConventionDocument, conventions_of
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from registrations.selectors import training_body
from tests.factories import RegistrationFactory, TariffFactory
from tests.training import build_training_event

pytestmark = pytest.mark.django_db


def pdf_text(content):
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


@pytest.fixture
def training():
    return build_training_event()


@pytest.fixture
def colleagues(training):
    event, workshops = training
    lodged = TariffFactory(event=event, label="Hébergement inclus", amount=Decimal("1750.00"))
    lunch = TariffFactory(event=event, label="Repas du midi inclus", amount=Decimal("1450.00"))
    return [
        RegistrationFactory(
            event=event,
            first_name="Camille",
            last_name="Martin",
            job_title="Conseillère sociale",
            organisation_name="Paris Habitat",
            address="21 bis rue Claude Bernard\n75005 Paris",
            contact_person="Sylvie Planade",
            tariff=lodged,
            amount=lodged.amount,
        ),
        RegistrationFactory(
            event=event,
            first_name="Jean",
            last_name="Durand",
            organisation_name="PARIS HABITAT OPH",
            tariff=lunch,
            amount=lunch.amount,
        ),
    ]


def test_convention_holds_every_mandatory_mention(training, colleagues):
    event, _workshops = training
    body = training_body()

    text = pdf_text(ConventionDocument(event, colleagues).pdf().content)

    assert "Convention de formation professionnelle" in text
    assert "L6353-1" in text and "D6353-1" in text
    # The parties.
    assert body.name in text and body.siret in text and body.nda in text
    assert "Paris Habitat, 21 bis rue Claude Bernard, 75005 Paris" in text
    assert "représenté par Sylvie Planade" in text
    # Title, objectives, programme and duration computed from it, dates and venue.
    assert "De l'accompagnement individuel à l'action collective" in text
    assert "Définir" in text and "Identifier" in text and "Comprendre" in text
    assert "8 h 30 de formation (programme en annexe)" in text
    assert "du jeudi 14 au vendredi 15 novembre 2030" in text
    assert "Hôtel Mercure Lille Métropole" in text
    assert "Annexe — Programme" in text and "9h00 – 11h00 : Table ronde du vendredi" in text
    assert "Atelier 2 : La transversalité de l'action sociale" in text
    # Means, follow-up and assessment.
    assert "Moyens pédagogiques" in text and "Feuilles d'émargement" in text
    assert "certificat de réalisation" in text
    # Trainees, price each and total.
    assert "Camille MARTIN" in text and "Jean DURAND" in text
    assert "1 750 €" in text and "1 450 €" in text
    assert "Nombre de stagiaires : 2. Prix total : 3 200 €" in text
    assert body.vat_mention in text
    # Payment and cancellation terms, signatures.
    assert f"au plus tard à {body.payment_terms_days} jours" in text
    assert "Annulation, absence et abandon" in text
    assert "Pour l'organisme de formation" in text and "Pour l'employeur" in text


def test_convention_carries_the_agenda_pages_without_the_paper_bulletin(training, colleagues):
    event, _workshops = training
    agenda_pdf = AgendaDocument(event, str(event.content_version)).pdf().content
    agenda = PdfReader(io.BytesIO(agenda_pdf))
    convention = PdfReader(io.BytesIO(ConventionDocument(event, colleagues).pdf().content))

    def text(page):
        return " ".join(page.extract_text().split())

    attached = [text(page) for page in agenda.pages[:-1]]
    assert [text(page) for page in convention.pages[-len(attached) :]] == attached
    assert "BULLETIN D'INSCRIPTION" in text(agenda.pages[-1])
    assert not any("BULLETIN D'INSCRIPTION" in text(page) for page in convention.pages)


def test_one_convention_per_organisation(training, colleagues):
    event, _workshops = training
    RegistrationFactory(event=event, organisation_name="OPAC 38")
    documents = conventions_of(Registration.objects.select_related("event", "tariff"))
    assert sorted(len(document.registrations) for document in documents) == [1, 2]


def test_staff_action_gives_one_pdf_or_a_zip_of_conventions(
    client, staff_user, training, colleagues
):
    event, _workshops = training
    client.force_login(staff_user)
    url = reverse("admin:registrations_registration_changelist")
    one = client.post(
        url, {"action": "conventions", "_selected_action": [r.pk for r in colleagues]}
    )
    assert one["Content-Type"] == "application/pdf"
    assert "Jean DURAND" in pdf_text(one.content)

    other = RegistrationFactory(event=event, organisation_name="OPAC 38")
    both = client.post(
        url,
        {"action": "conventions", "_selected_action": [*(r.pk for r in colleagues), other.pk]},
    )
    assert both["Content-Type"] == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(both.content)).namelist()) == 2


def test_private_page_offers_the_participant_own_convention(client, colleagues):
    mine = colleagues[0]
    page = client.get(mine.get_absolute_url()).content.decode()
    url = reverse("registrations:convention", kwargs={"token": mine.token})
    assert url in page
    text = pdf_text(client.get(url).content)
    assert "Camille MARTIN" in text
    # A colleague's name is not shown to another participant.
    assert "DURAND" not in text
    assert "Nombre de stagiaires : 1" in text


def test_no_convention_without_a_place(client, colleagues):
    registration = colleagues[0]
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    url = reverse("registrations:convention", kwargs={"token": registration.token})
    assert client.get(url).status_code == 404
    assert url not in client.get(registration.get_absolute_url()).content.decode()
