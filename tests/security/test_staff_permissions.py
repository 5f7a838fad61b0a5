"""The staff group sets the registration settings of an event, never its public content."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from programme.models import Event
from tests.factories import EventFactory, TariffFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def posted_values(response):
    """What the change page's own form would post back, inlines included."""
    context = response.context
    forms = [context["adminform"].form]
    data = {}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        forms += formset.forms
        management = formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, dt.datetime | dt.date):
                widget = field.widget
                if hasattr(widget, "decompress"):  # split date and time
                    parts = widget.decompress(value)
                    for index, (part, sub) in enumerate(zip(parts, widget.widgets, strict=True)):
                        data[f"{form.add_prefix(name)}_{index}"] = sub.format_value(part)
                    continue
                value = widget.format_value(value)
            if isinstance(value, bool):
                if value:
                    data[form.add_prefix(name)] = "on"
                continue
            data[form.add_prefix(name)] = value
    return data


@pytest.fixture
def event():
    event = EventFactory(
        title="Titre public",
        slug="titre-public",
        seat_capacity=100,
        # The admin requires the closing date (participants are shown it).
        registration_closes_at=dt.datetime(2026, 11, 1, 18, tzinfo=dt.UTC),
    )
    TariffFactory(event=event, label="Hébergement", amount=Decimal("1750.00"), capacity=40)
    WorkshopFactory(event=event, number=1, title="Atelier public", capacity=30)
    return event


def test_staff_changes_the_window_and_capacities_not_the_public_content(staff_client, event):
    url = reverse("admin:programme_event_change", args=[event.pk])
    data = posted_values(staff_client.get(url))
    data.update(
        {
            "title": "Titre réécrit",
            "slug": "reecrit",
            "is_published": "",
            "stakes": "Autre texte",
            "seat_capacity": "80",
            "tariffs-0-capacity": "20",
            "tariffs-0-label": "Réécrit",
            "tariffs-0-amount": "1.00",
            "workshops-0-capacity": "12",
            "workshops-0-title": "Réécrit",
        }
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context and [
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset.forms],
    ]
    event = Event.objects.get(pk=event.pk)
    assert (event.title, event.slug, event.is_published) == ("Titre public", "titre-public", True)
    assert event.seat_capacity == 80
    tariff, workshop = event.tariffs.get(), event.workshops.get()
    assert (tariff.label, tariff.amount, tariff.capacity) == ("Hébergement", Decimal("1750.00"), 20)
    assert (workshop.title, workshop.capacity) == ("Atelier public", 12)


def test_staff_sees_the_public_content_read_only(staff_client, event):
    response = staff_client.get(reverse("admin:programme_event_change", args=[event.pk]))

    form = response.context["adminform"].form
    assert set(form.fields) == {"registration_opens_at", "registration_closes_at", "seat_capacity"}


def test_superuser_still_edits_everything(admin_client, event):
    response = admin_client.get(reverse("admin:programme_event_change", args=[event.pk]))

    assert {"title", "slug", "is_published", "stakes"} <= set(
        response.context["adminform"].form.fields
    )


def test_staff_cannot_rewrite_a_workshop_page_either(staff_client, event):
    workshop = event.workshops.get()
    response = staff_client.get(reverse("admin:programme_workshop_change", args=[workshop.pk]))

    assert set(response.context["adminform"].form.fields) == {"capacity"}
