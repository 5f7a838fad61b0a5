"""The invoice and credit-note PDF: rendered ONCE, when issued, then stored with its hash.

Unlike the other documents this one is never served from the cache nor re-rendered:
``services.billing`` renders it from the invoice and its lines before saving them, and
downloads return the stored bytes (``Invoice.pdf``), so a later change to the event, the
tariff or this template never changes an issued invoice.
"""

from django.utils.translation import gettext as _

from afpols_events.documents import Document
from afpols_events.text import split_lines


class InvoiceDocument(Document):
    template_name = "registrations/pdf/invoice.html"

    def __init__(self, invoice, lines, *, seller):
        # ``invoice`` and ``lines`` may be unsaved: the PDF is rendered before the insert.
        self.invoice = invoice
        self.lines = lines
        self.seller = seller

    @property
    def cache_key(self):  # pragma: no cover - never cached, see the module docstring
        return f"invoice:{self.invoice.number}"

    @property
    def filename(self):
        return self.invoice.filename

    def context(self):
        invoice = self.invoice
        if invoice.is_credit_note:
            title = _("Facture d'avoir n° %(number)s") % {"number": invoice.number}
        else:
            title = _("Facture n° %(number)s") % {"number": invoice.number}
        return {
            "title": title,
            "invoice": invoice,
            "lines": [
                {"line": line, "description_lines": split_lines(line.description)}
                for line in self.lines
            ],
            "seller": self.seller,
            "customer_address_lines": split_lines(invoice.customer_address),
            "refers": invoice.refers if invoice.is_credit_note else None,
            "event": invoice.event,
        }
