"""Database constraints hold even when the services are bypassed (direct saves)."""

import pytest
from django.db import IntegrityError, transaction

from registrations.enums import MembershipState, RegistrationStatus
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    TariffFactory,
    WorkshopFactory,
)


def test_registration_with_workshop_of_another_event_is_refused_by_the_database(db):
    registration = RegistrationFactory()
    registration.workshop = WorkshopFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        registration.save()


def test_new_registration_with_workshop_of_another_event_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(workshop=WorkshopFactory())


def test_registration_with_tariff_of_another_event_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(tariff=TariffFactory())


def test_registration_moved_to_another_event_keeping_its_choices_is_refused(db):
    registration = RegistrationFactory()
    registration.event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        registration.save()


def test_registration_with_its_own_events_workshop_is_accepted(db):
    event = EventFactory()
    registration = RegistrationFactory(event=event, workshop=WorkshopFactory(event=event))

    registration.workshop = WorkshopFactory(event=event)
    registration.save()


def test_workshop_with_registrations_cannot_move_to_another_event(db):
    event = EventFactory()
    workshop = WorkshopFactory(event=event)
    RegistrationFactory(event=event, workshop=workshop)
    workshop.event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        workshop.save()


def test_tariff_with_registrations_cannot_move_to_another_event(db):
    registration = RegistrationFactory()
    tariff = registration.tariff
    tariff.event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        tariff.save()


def test_same_person_and_email_in_another_case_is_refused_by_the_database(db):
    registration = RegistrationFactory(email="camille@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(
            event=registration.event,
            tariff=registration.tariff,
            email="CAMILLE@example.org",
            last_name=registration.last_name.upper(),
            first_name=registration.first_name,
        )


def test_amount_must_be_positive_in_the_database(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(amount=0)


def test_confirmed_without_verified_membership_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(
            status=RegistrationStatus.CONFIRMED, membership_state=MembershipState.PENDING
        )
