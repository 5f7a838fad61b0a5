"""Absolute links use the address really served: `PORT=8301 make run` links to :8301."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.factories import RegistrationFactory


def settings_site_url(**env):
    result = subprocess.run(
        [sys.executable, "-c", "import afpols_events.settings as s; print(s.SITE_URL)"],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return result.stdout.strip()


def test_site_url_follows_the_port_served_by_default():
    assert settings_site_url(PORT="8301") == "http://127.0.0.1:8301"
    assert settings_site_url() == "http://127.0.0.1:8000"


def test_site_url_set_explicitly_wins():
    assert settings_site_url(PORT="8301", SITE_URL="https://rencontres.afpols.fr/") == (
        "https://rencontres.afpols.fr"
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_on_another_port_gives_links_to_that_port():
    # What the recipes of `make run` (server and worker) see in their environment: PORT,
    # from which the settings build SITE_URL.
    result = subprocess.run(
        ["make", "-s", "--eval=show-port: ; @echo $$PORT", "show-port", "PORT=8301"],
        env={k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT"}},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert result.stdout.strip() == "8301"
    assert settings_site_url(PORT=result.stdout.strip()) == "http://127.0.0.1:8301"


def test_emails_link_to_the_site_url(db, settings, django_capture_on_commit_callbacks):
    from registrations import services

    settings.SITE_URL = "http://127.0.0.1:8301"
    registration = RegistrationFactory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_resend_confirmation(registration=registration)

    body = mail.outbox[0].body
    assert f"http://127.0.0.1:8301/inscription/suivi/{registration.token}/" in body
    assert ":8000" not in body


def test_admin_private_link_uses_the_address_really_served(db, client, admin_user, settings):
    settings.SITE_URL_FROM_ENVIRONMENT = False
    registration = RegistrationFactory()
    client.force_login(admin_user)
    url = reverse("admin:registrations_registration_change", args=[registration.pk])

    page = client.get(url, HTTP_HOST="localhost:8301").content.decode()

    assert f"http://localhost:8301/inscription/suivi/{registration.token}/" in page


def test_admin_private_link_uses_site_url_when_it_is_set(db, client, admin_user, settings):
    settings.SITE_URL_FROM_ENVIRONMENT = True
    settings.SITE_URL = "https://rencontres.afpols.fr"
    registration = RegistrationFactory()
    client.force_login(admin_user)
    url = reverse("admin:registrations_registration_change", args=[registration.pk])

    page = client.get(url, HTTP_HOST="localhost:8301").content.decode()

    assert f"https://rencontres.afpols.fr/inscription/suivi/{registration.token}/" in page
