"""Delivering the outbox: one queued message at a time, every outcome recorded.

:func:`deliver` runs in the task worker. It claims the row (one short transaction), builds
and sends the e-mail outside any transaction (a mail server may take up to
``EMAIL_TIMEOUT`` to answer; no database lock is held meanwhile), then records the outcome
(another short transaction). That is why this module does not run in one transaction like
the services do. A failure is retried after the next delay of ``OUTBOX_RETRY_DELAYS``;
after the last one the message is marked failed, and staff can send it again.

Sending is at least once: a worker killed between the mail server's "OK" and the record
leaves the row "sending", and :func:`due_messages` picks it up again after
``OUTBOX_STALE_AFTER`` seconds.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .enums import MessageState
from .models import OutgoingMessage

logger = logging.getLogger(__name__)

ERROR_MAX_LENGTH = 2000


def due_messages(now):
    """Messages that should be (re)sent at ``now``, including those a crash left behind."""
    stale = now - dt.timedelta(seconds=settings.OUTBOX_STALE_AFTER)
    return OutgoingMessage.objects.filter(
        Q(state=MessageState.RETRY, retry_after__lte=now)
        | Q(state=MessageState.QUEUED, created_at__lte=stale)
        | Q(state=MessageState.SENDING, last_attempt_at__lte=stale)
    )


def _is_due(message, now):
    if message.state == MessageState.QUEUED:
        return True
    if message.state == MessageState.RETRY:
        return message.retry_after <= now
    if message.state == MessageState.SENDING:
        stale = now - dt.timedelta(seconds=settings.OUTBOX_STALE_AFTER)
        return message.last_attempt_at is None or message.last_attempt_at <= stale
    return False


def _claim(message_id, now):
    with transaction.atomic():
        # Only the message's row: the joined registration and event rows are locked by the
        # services in their own order (event first), and locking them here deadlocked.
        message = (
            OutgoingMessage.objects.select_for_update(of=("self",))
            .select_related("registration__event")
            .filter(pk=message_id)
            .first()
        )
        # Already sent, failed for good, being sent by another worker, or not yet due (a
        # duplicate task, or one enqueued before staff sent the message again): nothing to do.
        if message is None or not _is_due(message, now):
            return None
        message.state = MessageState.SENDING
        message.attempts += 1
        message.last_attempt_at = now
        message.save(update_fields=["state", "attempts", "last_attempt_at"])
    return message


def deliver(message_id, *, build):
    """Send the outbox row ``message_id`` if it is due; return when to try again, or None.

    ``build(message)`` returns the ``EmailMessage`` to send.
    """
    message = _claim(message_id, timezone.now())
    if message is None:
        return None
    subject = ""
    try:
        email = build(message)
        subject = email.subject
        if not email.send():
            raise ValueError("no recipient accepted the message")
    except Exception as error:  # Whatever went wrong, the row records it and is retried.
        logger.warning(
            "Message %s (%s, attempt %s) not sent: %s",
            message.pk,
            message.kind,
            message.attempts,
            error,
            exc_info=not isinstance(error, OSError),
        )
        return _record_failure(message, error, subject)
    message.state = MessageState.SENT
    message.sent_at = timezone.now()
    message.subject = subject[:255]
    message.retry_after = None
    message.last_error = ""
    message.save(update_fields=["state", "sent_at", "subject", "retry_after", "last_error"])
    return None


def _record_failure(message, error, subject):
    delays = settings.OUTBOX_RETRY_DELAYS
    now = timezone.now()
    if message.attempts <= len(delays):
        message.state = MessageState.RETRY
        message.retry_after = now + dt.timedelta(seconds=delays[message.attempts - 1])
    else:
        message.state = MessageState.FAILED
        message.retry_after = None
    message.last_error = f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH]
    if subject:
        message.subject = subject[:255]
    message.save(update_fields=["state", "retry_after", "last_error", "subject"])
    return message.retry_after
