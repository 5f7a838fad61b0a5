"""Personal data of a participant, wherever the app keeps a copy of it.

One thorough scrub serves both the retention rule (``retention.registrations_anonymise``)
and a participant's request (:func:`participant_erase`). For each registration it
replaces what identifies the person in the registration, in every row of its change
history and in its outbox rows (recipient, errors), renames the admin log's entries about
it, gives it a new private token (the old link answers 404), forgets the browser sessions
that held its token or address, and empties the generated documents' cache (badges,
sign-in sheets and confirmations print names). The history of registrations deleted since
is scrubbed too.
"""

import secrets

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import RegistrationStatus
from ..models import Registration
from ..session_keys import SESSION_EMAIL, SESSION_TOKENS

PERSONAL_FIELDS = (
    "last_name",
    "first_name",
    "job_title",
    "email",
    "address",
    "phone",
    "contact_person",
    "billing_email",
    "signed_place",
    "signature",
)


def anonymous_values(registration_id):
    anonymous = _("Anonymisé")
    values = dict.fromkeys(PERSONAL_FIELDS, anonymous)
    values.update(contact_person="", phone="", billing_email="")
    # Unique per event: the one-registration-per-e-mail constraint still holds.
    values["email"] = f"anonyme-{registration_id}@anonyme.invalid"
    return values


def _forget_sessions(tokens, emails):
    """Delete the sessions that still hold one of ``tokens`` or ``emails``."""
    tokens, emails = set(tokens), {email.lower() for email in emails}
    doomed = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        held_tokens = set(data.get(SESSION_TOKENS) or ())
        held_email = str(data.get(SESSION_EMAIL) or "").lower()
        if held_tokens & tokens or (held_email and held_email in emails):
            doomed.append(session.pk)
    Session.objects.filter(pk__in=doomed).delete()


def _forget_documents():
    # Event documents (badges, sign-in sheets) print names next to confirmations: a
    # cache entry cannot be traced back to the people it prints, so the cache goes.
    caches["documents"].clear()


def _scrub_outbox(registration, anonymous_email):
    """The outbox keeps each message's fate, not the person: their address (and the
    billing one) becomes the anonymous one, and errors, which may quote it, are dropped.
    Messages to staff keep staff's address. Bodies are never stored (rendered when sent)."""
    personal = {registration.email.lower(), (registration.billing_email or "").lower()} - {""}
    for message in registration.messages.all():
        if message.recipient.lower() in personal:
            message.recipient = anonymous_email
        message.last_error = ""
        message.save(update_fields=["recipient", "last_error"])


def scrub_registrations(registrations, *, now):
    """Anonymise each of ``registrations`` and every copy of its personal data.

    Returns how many were scrubbed. The caller holds the transaction.
    """
    registration_type = ContentType.objects.get_for_model(Registration)
    tokens, emails, count = [], [], 0
    for registration in registrations:
        tokens.append(registration.token)
        emails.append(registration.email)
        values = anonymous_values(registration.pk)
        # updated_at moves too, so no document of the old data has the current version.
        Registration.objects.filter(pk=registration.pk).update(
            anonymised_at=now, updated_at=now, token=secrets.token_urlsafe(32), **values
        )
        registration.history.update(**values)
        _scrub_outbox(registration, values["email"])
        # Training documents stored as sent print the name: they go.
        registration.issued_documents.all().delete()
        LogEntry.objects.filter(
            content_type=registration_type, object_id=str(registration.pk)
        ).update(object_repr=f"{registration.reference} {values['first_name']}")
        count += 1
    if count:
        # Now, and again once committed: a document rendered meanwhile from the old rows
        # does not survive either.
        _forget_documents()
        transaction.on_commit(_forget_documents)
        _forget_sessions(tokens, emails)
    return count


def scrub_deleted_history(records):
    """Anonymise history rows of registrations that no longer exist."""
    existing = Registration.objects.values("pk")
    for record in records.exclude(id__in=existing).only("history_id", "id"):
        type(record).objects.filter(history_id=record.history_id).update(
            **anonymous_values(record.id)
        )


def _same_person(registration):
    # A person is an address and a name: an assistant may register colleagues with one address.
    return Registration.objects.filter(
        email__iexact=registration.email,
        last_name__iexact=registration.last_name,
        first_name__iexact=registration.first_name,
    )


@transaction.atomic
def participant_erase(*, registration, now=None):
    """Erase, on request, the personal data of the person who made ``registration``.

    Every registration with the same e-mail address and name (any event, any status) is
    anonymised as thoroughly as by the retention rule; one still active is cancelled
    first, without e-mail, which frees its place. Returns how many registrations.
    """
    now = now or timezone.now()
    email = registration.email
    registrations = list(
        _same_person(registration).select_for_update().filter(anonymised_at__isnull=True)
    )
    for each in registrations:
        if each.status != RegistrationStatus.CANCELLED:
            Registration.objects.filter(pk=each.pk).update(
                status=RegistrationStatus.CANCELLED, cancelled_at=now
            )
    count = scrub_registrations(registrations, now=now)
    scrub_deleted_history(Registration.history.filter(email__iexact=email))
    return count
