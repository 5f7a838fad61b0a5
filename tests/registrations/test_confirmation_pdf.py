"""The PDF confirmation: its text (pypdf), one A4 page, served and cached."""

import datetime as dt
import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from afpols_events.documents import pdf_rendered
from registrations import services
from registrations.documents import ConfirmationDocument

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def registration(event, make_bulletin, workshops):
    return services.registration_create(event=event, bulletin=make_bulletin(workshop=workshops[1]))


@pytest.fixture
def renders():
    rendered = []

    def receiver(sender, **kwargs):
        rendered.append(kwargs["template_name"])

    pdf_rendered.connect(receiver)
    yield rendered
    pdf_rendered.disconnect(receiver)


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_confirmation_pdf_holds_everything_on_one_a4_page(registration, workshops):
    reader, text = pdf_text(ConfirmationDocument(registration).pdf().content)

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    event = registration.event
    for expected in [
        registration.reference,
        "Martin",
        "Camille",
        "Paris Habitat",
        "Hébergement et repas du soir inclus",
        "1 750 €",
        "Hébergement (2 nuits)",
        "Repas du soir",
        f"Atelier 2 : {workshops[1].title}",
        "9h30",
        "Statut : Confirmée",
        "Adhésion vérifiée",
        event.title,
        "Du jeudi 14 au samedi 16 novembre 2030",
        event.venue_name,
        "157 avenue de la Marne",
        "Victoria ESTEBAN",
        "01 40 75 79 04",
        event.contact_email,
    ]:
        assert " ".join(expected.split()) in text.replace("\u202f", " ").replace("\xa0", " "), (
            expected
        )


def test_pending_registration_pdf_says_it_awaits_the_membership_check(event, make_bulletin):
    registration = services.registration_create(
        event=event,
        bulletin=make_bulletin(organisation_name="Inconnu"),
        allow_pending_membership=True,
    )

    _, text = pdf_text(ConfirmationDocument(registration).pdf().content)

    assert "En attente de vérification de l'adhésion" in text


def test_html_typed_by_the_participant_is_text_in_the_pdf(event, make_bulletin):
    registration = services.registration_create(
        event=event,
        bulletin=make_bulletin(
            first_name=SCRIPT, job_title="<b>Chef</b>", signature=f"{SCRIPT} Martin"
        ),
    )

    _, text = pdf_text(ConfirmationDocument(registration).pdf().content)

    assert "<script>alert('x')</script>" in text
    assert "<b>Chef</b>" in text


def test_pdf_download_is_an_attachment_with_a_meaningful_name(client, registration):
    response = client.get(f"/inscription/suivi/{registration.token}/confirmation.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="confirmation-RF2012-0001.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_second_download_does_not_render_again(client, registration, renders):
    path = f"/inscription/suivi/{registration.token}/confirmation.pdf"

    first = client.get(path)
    second = client.get(path)

    assert renders == ["registrations/pdf/confirmation.html"]
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_conditional_download_answers_not_modified(client, registration):
    path = f"/inscription/suivi/{registration.token}/confirmation.pdf"
    etag = client.get(path)["ETag"]

    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("change", ["workshop", "tariff_label", "event_title", "cancel"])
def test_an_edit_gives_a_new_pdf(client, registration, renders, workshops, change):
    path = f"/inscription/suivi/{registration.token}/confirmation.pdf"
    before = client.get(path)

    if change == "workshop":
        services.registration_change_workshop(registration=registration, workshop=workshops[2])
        expected = workshops[2].title
    elif change == "tariff_label":
        registration.tariff.label = "Tarif avec chambre"
        registration.tariff.save()
        expected = "Tarif avec chambre"
    elif change == "event_title":
        registration.event.title = "Titre modifié"
        registration.event.save()
        expected = "Titre modifié"
    else:
        services.registration_cancel(registration=registration)
        expected = "Statut : Annulée"
    after = client.get(path)

    assert len(renders) == 2
    assert after["ETag"] != before["ETag"]
    assert expected in pdf_text(after.content)[1]


def test_confirmation_pdf_embeds_the_agenda_fonts(registration):
    reader = PdfReader(io.BytesIO(ConfirmationDocument(registration).pdf().content))

    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }

    assert fonts == {"Lato", "Lato-Bold"}


CAN_STILL_CHANGE = "vous pouvez changer d'atelier ou annuler"


def test_pdf_made_while_open_is_not_served_after_registration_closes(
    client, event, make_bulletin, renders
):
    closes_at = timezone.now() + dt.timedelta(days=1)
    event.registration_closes_at = closes_at
    event.save()
    registration = services.registration_create(event=event, bulletin=make_bulletin())
    path = f"/inscription/suivi/{registration.token}/confirmation.pdf"
    while_open = client.get(path)

    with time_machine.travel(closes_at + dt.timedelta(hours=1), tick=False):
        after_closing = client.get(path, headers={"If-None-Match": while_open["ETag"]})

    assert CAN_STILL_CHANGE in pdf_text(while_open.content)[1]
    assert after_closing.status_code == 200
    assert after_closing["ETag"] != while_open["ETag"]
    assert CAN_STILL_CHANGE not in pdf_text(after_closing.content)[1]
    assert len(renders) == 2
