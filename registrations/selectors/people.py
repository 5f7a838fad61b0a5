"""Who is already registered: one active registration per person (e-mail and name).

The database enforces the same rule (``registration_one_active_per_person``); these reads
let the services and the admin refuse with a French message before it does.
"""

from ..enums import RegistrationStatus
from ..models import Registration


def active_registrations_of_person(event, *, email, last_name, first_name):
    """Registrations of ``event`` that are not cancelled, for this e-mail and name.

    Compared as the constraint does: case-insensitive, surrounding spaces ignored.
    """
    return Registration.objects.filter(
        event=event,
        email__iexact=(email or "").strip(),
        last_name__iexact=(last_name or "").strip(),
        first_name__iexact=(first_name or "").strip(),
    ).exclude(status=RegistrationStatus.CANCELLED)


def registrations_of_email(event, email):
    """Every registration of ``event`` made with this address (colleagues, cancelled ones)."""
    return Registration.objects.filter(event=event, email__iexact=(email or "").strip()).order_by(
        "pk"
    )
