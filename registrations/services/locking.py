"""Row locks taken by every service that counts places or changes a registration.

All of them lock the event row first, so two services never wait on each other in opposite
orders; on SQLite the transaction already holds the database's write lock (BEGIN IMMEDIATE).
"""

from programme.models import Event

from ..models import Registration


def lock_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def lock_registration(registration):
    """Lock the event row first (same order as registration_create), then the registration."""
    lock_event(registration.event)
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event", "tariff", "workshop")
        .get(pk=registration.pk)
    )
