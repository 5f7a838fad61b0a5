"""Registration rules: every write to a registration goes through one of these functions.

Each runs in one transaction, takes keyword-only arguments, returns the registration and
raises ``ValidationError`` (or a subclass from ``common``) with a French message when
the rule refuses. Capacities are counted under a lock on the event's row, so concurrent
submissions on PostgreSQL are served one after the other and never exceed a capacity.
E-mails are enqueued only once the transaction has committed.

``participant`` holds what the bulletin and the private page do, ``staff`` what the
admin does; callers import this package (``from registrations import services``).
"""

from ..membership import check_membership
from .common import AlreadyRegistered, CapacityError, MembershipNotVerified, RegistrationClosed
from .participant import (
    membership_message,
    registration_cancel,
    registration_change_workshop,
    registration_create,
    send_private_link,
)
from .staff import (
    registration_confirm,
    registration_mark_invoiced,
    registration_mark_paid,
    registration_promote,
    registration_record_membership,
    registration_resend_confirmation,
    registrations_verify_pending_memberships,
)

# check_membership is re-exported for the back office: one place to match a name against
# the member list.
__all__ = [
    "AlreadyRegistered",
    "CapacityError",
    "MembershipNotVerified",
    "RegistrationClosed",
    "check_membership",
    "membership_message",
    "registration_cancel",
    "registration_change_workshop",
    "registration_confirm",
    "registration_create",
    "registration_mark_invoiced",
    "registration_mark_paid",
    "registration_promote",
    "registration_record_membership",
    "registration_resend_confirmation",
    "registrations_verify_pending_memberships",
    "send_private_link",
]
