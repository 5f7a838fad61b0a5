"""Billing in the admin: identity, invoices (read-only), payments, issuing, the journal."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from registrations import services
from registrations.enums import InvoiceKind, PaymentMeans, PaymentState
from registrations.models import Invoice, Payment, TrainingBodyIdentity
from registrations.selectors import billing_totals, training_body
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    TariffFactory,
    TrainingBodyIdentityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def identity(db):
    return TrainingBodyIdentityFactory()


@pytest.fixture
def superuser_client(db):
    # Its own client: the staff_client fixture logs the shared one in as Victoria.
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x"))
    return client


@pytest.fixture
def invoice(identity):
    registration = RegistrationFactory(organisation_name="Paris Habitat")
    return services.invoice_issue(registrations=[registration])


# --- AFPOLS's identity ----------------------------------------------------------------


def test_training_body_reads_the_saved_identity_else_the_settings(settings):
    assert training_body().is_demo is True  # settings.TRAINING_BODY, nothing saved yet
    TrainingBodyIdentityFactory(name="AFPOLS Paris", late_penalty_rate=Decimal("11.00"))

    body = training_body()
    assert (body.name, body.late_penalty_rate, body.is_demo) == (
        "AFPOLS Paris",
        Decimal("11.00"),
        False,
    )
    assert body.nda_wording == "Cet enregistrement ne vaut pas agrément de l'État."
    assert body.address_lines == ["14 rue Lord Byron", "75008 Paris"]


def test_demo_identity_is_loaded_once_marked_as_demo_and_never_overwrites(db):
    call_command("load_demo_identity", stdout=StringIO())
    identity = TrainingBodyIdentity.objects.get()
    assert identity.is_demo and identity.recovery_indemnity == Decimal("40.00")

    identity.name = "AFPOLS"
    identity.is_demo = False
    identity.save()
    call_command("load_demo_identity", stdout=StringIO())
    assert TrainingBodyIdentity.objects.get().name == "AFPOLS"
    assert TrainingBodyIdentity.objects.count() == 1


def test_only_a_superuser_changes_the_identity(staff_client, superuser_client, identity):
    url = reverse("admin:registrations_trainingbodyidentity_change", args=[identity.pk])
    assert staff_client.get(url).status_code == 200  # read-only for staff
    data = {
        "name": "AFPOLS",
        "address": "14 rue Lord Byron\n75008 Paris",
        "siret": "78426301800026",
        "nda": "11 75 99999 75",
        "nda_region": "Île-de-France",
        "vat_exempt": "on",
        "vat_mention": "TVA non applicable, article 261-4-4° a du CGI",
        "vat_rate": "20",
        "iban": "FR76 3000 4000 0312 3456 7890 143",
        "bic": "BNPAFRPPXXX",
        "payment_terms_days": "45",
        "late_penalty_rate": "12.15",
        "recovery_indemnity": "40",
    }
    assert staff_client.post(url, data).status_code == 403

    response = superuser_client.post(url, data)
    assert response.status_code == 302
    assert TrainingBodyIdentity.objects.get().payment_terms_days == 45
    changelist = reverse("admin:registrations_trainingbodyidentity_changelist")
    assert superuser_client.get(changelist)["Location"] == url
    delete = reverse("admin:registrations_trainingbodyidentity_delete", args=[identity.pk])
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403


def test_a_bad_iban_is_refused_in_french(superuser_client, identity):
    url = reverse("admin:registrations_trainingbodyidentity_change", args=[identity.pk])
    response = superuser_client.post(url, {"name": "AFPOLS", "iban": "pas un iban"})
    assert response.status_code == 200
    assert "IBAN invalide" in response.content.decode()
    assert TrainingBodyIdentity.objects.get().iban == identity.iban


# --- Invoices: read-only, never deleted -------------------------------------------------


def test_staff_see_invoices_but_never_add_change_or_delete_them(staff_client, invoice):
    changelist = reverse("admin:registrations_invoice_changelist")
    page = staff_client.get(changelist)
    assert page.status_code == 200 and invoice.number in page.content.decode()
    change = reverse("admin:registrations_invoice_change", args=[invoice.pk])
    detail = staff_client.get(change)
    assert detail.status_code == 200
    assert "Enregistrer un paiement" in detail.content.decode()
    assert staff_client.post(change, {"customer_name": "Autre"}).status_code == 403
    assert staff_client.get(reverse("admin:registrations_invoice_add")).status_code == 403
    delete = reverse("admin:registrations_invoice_delete", args=[invoice.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
    assert Invoice.objects.get(pk=invoice.pk).customer_name == "Paris Habitat"


def test_admin_download_returns_the_stored_bytes(staff_client, invoice):
    response = staff_client.get(reverse("admin:registrations_invoice_pdf", args=[invoice.pk]))
    assert response.content == Invoice.objects.get(pk=invoice.pk).pdf_bytes
    assert response["ETag"] == invoice.pdf_etag


# --- Payments ------------------------------------------------------------------------


def test_staff_record_a_partial_payment(staff_client, invoice, staff_user):
    url = reverse("admin:registrations_invoice_payment", args=[invoice.pk])
    assert staff_client.get(url).status_code == 200
    today = timezone.localdate()

    response = staff_client.post(
        url,
        {
            "received_on": today.strftime("%d/%m/%Y"),
            "amount": "700,00",
            "means": PaymentMeans.CHEQUE,
            "reference": "Chèque 0012",
        },
    )

    assert response.status_code == 302
    payment = Payment.objects.get()
    assert (payment.amount, payment.means, payment.recorded_by) == (
        Decimal("700.00"),
        PaymentMeans.CHEQUE,
        staff_user,
    )
    registration = invoice.lines.get().registration
    registration.refresh_from_db()
    assert registration.payment_state == PaymentState.PARTIALLY_PAID
    page = staff_client.get(
        reverse("admin:registrations_registration_change", args=[registration.pk])
    ).content.decode()
    assert "reste à payer : <strong>1\u202f050\u00a0€</strong>" in page


def test_a_payment_above_what_remains_is_refused_with_what_was_typed(staff_client, invoice):
    url = reverse("admin:registrations_invoice_payment", args=[invoice.pk])
    response = staff_client.post(
        url,
        {
            "received_on": timezone.localdate().strftime("%d/%m/%Y"),
            "amount": "5000",
            "means": PaymentMeans.TRANSFER,
            "reference": "VIR 2030",
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "dépasse le reste à payer" in content
    assert 'value="VIR 2030"' in content
    assert not Payment.objects.exists()


# --- Issuing from the registration's page ----------------------------------------------


def test_the_registration_page_issues_its_invoice(staff_client, identity):
    registration = RegistrationFactory(billing_email="compta@example.org")
    page_url = reverse("admin:registrations_registration_change", args=[registration.pk])
    issue_url = reverse("admin:registrations_invoice_issue", args=[registration.pk])
    assert issue_url in staff_client.get(page_url).content.decode()
    confirm = staff_client.get(issue_url).content.decode()
    assert "compta@example.org" in confirm

    response = staff_client.post(issue_url, follow=True)

    invoice = Invoice.objects.get()
    assert invoice.recipient_email == "compta@example.org"
    content = response.content.decode()
    assert f"Facture {invoice.number} émise" in content
    assert issue_url not in content  # invoiced: no second invoice offered


def test_issuing_twice_from_the_page_is_refused_in_french(staff_client, invoice):
    registration = invoice.lines.get().registration
    issue_url = reverse("admin:registrations_invoice_issue", args=[registration.pk])
    response = staff_client.post(issue_url, follow=True)
    assert "déjà facturée" in response.content.decode()
    assert Invoice.objects.count() == 1


# --- Journal and ZIP for the accountant --------------------------------------------------


@pytest.fixture
def period(identity):
    """An invoice, a grouped invoice and a credit note issued today."""
    event = EventFactory()
    single = RegistrationFactory(event=event, organisation_name="Paris Habitat")
    group = RegistrationFactory.create_batch(2, event=event, organisation_name="Lille Habitat")
    first = services.invoice_issue(registrations=[single])
    grouped = services.invoice_issue(registrations=group)
    services.registration_cancel(registration=group[0], by_staff=True)
    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    today = timezone.localdate()
    return first, grouped, note, today


def journal(client, start, end, output):
    return client.get(
        reverse("admin:registrations_invoice_journal"),
        {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y"), "output": output},
    )


def test_the_csv_journal_lists_invoices_and_credit_notes_of_the_period(staff_client, period):
    first, grouped, note, today = period

    response = journal(staff_client, today, today, "csv")

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Numéro",
        "Type",
        "Date",
        "Client",
        "Montant HT",
        "TVA",
        "Total TTC",
        "Statut",
    ]
    assert [row[0] for row in rows[1:]] == [first.number, grouped.number, note.number]
    assert rows[1][1:4] == ["Facture", str(today), "Paris Habitat"]
    assert rows[1][4:8] == ["1750.00", "0.00", "1750.00", "À payer"]
    assert rows[2][6] == "3500.00"
    assert rows[3][1] == "Avoir" and rows[3][6] == "-1750.00"
    assert rows[3][7] == f"Avoir sur la facture {grouped.number}"


def test_the_journal_leaves_out_other_periods(staff_client, period):
    _first, _grouped, _note, today = period
    response = journal(staff_client, today - dt.timedelta(days=10), today - dt.timedelta(1), "csv")
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 1


def test_the_xlsx_journal_opens_in_excel(staff_client, period):
    first, _grouped, note, today = period
    response = journal(staff_client, today, today, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == first.number and rows[3][0] == note.number
    assert len(rows) == 4


def test_the_zip_holds_the_issued_pdfs_of_the_period(staff_client, period):
    first, grouped, note, today = period
    response = journal(staff_client, today, today, "zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(
        [f"facture-{first.number}.pdf", f"facture-{grouped.number}.pdf", f"avoir-{note.number}.pdf"]
    )
    assert archive.read(f"avoir-{note.number}.pdf") == note.pdf_bytes


def test_a_reversed_period_is_refused_in_french(staff_client, identity):
    today = timezone.localdate()
    response = journal(staff_client, today, today - dt.timedelta(days=1), "csv")
    assert response.status_code == 400
    assert "La fin de la période précède son début." in response.content.decode()


# --- Totals and overdue invoices ---------------------------------------------------------


def test_totals_and_overdue_invoices(invoice):
    services.payment_record(
        invoice=invoice,
        amount=Decimal("250"),
        received_on=timezone.localdate(),
        means=PaymentMeans.TRANSFER,
    )
    totals = billing_totals(event=invoice.event)
    assert (totals.invoiced, totals.paid, totals.outstanding) == (
        Decimal("1750.00"),
        Decimal("250.00"),
        Decimal("1500.00"),
    )
    assert totals.overdue == []

    later = billing_totals(event=invoice.event, today=invoice.due_on + dt.timedelta(days=1))
    assert [(overdue.number, overdue.outstanding) for overdue in later.overdue] == [
        (invoice.number, Decimal("1500.00"))
    ]


def test_changing_the_tariff_of_an_invoiced_registration_from_its_page(staff_client, invoice):
    registration = invoice.lines.get().registration
    cheaper = TariffFactory(event=registration.event, label="Repas du midi", amount=Decimal("1450"))
    url = reverse("admin:registrations_invoice_change_tariff", args=[registration.pk])
    page = reverse("admin:registrations_registration_change", args=[registration.pk])
    assert url in staff_client.get(page).content.decode()
    assert "émet un avoir" in staff_client.get(url).content.decode()

    response = staff_client.post(url, {"tariff": cheaper.pk})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.amount == Decimal("1450.00")
    assert Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE, refers=invoice).count() == 1
    new = Invoice.objects.filter(kind=InvoiceKind.INVOICE).exclude(pk=invoice.pk).get()
    assert new.total_incl_vat == Decimal("1450.00")


def test_a_tariff_of_another_event_is_refused(staff_client, invoice):
    registration = invoice.lines.get().registration
    elsewhere = TariffFactory()
    url = reverse("admin:registrations_invoice_change_tariff", args=[registration.pk])
    response = staff_client.post(url, {"tariff": elsewhere.pk})
    assert response.status_code == 400
    assert Invoice.objects.count() == 1
