"""The invoice PDF: every mention the law requires, and bytes that never change once issued."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from registrations import services
from registrations.enums import InvoiceKind
from registrations.models import Invoice
from tests.factories import TrainingBodyIdentityFactory

pytestmark = pytest.mark.django_db


def pdf_text(content):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    # One kind of space, one line per line: mentions are checked as a reader sees them.
    for space in ("\u202f", "\u00a0"):
        text = text.replace(space, " ")
    return " ".join(text.split())


@pytest.fixture
def identity(db):
    return TrainingBodyIdentityFactory()


@pytest.fixture
def registration(event, make_bulletin, identity):
    return services.registration_create(
        event=event,
        bulletin=make_bulletin(
            organisation_name="Paris Habitat",
            address="21 bis rue Claude Bernard\n75005 Paris",
            last_name="Martin",
            first_name="Camille",
        ),
    )


def test_the_invoice_pdf_holds_every_mandatory_mention(registration, event, identity):
    invoice = services.invoice_issue(registrations=[registration])
    text = pdf_text(Invoice.objects.get(pk=invoice.pk).pdf_bytes)
    issued = invoice.issued_on.strftime("%d/%m/%Y")
    due = invoice.due_on.strftime("%d/%m/%Y")

    mentions = {
        # The seller: name, address, SIRET, training declaration number and its wording.
        "seller name": "AFPOLS",
        "seller street": "14 rue Lord Byron",
        "seller city": "75008 Paris",
        "SIRET": "SIRET : 784 263 018 00026",
        "NDA": "Déclaration d'activité enregistrée sous le numéro 11 75 12345 75 auprès du "
        "préfet de région Île-de-France.",
        "NDA wording": "Cet enregistrement ne vaut pas agrément de l'État.",
        # The buyer, at the bulletin's address.
        "buyer name": "Paris Habitat",
        "buyer address": "21 bis rue Claude Bernard 75005 Paris",
        # Number, issue date, date of the service.
        "number": f"Facture n° {invoice.number}",
        "issue date": f"Date d'émission : {issued}",
        "service dates": "Date de la prestation : du 14/11/2030 au 16/11/2030",
        # The line: description, quantity, unit price, totals.
        "description": "Hébergement et repas du soir inclus",
        "participant": f"Participant : Camille Martin (inscription {registration.reference})",
        "line": "1 1 750 € 1 750 €",
        "total excl. VAT": "Total HT 1 750 €",
        "VAT exemption": "TVA non applicable, article 261-4-4° a du CGI",
        "total": "Total TTC à payer 1 750 €",
        # Payment terms, penalties, the 40 € indemnity, bank details.
        "due date": f"Échéance : {due}",
        "penalty rate": "pénalités au taux annuel de 12,15 %",
        "indemnity": "Indemnité forfaitaire pour frais de recouvrement due par le client "
        "professionnel : 40 €",
        "IBAN": "IBAN : FR76 3000 4000 0312 3456 7890 143",
        "BIC": "BIC : BNPAFRPPXXX",
    }
    missing = {name: mention for name, mention in mentions.items() if mention not in text}
    assert not missing, (missing, text)
    assert event.title in text
    assert "DÉMONSTRATION" not in text


def test_an_invoice_with_vat_prints_the_rate_and_the_amount(registration, identity):
    identity.vat_exempt = False
    identity.vat_rate = Decimal("20.00")
    identity.vat_number = "FR12784263018"
    identity.save()

    invoice = services.invoice_issue(registrations=[registration])
    text = pdf_text(Invoice.objects.get(pk=invoice.pk).pdf_bytes)

    assert "TVA à 20 % 350 €" in text
    assert "Total TTC à payer 2 100 €" in text
    assert "N° de TVA intracommunautaire : FR12784263018" in text
    assert "261-4-4" not in text


def test_demo_identity_is_marked_on_the_invoice(registration, identity):
    identity.is_demo = True
    identity.save()
    invoice = services.invoice_issue(registrations=[registration])
    assert "DÉMONSTRATION" in pdf_text(Invoice.objects.get(pk=invoice.pk).pdf_bytes)


def test_the_credit_note_refers_to_its_invoice(registration):
    invoice = services.invoice_issue(registrations=[registration])
    services.registration_cancel(registration=registration, by_staff=True)

    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    text = pdf_text(note.pdf_bytes)
    issued = invoice.issued_on.strftime("%d/%m/%Y")
    assert f"Facture d'avoir n° {note.number}" in text
    assert f"Avoir sur la facture n° {invoice.number} du {issued}" in text
    assert "Total de l'avoir TTC 1 750 €" in text
    assert "SIRET : 784 263 018 00026" in text


def test_html_typed_in_the_bulletin_is_printed_as_text(event, make_bulletin, identity):
    registration = services.registration_create(
        event=event, bulletin=make_bulletin(address="<b>1 rue</b> <script>x</script>")
    )
    invoice = services.invoice_issue(registrations=[registration])
    assert "<b>1 rue</b> <script>x</script>" in pdf_text(
        Invoice.objects.get(pk=invoice.pk).pdf_bytes
    )


def test_download_returns_the_issued_bytes_after_event_tariff_and_template_change(
    client, registration, event, settings, tmp_path, make_bulletin
):
    invoice = services.invoice_issue(registrations=[registration])
    url = reverse(
        "registrations:invoice_pdf", kwargs={"token": registration.token, "number": invoice.number}
    )
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert f"facture-{invoice.number}.pdf" in first["Content-Disposition"]
    issued = b"".join(first.streaming_content) if first.streaming else first.content

    # Everything the invoice printed changes: the event, the tariff, the template.
    event.title = "Un autre titre"
    event.save()
    registration.tariff.label = "Un autre tarif"
    registration.tariff.amount = Decimal("999.00")
    registration.tariff.save()
    override = tmp_path / "templates" / "registrations" / "pdf"
    override.mkdir(parents=True)
    (override / "invoice.html").write_text("<p>Nouveau modèle {{ invoice.number }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]

    again = client.get(url)
    assert again.content == issued
    assert "Un autre" not in pdf_text(again.content)
    # The new template is in force for a new invoice: the stored bytes did not follow it.
    other = services.registration_create(event=event, bulletin=make_bulletin(email="b@x.fr"))
    new_invoice = services.invoice_issue(registrations=[other])
    assert "Nouveau modèle" in pdf_text(Invoice.objects.get(pk=new_invoice.pk).pdf_bytes)


def test_private_page_offers_the_invoice_once_issued(client, registration):
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Facturation" not in page

    invoice = services.invoice_issue(registrations=[registration])
    page = client.get(registration.get_absolute_url()).content.decode()

    assert "Facturation" in page
    assert (
        reverse(
            "registrations:invoice_pdf",
            kwargs={"token": registration.token, "number": invoice.number},
        )
        in page
    )
    assert "reste à payer : <strong>1\u202f750\u00a0€</strong>" in page


def test_another_participant_cannot_download_the_invoice(
    client, registration, event, make_bulletin
):
    invoice = services.invoice_issue(registrations=[registration])
    other = services.registration_create(event=event, bulletin=make_bulletin(email="o@x.fr"))
    url = reverse(
        "registrations:invoice_pdf", kwargs={"token": other.token, "number": invoice.number}
    )
    assert client.get(url).status_code == 404
