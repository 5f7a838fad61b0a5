"""Every line of the seed flyer's programme is in the database after ``load_event``."""

import datetime as dt
from decimal import Decimal

import pytest
import yaml
from django.utils import timezone

from afpols_events.formatting import format_date
from programme.enums import ItemKind
from programme.models import Appearance, ProgrammeItem, Speaker, Workshop
from tests.conftest import SEED_FILE, load_seed_event
from tests.seed_lines import normalise, seed_agenda_lines, seed_programme_lines

pytestmark = pytest.mark.django_db


def appearance_lines(appearances):
    for appearance in appearances:
        if appearance.group:
            yield appearance.group
        # "Avec la participation d'" is glued to the name that follows.
        separator = "" if appearance.lead_in.endswith("'") else " "
        name = f"{appearance.lead_in}{separator}{appearance.speaker.name}".strip()
        description = appearance.speaker.description
        yield f"{name}, {description}" if description else name


def database_lines(event):
    """One text line per field of the event as stored, times written "HHhMM" local."""
    lines = [event.series, event.title, event.subtitle, event.theme]
    lines += [event.venue_name, *event.venue_address.splitlines(), event.venue_phone]
    lines += [event.contact_name, event.contact_phone, event.contact_fax, event.contact_email]
    lines += [event.postal_address, *event.stakes_paragraphs, *event.objective_list]
    items = (
        ProgrammeItem.objects.filter(event=event)
        .prefetch_related("parts", "appearances__speaker")
        .order_by("starts_at", "position")
    )
    for day in sorted({timezone.localdate(item.starts_at) for item in items}):
        lines.append(format_date(day))
    for item in items:
        time = f"{timezone.localtime(item.starts_at):%Hh%M}"
        lines += [f"{time} {item.title}", f"{time} {ItemKind(item.kind).label} {item.title}"]
        lines += [*item.description_paragraphs, *item.bullet_list]
        for part in item.parts.all():
            lines += [part.heading, *part.description_paragraphs, *part.bullet_list]
        lines += appearance_lines(item.appearances.all())
    for workshop in event.workshops.prefetch_related("appearances__speaker"):
        lines += [f"Atelier {workshop.number}", workshop.title]
        lines += [*workshop.description_paragraphs, *workshop.bullet_list]
        lines += appearance_lines(workshop.appearances.all())
    return [normalise(line) for line in lines if line]


def missing_seed_lines(event):
    haystack = database_lines(event)
    return [
        str(line)
        for line in seed_programme_lines()
        if not any(normalise(str(line)) in text for text in haystack)
    ]


def test_every_seed_programme_line_is_in_the_database():
    event = load_seed_event()

    assert missing_seed_lines(event) == []


def test_seed_lines_cover_the_whole_programme():
    # Guards the reader itself: a reader returning nothing would make the test above pass.
    lines = seed_agenda_lines()
    assert len(seed_programme_lines()) == 123
    assert str(lines[0]) == "Mercredi 14 Novembre 2012"
    assert str(lines[-1]) == "12h30 Buffet de départ"
    assert [str(line) for line in lines if line.time and "Clôture de la journée" in line.text] == [
        "18h15 Clôture de la journée",
        "18 h 15 Clôture de la journée",
    ]


def test_coverage_check_fails_when_a_bullet_is_dropped_from_the_data(tmp_path):
    data = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))
    wednesday = data["days"][0]["items"]
    noirettes = next(item for item in wednesday if item["anchor"].startswith("mercredi-0945"))
    dropped = noirettes["parts"][1]["bullets"].pop()
    path = tmp_path / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    assert missing_seed_lines(load_seed_event(path)) == [dropped]


def test_coverage_check_fails_when_a_time_is_wrong_in_the_data(tmp_path):
    data = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))
    dinner = data["days"][1]["items"][-1]
    dinner["start"] = "19:45"
    path = tmp_path / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    assert missing_seed_lines(load_seed_event(path)) == ["19h30 Dîner à l'hôtel"]


def test_loaded_event_has_the_flyer_days_items_workshops_and_speakers():
    event = load_seed_event()

    items = ProgrammeItem.objects.filter(event=event)
    days = {timezone.localdate(item.starts_at) for item in items}
    assert sorted(days) == [dt.date(2012, 11, 14), dt.date(2012, 11, 15), dt.date(2012, 11, 16)]
    assert items.count() == 27
    assert Speaker.objects.count() == 22
    assert set(Speaker.objects.filter(is_collective=True).values_list("name", flat=True)) == {
        "un représentant des habitants",
        "Intervenants de la SHQ et de l'Office de Montréal",
        "Société d'Habitation du Québec",
        "Représentants du Québec",
    }
    assert Appearance.objects.count() == 27
    # Speakers who appear more than once are one row each.
    assert Speaker.objects.get(slug="representants-du-quebec").appearances.count() == 4
    assert Speaker.objects.get(slug="geraud-beaufrere").appearances.count() == 2
    assert Speaker.objects.get(slug="laurine-bost-badache").appearances.count() == 2


def test_loaded_workshops_are_the_three_parallel_thursday_ateliers():
    event = load_seed_event()

    workshops = list(Workshop.objects.filter(event=event).select_related("slot"))
    assert [workshop.number for workshop in workshops] == [1, 2, 3]
    assert {workshop.slot.anchor for workshop in workshops} == {"jeudi-1400-ateliers"}
    assert {workshop.capacity for workshop in workshops} == {20}
    slot = workshops[0].slot
    assert slot.kind == ItemKind.WORKSHOPS
    assert timezone.localtime(slot.starts_at) == dt.datetime(
        2012, 11, 15, 14, 0, tzinfo=timezone.get_current_timezone()
    )


def test_loaded_times_are_paris_local_with_ends_where_the_flyer_implies_them():
    event = load_seed_event()

    launch = ProgrammeItem.objects.get(event=event, anchor="mercredi-0930-lancement")
    assert launch.starts_at == dt.datetime(2012, 11, 14, 8, 30, tzinfo=dt.timezone.utc)
    assert timezone.localtime(launch.ends_at).time() == dt.time(9, 45)
    last_of_each_day = ["mercredi-1945-diner", "jeudi-1930-diner", "vendredi-1230-buffet-de-depart"]
    for anchor in last_of_each_day:
        assert ProgrammeItem.objects.get(event=event, anchor=anchor).ends_at is None


def test_loaded_event_header_tariffs_and_open_registration():
    event = load_seed_event()

    assert event.reference_prefix == "RF2012"
    assert event.title == "De l'accompagnement individuel à l'action collective"
    assert event.subtitle == "Les nouvelles pratiques de la fonction sociale"
    assert (event.start_date, event.end_date) == (dt.date(2012, 11, 14), dt.date(2012, 11, 16))
    assert event.venue_name == "Hôtel Mercure Lille Métropole"
    assert normalise(event.venue_address) == normalise(
        "157 avenue de la Marne 59700 MARCQ EN BAROEUL"
    )
    assert event.venue_phone.replace(" ", "") == "0328331212"
    assert event.contact_name == "Victoria ESTEBAN"
    assert event.contact_phone.replace(" ", "") == "0140757904"
    assert event.contact_fax.replace(" ", "") == "0140750421"
    assert event.contact_email == "v.esteban.afpols@union-habitat.org"
    assert event.postal_address == "AFPOLS, 2 rue Lord Byron, 75008 Paris"
    assert len(event.stakes_paragraphs) == 5
    assert len(event.objective_list) == 4
    assert event.registration_is_open()
    tariffs = list(event.tariffs.order_by("position"))
    assert [(tariff.amount, tariff.capacity) for tariff in tariffs] == [
        (Decimal("1750.00"), 40),
        (Decimal("1450.00"), None),
    ]
    assert normalise(tariffs[0].label) == normalise("hébergement et repas du soir inclus")
    assert normalise(tariffs[1].label) == normalise(
        "repas du midi inclus, hors hébergement et repas du soir"
    )
