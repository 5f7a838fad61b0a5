"""Public pages and programme files are cached by the event's content version: a repeat
visit costs one query (the event row), a client holding the page gets a 304, an admin edit
shows at once, and what is live (registrations opening or closing, messages) stays live."""

import datetime as dt
import io

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from programme.models import Event, ProgrammeItem, Speaker
from tests.admin_forms import form_data
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ProgrammeItemFactory,
    SpeakerFactory,
    TariffFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

PAGES = ["event_detail", "agenda", "speakers"]
FILES = ["agenda_pdf", "agenda_ics", "agenda_json"]


@pytest.fixture
def event():
    event = EventFactory(
        title="Rencontre de printemps",
        registration_closes_at=timezone.now() + dt.timedelta(days=30),
    )
    item = ProgrammeItemFactory(event=event, title="Séance plénière d'ouverture")
    AppearanceFactory(item=item, speaker=SpeakerFactory(name="Camille DURAND"))
    WorkshopFactory(event=event)
    TariffFactory(event=event)
    return event


@pytest.fixture
def admin_client(django_user_model):
    """Victoria's browser, apart from the visitor's (the admin's messages stay in hers)."""
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    return client


def url(name, event):
    return reverse(f"programme:{name}", kwargs={"slug": event.slug})


def admin_edit(client, obj, **changes):
    model = type(obj)._meta
    change_url = reverse(f"admin:{model.app_label}_{model.model_name}_change", args=[obj.pk])
    response = client.post(change_url, form_data(client, change_url) | changes)
    assert response.status_code == 302


def text_of(response):
    if response["Content-Type"] == "application/pdf":
        reader = PdfReader(io.BytesIO(response.content))
        return " ".join(page.extract_text() for page in reader.pages)
    return response.content.decode()


@pytest.mark.parametrize("name", PAGES + FILES)
def test_a_repeat_request_costs_one_query_and_gives_the_same_bytes(
    client, event, name, django_assert_num_queries
):
    first = client.get(url(name, event))

    with django_assert_num_queries(1):
        second = client.get(url(name, event))

    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


@pytest.mark.parametrize("name", PAGES + FILES)
def test_a_client_holding_the_current_version_gets_a_304_for_one_query(
    client, event, name, django_assert_num_queries
):
    etag = client.get(url(name, event))["ETag"]

    with django_assert_num_queries(1):
        response = client.get(url(name, event), headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response["ETag"] == etag


def opening(event):
    return ProgrammeItem.objects.get(event=event, title="Séance plénière d'ouverture")


# What each page shows of the programme, and an admin edit that changes it.
EDITS = {
    "event_detail": (lambda e: e, "title", "Rencontre automnale"),
    "agenda": (opening, "title", "Conférence inaugurale"),
    "speakers": (lambda e: Speaker.objects.get(name="Camille DURAND"), "name", "Claude MARTIN"),
    "agenda_pdf": (opening, "title", "Conférence inaugurale"),
    "agenda_ics": (opening, "title", "Conférence inaugurale"),
    "agenda_json": (lambda e: Speaker.objects.get(name="Camille DURAND"), "name", "Claude MARTIN"),
}


@pytest.mark.parametrize("name", EDITS)
def test_an_admin_edit_shows_at_once(client, admin_client, event, name):
    target, field, value = EDITS[name]
    before = client.get(url(name, event))
    assert value not in text_of(before)

    admin_edit(admin_client, target(event), **{field: value})
    after = client.get(url(name, event), headers={"if-none-match": before["ETag"]})

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert value in text_of(after)


def test_registrations_closing_shows_on_a_cached_page(client, event):
    client.get(url("event_detail", event))  # cached while registrations are open
    assert "inscrire en ligne" in client.get(url("event_detail", event)).content.decode()

    # The clock, not an edit: the content version stays the same.
    Event.objects.filter(pk=event.pk).update(
        registration_opens_at=timezone.now() - dt.timedelta(days=2),
        registration_closes_at=timezone.now() - dt.timedelta(days=1),
    )
    content = client.get(url("event_detail", event)).content.decode()

    assert "Les inscriptions sont closes." in content
    assert "inscrire en ligne" not in content


def messages_cookie(text):
    """The cookie Django's message framework sets for a visitor with ``text`` to read."""
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies[storage.cookie_name].value


@pytest.mark.parametrize("name", PAGES)
def test_messages_are_shown_to_their_visitor_only(client, event, name):
    client.get(url(name, event))  # cached without messages
    client.cookies["messages"] = messages_cookie("Votre inscription est annulée.")

    with_message = client.get(url(name, event))
    del client.cookies["messages"]
    without = client.get(url(name, event))

    assert "Votre inscription est annulée." in with_message.content.decode()
    assert "ETag" not in with_message
    assert "Votre inscription est annulée." not in without.content.decode()
