"""The ``load_event`` command: idempotent, applies edits, refuses bad files clearly."""

import copy
from decimal import Decimal
from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from programme.models import Appearance, Event, ItemPart, ProgrammeItem, Speaker, Tariff, Workshop

pytestmark = pytest.mark.django_db

DATA_FILE = settings.BASE_DIR / "programme" / "data" / "rencontres-2012.yaml"
MODELS = (Event, ProgrammeItem, ItemPart, Speaker, Workshop, Appearance, Tariff)


@pytest.fixture
def seed_data():
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def write_yaml(tmp_path):
    def write(data, name="event.yaml"):
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return path

    return write


def load(path=DATA_FILE):
    out = StringIO()
    call_command("load_event", str(path), stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def stamps():
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (Event, ProgrammeItem, ItemPart, Speaker, Workshop, Appearance, Tariff)
    }


def item(anchor):
    return ProgrammeItem.objects.get(anchor=anchor)


def find(items, anchor):
    return next(entry for entry in items if entry["anchor"] == anchor)


def test_load_event_twice_creates_no_duplicates_and_saves_nothing():
    first_output = load()
    after_first, first_stamps = counts(), stamps()

    second_output = load()

    assert (
        counts()
        == after_first
        == {
            "Event": 1,
            "ProgrammeItem": 27,
            "ItemPart": 2,
            "Speaker": 22,
            "Workshop": 3,
            "Appearance": 27,
            "Tariff": 2,
        }
    )
    # Nothing saved again: updated_at is the documents' cache version.
    assert stamps() == first_stamps
    assert "84 créé(s), 0 modifié(s), 0 inchangé(s)" in first_output
    assert "0 créé(s), 0 modifié(s), 84 inchangé(s)" in second_output


def test_load_event_applies_edits_made_in_the_file(seed_data, write_yaml):
    load()
    edited = copy.deepcopy(seed_data)
    wednesday = edited["days"][0]["items"]
    launch = find(wednesday, "mercredi-0930-lancement")
    launch["title"] = "Ouverture des rencontres"
    launch["start"] = "09:15"
    noirettes = find(wednesday, "mercredi-0945-fresques-des-noirettes")
    noirettes["parts"] = noirettes["parts"][:1]
    noirettes["speakers"] = [{"speaker": "gilbert-coudene"}, {"speaker": "pierre-chenel"}]
    edited["speakers"][0]["role"] = "Consultant AFPOLS"
    edited["tariffs"][1]["amount"] = "1500.00"
    edited["days"][1]["items"][5]["workshops"][0]["capacity"] = 25
    untouched = item("jeudi-0830-impayes").updated_at

    load(write_yaml(edited))

    launch = item("mercredi-0930-lancement")
    assert launch.title == "Ouverture des rencontres"
    assert f"{timezone.localtime(launch.starts_at):%H:%M}" == "09:15"
    noirettes = item("mercredi-0945-fresques-des-noirettes")
    assert [part.heading for part in noirettes.parts.all()] == ["Phase 1"]
    assert [a.speaker.slug for a in noirettes.appearances.order_by("position")] == [
        "gilbert-coudene",
        "pierre-chenel",
    ]
    assert Speaker.objects.get(slug="geraud-beaufrere").role == "Consultant AFPOLS"
    assert Tariff.objects.get(amount=Decimal("1500.00")).label.startswith("Repas du midi")
    assert Workshop.objects.get(number=1).capacity == 25
    assert item("jeudi-0830-impayes").updated_at == untouched
    assert counts()["ProgrammeItem"] == 27
    assert counts()["Speaker"] == 22


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("event: [unclosed", "n'est pas un YAML valide"),
        ("- just\n- a list\n", "une table de clés est attendue"),
        ("days: []\n", "« event » : valeur obligatoire manquante"),
    ],
)
def test_load_event_refuses_a_malformed_file(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        load(path)

    assert Event.objects.count() == 0


def test_load_event_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Impossible de lire le fichier"):
        load(tmp_path / "absent.yaml")


def _break_kind(data):
    data["days"][0]["items"][0]["kind"] = "keynote"


def _break_time(data):
    data["days"][0]["items"][0]["start"] = 570  # YAML 1.1 reads an unquoted 9:30 so


def _break_end(data):
    data["days"][0]["items"][0]["end"] = "09:00"


def _break_speaker(data):
    data["days"][0]["items"][0]["speakers"][0]["speaker"] = "nobody"


def _break_key(data):
    data["days"][0]["items"][0]["bulets"] = ["misspelt"]


def _break_anchor(data):
    data["days"][0]["items"][1]["anchor"] = "mercredi-0930-lancement"


def _break_amount(data):
    data["tariffs"][0]["amount"] = "mille"


def _break_day(data):
    data["days"][2]["date"] = "2012-11-20"


def _break_length(data):
    data["event"]["reference_prefix"] = "R" * 40


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        (_break_kind, "type « keynote » inconnu"),
        (_break_time, 'une heure "HH:MM"'),
        (_break_end, "La fin doit être postérieure au début"),
        (_break_speaker, "intervenant « nobody » absent"),
        (_break_key, "clé\\(s\\) inconnue\\(s\\) : bulets"),
        (_break_anchor, "cette ancre est en double"),
        (_break_amount, "un montant est attendu"),
        (_break_day, "en dehors des dates de l'événement"),
        (_break_length, "reference_prefix"),
    ],
)
def test_load_event_refuses_bad_data_and_writes_nothing(seed_data, write_yaml, breaks, message):
    breaks(seed_data)

    with pytest.raises(CommandError, match=message):
        load(write_yaml(seed_data))

    assert counts() == dict.fromkeys(counts(), 0)


def test_load_event_error_leaves_a_previous_load_untouched(seed_data, write_yaml):
    load()
    before = stamps()
    seed_data["event"]["title"] = "Un autre titre"
    _break_speaker(seed_data)

    with pytest.raises(CommandError):
        load(write_yaml(seed_data))

    assert stamps() == before
    assert Event.objects.get().title == "De l'accompagnement individuel à l'action collective"


def test_load_event_skip_existing_keeps_admin_edits(seed_data, write_yaml):
    load()
    event = Event.objects.get(slug=seed_data["event"]["slug"])
    Event.objects.filter(pk=event.pk).update(seat_capacity=12)
    edited = copy.deepcopy(seed_data)
    edited["event"]["title"] = "Un autre titre"
    out = StringIO()

    call_command("load_event", str(write_yaml(edited)), "--skip-existing", stdout=out)

    event.refresh_from_db()
    assert event.seat_capacity == 12
    assert event.title == seed_data["event"]["title"]
    assert "déjà chargé" in out.getvalue()


def test_load_event_skip_existing_loads_a_new_event():
    out = StringIO()
    call_command("load_event", str(DATA_FILE), "--skip-existing", stdout=out)
    assert Event.objects.count() == 1
    assert ProgrammeItem.objects.count() > 20
