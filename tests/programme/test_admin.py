"""The programme is editable in the Django admin, items with their speakers inline."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from programme.enums import ItemKind
from programme.models import Appearance, Event, ProgrammeItem, Speaker, Workshop
from tests.factories import (
    AppearanceFactory,
    ItemPartFactory,
    ProgrammeItemFactory,
    SpeakerFactory,
    paris,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(seed_event):
    return seed_event


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    ("model", "add_title", "change_title"),
    [
        (Event, "Ajout d'un événement", "Modification de l'événement"),
        (ProgrammeItem, "Ajout d'une séquence", "Modification de la séquence"),
        (Speaker, "Ajout d'un intervenant", "Modification de l'intervenant"),
        (Workshop, "Ajout d'un atelier", "Modification de l'atelier"),
    ],
)
def test_superuser_opens_changelist_add_and_change_pages(
    superuser_client, event, model, add_title, change_title
):
    instance = model.objects.order_by("pk").first()

    changelist = superuser_client.get(admin_url(model, "changelist"))
    add = superuser_client.get(admin_url(model, "add"))
    change = superuser_client.get(admin_url(model, "change", instance.pk))

    assert changelist.context["title"] == str(model._meta.verbose_name_plural).capitalize()
    assert changelist.context["cl"].result_count == model.objects.count() > 0
    assert add.context["title"] == add_title
    assert "adminform" in add.context
    assert change.context["title"] == change_title
    assert change.context["original"] == instance


def test_event_change_page_shows_french_fieldsets_and_tariff_and_workshop_inlines(
    superuser_client, event
):
    response = superuser_client.get(admin_url(Event, "change", event.pk))

    content = response.content.decode()
    for heading in ("Dates et lieu", "Contact", "Présentation", "Inscriptions"):
        assert heading in content
    assert "Hébergement et repas du soir inclus" in content
    assert "Les partenariats locaux, maillon essentiel de l&#x27;action collective" in content
    formsets = {
        inline.formset.prefix: inline.formset
        for inline in response.context["inline_admin_formsets"]
    }
    assert formsets["tariffs"].queryset.count() == 2
    assert formsets["workshops"].queryset.count() == 3


def test_workshop_slot_choices_are_the_ateliers_items_of_the_event(superuser_client, event):
    ProgrammeItemFactory(kind=ItemKind.WORKSHOPS)  # another event's slot

    response = superuser_client.get(admin_url(Event, "change", event.pk))

    workshops = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "workshops"
    )
    slots = workshops.forms[0].fields["slot"].queryset
    assert [slot.anchor for slot in slots] == ["jeudi-1400-ateliers"]


def test_item_changelist_filters_by_day_in_paris_time(superuser_client, event):
    url = admin_url(ProgrammeItem, "changelist")

    response = superuser_client.get(url, {"event__id__exact": event.pk, "jour": "2012-11-16"})

    assert response.status_code == 200
    titles = [item.title for item in response.context["cl"].result_list]
    assert len(titles) == 5
    assert titles[-1] == "Buffet de départ"
    assert "vendredi 16 novembre 2012" in response.content.decode()


def test_item_changelist_with_a_bad_day_is_not_an_error(superuser_client, event):
    response = superuser_client.get(admin_url(ProgrammeItem, "changelist"), {"jour": "hier"})

    assert response.status_code == 302
    assert "e=1" in response["Location"]


def test_item_changelist_filters_by_kind_and_searches_speakers(superuser_client, event):
    url = admin_url(ProgrammeItem, "changelist")

    round_tables = superuser_client.get(url, {"kind__exact": ItemKind.ROUND_TABLE})
    by_speaker = superuser_client.get(url, {"q": "KAMOUN"})

    assert [item.anchor for item in round_tables.context["cl"].result_list] == [
        "jeudi-1015-table-ronde-gouvernance"
    ]
    assert [item.anchor for item in by_speaker.context["cl"].result_list] == [
        "jeudi-1015-table-ronde-gouvernance"
    ]


def test_speaker_autocomplete_finds_speakers_by_name(superuser_client, event):
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "bost",
            "app_label": "programme",
            "model_name": "appearance",
            "field_name": "speaker",
        },
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Laurine BOST BADACHE"]


def _inline_management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_superuser_edits_an_item_with_its_speakers_inline(superuser_client):
    item = ProgrammeItemFactory(
        title="Avant", starts_at=paris(2030, 5, 14, 9, 30), ends_at=paris(2030, 5, 14, 10, 0)
    )
    part = ItemPartFactory(item=item, heading="Phase 1", position=1)
    kept = AppearanceFactory(item=item, lead_in="Par", position=1)
    removed = AppearanceFactory(item=item, position=2)
    added = SpeakerFactory(name="Nouvelle INTERVENANTE")
    parts, speakers = "parts", "appearances"
    data = {
        "event": item.event.pk,
        "kind": ItemKind.ROUND_TABLE,
        "title": "Après <b>modification</b>",
        "anchor": item.anchor,
        "starts_at_0": "14/05/2030",
        "starts_at_1": "10:15",
        "ends_at_0": "14/05/2030",
        "ends_at_1": "12:15",
        "position": "3",
        "description": "",
        "bullets": "Premier point\nSecond point",
        **_inline_management(parts, 1, 1),
        f"{parts}-0-id": part.pk,
        f"{parts}-0-item": item.pk,
        f"{parts}-0-heading": "Phase 1",
        f"{parts}-0-position": "1",
        f"{parts}-0-description": "",
        f"{parts}-0-bullets": "Un point",
        **_inline_management(speakers, 3, 2),
        f"{speakers}-0-id": kept.pk,
        f"{speakers}-0-item": item.pk,
        f"{speakers}-0-speaker": kept.speaker.pk,
        f"{speakers}-0-lead_in": "Avec",
        f"{speakers}-0-group": "",
        f"{speakers}-0-position": "1",
        f"{speakers}-1-id": removed.pk,
        f"{speakers}-1-item": item.pk,
        f"{speakers}-1-speaker": removed.speaker.pk,
        f"{speakers}-1-lead_in": "",
        f"{speakers}-1-group": "",
        f"{speakers}-1-position": "2",
        f"{speakers}-1-DELETE": "on",
        f"{speakers}-2-item": item.pk,
        f"{speakers}-2-speaker": added.pk,
        f"{speakers}-2-lead_in": "",
        f"{speakers}-2-group": "PARIS HABITAT",
        f"{speakers}-2-position": "2",
    }

    response = superuser_client.post(admin_url(ProgrammeItem, "change", item.pk), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    item.refresh_from_db()
    assert item.title == "Après <b>modification</b>"
    assert item.kind == ItemKind.ROUND_TABLE
    assert timezone.localtime(item.starts_at).time() == dt.time(10, 15)
    assert timezone.localtime(item.ends_at).time() == dt.time(12, 15)
    appearances = list(item.appearances.order_by("position").select_related("speaker"))
    assert [(a.speaker, a.lead_in, a.group) for a in appearances] == [
        (kept.speaker, "Avec", ""),
        (added, "", "PARIS HABITAT"),
    ]
    assert not Appearance.objects.filter(pk=removed.pk).exists()


def test_item_admin_refuses_an_end_before_the_start_with_a_french_message(superuser_client):
    item = ProgrammeItemFactory(starts_at=paris(2030, 5, 14, 9, 30))
    data = {
        "event": item.event.pk,
        "kind": item.kind,
        "title": item.title,
        "anchor": item.anchor,
        "starts_at_0": "14/05/2030",
        "starts_at_1": "10:15",
        "ends_at_0": "14/05/2030",
        "ends_at_1": "09:00",
        "position": "0",
        **_inline_management("parts", 0, 0),
        **_inline_management("appearances", 0, 0),
    }

    response = superuser_client.post(admin_url(ProgrammeItem, "change", item.pk), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "__all__": ["La fin doit être postérieure au début."]
    }
    item.refresh_from_db()
    assert timezone.localtime(item.starts_at).time() == dt.time(9, 30)


def test_superuser_adds_a_speaker_to_a_workshop_inline(superuser_client, event):
    workshop = Workshop.objects.get(event=event, number=2)
    speaker = Speaker.objects.get(slug="francois-ohl")
    current = list(workshop.appearances.order_by("position"))
    prefix = "appearances"
    data = {
        "event": event.pk,
        "slot": workshop.slot_id,
        "number": "2",
        "title": workshop.title,
        "description": workshop.description,
        "bullets": workshop.bullets,
        "capacity": "18",
        **_inline_management(prefix, len(current) + 1, len(current)),
    }
    for index, appearance in enumerate(current):
        data |= {
            f"{prefix}-{index}-id": appearance.pk,
            f"{prefix}-{index}-workshop": workshop.pk,
            f"{prefix}-{index}-speaker": appearance.speaker_id,
            f"{prefix}-{index}-position": appearance.position,
        }
    data |= {
        f"{prefix}-{len(current)}-workshop": workshop.pk,
        f"{prefix}-{len(current)}-speaker": speaker.pk,
        f"{prefix}-{len(current)}-position": "9",
    }

    response = superuser_client.post(admin_url(Workshop, "change", workshop.pk), data)

    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.capacity == 18
    assert list(
        workshop.appearances.order_by("position").values_list("speaker__slug", flat=True)
    ) == [
        "philippe-auville",
        "representants-du-quebec",
        "francois-ohl",
    ]


def event_change_data(client, event, tariff_amounts=None):
    """The POST of the event's change form as the admin shows it, inlines included."""
    form = client.get(admin_url(Event, "change", event.pk)).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name not in {"id", "updated_at"} and value is not None
    }
    data |= {
        "start_date": "14/11/2012",
        "end_date": "16/11/2012",
        "registration_opens_at_0": "",
        "registration_opens_at_1": "",
        "registration_closes_at_0": "06/11/2012",
        "registration_closes_at_1": "18:00",
    }
    tariffs = list(event.tariffs.order_by("position"))
    data |= _inline_management("tariffs", len(tariffs), len(tariffs))
    for index, tariff in enumerate(tariffs):
        data |= {
            f"tariffs-{index}-id": tariff.pk,
            f"tariffs-{index}-event": event.pk,
            f"tariffs-{index}-label": tariff.label,
            f"tariffs-{index}-amount": str(tariff.amount),
            f"tariffs-{index}-included": tariff.included,
            f"tariffs-{index}-capacity": tariff.capacity or "",
            f"tariffs-{index}-position": tariff.position,
        }
    workshops = list(event.workshops.order_by("number"))
    data |= _inline_management("workshops", len(workshops), len(workshops))
    for index, workshop in enumerate(workshops):
        data |= {
            f"workshops-{index}-id": workshop.pk,
            f"workshops-{index}-event": event.pk,
            f"workshops-{index}-number": workshop.number,
            f"workshops-{index}-title": workshop.title,
            f"workshops-{index}-slot": workshop.slot_id,
            f"workshops-{index}-capacity": workshop.capacity,
        }
    return data


def test_tariff_is_edited_inline_on_the_event(superuser_client, event):
    tariff = event.tariffs.get(position=1)
    data = event_change_data(superuser_client, event)
    data["tariffs-0-amount"] = "1800.00"

    response = superuser_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    tariff.refresh_from_db()
    assert str(tariff.amount) == "1800.00"


def test_event_admin_refuses_a_last_day_before_the_first_in_french(superuser_client, event):
    data = event_change_data(superuser_client, event)
    data["end_date"] = "13/11/2012"

    response = superuser_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "__all__": ["Le dernier jour ne peut précéder le premier."]
    }
    event.refresh_from_db()
    assert event.end_date == dt.date(2012, 11, 16)


def test_tariff_inclusions_are_edited_as_check_boxes_of_the_event_days(superuser_client, event):
    page = superuser_client.get(admin_url(Event, "change", event.pk)).content.decode()
    assert 'name="tariffs-0-nights" value="2012-11-14"' in page
    data = event_change_data(superuser_client, event)
    data |= {
        "tariffs-1-nights": ["2012-11-15"],
        "tariffs-1-dinners": ["2012-11-15"],
        "tariffs-1-lunches": "on",
    }

    response = superuser_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    tariff = event.tariffs.get(position=2)
    assert (tariff.nights, tariff.dinners, tariff.lunches) == (["2012-11-15"], ["2012-11-15"], True)
    assert "L'hébergement à l'hôtel (nuit du 15 novembre)" in tariff.inclusion_summary()


def test_tariff_night_outside_the_event_is_refused_in_the_admin(superuser_client, event):
    data = event_change_data(superuser_client, event)
    data["tariffs-0-nights"] = ["2012-11-20"]

    response = superuser_client.post(admin_url(Event, "change", event.pk), data)

    assert response.status_code == 200
    assert event.tariffs.get(position=1).nights == ["2012-11-14", "2012-11-15"]
