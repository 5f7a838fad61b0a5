"""The printed agenda of the real 2012 event: every seed line, the bulletin as last page."""

import io
import re

import pytest
from django.db import transaction
from pypdf import PdfReader

from programme.exports.agenda_pdf import AgendaPDFExporter
from tests.conftest import load_seed_event
from tests.factories import AppearanceFactory, EventFactory, ProgrammeItemFactory, SpeakerFactory
from tests.seed_lines import normalise, seed_programme_lines

# Every test is marked, so pytest-django sets up the test database even when only the
# tests using the module-scoped PDF are selected.
pytestmark = pytest.mark.django_db

A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def seed_pdf(django_db_setup, django_db_blocker):
    """The seed event's PDF, rendered once for the module (the data is rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        pdf = AgendaPDFExporter(load_seed_event()).render()
        transaction.set_rollback(True)
    return PdfReader(io.BytesIO(pdf))


def page_texts(reader):
    return [page.extract_text() for page in reader.pages]


def test_pdf_shows_every_seed_line_in_the_flyers_order(seed_pdf):
    """Every date, time, title, bullet and speaker of the flyer, each after the previous."""
    text = normalise("\n".join(page_texts(seed_pdf)))
    cursor = 0
    for line in seed_programme_lines():
        for needle in ([line.time] if line.time else []) + [line.text]:
            found = text.find(normalise(needle), cursor)
            assert found >= 0, f"{line} not found after: {text[cursor : cursor + 200]!r}"
            cursor = found + len(normalise(needle))


def test_cover_shows_title_dates_and_venue(seed_pdf):
    cover = normalise(seed_pdf.pages[0].extract_text())

    for expected in [
        "Rencontres formation des conseillers sociaux",
        "De l'accompagnement individuel à l'action collective",
        "Les nouvelles pratiques de la fonction sociale",
        "14, 15 et 16 novembre 2012",
        "du mercredi 14 au vendredi 16 novembre 2012",
        "Hôtel Mercure Lille Métropole",
        "157 avenue de la Marne",
        "59700 Marcq-en-Barœul",
        "Victoria ESTEBAN",
        "v.esteban.afpols@union-habitat.org",
    ]:
        assert normalise(expected) in cover, expected


def test_last_page_is_the_bulletin_with_every_field_of_the_paper_form(seed_pdf):
    bulletin = seed_pdf.pages[-1].extract_text()
    folded = normalise(bulletin)

    assert "BULLETIN D'INSCRIPTION" in bulletin
    for field in [
        "Nom",
        "Prénom",
        "Fonction",
        "E-mail",
        "Organisme",
        "Adresse",
        "Téléphone",
        "Personne à contacter",
        "Fait à",
        "Le",
        "Signature",
    ]:
        assert re.search(rf"^{re.escape(field)} :", bulletin, re.MULTILINE), field
    for expected in [
        "1 750 € Hébergement et repas du soir inclus",
        "1 450 € Repas du midi inclus, hors hébergement et repas du soir",
        "Atelier 1 Les partenariats locaux, maillon essentiel de l'action collective",
        "Atelier 2 Renforcer la dimension transversale",
        "Atelier 3 Quelle offre de services",
        "Cotisation de l'organisme à l'AFPOLS obligatoire",
        "Bulletin à retourner à Victoria ESTEBAN",
        "AFPOLS, 2 rue Lord Byron, 75008 Paris",
        "Tél. : 01 40 75 79 04",
        "Fax : 01 40 75 04 21",
        "v.esteban.afpols@union-habitat.org",
    ]:
        assert normalise(expected) in folded, expected


def test_page_before_the_bulletin_shows_tariffs_membership_and_contact(seed_pdf):
    page = seed_pdf.pages[-2].extract_text()
    folded = normalise(page)

    assert "Tarifs et informations pratiques" in page
    for expected in [
        "1 750 €",
        "1 450 €",
        "L'hébergement à l'hôtel",
        "Cotisation de l'organisme à l'AFPOLS obligatoire",
        "Victoria ESTEBAN",
        "Fax : 01 40 75 04 21",
    ]:
        assert normalise(expected) in folded, expected


def test_pages_are_a4_numbered_with_a_running_header(seed_pdf):
    count = len(seed_pdf.pages)
    for number, page in enumerate(seed_pdf.pages, start=1):
        width, height = page.mediabox.width, page.mediabox.height
        assert (round(width), round(height)) == A4_POINTS
        if number > 1:
            text = page.extract_text()
            assert f"Page {number} / {count}" in text
            if number < count:
                assert "RENCONTRES FORMATION DES CONSEILLERS SOCIAUX" in text


def test_pdf_embeds_the_lato_font_shipped_in_static(seed_pdf):
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in seed_pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }

    assert fonts == {"Lato", "Lato-Bold", "Lato-Italic"}


def test_links_are_clickable(seed_pdf):
    uris = {
        annotation.get_object()["/A"].get("/URI")
        for page in seed_pdf.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/A")
    }

    assert "mailto:v.esteban.afpols@union-habitat.org" in uris
    assert any(uri and uri.endswith("/programme/#mercredi-0930-lancement") for uri in uris), uris


def test_html_typed_in_the_programme_is_printed_as_text():
    event = EventFactory(title="<b>Rencontre</b>", venue_name='<img src="file:///etc/passwd">')
    item = ProgrammeItemFactory(event=event, title="<script>alert(1)</script>")
    AppearanceFactory(item=item, speaker=SpeakerFactory(name="<i>Nom</i>"))

    reader = PdfReader(io.BytesIO(AgendaPDFExporter(event).render()))
    text = "\n".join(page_texts(reader))

    for typed in [
        "<b>Rencontre</b>",
        '<img src="file:///etc/passwd">',
        "<script>alert(1)</script>",
    ]:
        assert typed in text.replace("\n", "")
    assert "<i>Nom</i>" in text
