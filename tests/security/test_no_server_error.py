"""Inputs that answered 500: each test here failed before its fix."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["detail", "confirmation_pdf", "calendar", "cancel", "change_workshop", "offer"]
)
def test_nul_byte_in_a_private_token_is_a_client_error(client, name):
    # PostgreSQL refuses NUL in text: the lookup raised and the page answered 500.
    RegistrationFactory()
    path = reverse(f"registrations:{name}", kwargs={"token": "abc"}).replace("abc", "ab%00cd")

    response = client.get(path)

    assert 400 <= response.status_code < 500


def test_nul_byte_in_a_query_or_a_form_is_a_client_error(client, post_data, register_url):
    assert client.get("/?q=%00").status_code == 400
    response = client.post(register_url, post_data(last_name="Mar\x00tin"))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_line_breaks_typed_in_a_name_are_not_stored(client, post_data, register_url):
    client.post(
        register_url,
        post_data(
            first_name="Camille\r\nX-Injected: oui",
            last_name="Mar\rtin\u2028",
            signature="Camille Mar tin",
        ),
    )

    registration = Registration.objects.get()
    assert registration.first_name == "Camille X-Injected: oui"
    assert registration.last_name == "Mar tin"


def test_control_characters_leave_typed_text_but_keep_address_lines(
    client, post_data, register_url
):
    client.post(
        register_url,
        post_data(
            job_title="Conseill\u202eère\tsociale\x07",
            address="21 bis rue Claude Bernard\r\n75005\x0b Paris\r\n",
        ),
    )

    registration = Registration.objects.get()
    assert registration.job_title == "Conseillère sociale"
    assert registration.address == "21 bis rue Claude Bernard\n75005\n Paris"


def test_participant_calendar_survives_a_stored_name_with_line_breaks(client, event):
    # Stored before the forms cleaned input (or typed by staff): the .ics raised for good.
    registration = RegistrationFactory(event=event, first_name="Camille\r\nX", last_name="M\rA")

    response = client.get(reverse("registrations:calendar", kwargs={"token": registration.token}))

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]).endswith("Camille X M A")


@pytest.mark.parametrize("value", ["²", "¹", "٣", "１", "99999999999999999999999"])
def test_admin_event_filter_with_a_non_ascii_digit_is_not_a_server_error(staff_client, value):
    EventFactory()
    registrations = reverse("admin:registrations_registration_changelist")
    items = reverse("admin:programme_programmeitem_changelist")

    for path in (registrations, items):
        response = staff_client.get(path, {"event__id__exact": value})
        assert response.status_code < 500, (path, response.status_code)


def test_calendars_of_an_event_without_programme_items(client, event):
    # zip(strict=True) of the items and their successors raised on an empty programme.
    registration = RegistrationFactory(event=event)

    public = client.get(reverse("programme:agenda_ics", kwargs={"slug": event.slug}))
    private = client.get(reverse("registrations:calendar", kwargs={"token": registration.token}))

    assert (public.status_code, private.status_code) == (200, 200)
    assert Calendar.from_ical(private.content).walk("VEVENT") == []
