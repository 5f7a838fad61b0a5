"""The programme as JSON: the documented shape (docs/programme-json.md)."""

import json

import pytest
from django.urls import reverse

from programme.models import ProgrammeItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(client, seed_event):
    response = client.get(reverse("programme:agenda_json", kwargs={"slug": seed_event.slug}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def test_json_has_the_documented_top_level_keys(data):
    assert set(data) == {"format", "event", "days", "workshops", "speakers", "tariffs"}
    assert data["format"] == "afpols-programme/1"


def test_json_event_has_dates_venue_contact_and_presentation(data):
    event = data["event"]

    assert event["slug"] == "rencontres-formation-2012"
    assert (event["start_date"], event["end_date"]) == ("2012-11-14", "2012-11-16")
    assert event["dates_label"] == "du mercredi 14 au vendredi 16 novembre 2012"
    assert event["venue"]["name"] == "Hôtel Mercure Lille Métropole"
    assert event["contact"]["email"] == "v.esteban.afpols@union-habitat.org"
    assert len(event["objectives"]) == 4
    assert len(event["stakes"]) == 5


def test_json_days_hold_every_item_with_iso_times_and_offsets(data, seed_event):
    assert [day["date"] for day in data["days"]] == ["2012-11-14", "2012-11-15", "2012-11-16"]
    assert data["days"][0]["label"] == "mercredi 14 novembre 2012"
    items = [item for day in data["days"] for item in day["items"]]
    assert len(items) == ProgrammeItem.objects.filter(event=seed_event).count()

    opening = items[0]
    assert opening["starts_at"] == "2012-11-14T09:30:00+01:00"
    assert opening["ends_at"] == "2012-11-14T09:45:00+01:00"
    assert opening["kind"] == "opening"
    assert opening["speakers"][0] == {
        "speaker": "geraud-beaufrere",
        "name": "Géraud BEAUFRERE",
        "role": "consultant en formation",
        "organisation": "AFPOLS",
        "is_collective": False,
        "lead_in": "Par",
        "group": "",
    }
    fresques = items[1]
    assert [part["heading"] for part in fresques["parts"]] == ["Phase 1", "Phase 2"]
    assert len(fresques["parts"][0]["bullets"]) == 5
    assert opening["url"].endswith("/programme/#mercredi-0930-lancement")


def test_json_lists_workshops_speakers_and_tariffs_with_string_amounts(data):
    assert [workshop["number"] for workshop in data["workshops"]] == [1, 2, 3]
    assert data["workshops"][0]["slot"] == "jeudi-1400-ateliers"
    assert data["workshops"][0]["speakers"][0]["name"] == "Laurine BOST BADACHE"
    slot = next(i for day in data["days"] for i in day["items"] if i["kind"] == "workshops")
    assert slot["workshops"] == [1, 2, 3]

    slugs = [speaker["slug"] for speaker in data["speakers"]]
    assert len(slugs) == len(set(slugs))
    assert "didier-vanoni" in slugs

    assert [(t["amount"], t["currency"]) for t in data["tariffs"]] == [
        ("1750.00", "EUR"),
        ("1450.00", "EUR"),
    ]
    assert data["tariffs"][0]["label"] == "Hébergement et repas du soir inclus"
    assert data["tariffs"][0]["capacity"] == 40
