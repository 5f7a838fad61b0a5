"""The billing steps of a registration's own admin page, through the billing services:
issue its invoice, record that what remains due on it is paid."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..selectors.billing import open_invoices
from .billing import invoice_issue, payment_record


def registration_issue_invoice(*, registration):
    """Issue the invoice of this one registration (``invoice_issue`` applies its rules)."""
    return invoice_issue(registrations=[registration])


@transaction.atomic
def registration_record_full_payment(
    *, registration, received_on, means, reference="", recorded_by=None
):
    """Record the payment of what remains due on the registration's open invoice."""
    invoice = next((i for i in open_invoices(registration) if i.outstanding > 0), None)
    if invoice is None:
        raise ValidationError(
            _(
                "Aucune facture de cette inscription ne reste à payer : émettez d'abord sa "
                "facture (« Émettre la facture »)."
            ),
            code="nothing_due",
        )
    return payment_record(
        invoice=invoice,
        amount=invoice.outstanding,
        received_on=received_on,
        means=means,
        reference=reference,
        recorded_by=recorded_by,
    )
