"""Sign-in sheets when workshops run in parallel, presence printed, badges with workshops."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from registrations.documents import (
    AFTERNOON,
    MORNING,
    event_badges_pdf,
    event_sign_in_sheet_pdf,
    find_half_day,
)
from registrations.models import Attendance
from tests.factories import RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db


def pdf_pages(content):
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def training():
    return build_training_event()


def test_one_sheet_per_parallel_workshop_with_its_room_trainers_and_group(training):
    event, workshops = training
    RegistrationFactory(event=event, last_name="Alpha", workshop=workshops[0])
    RegistrationFactory(event=event, last_name="Bravo", workshop=workshops[1])
    RegistrationFactory(event=event, last_name="Charlie", workshop=workshops[2])
    RegistrationFactory(event=event, last_name="Delta", workshop=None)

    half_day = find_half_day(event, dt.date(2030, 11, 14), AFTERNOON)
    pages = pdf_pages(event_sign_in_sheet_pdf(event, half_day))

    assert len(pages) == 4
    first, second, third, without = pages
    assert "Atelier 1 : Les partenariats locaux" in first
    assert "Salle : Salle Vauban" in first
    assert "Laurine BOST BADACHE" in first and "Représentant du Québec 1" in first
    assert "ALPHA" in first and "BRAVO" not in first
    assert "Salle : Salle Jean Bart" in second and "Philippe AUVILLE" in second
    assert "BRAVO" in second and "ALPHA" not in second
    # No room entered: a line to write it on.
    assert "Salle : ……" in third and "François OHL" in third and "CHARLIE" in third
    assert "Sans atelier choisi" in without and "DELTA" in without
    for page in pages:
        assert "Jeudi 14 novembre 2030 — après-midi" in page
        assert "14h00 – 16h30 Ateliers" in page
        assert "Signature des formateurs et intervenants" in page


def test_plenary_half_day_has_one_sheet_with_a_box_per_speaker(training):
    event, _workshops = training
    RegistrationFactory(event=event, last_name="Alpha")
    half_day = find_half_day(event, dt.date(2030, 11, 14), MORNING)

    [page] = pdf_pages(event_sign_in_sheet_pdf(event, half_day))

    assert "Didier VANONI" in page
    assert "Atelier" not in page
    assert "ALPHA" in page


def test_sheet_prints_the_presence_recorded_at_check_in(training):
    event, _workshops = training
    present = RegistrationFactory(event=event, last_name="Present")
    RegistrationFactory(event=event, last_name="Absent")
    half_day = find_half_day(event, dt.date(2030, 11, 14), MORNING)
    before = event_sign_in_sheet_pdf(event, half_day)

    Attendance.objects.create(
        registration=present,
        day=half_day.day,
        period=half_day.period,
        checked_in_at=paris(2030, 11, 14, 9, 7),
        method="scan",
    )
    [page] = pdf_pages(event_sign_in_sheet_pdf(event, half_day))

    assert before != event_sign_in_sheet_pdf(event, half_day)
    assert "Pointage" in page
    line = page[page.index("PRESENT") :]
    assert line.startswith("PRESENT Camille Paris Habitat Présent(e), pointé(e) à 9h07")
    # Sorted by name, the absent participant's line comes first and says nothing.
    assert page[page.index("ABSENT") : page.index("PRESENT")] == "ABSENT Camille Paris Habitat 2 "


def test_badges_show_the_workshop(training):
    event, workshops = training
    RegistrationFactory(event=event, last_name="Alpha", workshop=workshops[1])
    RegistrationFactory(event=event, last_name="Sans", workshop=None)
    [page] = pdf_pages(event_badges_pdf(event))
    assert "Atelier 2 : La transversalité de l'action sociale" in page
    assert page.count("Atelier") == 1
