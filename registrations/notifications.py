"""E-mails about a registration, enqueued as tasks once the transaction has committed.

A task never runs inside the request's transaction: if the transaction rolls back, no
e-mail leaves; if the e-mail fails, the registration is kept.
"""

from functools import partial

from django.db import transaction

# What happened, for the participant's e-mail.
REGISTERED = "registered"
RESENT = "resent"
WORKSHOP_CHANGED = "workshop_changed"
CONFIRMED = "confirmed"
MEMBERSHIP_RECORDED = "membership_recorded"
PROMOTED = "promoted"
CANCELLED = "cancelled"
PRIVATE_LINK = "private_link"

PARTICIPANT_KINDS = {
    REGISTERED,
    RESENT,
    WORKSHOP_CHANGED,
    CONFIRMED,
    MEMBERSHIP_RECORDED,
    PROMOTED,
    CANCELLED,
    PRIVATE_LINK,
}
STAFF_KINDS = {REGISTERED, CANCELLED}


def participant(registration, kind):
    from .tasks import send_participant_email

    assert kind in PARTICIPANT_KINDS, kind
    transaction.on_commit(partial(send_participant_email.enqueue, registration.pk, kind))


def staff(registration, kind):
    from .tasks import send_staff_notification

    assert kind in STAFF_KINDS, kind
    transaction.on_commit(partial(send_staff_notification.enqueue, registration.pk, kind))
