"""Two app servers and a task worker, each with its own VAR_DIR, on one PostgreSQL.

Nothing may live on one server's disk: a registration made through server A is
downloaded as PDF through server B; a member import previewed on B is confirmed on A
(the preview lives in the shared cache); the worker, on a third "machine", sends the
e-mails to a real SMTP server.
"""

import os
import re
import subprocess
import sys
import time
import urllib.parse
from contextlib import ExitStack, contextmanager

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from registrations.admin.permissions import staff_group_setup
from registrations.enums import MessageState
from registrations.models import MemberOrganisation, Registration
from tests.deploy.http_client import Browser, form_inputs
from tests.factories import EventFactory, MemberOrganisationFactory, TariffFactory, WorkshopFactory
from tests.mail_servers import free_port, smtp_sink

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

STARTUP_DEADLINE = 90  # seconds: a bound on waiting, never an assertion on speed


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")


def database_url():
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "")
    password = urllib.parse.quote(db["PASSWORD"] or "")
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{db['NAME']}"


def environment(var_dir, smtp_port):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "VAR_DIR", "REDIS_", "EMAIL_"))
    }
    env.update(
        DATABASE_URL=database_url(),
        VAR_DIR=str(var_dir),
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        CONN_MAX_AGE="0",
    )
    return env


@contextmanager
def process(args, env, log_path):
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            args, env=env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def app_server(stack, tmp_path, name, smtp_port):
    var_dir = tmp_path / name
    var_dir.mkdir()
    port = free_port()
    args = [
        sys.executable, "-m", "gunicorn", "afpols_events.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60",
    ]  # fmt: skip
    proc = stack.enter_context(process(args, environment(var_dir, smtp_port), var_dir / "log"))
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: _answers(base), proc, var_dir / "log")
    return base


def _answers(base):
    try:
        return Browser().get(base + "/").status < 500
    except OSError:
        return False


def wait_until(condition, proc, log_path):
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        if proc.poll() is not None:
            pytest.fail(f"process exited: {log_path.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)
    pytest.fail(f"gave up waiting: {log_path.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def event_data(db):
    event = (
        EventFactory(registration_opens_at=None, registration_closes_at=None)
        if False
        else EventFactory()
    )
    tariff = TariffFactory(event=event)
    workshop = WorkshopFactory(event=event, number=1)
    MemberOrganisationFactory(name="Paris Habitat")
    user = get_user_model().objects.create_user(
        username="victoria-2s", password="un mot de passe de test", is_staff=True
    )
    user.groups.add(staff_group_setup())
    return event, tariff, workshop


def test_two_servers_and_a_worker_share_nothing_but_the_database(tmp_path, event_data):
    event, tariff, workshop = event_data
    with ExitStack() as stack:
        smtp_port, received = stack.enter_context(smtp_sink())
        server_a = app_server(stack, tmp_path, "a", smtp_port)
        server_b = app_server(stack, tmp_path, "b", smtp_port)

        # Register through A.
        participant = Browser()
        bulletin = f"{server_a}/inscription/{event.slug}/"
        assert participant.get(bulletin).status == 200
        response = participant.post(
            bulletin,
            {
                "last_name": "Martin",
                "first_name": "Camille",
                "job_title": "Conseillère sociale",
                "email": "camille.martin@example.org",
                "phone": "01 23 45 67 89",
                "organisation_name": "Paris Habitat",
                "member_number": "",
                "address": "21 bis rue Claude Bernard\n75005 Paris",
                "contact_person": "",
                "tariff": str(tariff.pk),
                "workshop": str(workshop.pk),
                "signed_place": "Paris",
                "signature": "Camille Martin",
                "certified": "on",
                "privacy_consent": "on",
            },
        )
        assert response.status == 302, response.text[-2000:]
        registration = Registration.objects.get()
        private_path = urllib.parse.urlsplit(response.headers["Location"]).path

        # Its page and its PDF through B.
        page = participant.get(server_b + private_path)
        assert page.status == 200
        pdf_path = re.search(r'href="([^"]+\.pdf)"', page.text).group(1)
        pdf = participant.get(server_b + pdf_path)
        assert pdf.status == 200
        assert pdf.headers["Content-Type"] == "application/pdf"
        assert pdf.body.startswith(b"%PDF")

        # A member import previewed on B, confirmed on A.
        staff = Browser()
        staff.get(f"{server_b}/admin/login/")
        login = staff.post(
            f"{server_b}/admin/login/?next=/admin/",
            {"username": "victoria-2s", "password": "un mot de passe de test", "next": "/admin/"},
        )
        assert login.status == 302, login.text[-2000:]
        import_url = "/admin/registrations/memberorganisation/import/"
        assert staff.get(server_b + import_url).status == 200
        csv = (
            "Nom,Numéro d'adhérent,Ville,Adhésion du,Adhésion jusqu'au\n"
            "Lille Métropole Habitat,B900,Lille,01/01/2030,31/12/2030\n"
        ).encode()
        preview = staff.post(
            server_b + import_url,
            {"format": "0", "resource": "0"},
            files={"import_file": ("adherents.csv", csv)},
        )
        assert preview.status == 200, preview.text[-2000:]
        assert "Lille Métropole Habitat" in preview.text
        assert not MemberOrganisation.objects.filter(member_number="B900").exists()
        confirm_fields = form_inputs(preview.text, "process_import")
        confirm_fields.pop("csrfmiddlewaretoken", None)
        done = staff.post(
            server_a + "/admin/registrations/memberorganisation/process_import/", confirm_fields
        )
        assert done.status == 302, done.text[-2000:]
        assert MemberOrganisation.objects.filter(member_number="B900", city="Lille").exists()

        # The worker, on its own machine, sends the e-mails.
        worker_dir = tmp_path / "worker"
        worker_dir.mkdir()
        worker = stack.enter_context(
            process(
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
                environment(worker_dir, smtp_port),
                worker_dir / "log",
            )
        )
        wait_until(
            lambda: not registration.messages.exclude(state=MessageState.SENT).exists(),
            worker,
            worker_dir / "log",
        )

    recipients = sorted(to for to, _message in received)
    assert ["camille.martin@example.org"] in recipients
    for var_dir in ("a", "b", "worker"):
        # Nothing written beside the log: no cache, no upload, no database file.
        assert sorted(p.name for p in (tmp_path / var_dir).iterdir()) == ["log"]
