"""The refusals of the registration services, with their French messages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ..enums import Capacity


class RegistrationClosed(ValidationError):
    """Registration is not open for this event (not yet, or no longer)."""


class AlreadyRegistered(ValidationError):
    """This e-mail address already has a registration for this event."""


class MembershipNotVerified(ValidationError):
    """The organisation is not a paid-up member and "adhésion en cours" was not chosen."""

    def __init__(self, message, *, check, code="membership_not_verified"):
        super().__init__(message, code=code)
        self.check = check


class CapacityError(ValidationError):
    """A capacity is reached. ``full`` lists which: ``Capacity`` values."""

    def __init__(self, message, *, full, code="capacity_full"):
        super().__init__(message, code=code)
        self.full = list(full)

    @property
    def capacity(self):
        """The first capacity that is full (event, then tariff, then workshop)."""
        return self.full[0]


FULL_MESSAGES = {
    Capacity.EVENT: gettext_noop("Il n'y a plus de place pour cette rencontre."),
    Capacity.TARIFF: gettext_noop(
        "Il n'y a plus de place à ce tarif (les chambres réservées sont toutes attribuées)."
    ),
    Capacity.WORKSHOP: gettext_noop("Il n'y a plus de place dans cet atelier."),
}


def full_message(full):
    return " ".join(_(FULL_MESSAGES[capacity]) for capacity in full)
