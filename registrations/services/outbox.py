"""Staff and scheduled rules about the outbox: send a message again, catch up due ones.

Messages are written by ``notifications.notify``; the worker sends them
(``registrations.outbox``). Here: staff sends failed messages again (to the address the
registration has now, in case the first one was mistyped), and ``send_pending_messages``
re-enqueues what is due (retries when the task backend cannot defer, and messages a crash
left behind).
"""

from django.db import transaction
from django.utils import timezone

from afpols_events.task_queue import enqueue_with_transaction

from .. import notifications, outbox
from ..enums import MessageState
from ..models import OutgoingMessage

RESENDABLE_STATES = (MessageState.FAILED, MessageState.RETRY)


def _enqueue_after_commit(message_ids):
    for message_id in message_ids:
        enqueue_with_transaction(notifications.send_message, message_id)


@transaction.atomic
def messages_send_again(*, registration):
    """Queue again the failed (or waiting) messages of ``registration``; return how many."""
    messages = list(
        OutgoingMessage.objects.select_for_update().filter(
            registration=registration, state__in=RESENDABLE_STATES
        )
    )
    for message in messages:
        message.state = MessageState.QUEUED
        message.attempts = 0
        message.retry_after = None
        message.recipient = notifications.recipient(registration, message.kind)
        message.save(update_fields=["state", "attempts", "retry_after", "recipient"])
    _enqueue_after_commit([message.pk for message in messages])
    return len(messages)


def messages_enqueue_due(*, now=None):
    """Enqueue a send task for every message due at ``now``; return how many.

    It only reads: no transaction to wait for, and a duplicate task is harmless (the worker
    claims a row under a lock and skips one that is no longer due)."""
    ids = list(outbox.due_messages(now or timezone.now()).values_list("pk", flat=True))
    for message_id in ids:
        notifications.send_message.enqueue(message_id)
    return len(ids)
