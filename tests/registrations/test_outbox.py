"""The outbox: every message about a registration is a row with its state; failures are
retried with a growing delay up to a limit; a message is never sent twice."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from registrations import notifications, services
from registrations.enums import MessageKind, MessageState
from registrations.models import OutgoingMessage
from tests.factories import EventFactory, RegistrationFactory
from tests.mail_servers import free_port, smtp_sink, use_smtp

STAFF = "v.esteban.afpols@union-habitat.org"


@pytest.fixture
def register(event, make_data, django_capture_on_commit_callbacks):
    def register(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return services.registration_create(
                event=event, bulletin=services.Bulletin(**make_data(**overrides))
            )

    return register


def test_each_message_is_recorded_and_marked_sent(register):
    registration = register(email="camille@example.org")

    rows = {row.kind: row for row in registration.messages.all()}
    assert set(rows) == {MessageKind.REGISTERED, MessageKind.STAFF_REGISTERED}
    assert rows[MessageKind.REGISTERED].recipient == "camille@example.org"
    assert rows[MessageKind.STAFF_REGISTERED].recipient == STAFF
    for row in rows.values():
        assert row.state == MessageState.SENT
        assert row.attempts == 1
        assert row.sent_at is not None and row.last_error == "" and row.retry_after is None
    assert rows[MessageKind.REGISTERED].subject == next(
        m.subject for m in mail.outbox if m.to == ["camille@example.org"]
    )


def test_rolled_back_change_records_no_message(event, make_data):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.registration_create(event=event, bulletin=services.Bulletin(**make_data()))
        raise RuntimeError

    assert not OutgoingMessage.objects.exists()


def test_failure_is_retried_with_growing_delays_then_marked_failed(register, settings):
    settings.OUTBOX_RETRY_DELAYS = (60, 600)
    use_smtp(settings, free_port())  # Nothing listens there: connection refused.
    registration = register()
    message = registration.messages.get(kind=MessageKind.REGISTERED)
    first_try = message.last_attempt_at

    assert message.state == MessageState.RETRY and message.attempts == 1
    assert "Connection refused" in message.last_error or "ConnectionRefused" in message.last_error
    assert message.retry_after - first_try >= dt.timedelta(seconds=60)

    with time_machine.travel(message.retry_after + dt.timedelta(seconds=1)):
        call_command("send_pending_messages", verbosity=0)
    message.refresh_from_db()
    assert message.state == MessageState.RETRY and message.attempts == 2
    assert message.retry_after - message.last_attempt_at >= dt.timedelta(seconds=600)

    with time_machine.travel(message.retry_after + dt.timedelta(seconds=1)):
        call_command("send_pending_messages", verbosity=0)
    message.refresh_from_db()
    assert message.state == MessageState.FAILED and message.attempts == 3
    assert message.retry_after is None
    registration.refresh_from_db()  # The registration is kept whatever the mail server does.


def test_message_is_not_sent_before_its_retry_time(register, settings):
    use_smtp(settings, free_port())
    message = register().messages.get(kind=MessageKind.REGISTERED)

    with smtp_sink(settings.EMAIL_PORT) as (_port, received):
        call_command("send_pending_messages", verbosity=0)
        notifications.send_message.enqueue(message.pk)  # A task that runs too early.

    message.refresh_from_db()
    assert message.state == MessageState.RETRY and message.attempts == 1
    assert received == []


def test_a_sent_message_is_never_sent_twice(register):
    message = register().messages.get(kind=MessageKind.REGISTERED)
    sent = len(mail.outbox)

    notifications.send_message.enqueue(message.pk)  # A duplicate task.

    message.refresh_from_db()
    assert len(mail.outbox) == sent and message.attempts == 1


def test_message_left_sending_by_a_crash_is_sent_later(register, settings):
    settings.OUTBOX_STALE_AFTER = 900
    message = register().messages.get(kind=MessageKind.REGISTERED)
    crashed_at = message.last_attempt_at
    OutgoingMessage.objects.filter(pk=message.pk).update(state=MessageState.SENDING)
    mail.outbox.clear()

    call_command("send_pending_messages", verbosity=0)  # Too early: maybe still being sent.
    assert mail.outbox == []
    with time_machine.travel(crashed_at + dt.timedelta(seconds=901)):
        call_command("send_pending_messages", verbosity=0)

    message.refresh_from_db()
    assert message.state == MessageState.SENT and message.attempts == 2
    assert [m.to for m in mail.outbox] == [[message.recipient]]


def test_send_again_queues_failed_messages_to_the_current_address(
    register, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_RETRY_DELAYS = ()
    use_smtp(settings, free_port())
    registration = register(email="camile@exemple.org")  # Mistyped: the server refuses.
    assert set(registration.messages.values_list("state", flat=True)) == {MessageState.FAILED}

    registration.email = "camille@example.org"
    registration.save()
    with smtp_sink() as (port, received):
        settings.EMAIL_PORT = port
        with django_capture_on_commit_callbacks(execute=True):
            queued = services.messages_send_again(registration=registration)

    assert queued == 2
    rows = {row.kind: row for row in registration.messages.all()}
    assert rows[MessageKind.REGISTERED].state == MessageState.SENT
    assert rows[MessageKind.REGISTERED].recipient == "camille@example.org"
    assert rows[MessageKind.STAFF_REGISTERED].state == MessageState.SENT
    assert sorted(recipients for recipients, _message in received) == sorted(
        [["camille@example.org"], [STAFF]]
    )


def test_anonymisation_scrubs_the_participant_address_from_the_outbox(db):
    past = EventFactory(start_date=dt.date(2012, 11, 14), end_date=dt.date(2012, 11, 16))
    old = RegistrationFactory(event=past, email="camille@example.org")
    for kind, recipient in (
        (MessageKind.REGISTERED, old.email),
        (MessageKind.STAFF_REGISTERED, STAFF),
    ):
        OutgoingMessage.objects.create(
            registration=old,
            kind=kind,
            recipient=recipient,
            state=MessageState.FAILED,
            last_error="SMTPRecipientsRefused: {'camille@example.org': (550, b'unknown')}",
        )

    services.registrations_anonymise(after_days=365)

    rows = {row.kind: row for row in old.messages.all()}
    assert rows[MessageKind.REGISTERED].recipient == f"anonyme-{old.pk}@anonyme.invalid"
    assert rows[MessageKind.STAFF_REGISTERED].recipient == STAFF
    assert not old.messages.filter(last_error__contains="camille").exists()
