"""Abuse: admin login lockout, rate limits, honeypot, no enumeration, staff permissions."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from registrations.models import Registration
from registrations.services.private_link import send_private_link_if_registered
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rate_limits(settings):
    settings.RATELIMIT_ENABLE = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "bulletin": "3/d", "private_link": "2/d"}
    cache.clear()
    yield settings.RATE_LIMITS
    cache.clear()


def test_admin_login_locks_out_after_repeated_failures_in_french(client, settings):
    get_user_model().objects.create_user("victoria", password="le-bon-mot-de-passe", is_staff=True)
    login = reverse("admin:login")

    failures = [
        client.post(login, {"username": "victoria", "password": f"faux-{n}"}).status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    locked = client.post(login, {"username": "victoria", "password": "le-bon-mot-de-passe"})

    assert failures[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_still_works_below_the_limit(client):
    get_user_model().objects.create_user("victoria", password="le-bon-mot-de-passe", is_staff=True)
    login = reverse("admin:login")

    client.post(login, {"username": "victoria", "password": "faux"})
    response = client.post(login, {"username": "victoria", "password": "le-bon-mot-de-passe"})

    assert response.status_code == 302


def test_bulletin_posts_are_rate_limited_with_a_french_429(
    client, rate_limits, register_url, post_data
):
    statuses = [
        client.post(
            register_url, post_data(email=f"robot{n}@example.org", certified="")
        ).status_code
        for n in range(3)
    ]
    limited = client.post(register_url, post_data(email="robot9@example.org"))

    assert statuses == [400, 400, 400]
    assert limited.status_code == 429
    assert "Trop de demandes" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    assert not Registration.objects.filter(email="robot9@example.org").exists()
    assert client.get(register_url).status_code == 200  # reading is never limited


def test_rate_limit_counts_per_client(client, rate_limits, register_url, post_data):
    for _ in range(3):
        client.post(register_url, post_data(certified=""), REMOTE_ADDR="10.0.0.1")

    assert client.post(register_url, post_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(register_url, post_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_private_link_form_is_rate_limited(client, rate_limits, event):
    path = reverse("registrations:resend_link", kwargs={"slug": event.slug})

    statuses = [client.post(path, {"email": f"x{n}@example.org"}).status_code for n in range(3)]

    assert statuses == [302, 302, 429]


def test_clients_behind_a_trusted_proxy_are_told_apart(
    client, rate_limits, settings, register_url, post_data
):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        client.post(register_url, post_data(certified=""), HTTP_X_FORWARDED_FOR="1.1.1.1")

    spoofed = client.post(
        register_url, post_data(certified=""), HTTP_X_FORWARDED_FOR="9.9.9.9, 1.1.1.1"
    )
    other = client.post(register_url, post_data(certified=""), HTTP_X_FORWARDED_FOR="2.2.2.2")

    assert spoofed.status_code == 429  # what the client wrote left of the proxy is ignored
    assert other.status_code == 400


def test_honeypot_filled_refuses_the_bulletin(client, register_url, post_data):
    response = client.post(register_url, post_data(website="http://spam.example"))

    assert response.status_code == 400
    assert "laissez vide le champ « Site web »" in response.content.decode()
    assert not Registration.objects.exists()


def test_honeypot_is_hidden_from_people_and_the_keyboard(client, register_url):
    page = client.get(register_url).content.decode()

    field = re.search(r'<div[^>]*aria-hidden="true"[^>]*>.*?name="website"[^>]*>', page, re.S)
    assert field is not None
    assert 'class="visually-hidden"' in field.group(0)
    assert 'tabindex="-1"' in field.group(0)


def test_used_address_is_refused_like_a_full_workshop(
    client, register_url, post_data, workshops, django_capture_on_commit_callbacks
):
    RegistrationFactory(
        event=workshops[0].event, email="deja@example.org", last_name="Martin", first_name="Camille"
    )
    workshops[1].capacity = 0
    workshops[1].save()
    full = client.post(
        register_url, post_data(email="nouveau@example.org", workshop=str(workshops[1].pk))
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        used = client.post(register_url, post_data(email="DEJA@example.org"))

    assert (full.status_code, used.status_code) == (409, 409)
    assert full.templates[0].name == used.templates[0].name == "registrations/register.html"
    assert used.context["form"]["email"].value() == "DEJA@example.org"  # nothing typed lost
    assert "ne peuvent pas servir à une nouvelle inscription" in used.content.decode()
    assert "/inscription/suivi/" not in used.content.decode()
    assert [message.to for message in mail.outbox] == [["deja@example.org"]]


def test_a_full_workshop_answers_the_same_whether_the_address_is_used(
    client, register_url, post_data, workshops
):
    RegistrationFactory(event=workshops[0].event, email="deja@example.org")
    workshops[1].capacity = 0
    workshops[1].save()
    full = {"workshop": str(workshops[1].pk)}

    unknown = client.post(register_url, post_data(email="nouveau@example.org", **full))
    used = client.post(register_url, post_data(email="deja@example.org", **full))

    assert (unknown.status_code, used.status_code) == (409, 409)
    assert unknown.context["form"].errors == used.context["form"].errors


def test_private_link_request_does_the_same_work_either_way(
    client, event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event)
    path = reverse("registrations:resend_link", kwargs={"slug": event.slug})

    with django_capture_on_commit_callbacks() as unknown:
        client.post(path, {"email": "personne@example.org"})
    with django_capture_on_commit_callbacks() as known:
        client.post(path, {"email": registration.email})

    # One task enqueued after commit, whatever the address: the worker looks it up.
    assert len(unknown) == len(known) == 1
    assert unknown[0].func == known[0].func == send_private_link_if_registered.enqueue
