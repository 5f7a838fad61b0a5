"""Personal data retention: registrations are anonymised some time after their event.

What is kept (reference, event, tariff, workshop, amount, statuses, organisation) is what
statistics and accounts need; what identifies the person is replaced, in the
registration and in its change history. Issued invoices are not touched: accounting
documents are kept as issued for ten years (Code de commerce L123-22). The training
documents stored as sent (convocation, certificate, attestation: they print the name) are
deleted; presences and satisfaction answers stay, for the statistics, with the anonymised
registration.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Registration

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


def _anonymous_values(registration):
    anonymous = _("Anonymisé")
    values = dict.fromkeys(PERSONAL_FIELDS, anonymous)
    values["contact_person"] = ""
    values["billing_email"] = ""
    values["phone"] = ""
    # Unique per event: the one-registration-per-e-mail constraint still holds.
    values["email"] = f"anonyme-{registration.pk}@anonyme.invalid"
    return values


@transaction.atomic
def registrations_anonymise(*, after_days, now=None):
    """Anonymise registrations of events that ended more than ``after_days`` days ago.

    Returns how many registrations were anonymised; running it again changes nothing.
    """
    now = now or timezone.now()
    ended_before = timezone.localdate(now) - dt.timedelta(days=after_days)
    due = Registration.objects.select_for_update(of=("self",)).filter(
        event__end_date__lt=ended_before, anonymised_at__isnull=True
    )
    count = 0
    for registration in due:
        values = _anonymous_values(registration)
        # updated_at moves too, so no cached confirmation PDF with the old data is served.
        Registration.objects.filter(pk=registration.pk).update(
            anonymised_at=now, updated_at=now, **values
        )
        registration.history.update(**values)
        # The outbox: the participant's address, and errors that may quote it.
        personal = {registration.email.lower(), (registration.billing_email or "").lower()}
        for message in registration.messages.all():
            if message.recipient.lower() in personal:
                message.recipient = values["email"]
            message.last_error = ""
            message.save(update_fields=["recipient", "last_error"])
        registration.issued_documents.all().delete()
        count += 1
    return count
