"""Invoices, credit notes and payments: numbering, grouping, immutability, balances."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from registrations import services
from registrations.enums import InvoiceKind, PaymentMeans, PaymentState, RegistrationStatus
from registrations.models import ImmutableError, Invoice, InvoiceCounter, InvoiceLine
from registrations.selectors.billing import registration_billing
from tests.factories import RegistrationFactory, TrainingBodyIdentityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def identity(db):
    return TrainingBodyIdentityFactory()


@pytest.fixture
def register(event, make_bulletin):
    def make(**overrides):
        return services.registration_create(
            event=event, bulletin=make_bulletin(**overrides), allow_pending_membership=True
        )

    return make


def issue(*registrations):
    return services.invoice_issue(registrations=registrations)


def year():
    return timezone.localdate().year


def test_numbers_follow_each_other_per_year_without_gaps(register):
    numbers = [issue(register()).number for _ in range(3)]

    y = year()
    assert numbers == [f"{y}-0001", f"{y}-0002", f"{y}-0003"]
    assert list(Invoice.objects.order_by("sequence").values_list("sequence", flat=True)) == [
        1,
        2,
        3,
    ]
    assert InvoiceCounter.objects.get(year=y).last_number == 3


def test_credit_notes_take_the_next_number_of_the_same_sequence(register):
    registration = register()
    invoice = issue(registration)

    services.registration_cancel(registration=registration, by_staff=True)

    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert note.sequence == invoice.sequence + 1 and note.number == f"{year()}-0002"
    assert note.refers == invoice


def test_a_rolled_back_issuing_gives_its_number_back(register):
    first, second = register(), register()
    with pytest.raises(RuntimeError), transaction.atomic():
        issue(first)
        raise RuntimeError("something failed after the number was taken")

    assert issue(second).number == f"{year()}-0001"


def test_numbering_restarts_with_a_new_year(register, monkeypatch):
    first, second = register(), register()
    issue(first)
    next_year = timezone.now().replace(year=year() + 1, month=1, day=2)
    monkeypatch.setattr(timezone, "now", lambda: next_year)

    assert issue(second).number == f"{year()}-0001"


def test_invoice_holds_the_organisation_lines_amounts_and_due_date(register, event, identity):
    registration = register(address="21 bis rue Claude Bernard\n75005 Paris")

    invoice = issue(registration)

    assert invoice.customer_name == "Paris Habitat"
    assert invoice.customer_address == "21 bis rue Claude Bernard\n75005 Paris"
    assert (invoice.service_start, invoice.service_end) == (event.start_date, event.end_date)
    assert invoice.total_excl_vat == invoice.total_incl_vat == Decimal("1750.00")
    assert invoice.vat_amount == Decimal("0.00")
    assert invoice.vat_mention == "TVA non applicable, article 261-4-4° a du CGI"
    assert invoice.due_on == invoice.issued_on + dt.timedelta(days=30)
    [line] = invoice.lines.all()
    assert (line.quantity, line.unit_price, line.total) == (
        1,
        Decimal("1750.00"),
        Decimal("1750.00"),
    )
    assert "Camille Martin" in line.description and registration.reference in line.description
    assert invoice.seller["siret"] == identity.siret


def test_vat_is_added_when_the_body_is_not_exempt(register, identity):
    identity.vat_exempt = False
    identity.vat_rate = Decimal("20.00")
    identity.save()

    invoice = issue(register())

    assert invoice.vat_amount == Decimal("350.00")
    assert invoice.total_incl_vat == Decimal("2100.00")
    assert invoice.vat_mention == ""


def test_one_grouped_invoice_covers_several_registrations_of_one_organisation(register):
    first, second = register(last_name="Alpha"), register(last_name="Beta")

    invoice = issue(first, second)

    assert invoice.lines.count() == 2
    assert invoice.total_incl_vat == Decimal("3500.00")
    for registration in (first, second):
        registration.refresh_from_db()
        assert registration.payment_state == PaymentState.INVOICED
        assert registration.invoiced_at is not None


def test_a_grouped_invoice_refuses_two_organisations(register, member):
    other = register(organisation_name="Lille Métropole Habitat")
    with pytest.raises(ValidationError, match="même organisme"):
        issue(register(), other)
    assert not Invoice.objects.exists()


def test_issuing_a_selection_groups_per_organisation_and_reports_refusals(register, event):
    paris = [register(), register()]
    lille = register(organisation_name="Lille Métropole Habitat")
    waiting = RegistrationFactory(event=event, number=99, status=RegistrationStatus.WAITING_LIST)

    invoices, refusals = services.invoices_issue(registrations=[*paris, lille, waiting])

    assert sorted(invoice.lines.count() for invoice in invoices) == [1, 2]
    assert [(registration, "occupe une place" in why) for registration, why in refusals] == [
        (waiting, True)
    ]


def test_an_invoiced_registration_is_not_invoiced_twice(register):
    registration = register()
    invoice = issue(registration)
    with pytest.raises(ValidationError, match=f"déjà facturée \\(facture n° {invoice.number}\\)"):
        issue(registration)


def test_an_issued_invoice_is_never_changed_nor_deleted(register):
    invoice = issue(register())
    invoice.customer_name = "Autre"
    with pytest.raises(ImmutableError):
        invoice.save()
    with pytest.raises(ImmutableError):
        invoice.delete()
    with pytest.raises(ImmutableError):
        Invoice.objects.filter(pk=invoice.pk).update(customer_name="Autre")
    with pytest.raises(ImmutableError):
        Invoice.objects.all().delete()
    with pytest.raises(ImmutableError):
        InvoiceLine.objects.all().delete()
    assert Invoice.objects.get(pk=invoice.pk).customer_name == "Paris Habitat"


def test_the_pdf_is_stored_with_its_hash(register):
    invoice = Invoice.objects.get(pk=issue(register()).pk)

    assert invoice.pdf_bytes.startswith(b"%PDF")
    assert invoice.pdf_sha256 == hashlib.sha256(invoice.pdf_bytes).hexdigest()
    assert invoice.pdf_is_intact()


def test_cancelling_an_invoiced_registration_issues_a_credit_note(register):
    registration = register()
    invoice = issue(registration)

    services.registration_cancel(registration=registration)

    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert note.refers == invoice
    assert note.total_incl_vat == invoice.total_incl_vat
    assert [line.credits for line in note.lines.all()] == list(invoice.lines.all())
    registration.refresh_from_db()
    assert registration.payment_state == PaymentState.NOT_INVOICED
    assert registration_billing(registration).due == Decimal("0.00")


def test_cancelling_a_registration_never_invoiced_issues_nothing(register):
    services.registration_cancel(registration=register(), by_staff=True)
    assert not Invoice.objects.exists()


def test_cancelling_one_of_a_grouped_invoice_credits_only_its_line(register):
    first, second = register(), register()
    invoice = issue(first, second)

    services.registration_cancel(registration=first, by_staff=True)

    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert [line.registration for line in note.lines.all()] == [first]
    assert note.total_incl_vat == Decimal("1750.00")
    second.refresh_from_db()
    assert second.payment_state == PaymentState.INVOICED
    billing = registration_billing(second)
    assert (billing.due, billing.outstanding) == (Decimal("1750.00"), Decimal("1750.00"))
    assert invoice.number in [doc.number for doc in billing.documents]


def test_a_tariff_change_credits_the_invoice_and_invoices_the_new_amount(register, tariffs):
    registration = register(tariff=tariffs[0])
    old = issue(registration)

    services.registration_change_tariff(registration=registration, tariff=tariffs[1])

    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    new = Invoice.objects.filter(kind=InvoiceKind.INVOICE).exclude(pk=old.pk).get()
    assert note.refers == old and note.sequence < new.sequence
    assert new.total_incl_vat == Decimal("1450.00")
    registration.refresh_from_db()
    assert registration.amount == Decimal("1450.00")
    assert registration.payment_state == PaymentState.INVOICED
    assert registration_billing(registration).due == Decimal("1450.00")


def test_a_tariff_change_before_invoicing_issues_nothing(register, tariffs):
    registration = register(tariff=tariffs[0])
    services.registration_change_tariff(registration=registration, tariff=tariffs[1])
    assert not Invoice.objects.exists()


def test_a_tariff_change_respects_the_tariff_capacity(register, tariffs):
    tariffs[1].capacity = 1
    tariffs[1].save()
    register(tariff=tariffs[1])
    with pytest.raises(services.CapacityError):
        services.registration_change_tariff(registration=register(), tariff=tariffs[1])


def pay(invoice, amount, means=PaymentMeans.TRANSFER, **kwargs):
    return services.payment_record(
        invoice=invoice,
        amount=amount,
        received_on=kwargs.pop("received_on", timezone.localdate()),
        means=means,
        **kwargs,
    )


def test_partial_payments_add_up_until_paid(register):
    registration = register()
    invoice = issue(registration)

    pay(invoice, Decimal("500.00"), PaymentMeans.CHEQUE, reference="Chèque 1234567")
    registration.refresh_from_db()
    billing = registration_billing(registration)
    assert registration.payment_state == PaymentState.PARTIALLY_PAID
    assert (billing.due, billing.paid, billing.outstanding) == (
        Decimal("1750.00"),
        Decimal("500.00"),
        Decimal("1250.00"),
    )

    pay(invoice, "1250", PaymentMeans.PURCHASE_ORDER)
    registration.refresh_from_db()
    assert registration.payment_state == PaymentState.PAID and registration.paid_at
    assert registration_billing(registration).outstanding == Decimal("0.00")


@pytest.mark.parametrize(
    ("amount", "kwargs", "message"),
    [
        ("2000", {}, "dépasse le reste à payer"),
        ("0", {}, "nombre positif"),
        ("abc", {}, "nombre positif"),
        ("100", {"means": "bitcoin"}, "Moyen de paiement inconnu"),
        ("100", {"received_on": dt.date(2999, 1, 1)}, "futur"),
    ],
)
def test_payments_refused_with_a_french_reason(register, amount, kwargs, message):
    invoice = issue(register())
    with pytest.raises(ValidationError, match=message):
        pay(invoice, amount, **kwargs)


def test_no_payment_on_a_credit_note(register):
    registration = register()
    issue(registration)
    services.registration_cancel(registration=registration, by_staff=True)
    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    with pytest.raises(ValidationError, match="pas sur un avoir"):
        pay(note, "10")


def test_issuing_emails_the_stored_pdf_to_the_billing_address(
    register, django_capture_on_commit_callbacks
):
    registration = register(billing_email="compta@parishabitat.fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invoice = issue(registration)

    [message] = mail.outbox
    assert message.to == ["compta@parishabitat.fr"]
    assert invoice.number in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename == f"facture-{invoice.number}.pdf" and mimetype == "application/pdf"
    assert content == Invoice.objects.get(pk=invoice.pk).pdf_bytes


def test_a_grouped_invoice_is_emailed_once_to_a_shared_address(
    register, django_capture_on_commit_callbacks
):
    first = register(billing_email="compta@parishabitat.fr")
    second = register(billing_email="COMPTA@parishabitat.fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        issue(first, second)
    assert [message.to for message in mail.outbox] == [["compta@parishabitat.fr"]]


def test_without_billing_email_the_participant_receives_the_invoice_and_the_credit_note(
    register, django_capture_on_commit_callbacks
):
    registration = register(email="camille@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        issue(registration)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration, by_staff=True)

    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    invoice_mail, note_mail = [message for message in mail.outbox if message.attachments]
    assert invoice_mail.to == note_mail.to == ["camille@example.org"]
    assert note.number in note_mail.subject and "avoir" in note_mail.subject
    assert note_mail.attachments[0][1] == note.pdf_bytes


def test_the_database_itself_refuses_to_change_an_issued_invoice(register):
    invoice = issue(register())
    for table in ("registrations_invoice", "registrations_invoiceline"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET id = id")
    assert Invoice.objects.get(pk=invoice.pk).number == invoice.number
