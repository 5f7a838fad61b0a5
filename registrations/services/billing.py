"""Billing rules: issue invoices, credit notes ("avoirs") and record payments.

Why one module of ~330 lines: numbering, credit notes and payments share one lock order
and one derivation of the payment state; they are kept side by side on purpose.

- Numbers: one sequence per calendar year shared by invoices and credit notes
  (``2012-0001``), allocated under a row lock on the year's ``InvoiceCounter``, in the same
  transaction as the invoice: two concurrent issuings never share nor skip a number, and a
  rolled-back issuing gives its number back.
- Lock order (as everywhere): the event row, then registrations, then the counter.
- An issued invoice never changes: its PDF is rendered once here, before the insert, and
  stored with its SHA-256. A cancellation or a tariff change issues a credit note that
  refers to the invoice, crediting the lines of that registration.
- ``Registration.payment_state`` is derived here, and only here, from the open invoices
  and their payments (:func:`_refresh_payment_state`).
"""

import datetime as dt
import hashlib
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from afpols_events.formatting import CENT, format_money, to_decimal
from afpols_events.text import normalise_organisation_name

from .. import notifications
from ..documents.invoice import InvoiceDocument
from ..enums import InvoiceKind, MessageKind, PaymentMeans, PaymentState, RegistrationStatus
from ..models import Invoice, InvoiceCounter, InvoiceLine, Payment, Registration
from ..selectors import training_body
from ..selectors.billing import open_invoices, payment_state_of, with_balance
from .locking import lock_event


def _allocate_number(year):
    """The next number of ``year``; the counter row stays locked until the commit."""
    InvoiceCounter.objects.bulk_create([InvoiceCounter(year=year)], ignore_conflicts=True)
    counter = InvoiceCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _vat(total, rate):
    return (total * rate / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


def _issue(*, kind, event, customer_name, customer_address, recipient_email, lines, refers=None):
    """Number, render and insert one invoice or credit note with its ``lines`` (unsaved)."""
    seller = training_body()
    year = timezone.localdate().year
    sequence = _allocate_number(year)
    # Taken once the number is ours, so numbers and issue times go up together.
    now = timezone.now()
    issued_on = timezone.localdate(now)
    total = sum((line.total for line in lines), Decimal("0.00"))
    if refers is None:
        vat_rate = seller.applied_vat_rate
        vat_mention = seller.vat_mention if seller.vat_exempt else ""
        due_on = issued_on + dt.timedelta(days=seller.payment_terms_days)
    else:  # A credit note mirrors the VAT of the invoice it cancels.
        vat_rate, vat_mention, due_on = refers.vat_rate, refers.vat_mention, None
    vat_amount = _vat(total, vat_rate)
    invoice = Invoice(
        kind=kind,
        number=f"{year}-{sequence:04d}",
        year=year,
        sequence=sequence,
        issued_on=issued_on,
        issued_at=now,
        refers=refers,
        event=event,
        customer_name=customer_name,
        customer_address=customer_address,
        recipient_email=recipient_email,
        service_start=event.start_date,
        service_end=event.end_date,
        total_excl_vat=total,
        vat_rate=vat_rate,
        vat_amount=vat_amount,
        total_incl_vat=total + vat_amount,
        vat_mention=vat_mention,
        due_on=due_on,
        seller=seller.as_json(),
    )
    pdf = InvoiceDocument(invoice, lines, seller=seller).render()
    invoice.pdf = pdf
    invoice.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    invoice.save()
    for line in lines:
        line.invoice = invoice
    InvoiceLine.objects.bulk_create(lines)
    return invoice


def _line_description(registration):
    event, tariff = registration.event, registration.tariff
    lines = [
        f"{event.title} — {tariff.label}",
        _("Participant : %(name)s (inscription %(reference)s)")
        % {"name": registration.full_name, "reference": registration.reference},
    ]
    included = tariff.inclusion_summary()
    if included:
        lines.append(_("Comprend : %(included)s") % {"included": " ; ".join(included)})
    return "\n".join(lines)


def _customer_key(registration):
    """Registrations of the same organisation for the same event share an invoice."""
    organisation = registration.member_id or normalise_organisation_name(
        registration.organisation_name
    )
    return (registration.event_id, organisation)


def billing_recipient(registration):
    return registration.billing_email or registration.email


def invoice_refusal(registration):
    """Why ``registration`` cannot be invoiced now (a French sentence), or ``None``."""
    if registration.status not in RegistrationStatus.holding_a_place():
        return _(
            "Seule une inscription qui occupe une place peut être facturée (statut actuel : "
            "%(status)s)."
        ) % {"status": registration.get_status_display()}
    invoice = open_invoices(registration).first()
    if invoice is not None:
        return _("Cette inscription est déjà facturée (facture n° %(number)s).") % {
            "number": invoice.number
        }
    return None


def _refresh_payment_state(registration):
    """Derive the registration's payment state from its open invoices and their payments."""
    invoices = list(open_invoices(registration))
    state = payment_state_of(invoices)
    now = timezone.now()
    registration.payment_state = state
    registration.invoiced_at = (registration.invoiced_at or now) if invoices else None
    registration.paid_at = (registration.paid_at or now) if state == PaymentState.PAID else None
    registration.save(update_fields=["payment_state", "invoiced_at", "paid_at", "updated_at"])


def _notify_recipients(registrations, kind):
    """One e-mail per distinct recipient (a grouped invoice goes once to a shared address)."""
    seen = set()
    for registration in registrations:
        recipient = billing_recipient(registration).lower()
        if recipient not in seen:
            seen.add(recipient)
            notifications.notify(registration, kind)


@transaction.atomic
def invoice_issue(*, registrations):
    """Issue one invoice for ``registrations``: same event, same organisation.

    Longer than most: the checks, the number, the lines, the stored PDF and the e-mail are
    one transaction, in the lock order of the module docstring.

    The invoice is addressed to the organisation at the address of the bulletin of its
    first registration, has one line per participant, and is e-mailed (PDF attached) to
    the billing e-mail of the bulletin, or the participant's.
    """
    registrations = list(registrations)
    if not registrations:
        raise ValidationError(_("Aucune inscription à facturer."), code="empty")
    if len({registration.event_id for registration in registrations}) > 1:
        raise ValidationError(
            _("Une facture ne couvre qu'un seul événement."), code="several_events"
        )
    if len({_customer_key(registration) for registration in registrations}) > 1:
        raise ValidationError(
            _("Une facture groupée ne couvre que les inscriptions d'un même organisme."),
            code="several_customers",
        )
    event = lock_event(registrations[0].event)
    locked = list(
        Registration.objects.select_for_update(of=("self",))
        .select_related("event", "tariff")
        .filter(pk__in=[registration.pk for registration in registrations])
        .order_by("created_at", "pk")
    )
    for registration in locked:
        refusal = invoice_refusal(registration)
        if refusal:
            raise ValidationError(
                f"{registration.reference} ({registration.full_name}) : {refusal}",
                code="not_invoiceable",
            )
    first = locked[0]
    lines = [
        InvoiceLine(
            position=position,
            registration=registration,
            description=_line_description(registration),
            quantity=1,
            unit_price=registration.amount,
            total=registration.amount,
        )
        for position, registration in enumerate(locked, start=1)
    ]
    invoice = _issue(
        kind=InvoiceKind.INVOICE,
        event=event,
        customer_name=first.organisation_name,
        customer_address=first.address,
        recipient_email=billing_recipient(first),
        lines=lines,
    )
    for registration in locked:
        _refresh_payment_state(registration)
    _notify_recipients(locked, MessageKind.INVOICE_ISSUED)
    return invoice


def invoices_issue(*, registrations):
    """Issue invoices for a selection, one per organisation and event.

    Returns ``(invoices, refusals)``; ``refusals`` lists ``(registration, reason)`` for
    the registrations left out. Each group is issued in its own transaction.
    """
    groups = defaultdict(list)
    refusals = []
    for registration in registrations:
        refusal = invoice_refusal(registration)
        if refusal:
            refusals.append((registration, refusal))
        else:
            groups[_customer_key(registration)].append(registration)
    invoices = []
    for group in groups.values():
        try:
            invoices.append(invoice_issue(registrations=group))
        except ValidationError as error:  # Changed meanwhile (cancelled, invoiced).
            refusals += [(registration, " ".join(error.messages)) for registration in group]
    return invoices, refusals


@transaction.atomic
def registration_credit(*, registration):
    """Credit the invoice lines of ``registration`` not yet credited: one avoir per invoice.

    Called by the cancel and tariff-change services (under their locks); does nothing for a
    registration that was never invoiced. Returns the credit notes.
    """
    lines = list(
        InvoiceLine.objects.select_related("invoice__event")
        .filter(
            registration=registration,
            invoice__kind=InvoiceKind.INVOICE,
            credited_by__isnull=True,
        )
        .order_by("invoice__sequence", "position")
    )
    by_invoice = defaultdict(list)
    for line in lines:
        by_invoice[line.invoice].append(line)
    notes = []
    for invoice, its_lines in by_invoice.items():
        credit_lines = [
            InvoiceLine(
                position=position,
                registration=registration,
                credits=line,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                total=line.total,
            )
            for position, line in enumerate(its_lines, start=1)
        ]
        notes.append(
            _issue(
                kind=InvoiceKind.CREDIT_NOTE,
                event=invoice.event,
                customer_name=invoice.customer_name,
                customer_address=invoice.customer_address,
                recipient_email=invoice.recipient_email,
                lines=credit_lines,
                refers=invoice,
            )
        )
    if notes:
        _refresh_payment_state(registration)
        notifications.notify(registration, MessageKind.CREDIT_NOTE_ISSUED)
    return notes


@transaction.atomic
def payment_record(*, invoice, amount, received_on, means, reference="", recorded_by=None):
    """Record a payment (partial or not) on an invoice; never more than what remains due."""
    lock_event(invoice.event)
    invoice = with_balance(Invoice.objects.select_related("event")).get(pk=invoice.pk)
    if invoice.kind != InvoiceKind.INVOICE:
        raise ValidationError(
            _("Un paiement s'enregistre sur une facture, pas sur un avoir."), code="credit_note"
        )
    amount = to_decimal(amount)
    if amount is None or amount <= 0:
        raise ValidationError(_("Le montant doit être un nombre positif."), code="amount")
    if received_on is None or received_on > timezone.localdate():
        raise ValidationError(
            _("La date de réception ne peut pas être dans le futur."), code="date"
        )
    if means not in PaymentMeans.values:
        raise ValidationError(_("Moyen de paiement inconnu."), code="means")
    if amount > invoice.outstanding:
        raise ValidationError(
            _("Le montant (%(amount)s) dépasse le reste à payer (%(outstanding)s).")
            % {"amount": format_money(amount), "outstanding": format_money(invoice.outstanding)},
            code="too_much",
        )
    payment = Payment.objects.create(
        invoice=invoice,
        amount=amount,
        received_on=received_on,
        means=means,
        reference=reference.strip(),
        recorded_by=recorded_by,
    )
    on_invoice = InvoiceLine.objects.filter(invoice=invoice).values("registration_id")
    registrations = Registration.objects.select_for_update(of=("self",)).filter(pk__in=on_invoice)
    for registration in registrations.order_by("pk"):
        _refresh_payment_state(registration)
    return payment
