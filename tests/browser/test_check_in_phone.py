"""The staff check-in pages on a phone (375 px): signed in through the admin's login, the
page a scanned QR code opens shows the person in large type, and the half-day's roll
lets staff tick presence by hand; nothing is wider than the screen."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from registrations.admin.permissions import staff_group_setup
from registrations.models import Attendance
from registrations.selectors.attendance import check_in_url
from tests.factories import (
    EventFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    WorkshopFactory,
)

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser

PASSWORD = "un-mot-de-passe-de-test"


@pytest.fixture
def event_today(live_server):
    """An event going on today, morning and afternoon, whatever the time of the test."""
    today = timezone.localdate()
    event = EventFactory(start_date=today, end_date=today)
    zone = timezone.get_current_timezone()
    ProgrammeItemFactory(
        event=event,
        starts_at=dt.datetime.combine(today, dt.time(0, 5), tzinfo=zone),
        ends_at=dt.datetime.combine(today, dt.time(12, 55), tzinfo=zone),
    )
    slot = ProgrammeItemFactory(
        event=event,
        kind="workshops",
        starts_at=dt.datetime.combine(today, dt.time(13, 0), tzinfo=zone),
        ends_at=dt.datetime.combine(today, dt.time(23, 55), tzinfo=zone),
    )
    workshop = WorkshopFactory(
        event=event,
        slot=slot,
        number=2,
        title="Renforcer la dimension transversale de l'action sociale en organisme HLM",
    )
    return event, workshop


def sign_in(page):
    user = get_user_model().objects.create_user(
        username="victoria-phone", password=PASSWORD, is_staff=True
    )
    user.groups.add(staff_group_setup())
    page.goto(reverse("admin:login"))
    page.get_by_label("Nom d’utilisateur").or_(page.locator("#id_username")).first.fill(
        user.username
    )
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()


def test_check_in_pages_fit_a_375px_phone(page, event_today):
    event, workshop = event_today
    registration = RegistrationFactory(
        event=event,
        first_name="Marie-Christine",
        last_name="Karsenti-Mamann",
        organisation_name="Paris Habitat",
        workshop=workshop,
    )
    RegistrationFactory(event=event, last_name="Dupont", organisation_name="OPAC 38")
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page)

    page.goto(urlsplit(check_in_url(registration)).path)

    name = page.locator(".checkin-name")
    expect(name).to_contain_text("Marie-Christine")
    expect(page.locator(".checkin-verdict")).to_have_text("Présent(e)")
    expect(page.locator(".checkin-workshop")).to_contain_text("Atelier 2")
    assert float(name.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 32
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path="/tmp/check-in-scan-375.png", full_page=True)
    assert Attendance.objects.filter(registration=registration).count() == 1

    page.get_by_role("link", name="Liste de présence de la demi-journée").click()
    page.get_by_label("Rechercher un participant").fill("opac")
    page.get_by_role("button", name="Rechercher").click()
    expect(page.locator(".checkin-line")).to_have_count(1)
    page.get_by_role("button", name="Présent : Camille Dupont").click()
    expect(page.locator("#roll-count")).to_contain_text("1 présent sur 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    button = page.get_by_role("button", name="Retirer Camille Dupont").bounding_box()
    assert button["height"] >= 36
    page.screenshot(path="/tmp/check-in-roll-375.png", full_page=True)
    assert Attendance.objects.count() == 2


def test_check_in_page_sends_an_anonymous_phone_to_the_login(page, event_today):
    event, workshop = event_today
    registration = RegistrationFactory(event=event, workshop=workshop)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(urlsplit(check_in_url(registration)).path)
    assert urlsplit(page.url).path == reverse("admin:login")
    expect(page.locator("body")).not_to_contain_text(registration.last_name)
    assert not Attendance.objects.exists()
