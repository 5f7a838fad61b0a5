"""Staff change a registration's tariff: capacity first, then the invoice follows.

An invoiced registration gets a credit note for its old line and a new invoice at the new
amount, in the same transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import Capacity, RegistrationStatus
from . import waiting_list
from .billing import invoice_issue, registration_credit
from .capacity import full_capacities
from .errors import CapacityError, full_message
from .locking import lock_registration


@transaction.atomic
def registration_change_tariff(*, registration, tariff):
    registration = lock_registration(registration)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("Cette inscription est annulée."), code="cancelled")
    if tariff is None or tariff.event_id != registration.event_id:
        raise ValidationError(_("Ce tarif n'est pas proposé pour cet événement."), code="tariff")
    if tariff.pk == registration.tariff_id:
        raise ValidationError(_("C'est déjà le tarif de cette inscription."), code="same")
    if registration.status in RegistrationStatus.holding_a_place():
        full = [
            capacity
            for capacity in full_capacities(registration.event, tariff=tariff)
            if capacity == Capacity.TARIFF
        ]
        if full:
            raise CapacityError(full_message(full), full=full)
    credit_notes = registration_credit(registration=registration)
    registration.tariff = tariff
    registration.amount = tariff.amount
    registration.save()
    if credit_notes:
        # Something remains due at the new tariff: a new invoice follows the avoir.
        invoice_issue(registrations=[registration])
        registration.refresh_from_db()
    # A place at the former tariff (a hotel room) is free for the waiting list.
    waiting_list.waiting_list_offer_places(event=registration.event)
    return registration
