"""Failing mail servers, with the real task worker (django-tasks-db's ``db_worker`` loop).

A server that refuses connections: the registration is kept, the message waits and is sent
once the server is back. A server that never answers: the POST does not even connect to
it, the worker gives up after ``EMAIL_TIMEOUT`` and tries again later.
"""

import datetime as dt

import pytest
import time_machine
from django_tasks_db.management.commands.db_worker import Worker

from afpols_events.documents import pdf_rendered
from registrations.enums import MessageKind, MessageState
from registrations.models import Registration
from tests.mail_servers import free_port, silent_server, smtp_sink, use_smtp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """Run the database worker until no task is ready (``db_worker --batch``)."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def states(registration):
    return {row.kind: row.state for row in registration.messages.all()}


def test_refusing_mail_server_keeps_the_registration_and_sends_once_back(
    client, register_url, post_data, settings, database_tasks
):
    port = free_port()
    use_smtp(settings, port)

    response = client.post(register_url, post_data(email="camille@example.org"))
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{registration.token}/")

    run_worker()
    rows = list(registration.messages.all())
    assert {row.state for row in rows} == {MessageState.RETRY}
    assert all(row.attempts == 1 and "refused" in row.last_error for row in rows)

    with smtp_sink(port) as (_port, received):
        run_worker()  # Too early: nothing is due yet.
        assert received == []
        later = max(row.retry_after for row in rows) + dt.timedelta(seconds=1)
        with time_machine.travel(later):
            run_worker()

    assert states(registration) == {
        MessageKind.REGISTERED: MessageState.SENT,
        MessageKind.STAFF_REGISTERED: MessageState.SENT,
    }
    assert all(row.attempts == 2 for row in registration.messages.all())
    participant = next(m for to, m in received if to == ["camille@example.org"])
    attachments = [part.get_content_type() for part in participant.walk()]
    assert "application/pdf" in attachments


def test_silent_mail_server_does_not_hold_the_post(
    client, register_url, post_data, settings, database_tasks
):
    rendered = []

    def count(**kwargs):
        rendered.append(kwargs["template_name"])

    pdf_rendered.connect(count)
    try:
        with silent_server() as server:
            use_smtp(settings, server.port, timeout=1)
            response = client.post(register_url, post_data())

            # The request committed and redirected without touching the mail server or
            # rendering a document: the worker does both.
            assert response.status_code == 302
            assert server.connections == []
            assert rendered == []
            registration = Registration.objects.get()
            assert set(states(registration).values()) == {MessageState.QUEUED}
            assert client.get(response["Location"]).status_code == 200

            run_worker()
            assert server.connections  # The worker did try, and gave up after the timeout.
    finally:
        pdf_rendered.disconnect(count)

    rows = list(registration.messages.all())
    assert {row.state for row in rows} == {MessageState.RETRY}
    assert all("timed out" in row.last_error for row in rows)
