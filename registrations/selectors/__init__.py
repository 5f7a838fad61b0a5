"""Reads about registrations, shared by views, documents, e-mails and the admin.

``places`` (places left: seats, tariffs, workshops), ``summary`` (what a participant is
shown about their registration), ``dashboard`` (the staff figures of one event),
``people`` (who is already registered), ``members`` (the member list's stamp),
``identity`` (AFPOLS's own legal identity, printed on documents), ``billing`` (invoice
balances, a registration's invoices, totals, the accountant's journal). Selectors never
write and never import the services, which use them.
"""

from .billing import billing_totals, registration_billing
from .dashboard import event_dashboard
from .identity import TrainingBody, training_body
from .members import member_list_stamp
from .people import active_registrations_of_person, registrations_of_email
from .personal_data import participant_data
from .places import places_left
from .summary import next_steps, private_url, summary_sections, workshop_label

__all__ = [
    "TrainingBody",
    "billing_totals",
    "active_registrations_of_person",
    "event_dashboard",
    "member_list_stamp",
    "next_steps",
    "participant_data",
    "places_left",
    "private_url",
    "registration_billing",
    "registrations_of_email",
    "summary_sections",
    "training_body",
    "workshop_label",
]
