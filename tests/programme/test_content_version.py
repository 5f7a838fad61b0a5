"""Every write path of an event's content bumps its content version, in the same
transaction: each admin page and action, and the loader. Other events keep theirs."""

import datetime as dt
from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from programme.models import Event, ItemPart, ProgrammeItem, Speaker, Workshop
from tests.admin_forms import form_data
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ItemPartFactory,
    ProgrammeItemFactory,
    SpeakerFactory,
    TariffFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

SEED_FILE = settings.BASE_DIR / "programme" / "data" / "rencontres-2012.yaml"


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def version(event):
    return Event.objects.values_list("content_version", flat=True).get(pk=event.pk)


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    return client


@pytest.fixture
def programme():
    """One event with one of everything its pages show, and a bystander event."""
    # The event admin requires a closing date.
    event = EventFactory(registration_closes_at=timezone.now() + dt.timedelta(days=30))
    item = ProgrammeItemFactory(event=event)
    workshop = WorkshopFactory(event=event)
    shared = SpeakerFactory()
    other = ProgrammeItemFactory()
    AppearanceFactory(item=other, speaker=shared)
    return {
        "event": event,
        "item": item,
        "part": ItemPartFactory(item=item),
        "appearance": AppearanceFactory(item=item, speaker=shared),
        "workshop": workshop,
        "workshop_appearance": AppearanceFactory(item=None, workshop=workshop),
        "tariff": TariffFactory(event=event),
        "speaker": shared,
        "other_event": other.event,
    }


def post_change(client, obj, **changes):
    url = admin_url(type(obj), "change", obj.pk)
    data = form_data(client, url) | changes
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context.get("errors")


def inline_prefix(data, field):
    """The formset prefix whose first form has ``field`` ("tariffs", "parts", ...)."""
    return next(name.split("-0-")[0] for name in data if name.endswith(f"-0-{field}"))


def edit_event_title(client, p):
    post_change(client, p["event"], title="Nouveau titre")


def edit_tariff_inline(client, p):
    url = admin_url(Event, "change", p["event"].pk)
    data = form_data(client, url)
    prefix = inline_prefix(data, "amount")
    data[f"{prefix}-0-amount"] = "1800.00"
    assert client.post(url, data).status_code == 302


def delete_workshop_inline(client, p):
    url = admin_url(Event, "change", p["event"].pk)
    data = form_data(client, url)
    prefix = inline_prefix(data, "slot")
    data[f"{prefix}-0-DELETE"] = "on"
    assert client.post(url, data).status_code == 302
    assert not Workshop.objects.filter(pk=p["workshop"].pk).exists()


def edit_item_title(client, p):
    post_change(client, p["item"], title="Autre séquence")


def edit_part_inline(client, p):
    url = admin_url(ProgrammeItem, "change", p["item"].pk)
    data = form_data(client, url)
    prefix = inline_prefix(data, "heading")
    data[f"{prefix}-0-bullets"] = "Un autre point"
    assert client.post(url, data).status_code == 302
    assert ItemPart.objects.get(pk=p["part"].pk).bullets == "Un autre point"


def remove_speaker_inline(client, p):
    url = admin_url(ProgrammeItem, "change", p["item"].pk)
    data = form_data(client, url)
    prefix = inline_prefix(data, "lead_in")
    data[f"{prefix}-0-DELETE"] = "on"
    assert client.post(url, data).status_code == 302
    assert not p["item"].appearances.exists()


def delete_item(client, p):
    response = client.post(admin_url(ProgrammeItem, "delete", p["item"].pk), {"post": "yes"})
    assert response.status_code == 302


def delete_items_action(client, p):
    response = client.post(
        admin_url(ProgrammeItem, "changelist"),
        {"action": "delete_selected", "_selected_action": [p["item"].pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not ProgrammeItem.objects.filter(pk=p["item"].pk).exists()


def edit_workshop(client, p):
    post_change(client, p["workshop"], title="Atelier renommé")


def delete_workshop(client, p):
    response = client.post(admin_url(Workshop, "delete", p["workshop"].pk), {"post": "yes"})
    assert response.status_code == 302


def edit_speaker(client, p):
    post_change(client, p["speaker"], role="Directrice")


def delete_speaker(client, p):
    response = client.post(admin_url(Speaker, "delete", p["speaker"].pk), {"post": "yes"})
    assert response.status_code == 302


ADMIN_EDITS = {
    "event title": edit_event_title,
    "tariff inline on the event": edit_tariff_inline,
    "workshop inline deleted": delete_workshop_inline,
    "item title": edit_item_title,
    "part inline on the item": edit_part_inline,
    "speaker removed from the item": remove_speaker_inline,
    "item deleted": delete_item,
    "items deleted by the action": delete_items_action,
    "workshop title": edit_workshop,
    "workshop deleted": delete_workshop,
    "shared speaker's role": edit_speaker,
    "shared speaker deleted": delete_speaker,
}
# Edits of the shared speaker show in the bystander event too.
SPEAKER_EDITS = {edit_speaker, delete_speaker}


@pytest.mark.parametrize("edit", ADMIN_EDITS.values(), ids=ADMIN_EDITS.keys())
def test_an_admin_edit_bumps_the_version_of_the_events_that_show_it(admin_client, programme, edit):
    event, other = programme["event"], programme["other_event"]
    before, other_before = version(event), version(other)

    edit(admin_client, programme)

    assert version(event) > before
    if edit in SPEAKER_EDITS:
        assert version(other) > other_before
    else:
        assert version(other) == other_before


def test_moving_an_item_to_another_event_bumps_both(admin_client, programme):
    event, other = programme["event"], programme["other_event"]
    before, other_before = version(event), version(other)

    post_change(admin_client, programme["item"], event=str(other.pk))

    assert version(event) > before
    assert version(other) > other_before


def test_a_refused_admin_edit_leaves_the_version_alone(admin_client, programme):
    event = programme["event"]
    before = version(event)
    url = admin_url(Event, "change", event.pk)
    data = form_data(admin_client, url) | {"title": ""}

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert version(event) == before


def load(path):
    call_command("load_event", str(path), stdout=StringIO())


def test_the_loader_bumps_the_version_when_the_file_changes_anything(tmp_path):
    load(SEED_FILE)
    event = Event.objects.get(slug="rencontres-formation-2012")
    loaded = version(event)

    load(SEED_FILE)
    assert version(event) == loaded, "an identical file changes nothing"

    data = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))
    data["days"][0]["items"][0]["title"] = "Accueil des participants (modifié)"
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    load(changed)
    assert version(event) > loaded


def test_the_loader_bumps_other_events_sharing_a_speaker_it_changed(tmp_path):
    load(SEED_FILE)
    data = yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))
    speaker = Speaker.objects.get(slug=data["speakers"][0]["slug"])
    other = ProgrammeItemFactory()
    AppearanceFactory(item=other, speaker=speaker)
    before = version(other.event)

    data["speakers"][0]["role"] = "Nouvelle fonction"
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    load(changed)

    assert version(other.event) > before


def test_keep_registration_open_bumps_the_version_as_the_closing_date_shows():
    event = EventFactory(registration_closes_at=None)
    before = version(event)

    call_command("keep_registration_open", event.slug, stdout=StringIO())

    assert version(event) > before
