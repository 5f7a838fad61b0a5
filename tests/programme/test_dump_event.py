"""``dump_event`` writes what ``load_event`` reads: the round trip gives the same file."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from programme.dumping import dump_event
from programme.loading import load_event_file
from programme.models import (
    Appearance,
    Event,
    ItemPart,
    ProgrammeItem,
    Speaker,
    Tariff,
    Workshop,
)
from tests.factories import paris

pytestmark = pytest.mark.django_db

DATA_FILE = settings.BASE_DIR / "programme" / "data" / "rencontres-2012.yaml"


def counts():
    models = (Event, ProgrammeItem, ItemPart, Speaker, Workshop, Appearance, Tariff)
    return {model.__name__: model.objects.count() for model in models}


def empty_the_database():
    Event.objects.all().delete()
    Speaker.objects.all().delete()
    assert not ProgrammeItem.objects.exists() and not Tariff.objects.exists()


def round_trip(tmp_path, slug):
    first = tmp_path / "first.yaml"
    call_command("dump_event", slug, "--output", str(first), stdout=StringIO())
    empty_the_database()
    load_event_file(first)
    second = StringIO()
    call_command("dump_event", slug, stdout=second)
    return first.read_text(encoding="utf-8"), second.getvalue()


def test_dump_then_load_into_an_empty_database_then_dump_gives_the_same_file(tmp_path):
    load_event_file(DATA_FILE)
    seeded = counts()
    first, second = round_trip(tmp_path, "rencontres-formation-2012")
    assert first == second
    # The reloaded event is the seed again, not an empty shell.
    assert counts() == seeded
    assert seeded["ProgrammeItem"] == 27 and seeded["Workshop"] == 3


def test_round_trip_keeps_what_the_seed_leaves_at_its_default(tmp_path):
    load_event_file(DATA_FILE)
    event = Event.objects.get()
    event.registration_opens_at = paris(2012, 9, 1, 9, 0)
    event.registration_closes_at = paris(2012, 11, 1, 18, 30)
    event.is_published = False
    event.offer_hours = 24
    event.save()
    tariff = event.tariffs.get(amount=Decimal("1450.00"))
    tariff.capacity = 0
    tariff.nights = ["2012-11-15"]
    tariff.save()
    first, second = round_trip(tmp_path, event.slug)
    assert first == second
    event = Event.objects.get()
    assert (event.is_published, event.offer_hours) == (False, 24)
    assert event.registration_closes_at == paris(2012, 11, 1, 18, 30)
    tariff = event.tariffs.get(amount=Decimal("1450.00"))
    assert (tariff.capacity, tariff.nights, tariff.lunches) == (0, ["2012-11-15"], True)


def test_dump_is_the_loader_format_with_structured_inclusions():
    load_event_file(DATA_FILE)
    data = yaml.safe_load(dump_event(Event.objects.get()))
    hotel = data["tariffs"][0]
    assert hotel["nights"] == [dt.date(2012, 11, 14), dt.date(2012, 11, 15)]
    assert hotel["dinners"] == [dt.date(2012, 11, 14), dt.date(2012, 11, 15)]
    assert hotel["lunches"] is True
    assert "nights" not in data["tariffs"][1]
    assert data["days"][0]["items"][0]["start"] == "09:30"
    assert data["speakers"][0]["slug"] == "geraud-beaufrere"


def test_dump_event_refuses_an_unknown_slug():
    with pytest.raises(CommandError, match="Aucun événement"):
        call_command("dump_event", "inconnu", stdout=StringIO())
