"""Constraints: the database refuses what the services would (direct saves), and
``full_clean()`` (admin, member import, event loader) gives each constraint's own French
message."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from registrations.enums import MembershipState, RegistrationStatus
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    MemberOrganisationFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    SpeakerFactory,
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
    other_workshop = WorkshopFactory(event=event)

    registration.workshop = other_workshop
    registration.save()

    registration.refresh_from_db()
    assert registration.workshop == other_workshop


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


def _event_ending_before_it_starts():
    return EventFactory.build(start_date=dt.date(2030, 11, 14), end_date=dt.date(2030, 11, 13))


def _event_closing_before_opening():
    opens = dt.datetime(2030, 9, 1, tzinfo=dt.timezone.utc)
    return EventFactory.build(
        registration_opens_at=opens, registration_closes_at=opens - dt.timedelta(days=1)
    )


def _item_ending_before_it_starts():
    item = ProgrammeItemFactory()
    item.ends_at = item.starts_at - dt.timedelta(minutes=15)
    return item


def _item_with_a_taken_anchor():
    item = ProgrammeItemFactory()
    return ProgrammeItemFactory.build(event=item.event, anchor=item.anchor)


def _workshop_with_a_taken_number():
    workshop = WorkshopFactory()
    return WorkshopFactory.build(event=workshop.event, slot=workshop.slot, number=workshop.number)


def _tariff_with_a_taken_label():
    tariff = TariffFactory()
    return TariffFactory.build(event=tariff.event, label=tariff.label)


def _tariff_free_of_charge():
    return TariffFactory.build(event=EventFactory(), amount=Decimal("0.00"))


def _appearance_in_nothing():
    return AppearanceFactory.build(speaker=SpeakerFactory(), item=None, workshop=None)


def _member_ending_before_it_starts():
    return MemberOrganisationFactory.build(
        subscription_start=dt.date(2013, 1, 1), subscription_end=dt.date(2012, 1, 1)
    )


def _registration_of_the_same_person():
    registration = RegistrationFactory(email="camille@example.org")
    return RegistrationFactory.build(
        event=registration.event,
        tariff=registration.tariff,
        email="CAMILLE@example.org",
        last_name=registration.last_name.upper(),
        first_name=registration.first_name,
    )


def _registration_confirmed_without_membership():
    registration = RegistrationFactory()
    registration.membership_state = MembershipState.PENDING
    return registration


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_event_ending_before_it_starts, "Le dernier jour ne peut précéder le premier."),
        (_event_closing_before_opening, "La clôture des inscriptions doit suivre leur ouverture."),
        (_item_ending_before_it_starts, "La fin doit être postérieure au début."),
        (_item_with_a_taken_anchor, "Cette ancre est déjà celle d'une autre séquence"),
        (_workshop_with_a_taken_number, "L'événement a déjà un atelier portant ce numéro."),
        (_tariff_with_a_taken_label, "L'événement a déjà un tarif portant ce libellé."),
        (_tariff_free_of_charge, "Le montant doit être positif."),
        (_appearance_in_nothing, "soit dans une séquence, soit dans un atelier."),
        (_member_ending_before_it_starts, "La fin de l'adhésion précède son début."),
        (_registration_of_the_same_person, "existe déjà à ce nom avec cette adresse e-mail."),
        (_registration_confirmed_without_membership, "qu'une fois l'adhésion vérifiée."),
    ],
)
def test_full_clean_refuses_with_the_constraints_french_message(db, make, message):
    instance = make()

    with pytest.raises(ValidationError) as refused:
        instance.full_clean()

    assert any(message in text for text in refused.value.messages), refused.value.messages
