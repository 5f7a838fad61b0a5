"""The unfilled bulletin is cached by what it shows: each visitor gets their own CSRF token
in it, and places left, the member list, an admin edit and messages stay live."""

import datetime as dt
import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from registrations.models import Registration
from tests.admin_forms import form_data
from tests.factories import MemberOrganisationFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def rendered_templates():
    """Names of the templates rendered meanwhile."""
    from django.test.signals import template_rendered

    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record, weak=False)
    yield names
    template_rendered.disconnect(record)


def token_of(response):
    return TOKEN.search(response.content.decode()).group(1)


def test_a_second_visitor_gets_the_cached_page_with_a_token_of_their_own_that_works(
    register_url, post_data, rendered_templates
):
    Client().get(register_url)
    rendered_templates.clear()
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get(register_url)

    assert page.status_code == 200
    assert "registrations/register.html" not in rendered_templates  # from the cache
    assert "\x00" not in page.content.decode()
    token = token_of(page)
    assert page.cookies["csrftoken"].value
    response = visitor.post(register_url, post_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_a_cached_page_runs_fewer_queries_than_a_built_one(client, register_url):
    with CaptureQueriesContext(connection) as built:
        first = client.get(register_url)
    with CaptureQueriesContext(connection) as cached:
        second = client.get(register_url)

    assert len(cached) < len(built)
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())


def test_the_last_place_taken_shows_at_once(client, register_url, post_data, tariffs):
    tariffs[0].capacity = 1
    tariffs[0].save()
    assert "1 place restante" in client.get(register_url).content.decode()

    assert client.post(register_url, post_data()).status_code == 302
    page = client.get(register_url).content.decode()

    assert "1 place restante" not in page
    assert "Complet" in page


def test_a_new_member_organisation_is_suggested_at_once(client, register_url):
    client.get(register_url)

    MemberOrganisationFactory(name="Office Nouveau Venu")

    assert "Office Nouveau Venu" in client.get(register_url).content.decode()


def test_a_tariff_edited_in_the_admin_shows_at_once(
    client, django_user_model, register_url, tariffs, event
):
    event.registration_closes_at = timezone.now() + dt.timedelta(days=30)  # the admin asks
    event.save()
    client.get(register_url)
    superuser_client = Client()
    superuser_client.force_login(
        django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    )
    change_url = reverse("admin:programme_event_change", args=[event.pk])
    data = form_data(superuser_client, change_url)
    prefix = next(name.split("-0-")[0] for name in data if name.endswith("-0-amount"))
    label_field = next(
        name
        for name in data
        if name.startswith(f"{prefix}-")
        and name.endswith("-label")
        and data[name] == tariffs[0].label
    )
    data[label_field] = "Tarif tout compris"
    assert superuser_client.post(change_url, data).status_code == 302

    assert "Tarif tout compris" in client.get(register_url).content.decode()


def test_a_visitor_with_messages_gets_a_page_of_their_own(client, register_url):
    client.get(register_url)  # cached
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.INFO, "Votre lien vous a été renvoyé.")
    response = HttpResponse()
    storage.update(response)
    client.cookies.update(response.cookies)

    page = client.get(register_url).content.decode()

    assert "Votre lien vous a été renvoyé." in page
    assert "Votre lien vous a été renvoyé." not in Client().get(register_url).content.decode()
