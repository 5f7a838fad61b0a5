"""Invoices and credit notes ("avoirs"): numbered per year without gaps, never changed.

Rows are written once by ``services.billing`` (number, lines, amounts, the PDF and its
SHA-256 in one transaction) and never updated nor deleted: ``save()`` refuses an existing
row, ``delete()`` refuses always, and so do the queryset's bulk ``update()``/``delete()``.
A correction is a credit note that refers to the invoice.
"""

import hashlib

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from programme.models import Event

from ..enums import InvoiceKind
from .registration import Registration


class ImmutableError(Exception):
    """An issued invoice, credit note or line was about to be changed or deleted."""


class InvoiceCounter(models.Model):
    """The last number given in a year; its row is locked while a number is allocated."""

    year = models.PositiveSmallIntegerField(_("année"), primary_key=True)
    last_number = models.PositiveIntegerField(_("dernier numéro attribué"), default=0)

    class Meta:
        verbose_name = _("compteur de factures")
        verbose_name_plural = _("compteurs de factures")

    def __str__(self):
        return f"{self.year} : {self.last_number}"


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("Issued invoices are never updated.")

    def delete(self):
        raise ImmutableError("Issued invoices are never deleted.")


class ImmutableModel(models.Model):
    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableError(f"{type(self).__name__} {self.pk} is issued: it never changes.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError(f"{type(self).__name__} {self.pk} is issued: it is never deleted.")


class Invoice(ImmutableModel):
    """An invoice or a credit note, as issued: what it printed, and the PDF itself."""

    kind = models.CharField(_("type"), max_length=20, choices=InvoiceKind.choices)
    number = models.CharField(_("numéro"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField(_("année"))
    sequence = models.PositiveIntegerField(_("rang dans l'année"))
    issued_on = models.DateField(_("date d'émission"), db_index=True)
    issued_at = models.DateTimeField(_("émise le"))
    refers = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("facture d'origine"),
    )
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="invoices", verbose_name=_("événement")
    )
    customer_name = models.CharField(_("client"), max_length=200)
    customer_address = models.TextField(_("adresse de facturation"), max_length=500)
    recipient_email = models.EmailField(_("envoyée à"), blank=True)
    service_start = models.DateField(_("début de la prestation"))
    service_end = models.DateField(_("fin de la prestation"))
    total_excl_vat = models.DecimalField(_("total HT (€)"), max_digits=10, decimal_places=2)
    vat_rate = models.DecimalField(_("taux de TVA (%)"), max_digits=5, decimal_places=2)
    vat_amount = models.DecimalField(_("TVA (€)"), max_digits=10, decimal_places=2)
    total_incl_vat = models.DecimalField(_("total TTC (€)"), max_digits=10, decimal_places=2)
    vat_mention = models.CharField(_("mention de TVA"), max_length=200, blank=True)
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    seller = models.JSONField(_("émetteur (tel qu'imprimé)"))
    pdf = models.BinaryField(_("PDF émis"))
    pdf_sha256 = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64)

    class Meta:
        verbose_name = _("facture ou avoir")
        verbose_name_plural = _("factures et avoirs")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="invoice_number_per_year"),
            models.CheckConstraint(
                condition=Q(kind__in=InvoiceKind.values), name="invoice_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind=InvoiceKind.INVOICE, refers__isnull=True, due_on__isnull=False)
                | Q(kind=InvoiceKind.CREDIT_NOTE, refers__isnull=False),
                name="invoice_credit_note_refers_to_invoice",
            ),
            models.CheckConstraint(
                condition=Q(total_excl_vat__gte=0) & Q(vat_amount__gte=0),
                name="invoice_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(total_incl_vat=F("total_excl_vat") + F("vat_amount")),
                name="invoice_total_adds_up",
            ),
            models.CheckConstraint(
                condition=Q(service_end__gte=F("service_start")),
                name="invoice_service_period_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    @property
    def is_credit_note(self):
        return self.kind == InvoiceKind.CREDIT_NOTE

    @property
    def filename(self):
        prefix = "avoir" if self.is_credit_note else "facture"
        return f"{prefix}-{self.number}.pdf"

    @property
    def pdf_bytes(self):
        return bytes(self.pdf)

    @property
    def pdf_etag(self):
        return f'"{self.pdf_sha256[:32]}"'

    def pdf_is_intact(self):
        return hashlib.sha256(self.pdf_bytes).hexdigest() == self.pdf_sha256


class InvoiceLine(ImmutableModel):
    """One participant at one tariff on an invoice (or, negated in meaning, on a credit note)."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="lines", verbose_name=_("facture")
    )
    position = models.PositiveSmallIntegerField(_("ordre"))
    registration = models.ForeignKey(
        Registration,
        on_delete=models.PROTECT,
        related_name="invoice_lines",
        verbose_name=_("inscription"),
    )
    # A credit-note line names the invoice line it cancels; each line is credited once.
    credits = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credited_by",
        verbose_name=_("ligne annulée"),
    )
    description = models.TextField(_("désignation"))
    quantity = models.PositiveIntegerField(_("quantité"), default=1)
    unit_price = models.DecimalField(_("prix unitaire HT (€)"), max_digits=10, decimal_places=2)
    total = models.DecimalField(_("total HT (€)"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("ligne de facture")
        verbose_name_plural = _("lignes de facture")
        ordering = ["invoice", "position"]
        constraints = [
            models.UniqueConstraint(fields=["invoice", "position"], name="invoice_line_position"),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0) & Q(quantity__gte=1),
                name="invoice_line_amounts_valid",
            ),
            models.CheckConstraint(
                condition=Q(total=F("unit_price") * F("quantity")),
                name="invoice_line_total_adds_up",
            ),
        ]

    def __str__(self):
        return f"{self.invoice.number} #{self.position}"
