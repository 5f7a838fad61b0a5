"""Reads about invoices: what each invoice and each registration owes, and the totals.

An invoice's balance: its total, less the credit notes that refer to it, less the
payments recorded on it. Amounts are annotated in the database (one query for a list).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import InvoiceKind, PaymentState
from ..models import Invoice, Payment

ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=12, decimal_places=2)


def _sum_subquery(queryset, group_by, amount):
    return Coalesce(
        Subquery(queryset.values(group_by).annotate(total=Sum(amount)).values("total")[:1]),
        Value(ZERO),
        output_field=MONEY,
    )


def with_balance(queryset):
    """Annotate invoices with ``credited``, ``paid`` and ``outstanding`` (one query)."""
    credited = _sum_subquery(
        Invoice.objects.filter(refers=OuterRef("pk")), "refers", "total_incl_vat"
    )
    paid = _sum_subquery(Payment.objects.filter(invoice=OuterRef("pk")), "invoice", "amount")
    return queryset.annotate(credited=credited, paid=paid).annotate(
        outstanding=ExpressionWrapper(
            F("total_incl_vat") - F("credited") - F("paid"), output_field=MONEY
        )
    )


def invoice_status(invoice, today=None):
    """The invoice's state in words (the journal's "statut"); needs :func:`with_balance`."""
    if invoice.kind == InvoiceKind.CREDIT_NOTE:
        return _("Avoir sur la facture %(number)s") % {"number": invoice.refers.number}
    today = today or timezone.localdate()
    if invoice.credited >= invoice.total_incl_vat:
        return _("Annulée par avoir")
    if invoice.outstanding <= 0:
        return _("Payée")
    if invoice.due_on < today:
        return _("En retard de paiement")
    if invoice.paid > 0:
        return _("Partiellement payée")
    return _("À payer")


def payment_state_of(invoices):
    """The registration's ``PaymentState`` from its open invoices (annotated)."""
    if not invoices:
        return PaymentState.NOT_INVOICED
    if all(invoice.outstanding <= 0 for invoice in invoices):
        return PaymentState.PAID
    if any(invoice.paid > 0 for invoice in invoices):
        return PaymentState.PARTIALLY_PAID
    return PaymentState.INVOICED


def open_invoices(registration):
    """Invoices (not credit notes) with a line of ``registration`` not cancelled by an avoir."""
    return with_balance(
        Invoice.objects.filter(
            kind=InvoiceKind.INVOICE,
            lines__registration=registration,
            lines__credited_by__isnull=True,
        ).distinct()
    ).order_by("year", "sequence")


@dataclass
class RegistrationBilling:
    """What a participant or staff sees about the registration's invoices."""

    documents: list = field(default_factory=list)  # invoices and credit notes, oldest first
    due: Decimal = ZERO
    paid: Decimal = ZERO
    outstanding: Decimal = ZERO

    @property
    def invoiced(self):
        return any(doc.kind == InvoiceKind.INVOICE for doc in self.documents)


def registration_billing(registration):
    """Invoices and credit notes touching ``registration``, with due/paid/outstanding.

    For a grouped invoice the figures are those of the whole invoice (the organisation
    pays it once).
    """
    documents = list(
        with_balance(
            Invoice.objects.filter(lines__registration=registration)
            .distinct()
            .select_related("refers")
            .defer("pdf")
        ).order_by("year", "sequence")
    )
    billing = RegistrationBilling(documents=documents)
    for invoice in documents:
        if invoice.kind == InvoiceKind.INVOICE:
            billing.due += invoice.total_incl_vat - invoice.credited
            billing.paid += invoice.paid
    billing.outstanding = billing.due - billing.paid
    return billing


@dataclass(frozen=True)
class BillingTotals:
    invoiced: Decimal
    credited: Decimal
    paid: Decimal
    outstanding: Decimal
    overdue: list


def billing_totals(*, event=None, today=None):
    """Totals invoiced (net of credit notes), paid and outstanding; the overdue invoices."""
    today = today or timezone.localdate()
    invoices = Invoice.objects.all()
    if event is not None:
        invoices = invoices.filter(event=event)
    sums = invoices.aggregate(
        invoiced=Sum("total_incl_vat", filter=Q(kind=InvoiceKind.INVOICE)),
        credited=Sum("total_incl_vat", filter=Q(kind=InvoiceKind.CREDIT_NOTE)),
    )
    paid = Payment.objects.filter(
        **({"invoice__event": event} if event is not None else {})
    ).aggregate(total=Sum("amount"))["total"]
    invoiced = (sums["invoiced"] or ZERO) - (sums["credited"] or ZERO)
    paid = paid or ZERO
    overdue = list(
        with_balance(invoices.filter(kind=InvoiceKind.INVOICE, due_on__lt=today))
        .filter(outstanding__gt=0)
        .defer("pdf")
        .order_by("due_on", "sequence")
    )
    return BillingTotals(
        invoiced=invoiced,
        credited=sums["credited"] or ZERO,
        paid=paid,
        outstanding=invoiced - paid,
        overdue=overdue,
    )


def journal_rows(*, start, end):
    """Invoices and credit notes issued from ``start`` to ``end`` (dates, included).

    Credit notes carry negative amounts, as an accountant books them.
    """
    if isinstance(start, dt.datetime) or isinstance(end, dt.datetime):
        raise TypeError("journal_rows takes dates")
    invoices = (
        with_balance(Invoice.objects.filter(issued_on__gte=start, issued_on__lte=end))
        .select_related("refers")
        .defer("pdf")
        .order_by("year", "sequence")
    )
    today = timezone.localdate()
    rows = []
    for invoice in invoices:
        sign = -1 if invoice.kind == InvoiceKind.CREDIT_NOTE else 1
        rows.append(
            {
                "number": invoice.number,
                "kind": invoice.get_kind_display(),
                "date": invoice.issued_on,
                "customer": invoice.customer_name,
                "excl_vat": sign * invoice.total_excl_vat,
                "vat": sign * invoice.vat_amount,
                "total": sign * invoice.total_incl_vat,
                "status": invoice_status(invoice, today),
                "invoice": invoice,
            }
        )
    return rows
