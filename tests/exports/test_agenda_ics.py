"""The programme as iCalendar: one event per item at the right local time; participant's own."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from programme.exports.agenda_ics import event_calendar
from programme.models import ProgrammeItem
from registrations.calendar import participant_calendar
from registrations.enums import RegistrationStatus
from tests.factories import EventFactory, ProgrammeItemFactory, RegistrationFactory, paris

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def vevents(calendar):
    return list(Calendar.from_ical(calendar.to_ical()).walk("VEVENT"))


def by_summary(events):
    return {str(event["SUMMARY"]): event for event in events}


def test_public_calendar_has_one_event_per_item(seed_event):
    events = vevents(event_calendar(seed_event))

    assert len(events) == ProgrammeItem.objects.filter(event=seed_event).count()
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)


def test_events_start_at_the_programmes_local_times(seed_event):
    events = by_summary(vevents(event_calendar(seed_event)))

    opening = events["Lancement des rencontres formation"]
    assert opening.decoded("DTSTART") == dt.datetime(2012, 11, 14, 9, 30, tzinfo=PARIS)
    assert opening.decoded("DTEND") == dt.datetime(2012, 11, 14, 9, 45, tzinfo=PARIS)
    assert opening["DTSTART"].params["TZID"] == "Europe/Paris"
    assert events["Ateliers"].decoded("DTSTART") == dt.datetime(2012, 11, 15, 14, 0, tzinfo=PARIS)
    assert events["Buffet de départ"].decoded("DTSTART") == dt.datetime(
        2012, 11, 16, 12, 30, tzinfo=PARIS
    )


def test_calendar_carries_the_paris_time_zone(seed_event):
    calendar = Calendar.from_ical(event_calendar(seed_event).to_ical())

    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_events_have_venue_speakers_and_a_link_to_the_item(seed_event):
    events = by_summary(vevents(event_calendar(seed_event)))
    event = events[
        "« L'empowerment », un nouveau mode d'action pour la fonction sociale en organisme HLM ?"
    ]

    assert str(event["LOCATION"]) == (
        "Hôtel Mercure Lille Métropole, 157 avenue de la Marne, 59700 Marcq-en-Barœul"
    )
    assert "Didier VANONI, Directeur de FORS Recherche Sociale" in str(event["DESCRIPTION"])
    assert "• Applications dans le logement social" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(
        "/rencontres/rencontres-formation-2012/programme/#mercredi-1130-empowerment"
    )


def test_workshop_slot_is_one_event_listing_the_three_workshops(seed_event):
    description = str(by_summary(vevents(event_calendar(seed_event)))["Ateliers"]["DESCRIPTION"])

    for number in (1, 2, 3):
        assert f"Atelier {number} : " in description
    assert "Laurine BOST BADACHE, Consultante, AFPOLS" in description


def test_item_without_end_lasts_until_the_next_item_else_one_hour():
    event = EventFactory()
    first = ProgrammeItemFactory(event=event, starts_at=paris(2030, 5, 6, 9), title="Premier")
    ProgrammeItemFactory(event=event, starts_at=paris(2030, 5, 6, 10, 15), title="Dernier")
    assert first.ends_at is None

    events = by_summary(vevents(event_calendar(event)))

    assert events["Premier"].decoded("DTEND") == paris(2030, 5, 6, 10, 15)
    assert events["Dernier"].decoded("DTEND") == paris(2030, 5, 6, 11, 15)


def test_uids_are_stable_from_one_export_to_the_next(seed_event):
    first = [str(event["UID"]) for event in vevents(event_calendar(seed_event))]
    second = [str(event["UID"]) for event in vevents(event_calendar(seed_event))]

    assert first == second
    assert "rencontres-formation-2012.mercredi-0930-lancement@rencontres.afpols" in first


def registration_for(event, workshop_number, **kwargs):
    return RegistrationFactory(
        event=event,
        tariff=event.tariffs.first(),
        workshop=event.workshops.get(number=workshop_number) if workshop_number else None,
        **kwargs,
    )


def test_participant_calendar_has_their_workshop_and_not_the_other_two(seed_event):
    registration = registration_for(seed_event, 2)

    all_events = vevents(participant_calendar(registration))
    events = by_summary(all_events)

    workshop = seed_event.workshops.get(number=2)
    assert f"Atelier 2 : {workshop.title}" in events
    mine = events[f"Atelier 2 : {workshop.title}"]
    assert mine.decoded("DTSTART") == dt.datetime(2012, 11, 15, 14, 0, tzinfo=PARIS)
    assert "Philippe AUVILLE" in str(mine["DESCRIPTION"])
    assert str(mine["URL"]).endswith("#atelier-2")
    assert "Ateliers" not in events
    assert not any(summary.startswith(("Atelier 1", "Atelier 3")) for summary in events)
    # Every item (this tariff includes every meal), plus the two nights at the hotel.
    items = ProgrammeItem.objects.filter(event=seed_event).count()
    assert len(all_events) == items + len(registration.tariff.night_dates) == items + 2


def test_participant_without_workshop_keeps_the_workshop_slot(seed_event):
    events = by_summary(vevents(participant_calendar(registration_for(seed_event, None))))

    assert "Ateliers" in events


def test_cancelled_participant_gets_an_empty_calendar(seed_event):
    registration = registration_for(seed_event, 1, status=RegistrationStatus.CANCELLED)

    assert vevents(participant_calendar(registration)) == []


def test_ics_download_has_calendar_type_and_answers_304(client, seed_event):
    url = reverse("programme:agenda_ics", kwargs={"slug": seed_event.slug})

    response = client.get(url)
    again = client.get(url, headers={"if-none-match": response["ETag"]})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="programme-rencontres-formation-2012.ics"' in response["Content-Disposition"]
    assert len(vevents(Calendar.from_ical(response.content))) > 20
    assert again.status_code == 304
