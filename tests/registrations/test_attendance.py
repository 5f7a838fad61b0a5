"""Half-days, training hours and the check-in service with its refusals."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from programme.half_days import (
    HalfDay,
    current_half_day,
    event_half_days,
    format_duration,
    parse_half_day_key,
    training_duration,
)
from registrations import services
from registrations.enums import CheckInMethod, RegistrationStatus
from registrations.models import Attendance
from registrations.selectors.attendance import (
    attendance_by_half_day,
    attended_duration,
    check_in_code,
    half_day_roll,
    registration_for_code,
)
from tests.factories import EventFactory, RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db

THURSDAY_MORNING = paris(2030, 11, 14, 9, 40)
THURSDAY_AFTERNOON = paris(2030, 11, 14, 15, 0)


@pytest.fixture
def training():
    return build_training_event()


@pytest.fixture
def event(training):
    return training[0]


def test_half_days_hold_training_time_only_and_know_their_duration(event):
    half_days = event_half_days(event)
    assert [(h.day.day, h.period) for h in half_days] == [
        (14, "matin"),
        (14, "apres-midi"),
        (15, "matin"),
    ]
    # 9h00-10h30 and 10h45-12h15: the pause between is not training time.
    assert half_days[0].duration == dt.timedelta(hours=3)
    # Workshops 14h00-16h30 counted once, synthesis to 17h30, the closing has no end.
    assert half_days[1].duration == dt.timedelta(hours=3, minutes=30)
    assert half_days[2].duration == dt.timedelta(hours=2)


def test_training_duration_is_the_sum_of_the_half_days(event):
    assert training_duration(event) == dt.timedelta(hours=8, minutes=30)
    assert format_duration(training_duration(event)) == "8 h 30"
    assert format_duration(dt.timedelta(hours=3)) == "3 h"


def test_overlapping_items_count_once(event):
    from tests.factories import ProgrammeItemFactory

    ProgrammeItemFactory(
        event=event,
        title="Intervention en parallèle",
        starts_at=paris(2030, 11, 15, 10, 0),
        ends_at=paris(2030, 11, 15, 11, 30),
    )
    assert event_half_days(event)[2].duration == dt.timedelta(hours=2, minutes=30)


def test_training_duration_of_the_2012_programme():
    from io import StringIO

    from django.core.management import call_command

    from programme.models import Event

    call_command("load_event", "programme/data/rencontres-2012.yaml", stdout=StringIO())
    event = Event.objects.get(slug="rencontres-formation-2012")
    assert format_duration(training_duration(event)) == "17 h 45"


def test_current_half_day_follows_the_clock(event):
    half_days = event_half_days(event)
    assert current_half_day(half_days, THURSDAY_MORNING).period == "matin"
    assert current_half_day(half_days, THURSDAY_AFTERNOON).period == "apres-midi"
    assert current_half_day(half_days, paris(2030, 11, 15, 15, 0)) is None
    assert current_half_day(half_days, paris(2030, 11, 13, 10, 0)) is None


def test_half_day_keys_round_trip_and_refuse_garbage():
    half_day = HalfDay(day=dt.date(2030, 11, 14), period="apres-midi")
    assert parse_half_day_key(half_day.key) == (dt.date(2030, 11, 14), "apres-midi")
    for garbage in ("", "2030-11-14", "2030-11-14-soir", "2030-13-14-matin", "x" * 300):
        assert parse_half_day_key(garbage) is None


def test_check_in_marks_the_current_half_day(event, admin_user):
    registration = RegistrationFactory(event=event)

    check_in = services.attendance_check_in(
        registration=registration, by=admin_user, now=THURSDAY_AFTERNOON
    )

    assert check_in.created
    attendance = Attendance.objects.get()
    assert (attendance.registration, attendance.day, attendance.period) == (
        registration,
        dt.date(2030, 11, 14),
        "apres-midi",
    )
    assert attendance.checked_in_by == admin_user
    assert attendance.checked_in_at == THURSDAY_AFTERNOON
    assert attendance.method == CheckInMethod.SCAN


def test_second_scan_answers_already_present_and_records_once(event, admin_user):
    registration = RegistrationFactory(event=event)
    services.attendance_check_in(registration=registration, by=admin_user, now=THURSDAY_MORNING)

    again = services.attendance_check_in(
        registration=registration, by=admin_user, now=THURSDAY_MORNING + dt.timedelta(minutes=5)
    )

    assert not again.created
    assert again.attendance.checked_in_at == THURSDAY_MORNING
    assert Attendance.objects.count() == 1


def test_the_database_refuses_two_presences_on_one_half_day(event):
    registration = RegistrationFactory(event=event)
    fields = {
        "registration": registration,
        "day": dt.date(2030, 11, 14),
        "period": "matin",
        "checked_in_at": THURSDAY_MORNING,
        "method": CheckInMethod.MANUAL,
    }
    Attendance.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(**fields)


@pytest.mark.parametrize(
    ("status", "code"),
    [(RegistrationStatus.CANCELLED, "cancelled"), (RegistrationStatus.WAITING_LIST, "no_place")],
)
def test_check_in_refuses_who_holds_no_place(event, admin_user, status, code):
    registration = RegistrationFactory(event=event, status=status)
    with pytest.raises(services.CheckInRefused) as refusal:
        services.attendance_check_in(registration=registration, by=admin_user, now=THURSDAY_MORNING)
    assert refusal.value.code == code
    assert registration.full_name in refusal.value.messages[0]
    assert not Attendance.objects.exists()


def test_check_in_refused_outside_the_event_half_days(event, admin_user):
    registration = RegistrationFactory(event=event)
    with pytest.raises(services.CheckInRefused) as refusal:
        services.attendance_check_in(
            registration=registration, by=admin_user, now=paris(2030, 11, 15, 15, 0)
        )
    assert refusal.value.code == "no_half_day"
    assert "liste de présence" in refusal.value.messages[0]


def test_manual_check_in_of_a_chosen_half_day_and_undo(event, admin_user):
    registration = RegistrationFactory(event=event)
    friday = event_half_days(event)[2]

    services.attendance_check_in(
        registration=registration,
        by=admin_user,
        half_day=friday,
        now=THURSDAY_MORNING,
        method=CheckInMethod.MANUAL,
    )
    assert Attendance.objects.get().day == dt.date(2030, 11, 15)

    assert services.attendance_undo(registration=registration, half_day=friday, by=admin_user)
    assert not Attendance.objects.exists()


def test_check_in_refuses_a_half_day_outside_the_event(event, admin_user):
    registration = RegistrationFactory(event=event)
    with pytest.raises(services.CheckInRefused) as refusal:
        services.attendance_check_in(
            registration=registration,
            by=admin_user,
            half_day=HalfDay(day=dt.date(2030, 11, 15), period="apres-midi"),
        )
    assert refusal.value.code == "not_a_half_day"


def test_check_in_code_is_signed_and_not_guessable(event):
    registration = RegistrationFactory(event=event)
    code = check_in_code(registration)
    assert code.startswith(registration.reference + ":")
    assert registration_for_code(code) == registration
    assert registration_for_code(registration.reference) is None
    assert registration_for_code(registration.reference + ":forged") is None
    assert registration_for_code("\x00") is None


def test_roll_lists_who_holds_a_place_with_presence_and_search(event, admin_user):
    present = RegistrationFactory(event=event, last_name="Zéphyr", organisation_name="OPAC 38")
    RegistrationFactory(event=event, last_name="Durand", organisation_name="Paris Habitat")
    RegistrationFactory(event=event, last_name="Annulé", status=RegistrationStatus.CANCELLED)
    morning = event_half_days(event)[0]
    services.attendance_check_in(registration=present, by=admin_user, half_day=morning)

    lines = half_day_roll(event, morning)
    assert [(line.registration.last_name, line.present) for line in lines] == [
        ("Durand", False),
        ("Zéphyr", True),
    ]
    assert [
        line.registration.last_name for line in half_day_roll(event, morning, query="zephyr")
    ] == ["Zéphyr"]
    assert [
        line.registration.last_name for line in half_day_roll(event, morning, query="opac")
    ] == ["Zéphyr"]
    assert half_day_roll(event, morning, query="personne") == []


def test_attendance_by_half_day_and_hours_attended(event, admin_user):
    first = RegistrationFactory(event=event)
    second = RegistrationFactory(event=event)
    morning, afternoon, friday = event_half_days(event)
    for half_day in (morning, afternoon):
        services.attendance_check_in(registration=first, by=admin_user, half_day=half_day)
    services.attendance_check_in(registration=second, by=admin_user, half_day=friday)

    rows = attendance_by_half_day(event)
    assert [(row.present, row.expected) for row in rows] == [(1, 2), (1, 2), (1, 2)]
    assert attended_duration(first) == dt.timedelta(hours=6, minutes=30)
    assert attended_duration(second) == dt.timedelta(hours=2)
    assert attended_duration(RegistrationFactory(event=event)) == dt.timedelta()


def test_event_without_programme_has_every_half_day_and_no_hours():
    event = EventFactory(start_date=dt.date(2031, 5, 2), end_date=dt.date(2031, 5, 3))
    assert len(event_half_days(event)) == 4
    assert training_duration(event) == dt.timedelta()
