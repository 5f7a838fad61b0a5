"""Every rule about registrations: each write goes through one of these functions.

Each runs in one transaction, takes keyword-only arguments, returns what it changed and
raises ``ValidationError`` (or a subclass from ``errors``) with a French message when the
rule refuses. Capacities are counted under a lock on the event's row (``locking``), so
concurrent submissions on PostgreSQL are served one after the other and never exceed a
capacity. E-mails are enqueued only once the transaction has committed.

Modules: ``participant`` (what the bulletin and the private page do), ``staff`` (what the
admin does), ``billing`` (invoices, credit notes, payments), ``tariff`` (tariff change), ``settle``
(the billing steps of a registration's page),
``membership`` (the member-list check), ``member_list`` (a recorded membership joins the
member list), ``capacity`` (places left), ``retention`` (anonymisation), ``privacy`` (every copy
of a person's data; erasure on request), ``private_link``, ``outbox`` (send failed
messages again, catch up due ones), ``waiting_list`` (offers of freed places),
``errors``,
``locking``. Callers import this package
(``from registrations import services``).
"""

from .attendance import CheckIn, CheckInRefused, attendance_check_in, attendance_undo
from .billing import (
    billing_recipient,
    invoice_issue,
    invoice_refusal,
    invoices_issue,
    payment_record,
)
from .errors import AlreadyRegistered, CapacityError, MembershipNotVerified, RegistrationClosed
from .member_list import check_subscription_period
from .membership import check_registration_membership
from .outbox import messages_enqueue_due, messages_send_again
from .participant import (
    Bulletin,
    registration_cancel,
    registration_change_workshop,
    registration_create,
    send_private_link,
)
from .privacy import participant_erase
from .retention import registrations_anonymise
from .settle import registration_issue_invoice, registration_record_full_payment
from .signed_convention import (
    SignedConventionRefused,
    signed_convention_pdf_refusal,
    signed_convention_store,
)
from .staff import (
    registration_confirm,
    registration_promote,
    registration_record_membership,
    registration_resend_confirmation,
    registrations_verify_pending_memberships,
)
from .survey import SurveyRefused, cold_surveys_send_due, survey_invite, survey_submit
from .tariff import registration_change_tariff
from .training_documents import (
    CertificateRefused,
    ConvocationRefused,
    certificates_send,
    convocation_send,
    convocations_send_due,
)
from .waiting_list import (
    OfferClosed,
    offer_accept,
    offer_decline,
    offer_expire,
    offers_expire_due,
    waiting_list_offer_places,
    waiting_lists_process,
)

__all__ = [
    "AlreadyRegistered",
    "Bulletin",
    "CapacityError",
    "CertificateRefused",
    "CheckIn",
    "CheckInRefused",
    "ConvocationRefused",
    "MembershipNotVerified",
    "OfferClosed",
    "RegistrationClosed",
    "SignedConventionRefused",
    "SurveyRefused",
    "attendance_check_in",
    "attendance_undo",
    "billing_recipient",
    "certificates_send",
    "check_registration_membership",
    "check_subscription_period",
    "cold_surveys_send_due",
    "convocation_send",
    "convocations_send_due",
    "invoice_issue",
    "invoice_refusal",
    "invoices_issue",
    "messages_enqueue_due",
    "messages_send_again",
    "participant_erase",
    "payment_record",
    "offer_accept",
    "offer_decline",
    "offer_expire",
    "offers_expire_due",
    "registration_cancel",
    "registration_change_tariff",
    "registration_change_workshop",
    "registration_confirm",
    "registration_create",
    "registration_issue_invoice",
    "registration_record_full_payment",
    "registration_promote",
    "registration_record_membership",
    "registration_resend_confirmation",
    "registrations_anonymise",
    "registrations_verify_pending_memberships",
    "send_private_link",
    "signed_convention_pdf_refusal",
    "signed_convention_store",
    "waiting_list_offer_places",
    "waiting_lists_process",
    "survey_invite",
    "survey_submit",
]
