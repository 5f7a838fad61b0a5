import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from registrations import services
from registrations.enums import Capacity, MembershipState, PaymentState, RegistrationStatus
from registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory, TariffFactory, WorkshopFactory


def create(event, data, **kwargs):
    return services.registration_create(event=event, bulletin=services.Bulletin(**data), **kwargs)


def test_paid_up_member_is_confirmed_with_verified_membership(event, make_data, member):
    registration = create(event, make_data())

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.membership_state == MembershipState.VERIFIED
    assert registration.member == member
    assert registration.confirmed_at is not None


def test_registration_copies_the_tariff_amount_and_keeps_it(event, make_data, tariffs):
    registration = create(event, make_data(tariff=tariffs[1]))
    tariffs[1].amount = Decimal("1500.00")
    tariffs[1].save()

    registration.refresh_from_db()
    assert registration.amount == Decimal("1450.00")


def test_references_are_numbered_per_event_from_one(event, make_data):
    first = create(event, make_data())
    second = create(event, make_data())

    assert (first.reference, second.reference) == ("RF2012-0001", "RF2012-0002")


def test_numbering_continues_after_the_highest_number_even_when_cancelled(event, make_data):
    first = create(event, make_data())
    services.registration_cancel(registration=first)

    assert create(event, make_data()).number == 2


def test_registration_refused_when_registration_is_closed(make_data, event):
    event.registration_closes_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    event.save()

    with pytest.raises(services.RegistrationClosed):
        create(event, make_data())
    assert not Registration.objects.exists()


def test_registration_refused_before_opening(make_data, event):
    event.registration_opens_at = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)
    event.save()

    with pytest.raises(services.RegistrationClosed):
        create(event, make_data())


def test_same_email_refused_whatever_its_case(event, make_data):
    create(event, make_data(email="Camille.Martin@Example.org"))

    with pytest.raises(services.AlreadyRegistered):
        create(event, make_data(email="camille.martin@EXAMPLE.ORG"))
    assert Registration.objects.count() == 1


def test_same_email_accepted_for_another_event(event, make_data):
    create(event, make_data(email="camille@example.org"))
    other = EventFactory(start_date=dt.date(2030, 6, 1), end_date=dt.date(2030, 6, 2))
    other_data = make_data(
        email="camille@example.org", tariff=TariffFactory(event=other), workshop=None
    )

    assert create(other, other_data).event == other


def test_unknown_organisation_refused_without_pending_membership(event, make_data):
    with pytest.raises(services.MembershipNotVerified) as raised:
        create(event, make_data(organisation_name="Logis Inconnu"))

    assert raised.value.check.outcome == "unknown"
    assert "adhérents de l'AFPOLS" in raised.value.messages[0]


def test_lapsed_member_refused_with_the_end_of_subscription(event, make_data, lapsed_member):
    with pytest.raises(services.MembershipNotVerified) as raised:
        create(event, make_data(organisation_name="office demo des alpes"))

    assert raised.value.check.outcome == "lapsed"
    assert "31/12/2029" in raised.value.messages[0]


def test_pending_membership_awaits_the_check_and_holds_a_place(event, make_data):
    registration = create(
        event, make_data(organisation_name="Logis Inconnu"), allow_pending_membership=True
    )

    assert registration.status == RegistrationStatus.AWAITING_MEMBERSHIP
    assert registration.membership_state == MembershipState.PENDING
    assert registration.confirmed_at is None


def test_member_number_alone_verifies_membership(event, make_data, member):
    registration = create(event, make_data(organisation_name="PH (siège)", member_number="af-0004"))

    assert registration.membership_state == MembershipState.VERIFIED
    assert registration.member == member
    assert registration.member_number == "af-0004"


def test_tariff_of_another_event_refused(event, make_data):
    with pytest.raises(ValidationError) as raised:
        create(event, make_data(tariff=TariffFactory()))

    assert "tariff" in raised.value.message_dict


def test_workshop_of_another_event_refused(event, make_data):
    with pytest.raises(ValidationError) as raised:
        create(event, make_data(workshop=WorkshopFactory()))

    assert "workshop" in raised.value.message_dict


def test_workshop_required_when_the_event_has_workshops(event, make_data):
    with pytest.raises(ValidationError) as raised:
        create(event, make_data(workshop=None))

    assert "workshop" in raised.value.message_dict


def test_certification_and_consent_required(event, make_data):
    with pytest.raises(ValidationError):
        create(event, make_data(privacy_consent=False))
    with pytest.raises(ValidationError):
        create(event, make_data(certified=False))


def test_registration_refused_when_event_seats_are_taken(event, make_data):
    event.seat_capacity = 1
    event.save()
    create(event, make_data())

    with pytest.raises(services.CapacityError) as raised:
        create(event, make_data())

    assert raised.value.full == [Capacity.EVENT]
    assert raised.value.capacity == Capacity.EVENT


def test_registration_refused_when_tariff_rooms_are_taken(event, make_data, tariffs):
    tariffs[0].capacity = 1
    tariffs[0].save()
    create(event, make_data())

    with pytest.raises(services.CapacityError) as raised:
        create(event, make_data())

    assert raised.value.full == [Capacity.TARIFF]
    # The other tariff still has places.
    assert create(event, make_data(tariff=tariffs[1])).status == RegistrationStatus.CONFIRMED


def test_registration_refused_when_workshop_is_full(event, make_data, workshops):
    workshops[0].capacity = 1
    workshops[0].save()
    create(event, make_data())

    with pytest.raises(services.CapacityError) as raised:
        create(event, make_data())

    assert raised.value.full == [Capacity.WORKSHOP]


def test_cancelled_and_waiting_registrations_hold_no_place(event, make_data):
    event.seat_capacity = 1
    event.save()
    first = create(event, make_data())
    waiting = create(event, make_data(), join_waiting_list=True)
    services.registration_cancel(registration=first)

    assert waiting.status == RegistrationStatus.WAITING_LIST
    # The freed place is held for the offer made to the waiting registration
    # (test_waiting_list.py); once that is declined, nothing holds the place.
    services.offer_decline(offer=waiting.offers.get())
    assert create(event, make_data()).status == RegistrationStatus.CONFIRMED


def test_pending_registrations_hold_a_place(event, make_data):
    event.seat_capacity = 1
    event.save()
    create(event, make_data(organisation_name="Inconnu"), allow_pending_membership=True)

    with pytest.raises(services.CapacityError):
        create(event, make_data())


def test_full_event_puts_on_waiting_list_when_accepted(event, make_data):
    event.seat_capacity = 1
    event.save()
    create(event, make_data())

    registration = create(event, make_data(), join_waiting_list=True)

    assert registration.status == RegistrationStatus.WAITING_LIST
    assert registration.membership_state == MembershipState.VERIFIED


def test_waiting_list_flag_ignored_while_places_are_left(event, make_data):
    registration = create(event, make_data(), join_waiting_list=True)

    assert registration.status == RegistrationStatus.CONFIRMED


def test_promote_gives_the_freed_place(event, make_data):
    event.seat_capacity = 1
    event.save()
    first = create(event, make_data())
    waiting = create(event, make_data(), join_waiting_list=True)
    services.registration_cancel(registration=first, by_staff=True)

    promoted = services.registration_promote(registration=waiting)

    assert promoted.status == RegistrationStatus.CONFIRMED


def test_promote_a_pending_member_makes_it_await_the_check(event, make_data):
    event.seat_capacity = 1
    event.save()
    first = create(event, make_data())
    waiting = create(
        event,
        make_data(organisation_name="Inconnu"),
        allow_pending_membership=True,
        join_waiting_list=True,
    )
    services.registration_cancel(registration=first, by_staff=True)

    promoted = services.registration_promote(registration=waiting)

    assert promoted.status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_promote_refused_while_still_full(event, make_data):
    event.seat_capacity = 1
    event.save()
    create(event, make_data())
    waiting = create(event, make_data(), join_waiting_list=True)

    with pytest.raises(services.CapacityError) as raised:
        services.registration_promote(registration=waiting)

    assert "Impossible de promouvoir" in raised.value.messages[0]
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING_LIST


def test_promote_refused_unless_on_waiting_list(event, make_data):
    registration = create(event, make_data())

    with pytest.raises(ValidationError, match="liste d'attente"):
        services.registration_promote(registration=registration)


def test_confirm_refused_without_recorded_membership(event, make_data):
    registration = create(
        event, make_data(organisation_name="Inconnu"), allow_pending_membership=True
    )

    with pytest.raises(ValidationError) as raised:
        services.registration_confirm(registration=registration)

    assert "adhésion" in raised.value.messages[0]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_confirm_accepted_once_membership_is_verified(event, make_data):
    registration = RegistrationFactory(
        event=event,
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.VERIFIED,
    )

    assert services.registration_confirm(registration=registration).status == "confirmed"


def test_confirm_refused_when_already_confirmed(event, make_data):
    registration = create(event, make_data())

    with pytest.raises(ValidationError, match="déjà confirmée"):
        services.registration_confirm(registration=registration)


def test_record_membership_confirms_a_pending_registration(event, make_data, member):
    registration = create(
        event, make_data(organisation_name="Inconnu"), allow_pending_membership=True
    )

    registration = services.registration_record_membership(registration=registration, member=member)

    assert registration.membership_state == MembershipState.VERIFIED
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.member == member


def test_record_membership_keeps_a_waiting_registration_waiting(event, make_data):
    event.seat_capacity = 1
    event.save()
    create(event, make_data())
    waiting = create(
        event,
        make_data(organisation_name="Inconnu"),
        allow_pending_membership=True,
        join_waiting_list=True,
    )

    waiting = services.registration_record_membership(registration=waiting)

    assert waiting.status == RegistrationStatus.WAITING_LIST
    assert waiting.membership_state == MembershipState.VERIFIED


def test_record_membership_refused_when_already_verified(event, make_data):
    with pytest.raises(ValidationError, match="déjà vérifiée"):
        services.registration_record_membership(registration=create(event, make_data()))


def test_verify_pending_memberships_after_the_member_list_changes(event, make_data):
    pending = create(
        event, make_data(organisation_name="Logis du Nord"), allow_pending_membership=True
    )
    still_unknown = create(
        event, make_data(organisation_name="Inconnu"), allow_pending_membership=True
    )
    from tests.factories import MemberOrganisationFactory

    MemberOrganisationFactory(
        name="LOGIS DU NORD (SA d'HLM)",
        subscription_start=dt.date(2030, 1, 1),
        subscription_end=dt.date(2030, 12, 31),
    )

    assert services.registrations_verify_pending_memberships(event=event) == 1
    pending.refresh_from_db()
    still_unknown.refresh_from_db()
    assert pending.status == RegistrationStatus.CONFIRMED
    assert still_unknown.status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_verify_pending_memberships_sees_a_renewed_subscription(event, make_data, lapsed_member):
    pending = create(
        event, make_data(organisation_name="Office Démo des Alpes"), allow_pending_membership=True
    )
    assert pending.member == lapsed_member
    assert services.registrations_verify_pending_memberships() == 0

    lapsed_member.subscription_end = dt.date(2030, 12, 31)
    lapsed_member.save()

    assert services.registrations_verify_pending_memberships() == 1


def test_change_workshop_moves_the_participant(event, make_data, workshops):
    registration = create(event, make_data())

    registration = services.registration_change_workshop(
        registration=registration, workshop=workshops[2]
    )

    assert registration.workshop == workshops[2]


def test_change_workshop_refused_when_the_new_one_is_full(event, make_data, workshops):
    workshops[1].capacity = 1
    workshops[1].save()
    create(event, make_data(workshop=workshops[1]))
    registration = create(event, make_data())

    with pytest.raises(services.CapacityError):
        services.registration_change_workshop(registration=registration, workshop=workshops[1])


def test_change_workshop_refused_for_another_events_workshop(event, make_data):
    registration = create(event, make_data())

    with pytest.raises(ValidationError):
        services.registration_change_workshop(registration=registration, workshop=WorkshopFactory())


def test_participant_cannot_change_workshop_or_cancel_once_closed(event, make_data, workshops):
    registration = create(event, make_data())
    event.registration_closes_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    event.save()

    with pytest.raises(services.RegistrationClosed):
        services.registration_change_workshop(registration=registration, workshop=workshops[1])
    with pytest.raises(services.RegistrationClosed):
        services.registration_cancel(registration=registration)
    assert services.registration_cancel(registration=registration, by_staff=True).status == (
        RegistrationStatus.CANCELLED
    )


def test_cancel_twice_refused(event, make_data):
    registration = create(event, make_data())
    services.registration_cancel(registration=registration)

    with pytest.raises(ValidationError, match="déjà annulée"):
        services.registration_cancel(registration=registration)


def test_invoicing_refused_for_the_waiting_list(event, make_data):
    event.seat_capacity = 0
    event.save()
    waiting = create(event, make_data(), join_waiting_list=True)

    with pytest.raises(ValidationError, match="facturée"):
        services.invoice_issue(registrations=[waiting])
    waiting.refresh_from_db()
    assert waiting.payment_state == PaymentState.NOT_INVOICED


def test_resend_refused_for_a_cancelled_registration(event, make_data):
    registration = create(event, make_data())
    services.registration_cancel(registration=registration)

    with pytest.raises(ValidationError, match="annulée"):
        services.registration_resend_confirmation(registration=registration)
