"""The registrations app's models; other modules import them from here."""

from .member import MemberOrganisation
from .registration import Registration, new_private_token

# new_private_token is named by migration 0001.
__all__ = ["MemberOrganisation", "Registration", "new_private_token"]
