"""The agenda's content version changes with every edit or deletion of what it shows."""

from decimal import Decimal

import pytest

from programme.exports.version import event_content_version
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


@pytest.fixture
def programme():
    """A small programme with one of everything the agenda shows."""
    event = EventFactory()
    item = ProgrammeItemFactory(event=event)
    workshop = WorkshopFactory(event=event)
    return {
        "event": event,
        "item": item,
        "part": ItemPartFactory(item=item),
        "appearance": AppearanceFactory(item=item),
        "workshop": workshop,
        "workshop_appearance": AppearanceFactory(item=None, workshop=workshop),
        "tariff": TariffFactory(event=event),
    }


def save_with(instance, **changes):
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.save()


EDITS = {
    "event title": lambda p: save_with(p["event"], title="Nouveau titre"),
    "item title": lambda p: save_with(p["item"], title="Autre séquence"),
    "item part bullets": lambda p: save_with(p["part"], bullets="Un autre point"),
    "appearance lead-in": lambda p: save_with(p["appearance"], lead_in="Par"),
    "speaker role": lambda p: save_with(p["appearance"].speaker, role="Directrice"),
    "workshop speaker name": lambda p: save_with(p["workshop_appearance"].speaker, name="X"),
    "workshop title": lambda p: save_with(p["workshop"], title="Atelier renommé"),
    "tariff amount": lambda p: save_with(p["tariff"], amount=Decimal("1800.00")),
    "new item": lambda p: ProgrammeItemFactory(event=p["event"]),
    "new speaker on an item": lambda p: AppearanceFactory(item=p["item"]),
    "new tariff": lambda p: TariffFactory(event=p["event"]),
    "item deleted": lambda p: p["item"].delete(),
    "part deleted": lambda p: p["part"].delete(),
    "appearance deleted": lambda p: p["appearance"].delete(),
    "speaker deleted": lambda p: p["appearance"].speaker.delete(),
    "workshop deleted": lambda p: p["workshop"].delete(),
    "tariff deleted": lambda p: p["tariff"].delete(),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_version_changes_when_the_programme_is_edited(programme, edit):
    before = event_content_version(programme["event"])

    edit(programme)

    assert event_content_version(programme["event"]) != before


def test_version_is_stable_while_nothing_changes(programme):
    assert event_content_version(programme["event"]) == event_content_version(programme["event"])


def test_version_ignores_edits_of_another_event(programme):
    before = event_content_version(programme["event"])

    other = ProgrammeItemFactory()
    AppearanceFactory(item=other, speaker=SpeakerFactory())
    TariffFactory(event=other.event)
    save_with(other.event, title="Autre rencontre")

    assert event_content_version(programme["event"]) == before


def test_version_sees_an_edit_made_through_another_instance(programme):
    """The view's event may be a stale instance: the version reads the row again."""
    stale_event = programme["event"]
    before = event_content_version(stale_event)

    type(stale_event).objects.filter(pk=stale_event.pk).get().save()

    assert event_content_version(stale_event) != before


def test_version_takes_a_constant_number_of_queries(programme, django_assert_num_queries):
    for _ in range(5):
        ProgrammeItemFactory(event=programme["event"])
        AppearanceFactory(item=programme["item"])

    with django_assert_num_queries(6):
        event_content_version(programme["event"])
