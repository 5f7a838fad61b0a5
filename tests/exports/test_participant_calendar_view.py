"""The participant's calendar from their private link: only their own days and workshop."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(seed_event):
    return RegistrationFactory(
        event=seed_event,
        tariff=seed_event.tariffs.first(),
        workshop=seed_event.workshops.get(number=3),
    )


def calendar_url(token):
    return reverse("registrations:calendar", kwargs={"token": token})


def test_private_link_gives_the_participants_calendar(client, registration):
    response = client.get(calendar_url(registration.token))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert any(summary.startswith("Atelier 3 : ") for summary in summaries)
    assert not any(summary.startswith(("Atelier 1 : ", "Atelier 2 : ")) for summary in summaries)


def test_workshop_change_gives_a_new_calendar_version(client, registration):
    etag = client.get(calendar_url(registration.token))["ETag"]
    registration.workshop = registration.event.workshops.get(number=1)
    registration.save()

    response = client.get(calendar_url(registration.token), headers={"if-none-match": etag})

    assert response.status_code == 200
    assert b"Atelier 1 : " in response.content


def test_unknown_token_is_404(client, registration):
    assert client.get(calendar_url("not-a-token")).status_code == 404


def calendar_entries(client, registration):
    response = client.get(calendar_url(registration.token))
    return [
        (str(entry["SUMMARY"]), entry.decoded("DTSTART"))
        for entry in Calendar.from_ical(response.content).walk("VEVENT")
    ]


def test_calendar_of_the_1450_tariff_has_the_lunches_but_no_hotel_dinner_or_night(
    client, seed_event
):
    registration = RegistrationFactory(
        event=seed_event,
        tariff=seed_event.tariffs.get(amount=1450),
        workshop=seed_event.workshops.get(number=1),
    )
    summaries = [summary for summary, _ in calendar_entries(client, registration)]
    assert "Déjeuner" in summaries and "Buffet de départ" in summaries
    assert "Dîner à l'hôtel" not in summaries
    assert not any(summary.startswith("Nuit") for summary in summaries)
    assert "Ateliers" not in summaries and "Lancement des rencontres formation" in summaries


def test_calendar_of_the_1750_tariff_has_its_two_dinners_and_two_nights(client, seed_event):
    registration = RegistrationFactory(
        event=seed_event,
        tariff=seed_event.tariffs.get(amount=1750),
        workshop=seed_event.workshops.get(number=1),
    )
    entries = calendar_entries(client, registration)
    summaries = [summary for summary, _ in entries]
    assert summaries.count("Dîner à l'hôtel") == 2
    assert "Déjeuner" in summaries
    nights = sorted(start for summary, start in entries if summary.startswith("Nuit à l'hôtel"))
    assert [night.isoformat() for night in nights] == ["2012-11-14", "2012-11-15"]


def test_tariff_change_gives_a_new_calendar(client, seed_event):
    registration = RegistrationFactory(
        event=seed_event,
        tariff=seed_event.tariffs.get(amount=1750),
        workshop=seed_event.workshops.get(number=1),
    )
    etag = client.get(calendar_url(registration.token))["ETag"]
    registration.tariff = seed_event.tariffs.get(amount=1450)
    registration.save()
    response = client.get(calendar_url(registration.token), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Dîner à l'hôtel" not in response.content.decode()


def test_a_participants_calendar_stays_out_of_the_shared_page_cache(
    client, registration, monkeypatch
):
    """One file per person: kept in no process's memory (the ETag still gives a 304)."""
    from registrations.calendar import ParticipantCalendarExporter

    built = []
    render = ParticipantCalendarExporter.render
    monkeypatch.setattr(
        ParticipantCalendarExporter, "render", lambda self: built.append(1) or render(self)
    )

    first = client.get(calendar_url(registration.token))
    second = client.get(calendar_url(registration.token))
    again = client.get(calendar_url(registration.token), headers={"if-none-match": first["ETag"]})

    assert second.content == first.content
    assert again.status_code == 304
    assert len(built) == 2
