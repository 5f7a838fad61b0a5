"""The accountant's exports: the journal of invoices and credit notes of a period (CSV or
XLSX, credit notes negative) and the ZIP of their PDFs as issued."""

import io
import zipfile

import tablib
from django.utils.translation import gettext_lazy as _

from ..models import Invoice

JOURNAL_COLUMNS = (
    ("number", _("Numéro")),
    ("kind", _("Type")),
    ("date", _("Date")),
    ("customer", _("Client")),
    ("excl_vat", _("Montant HT")),
    ("vat", _("TVA")),
    ("total", _("Total TTC")),
    ("status", _("Statut")),
)


def journal_dataset(rows):
    dataset = tablib.Dataset(headers=[str(label) for _key, label in JOURNAL_COLUMNS])
    for row in rows:
        dataset.append([row[key] for key, _label in JOURNAL_COLUMNS])
    return dataset


def journal_zip(rows):
    """The stored PDFs, as issued, named by their number."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for invoice in Invoice.objects.filter(pk__in=[row["invoice"].pk for row in rows]):
            archive.writestr(invoice.filename, invoice.pdf_bytes)
    return buffer.getvalue()
