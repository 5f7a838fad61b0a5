"""Every rule about registrations: each write goes through one of these functions.

Each runs in one transaction, takes keyword-only arguments, returns what it changed and
raises ``ValidationError`` (or a subclass from ``errors``) with a French message when the
rule refuses. Capacities are counted under a lock on the event's row (``locking``), so
concurrent submissions on PostgreSQL are served one after the other and never exceed a
capacity. E-mails are enqueued only once the transaction has committed.

Modules: ``participant`` (what the bulletin and the private page do), ``staff`` (what the
admin does), ``membership`` (the member-list check), ``capacity`` (places left),
``retention`` (anonymisation), ``errors``, ``locking``. Callers import this package
(``from registrations import services``).
"""

from .capacity import full_capacities, workshop_is_full
from .errors import AlreadyRegistered, CapacityError, MembershipNotVerified, RegistrationClosed
from .membership import MembershipCheck, check_membership, check_registration_membership
from .participant import (
    Bulletin,
    registration_cancel,
    registration_change_workshop,
    registration_create,
    send_private_link,
)
from .retention import registrations_anonymise
from .staff import (
    registration_confirm,
    registration_mark_invoiced,
    registration_mark_paid,
    registration_promote,
    registration_record_membership,
    registration_resend_confirmation,
    registrations_verify_pending_memberships,
)

__all__ = [
    "AlreadyRegistered",
    "Bulletin",
    "CapacityError",
    "MembershipCheck",
    "MembershipNotVerified",
    "RegistrationClosed",
    "check_membership",
    "check_registration_membership",
    "full_capacities",
    "registration_cancel",
    "registration_change_workshop",
    "registration_confirm",
    "registration_create",
    "registration_mark_invoiced",
    "registration_mark_paid",
    "registration_promote",
    "registration_record_membership",
    "registration_resend_confirmation",
    "registrations_anonymise",
    "registrations_verify_pending_memberships",
    "send_private_link",
    "workshop_is_full",
]
