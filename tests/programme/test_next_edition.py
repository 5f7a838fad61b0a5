"""Next year's event from this one: one test per kind of content the copy carries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programme.editions import event_prepare_next_edition, next_edition_defaults
from programme.enums import ItemKind
from programme.models import Event
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ItemPartFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    SpeakerFactory,
    TariffFactory,
    WorkshopFactory,
    paris,
)

pytestmark = pytest.mark.django_db

NEW_START = dt.date(2013, 11, 13)  # A Wednesday, like 14 November 2012.


@pytest.fixture
def event():
    return EventFactory(
        slug="rencontres-formation-2012",
        reference_prefix="RF2012",
        title="De l'accompagnement individuel à l'action collective",
        start_date=dt.date(2012, 11, 14),
        end_date=dt.date(2012, 11, 16),
        registration_opens_at=paris(2012, 9, 3, 9, 0),
        registration_closes_at=paris(2012, 10, 31, 18, 0),
        seat_capacity=60,
        offer_hours=24,
    )


def prepare(event, **overrides):
    arguments = {
        "start_date": NEW_START,
        "slug": "rencontres-formation-2013",
        "reference_prefix": "RF2013",
        **overrides,
    }
    return event_prepare_next_edition(event=event, **arguments)


def test_defaults_offer_the_same_weekdays_one_year_later_and_the_next_year_in_names(event):
    defaults = next_edition_defaults(event)
    assert defaults.start_date == NEW_START
    assert defaults.start_date.weekday() == event.start_date.weekday()
    assert defaults.end_date == dt.date(2013, 11, 15)
    assert defaults.slug == "rencontres-formation-2013"
    assert defaults.reference_prefix == "RF2013"


def test_copy_carries_the_texts_and_is_unpublished(event):
    new = prepare(event)
    assert (new.slug, new.reference_prefix) == ("rencontres-formation-2013", "RF2013")
    assert (new.start_date, new.end_date) == (NEW_START, dt.date(2013, 11, 15))
    for field in ("series", "title", "subtitle", "venue_name", "venue_address", "contact_email"):
        assert getattr(new, field) == getattr(event, field)
    assert (new.stakes, new.objectives) == (event.stakes, event.objectives)
    assert (new.seat_capacity, new.offer_hours) == (60, 24)
    assert new.is_published is False
    assert Event.objects.get(pk=event.pk).is_published is True


def test_copy_shifts_the_registration_window(event):
    new = prepare(event)
    assert new.registration_opens_at == paris(2013, 9, 2, 9, 0)
    assert new.registration_closes_at == paris(2013, 10, 30, 18, 0)


def test_copy_carries_the_items_with_their_times_shifted(event):
    ProgrammeItemFactory(
        event=event,
        anchor="ouverture",
        starts_at=paris(2012, 11, 14, 9, 30),
        ends_at=paris(2012, 11, 14, 9, 45),
        kind=ItemKind.OPENING,
        title="Lancement",
    )
    ProgrammeItemFactory(
        event=event,
        anchor="diner",
        starts_at=paris(2012, 11, 15, 19, 30),
        kind=ItemKind.SOCIAL_DINNER,
        title="Dîner",
        bullets="",
    )
    new = prepare(event)
    items = {item.anchor: item for item in new.items.all()}
    assert items["ouverture"].title == "Lancement"
    assert items["ouverture"].starts_at == paris(2013, 11, 13, 9, 30)
    assert items["ouverture"].ends_at == paris(2013, 11, 13, 9, 45)
    assert items["diner"].starts_at == paris(2013, 11, 14, 19, 30)
    assert items["diner"].ends_at is None
    assert event.items.count() == 2


def test_copy_carries_the_parts_of_items(event):
    item = ProgrammeItemFactory(event=event, anchor="etude", starts_at=paris(2012, 11, 14, 9, 45))
    ItemPartFactory(item=item, heading="Phase 1", bullets="Premier\nSecond", position=1)
    ItemPartFactory(item=item, heading="Phase 2", position=2)
    new = prepare(event)
    parts = new.items.get(anchor="etude").parts.all()
    assert [(part.heading, part.position) for part in parts] == [("Phase 1", 1), ("Phase 2", 2)]
    assert parts[0].bullet_list == ["Premier", "Second"]


def test_copy_carries_the_speakers_of_items_and_workshops(event):
    item = ProgrammeItemFactory(event=event, anchor="plenary")
    speaker = SpeakerFactory(name="Didier VANONI")
    AppearanceFactory(item=item, speaker=speaker, lead_in="Par", group="FORS", position=1)
    workshop = WorkshopFactory(event=event, number=1)
    AppearanceFactory(item=None, workshop=workshop, speaker=speaker)
    new = prepare(event)
    appearance = new.items.get(anchor="plenary").appearances.get()
    assert (appearance.speaker, appearance.lead_in, appearance.group) == (speaker, "Par", "FORS")
    assert new.workshops.get().appearances.get().speaker == speaker


def test_copy_carries_the_workshops_with_their_capacities_in_the_new_slot(event):
    slot = ProgrammeItemFactory(
        event=event,
        anchor="ateliers",
        kind=ItemKind.WORKSHOPS,
        starts_at=paris(2012, 11, 15, 14, 0),
    )
    WorkshopFactory(event=event, slot=slot, number=1, title="Partenariats", capacity=20)
    WorkshopFactory(event=event, slot=slot, number=2, title="Transversalité", capacity=None)
    new = prepare(event)
    workshops = list(new.workshops.order_by("number"))
    assert [(w.number, w.title, w.capacity) for w in workshops] == [
        (1, "Partenariats", 20),
        (2, "Transversalité", None),
    ]
    new_slot = new.items.get(anchor="ateliers")
    assert all(w.slot == new_slot for w in workshops)
    assert new_slot.starts_at == paris(2013, 11, 14, 14, 0)


def test_copy_carries_the_tariffs_with_what_they_include_shifted(event):
    TariffFactory(
        event=event,
        label="Hébergement et repas du soir inclus",
        amount=Decimal("1750.00"),
        included="Les trois journées de formation",
        nights=["2012-11-14", "2012-11-15"],
        dinners=["2012-11-14", "2012-11-15"],
        lunches=True,
        capacity=40,
        position=1,
    )
    new = prepare(event)
    tariff = new.tariffs.get()
    assert (tariff.label, tariff.amount, tariff.capacity) == (
        "Hébergement et repas du soir inclus",
        Decimal("1750.00"),
        40,
    )
    assert tariff.nights == ["2013-11-13", "2013-11-14"]
    assert tariff.dinners == ["2013-11-13", "2013-11-14"]
    assert tariff.lunches is True
    assert tariff.included == "Les trois journées de formation"


def test_copy_has_no_registrations(event):
    RegistrationFactory(event=event)
    new = prepare(event)
    assert event.registrations.count() == 1
    assert new.registrations.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slug": "rencontres-formation-2012"}, "slug"),
        ({"reference_prefix": "RF2012"}, "reference_prefix"),
        ({"slug": "pas un slug"}, "slug"),
        ({"reference_prefix": ""}, "reference_prefix"),
    ],
)
def test_copy_refuses_a_slug_or_prefix_in_use_or_invalid(event, overrides, field):
    with pytest.raises(ValidationError) as error:
        prepare(event, **overrides)
    assert field in error.value.message_dict
    assert Event.objects.count() == 1


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    return client


def test_admin_action_asks_for_the_new_dates_and_creates_the_copy(superuser_client, event):
    changelist = reverse("admin:programme_event_changelist")
    response = superuser_client.post(
        changelist, {"action": "prepare_next_edition", "_selected_action": [event.pk]}
    )
    form_url = reverse("admin:programme_event_next_edition", args=[event.pk])
    assert response.status_code == 302 and response["Location"] == form_url

    form = superuser_client.get(form_url)
    assert form.status_code == 200
    assert form.context["form"].initial == {
        "start_date": NEW_START,
        "slug": "rencontres-formation-2013",
        "reference_prefix": "RF2013",
    }
    assert "Préparer l&#x27;édition suivante" in form.content.decode()

    response = superuser_client.post(
        form_url,
        {
            "start_date": "2013-11-13",
            "slug": "rencontres-formation-2013",
            "reference_prefix": "RF2013",
        },
    )
    new = Event.objects.get(slug="rencontres-formation-2013")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:programme_event_change", args=[new.pk])
    assert not new.is_published


def test_admin_form_answers_400_with_french_errors_and_keeps_what_was_typed(
    superuser_client, event
):
    form_url = reverse("admin:programme_event_next_edition", args=[event.pk])
    response = superuser_client.post(
        form_url,
        {
            "start_date": "2013-11-13",
            "slug": "rencontres-formation-2012",
            "reference_prefix": "RF2099",
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Un événement utilise déjà cet identifiant" in content
    assert 'value="RF2099"' in content
    assert Event.objects.count() == 1
