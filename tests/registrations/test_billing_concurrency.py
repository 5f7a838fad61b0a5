"""Concurrent issuings on a real PostgreSQL: one number each, none skipped (row lock)."""

import pytest
from django.db import connection

from registrations import services
from registrations.enums import InvoiceKind
from registrations.models import Invoice, InvoiceCounter
from tests.factories import EventFactory, RegistrationFactory, TrainingBodyIdentityFactory

from .test_concurrency import submit_at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
]


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuings_get_consecutive_numbers_without_gaps():
    TrainingBodyIdentityFactory()
    # One event each: only the year's counter row serialises them, not the event lock.
    registrations = [RegistrationFactory(event=EventFactory()) for _ in range(6)]

    outcomes = submit_at_once(6, lambda i: services.invoice_issue(registrations=[registrations[i]]))

    assert all(isinstance(outcome, Invoice) for outcome in outcomes), outcomes
    [year] = {invoice.year for invoice in outcomes}
    assert sorted(Invoice.objects.values_list("sequence", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert InvoiceCounter.objects.get(year=year).last_number == 6
    # Numbers and issue times go up together (chronological sequence).
    by_number = list(Invoice.objects.order_by("sequence").values_list("issued_at", flat=True))
    assert by_number == sorted(by_number)


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_and_issuings_share_one_sequence():
    TrainingBodyIdentityFactory()
    invoiced = [RegistrationFactory(event=EventFactory()) for _ in range(3)]
    for registration in invoiced:
        services.invoice_issue(registrations=[registration])
    fresh = [RegistrationFactory(event=EventFactory()) for _ in range(3)]

    def act(i):
        if i < 3:
            return services.registration_cancel(registration=invoiced[i], by_staff=True)
        return services.invoice_issue(registrations=[fresh[i - 3]])

    outcomes = submit_at_once(6, act)

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    assert sorted(Invoice.objects.values_list("sequence", flat=True)) == list(range(1, 10))
    assert Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).count() == 3
