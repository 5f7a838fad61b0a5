"""The registrations app's models; other modules import them from here."""

from .identity import TrainingBodyIdentity
from .invoice import ImmutableError, Invoice, InvoiceCounter, InvoiceLine
from .member import MemberOrganisation
from .offer import WaitingListOffer
from .outbox import OutgoingMessage
from .payment import Payment
from .registration import Registration, new_private_token

# new_private_token is named by migration 0001.
__all__ = [
    "ImmutableError",
    "Invoice",
    "InvoiceCounter",
    "InvoiceLine",
    "MemberOrganisation",
    "OutgoingMessage",
    "Payment",
    "Registration",
    "TrainingBodyIdentity",
    "WaitingListOffer",
    "new_private_token",
]
