import datetime as dt
import io

import pytest
from pypdf import PdfReader

from afpols_events.documents import pdf_rendered
from programme.enums import ItemKind
from registrations.documents import (
    AFTERNOON,
    MORNING,
    StaffDocumentError,
    badges_pdf,
    event_badges_pdf,
    event_half_days,
    event_sign_in_sheet_pdf,
    find_half_day,
    sign_in_sheets_pdf,
)
from registrations.enums import MembershipState, RegistrationStatus
from registrations.models import Registration
from tests.factories import EventFactory, ProgrammeItemFactory, RegistrationFactory, paris

pytestmark = pytest.mark.django_db


def pdf_pages(content):
    """Text of each page, whitespace folded (a long title may wrap)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def event():
    event = EventFactory(
        title="De l'accompagnement individuel à l'action collective",
        start_date=dt.date(2012, 11, 14),
        end_date=dt.date(2012, 11, 15),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.OPENING,
        title="Lancement des rencontres",
        starts_at=paris(2012, 11, 14, 9, 30),
        ends_at=paris(2012, 11, 14, 9, 45),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.BREAK,
        title="Pause du matin",
        starts_at=paris(2012, 11, 14, 11, 15),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.MEAL,
        title="Déjeuner",
        starts_at=paris(2012, 11, 14, 12, 45),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.PLENARY,
        title="Le cadre du logement social au Québec",
        starts_at=paris(2012, 11, 14, 14, 0),
        ends_at=paris(2012, 11, 14, 14, 30),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.ROUND_TABLE,
        title="Table ronde du jeudi",
        starts_at=paris(2012, 11, 15, 10, 15),
    )
    return event


def test_half_days_keep_training_time_and_leave_out_pauses(event):
    half_days = event_half_days(event)
    assert [(h.day.day, h.period) for h in half_days] == [
        (14, MORNING),
        (14, AFTERNOON),
        (15, MORNING),
    ]
    assert [item.title for item in half_days[0].sessions] == ["Lancement des rencontres"]


def test_half_days_of_an_event_without_programme_are_every_morning_and_afternoon():
    event = EventFactory(start_date=dt.date(2013, 5, 2), end_date=dt.date(2013, 5, 3))
    assert len(event_half_days(event)) == 4


def test_sign_in_sheet_lists_sessions_and_participants_holding_a_place_sorted_by_name(event):
    RegistrationFactory(
        event=event, last_name="Zola", first_name="Émile", organisation_name="OPAC 38"
    )
    RegistrationFactory(
        event=event,
        last_name="Aubert",
        first_name="Lucie",
        organisation_name="Paris Habitat",
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
    )
    RegistrationFactory(event=event, last_name="Annulé", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event, last_name="Attente", status=RegistrationStatus.WAITING_LIST)

    content = event_sign_in_sheet_pdf(event, find_half_day(event, dt.date(2012, 11, 14), AFTERNOON))

    [text] = pdf_pages(content)
    assert "Feuille d'émargement" in text
    assert "De l'accompagnement individuel à l'action collective" in text
    assert "Mercredi 14 novembre 2012 — après-midi" in text
    assert "14h00 – 14h30 Le cadre du logement social au Québec" in text
    assert "Lancement des rencontres" not in text
    assert "Déjeuner" not in text
    assert text.index("AUBERT") < text.index("ZOLA")
    assert "Paris Habitat" in text and "OPAC 38" in text
    assert "ANNULÉ" not in text and "ATTENTE" not in text
    assert "Signature" in text
    assert "Signature des formateurs et intervenants" in text


def test_sign_in_sheet_of_an_unknown_half_day_is_refused(event):
    with pytest.raises(StaffDocumentError):
        find_half_day(event, dt.date(2012, 11, 15), AFTERNOON)


def test_sign_in_sheets_of_a_selection_have_one_page_per_half_day(event):
    kept = RegistrationFactory(event=event, last_name="Retenu")
    RegistrationFactory(event=event, last_name="Ecarté")

    pages = pdf_pages(sign_in_sheets_pdf(Registration.objects.filter(pk=kept.pk)))

    assert len(pages) == 3
    assert all("RETENU" in page and "ECARTÉ" not in page for page in pages)
    assert "Jeudi 15 novembre 2012 — matin" in pages[2]


def test_sign_in_sheets_refused_for_registrations_of_two_events(event):
    RegistrationFactory(event=event)
    RegistrationFactory()
    with pytest.raises(StaffDocumentError, match="un seul événement"):
        sign_in_sheets_pdf(Registration.objects.all())


def test_sign_in_sheets_refused_when_no_selected_registration_holds_a_place(event):
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    with pytest.raises(StaffDocumentError, match="rien à imprimer"):
        sign_in_sheets_pdf(Registration.objects.all())


def test_badges_show_name_first_name_organisation_and_event_eight_per_page(event):
    for number in range(9):
        RegistrationFactory(
            event=event,
            last_name=f"Durand{number}",
            first_name="Camille",
            organisation_name=f"Office numéro {number}",
        )

    pages = pdf_pages(event_badges_pdf(event))

    assert len(pages) == 2
    assert pages[0].count("De l'accompagnement individuel à l'action collective") == 8
    assert "DURAND0" in pages[0] and "Office numéro 0" in pages[0] and "Camille" in pages[0]
    assert "DURAND8" in pages[1]


def test_badges_show_typed_html_as_text(event):
    RegistrationFactory(event=event, last_name="<b>Gras</b>", organisation_name="<i>Org</i>")
    text = pdf_pages(badges_pdf(Registration.objects.all()))[0]
    assert "<I>ORG</I>" not in text
    assert "<i>Org</i>" in text
    assert "<B>GRAS</B>" in text


def test_staff_documents_are_cached_until_their_data_changes(event):
    registration = RegistrationFactory(event=event, last_name="Martin")
    rendered = []

    def listener(sender, template_name, **kwargs):
        rendered.append(template_name)

    pdf_rendered.connect(listener)
    try:
        first = event_badges_pdf(event)
        assert event_badges_pdf(event) == first
        assert len(rendered) == 1
        Registration.objects.filter(pk=registration.pk).update(organisation_name="Autre")
        assert "Autre" in pdf_pages(event_badges_pdf(event))[0]
        assert len(rendered) == 2
    finally:
        pdf_rendered.disconnect(listener)
