"""Production hardening: check --deploy, headers on every page and on private pages,
robots.txt, token-free logs, a refused weak SECRET_KEY."""

import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from afpols_events.logging import RedactTokensFilter
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

STRONG_KEY = "h10b-test-Zq8v!x3Lr#9mT2pW@k7Ny$4bF6cJ&0sD1gH5uE^iO" * 2


def manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "afpols_events.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {"DJANGO_ENV": "production", "ALLOWED_HOSTS": "inscriptions.afpols.fr"}


def test_check_deploy_in_production_prints_no_warning():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=STRONG_KEY, **PRODUCTION
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_https_switches_off_for_a_tls_proxy_and_check_deploy_stays_quiet():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    printed = manage(
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)",
        SECRET_KEY=STRONG_KEY,
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        **PRODUCTION,
    )
    assert printed.stdout.split() == ["False", "0"]


@pytest.mark.parametrize("key", ["short-key", "a" * 60, "django-insecure-" + "x1y2z3w4v5" * 6])
def test_weak_secret_key_is_refused_in_production(key):
    result = manage("check", SECRET_KEY=key, **PRODUCTION)

    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_every_page_has_a_content_security_policy_without_inline_scripts(client, event):
    response = client.get(reverse("programme:event_detail", kwargs={"slug": event.slug}))

    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_public_templates_have_no_inline_script_or_style():
    offenders = []
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        relative = path.relative_to(settings.BASE_DIR / "templates").as_posix()
        # PDFs (WeasyPrint: documents/ and */pdf/), e-mails and the admin are not under the
        # site's policy.
        if (
            relative.startswith(("emails/", "admin/", "documents/"))
            or "/pdf/" in relative
            or "staff/" in relative
        ):
            continue
        text = path.read_text()
        for marker in ("<style", " style=", "<script>", " onclick=", " onload=", "javascript:"):
            if marker in text:
                offenders.append((relative, marker))
    assert offenders == []


def test_private_pages_and_documents_are_never_stored_indexed_or_referred(client, event):
    registration = RegistrationFactory(event=event)

    for name in ["detail", "confirmation_pdf", "calendar", "cancel"]:
        response = client.get(
            reverse(f"registrations:{name}", kwargs={"token": registration.token})
        )
        assert response.status_code == 200, name
        assert "no-store" in response["Cache-Control"], name
        assert response["X-Robots-Tag"] == "noindex", name
        assert response["Referrer-Policy"] == "strict-origin", name


def test_robots_txt_keeps_crawlers_out_of_private_pages(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /inscription/" in response.content.decode()


def test_log_lines_never_print_a_token():
    token = RegistrationFactory.build().token
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        (f"GET /inscription/suivi/{token}/confirmation.pdf HTTP/1.1", "200", "1234"),
        None,
    )

    RedactTokensFilter().filter(record)

    assert token not in record.getMessage()
    assert "/inscription/suivi/[jeton]/confirmation.pdf" in record.getMessage()


def test_not_found_warnings_never_print_a_token(client, caplog):
    token = RegistrationFactory.build().token
    handler = logging.StreamHandler(stream := __import__("io").StringIO())
    handler.addFilter(RedactTokensFilter())
    logging.getLogger("django.request").addHandler(handler)
    try:
        client.get(f"/inscription/suivi/{token}/")
    finally:
        logging.getLogger("django.request").removeHandler(handler)

    assert "Not Found: /inscription/suivi/[jeton]/" in stream.getvalue()
    assert token not in stream.getvalue()


def test_gunicorn_access_log_never_prints_a_token():
    import datetime as dt

    from gunicorn.config import Config

    from afpols_events.gunicorn_logger import GunicornLogger

    token = RegistrationFactory.build().token
    config = Config()
    config.set("accesslog", "-")

    class Response:
        status, headers, sent = "200 OK", [], 10

    path = f"/inscription/suivi/{token}/agenda.ics"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": f"https://example.org/inscription/suivi/{token}/",
    }
    atoms = GunicornLogger(config).atoms(Response(), [], environ, dt.timedelta(seconds=1))

    assert token not in " ".join(str(value) for value in atoms.values())
    assert atoms["r"] == "GET /inscription/suivi/[jeton]/agenda.ics HTTP/1.1"
