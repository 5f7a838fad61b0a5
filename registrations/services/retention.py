"""Personal data retention: registrations are anonymised some time after their event.

What is kept (reference, event, tariff, workshop, amount, statuses, organisation) is what
statistics and accounts need; what identifies the person is replaced wherever the app
keeps a copy (``privacy``: history, outbox, admin log, sessions, cached documents, token).
Issued invoices are not touched: accounting documents are kept as issued for ten years
(Code de commerce L123-22). The training documents stored as sent (convocation,
certificate, attestation: they print the name) are deleted; presences and satisfaction
answers stay, for the statistics, with the anonymised registration.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..models import Registration
from .privacy import scrub_deleted_history, scrub_registrations


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
    count = scrub_registrations(list(due), now=now)
    scrub_deleted_history(Registration.history.filter(event__end_date__lt=ended_before))
    return count
