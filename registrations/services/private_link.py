"""Sending a private link again ("Déjà inscrit ?") without telling who registered.

The request does the same work whatever the address: it enqueues one task once the
transaction has committed. The task, in the worker, looks the address up and e-mails the
links of the registrations it finds; the page says the same thing either way.
"""

from django_tasks import task

from programme.models import Event

from .. import notifications
from ..selectors import registrations_of_email


@task()
def send_private_link_if_registered(event_id, email):
    """E-mail every private link held by ``email`` for the event (an assistant may have
    registered several colleagues with one address); nothing when there is none."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return
    for registration in registrations_of_email(event, email).filter(anonymised_at__isnull=True):
        notifications.notify(registration, notifications.MessageKind.PRIVATE_LINK)
