"""The registrations app's models; other modules import them from here."""

from .attendance import Attendance
from .identity import TrainingBodyIdentity
from .invoice import ImmutableError, Invoice, InvoiceCounter, InvoiceLine
from .issued import IssuedDocument
from .member import MemberOrganisation
from .offer import WaitingListOffer
from .outbox import OutgoingMessage
from .payment import Payment
from .registration import Registration, new_private_token
from .survey import SurveyAnswer, SurveyQuestion, SurveyResponse
from .training import EventTraining

# new_private_token is named by migration 0001.
__all__ = [
    "Attendance",
    "EventTraining",
    "ImmutableError",
    "Invoice",
    "InvoiceCounter",
    "InvoiceLine",
    "IssuedDocument",
    "MemberOrganisation",
    "OutgoingMessage",
    "Payment",
    "Registration",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "TrainingBodyIdentity",
    "WaitingListOffer",
    "new_private_token",
]
