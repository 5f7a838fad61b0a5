"""The registrations' PDF documents, one module each, all built on
:class:`afpols_events.documents.Document` (template, context, version, cache)."""

from .badges import BadgesDocument, badges_pdf, event_badges_pdf
from .confirmation import ConfirmationDocument
from .sign_in_sheets import (
    AFTERNOON,
    MORNING,
    HalfDay,
    SignInSheetsDocument,
    event_half_days,
    event_sign_in_sheet_pdf,
    find_half_day,
    sign_in_sheets_pdf,
)
from .staff import StaffDocumentError

__all__ = [
    "AFTERNOON",
    "MORNING",
    "BadgesDocument",
    "ConfirmationDocument",
    "HalfDay",
    "SignInSheetsDocument",
    "StaffDocumentError",
    "badges_pdf",
    "event_badges_pdf",
    "event_half_days",
    "event_sign_in_sheet_pdf",
    "find_half_day",
    "sign_in_sheets_pdf",
]
