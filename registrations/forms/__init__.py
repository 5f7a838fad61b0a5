"""The participant's forms: the bulletin, its widgets, and the private page's forms."""

from .bulletin import RegistrationForm
from .private_link import PrivateLinkForm, WorkshopChangeForm

__all__ = ["PrivateLinkForm", "RegistrationForm", "WorkshopChangeForm"]
