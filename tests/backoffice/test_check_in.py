"""Check-in end to end: the QR code of the confirmation, the scan page, the half-day's
roll, and nothing for anyone who is not signed-in staff."""

import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
import segno
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from registrations.documents import ConfirmationDocument
from registrations.enums import RegistrationStatus
from registrations.models import Attendance
from registrations.selectors.attendance import check_in_code, check_in_url
from tests.factories import RegistrationFactory, paris
from tests.training import build_training_event

pytestmark = pytest.mark.django_db

THURSDAY_AFTERNOON = paris(2030, 11, 14, 15, 0)


@pytest.fixture
def training():
    return build_training_event()


@pytest.fixture
def event(training):
    return training[0]


@pytest.fixture
def registration(training):
    event, workshops = training
    return RegistrationFactory(
        event=event,
        first_name="Camille",
        last_name="Martin",
        organisation_name="Paris Habitat",
        workshop=workshops[1],
    )


def scan_path(registration):
    return urlsplit(check_in_url(registration)).path


def get_at(moment, client, url, user=None):
    """GET ``url`` with the clock at ``moment`` (signed in then, so the session is valid)."""
    with time_machine.travel(moment, tick=False):
        if user is not None:
            client.force_login(user)
        return client.get(url)


def test_confirmation_qr_code_encodes_the_staff_check_in_url(registration):
    context = ConfirmationDocument(registration).context()
    url = check_in_url(registration)
    assert url.endswith(f"/gestion/pointage/scan/{check_in_code(registration)}/")
    # The QR code is built from that URL (segno encodes the same data the same way).
    assert context["qr_code_uri"] == segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def test_scan_by_staff_marks_the_current_half_day_and_shows_name_and_workshop(
    staff_client, staff_user, registration
):
    response = get_at(THURSDAY_AFTERNOON, staff_client, scan_path(registration), staff_user)

    assert response.status_code == 200
    attendance = Attendance.objects.get()
    assert (attendance.registration, attendance.day, attendance.period) == (
        registration,
        dt.date(2030, 11, 14),
        "apres-midi",
    )
    assert attendance.checked_in_by == staff_user
    page = response.content.decode()
    assert "Présent(e)" in page
    assert 'class="checkin-name">Camille <span class="text-uppercase">Martin</span>' in page
    assert "Atelier 2 : La transversalité de l&#x27;action sociale" in page


def test_second_scan_says_already_checked_in(staff_client, staff_user, registration):
    get_at(paris(2030, 11, 14, 9, 5), staff_client, scan_path(registration), staff_user)
    response = get_at(paris(2030, 11, 14, 9, 20), staff_client, scan_path(registration), staff_user)
    assert response.status_code == 200
    assert "Déjà pointé(e)" in response.content.decode()
    assert "9h05" in response.content.decode()
    assert Attendance.objects.count() == 1


def test_scan_of_a_cancelled_registration_is_refused_in_words(
    staff_client, staff_user, registration
):
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    response = get_at(THURSDAY_AFTERNOON, staff_client, scan_path(registration), staff_user)
    assert response.status_code == 409
    assert "Inscription annulée" in response.content.decode()
    assert not Attendance.objects.exists()


def test_scan_outside_the_event_is_refused_and_points_to_the_roll(
    staff_client, staff_user, registration
):
    response = get_at(paris(2030, 11, 20, 10, 0), staff_client, scan_path(registration), staff_user)
    assert response.status_code == 409
    assert "Aucune demi-journée" in response.content.decode()


def test_anonymous_scan_is_sent_to_login_and_shows_nothing(client, registration):
    response = get_at(THURSDAY_AFTERNOON, client, scan_path(registration))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Attendance.objects.exists()


def test_signed_in_user_without_staff_rights_gets_nothing(client, registration):
    user = get_user_model().objects.create_user(username="curieux", password="x", is_staff=True)
    response = get_at(THURSDAY_AFTERNOON, client, scan_path(registration), user)
    assert response.status_code == 403
    assert "Martin" not in response.content.decode()
    assert not Attendance.objects.exists()


def test_forged_or_guessed_code_is_a_404(staff_client, registration):
    for code in (registration.reference, registration.reference + ":AAAA", registration.token):
        response = staff_client.get(reverse("staff:check_in_scan", kwargs={"code": code}))
        assert response.status_code == 404
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"X-Moz": "prefetch"},
        {"X-Purpose": "preview"},
    ],
)
def test_a_prefetch_of_the_scan_url_marks_nobody_and_offers_a_button(
    staff_client, staff_user, registration, headers
):
    with time_machine.travel(THURSDAY_AFTERNOON, tick=False):
        staff_client.force_login(staff_user)
        response = staff_client.get(scan_path(registration), headers=headers)

        assert response.status_code == 200
        assert not Attendance.objects.exists()
        page = response.content.decode()
        assert "Présent(e)<" not in page and "Martin" in page
        assert 'method="post"' in page and "Pointer présent(e)" in page
        assert response["Cache-Control"] == "no-store"
        assert "Sec-Purpose" in response["Vary"]

        # The button marks the person, like a scan.
        response = staff_client.post(scan_path(registration))
    assert response.status_code == 200
    assert "Présent(e)" in response.content.decode()
    attendance = Attendance.objects.get()
    assert (attendance.registration, attendance.period, attendance.checked_in_by) == (
        registration,
        "apres-midi",
        staff_user,
    )


def test_the_button_of_the_prefetched_page_needs_staff_and_its_csrf_token(
    client, staff_user, registration
):
    with time_machine.travel(THURSDAY_AFTERNOON, tick=False):
        response = client.post(scan_path(registration))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        client.force_login(staff_user)
        client.handler.enforce_csrf_checks = True
        assert client.post(scan_path(registration)).status_code == 403
    assert not Attendance.objects.exists()


def roll_url(event, key):
    return reverse("staff:attendance_roll", kwargs={"slug": event.slug, "half_day": key})


def test_roll_ticks_presence_by_hand_and_untick(staff_client, event, registration):
    url = roll_url(event, "2030-11-15-matin")

    response = staff_client.post(url, {"registration": registration.pk, "action": "present"})
    assert response.status_code == 302
    attendance = Attendance.objects.get()
    assert (attendance.day, attendance.period, attendance.method) == (
        dt.date(2030, 11, 15),
        "matin",
        "manual",
    )
    page = staff_client.get(url).content.decode()
    assert "1 présent sur 1" in page
    assert "Présent(e), pointé(e) à" in page

    staff_client.post(url, {"registration": registration.pk, "action": "absent"})
    assert not Attendance.objects.exists()


def test_roll_search_box_filters_by_name_or_organisation(staff_client, event, registration):
    RegistrationFactory(event=event, last_name="Dupont", organisation_name="OPAC 38")
    url = roll_url(event, "2030-11-14-matin")

    page = staff_client.get(url, {"q": "opac"}).content.decode()
    assert "DUPONT" in page and "MARTIN" not in page
    page = staff_client.get(url).content.decode()
    assert "DUPONT" in page and "MARTIN" in page
    assert 'label class="form-label" for="roll-search"' in page


def test_roll_refuses_bad_input_with_a_4xx_and_changes_nothing(staff_client, event, registration):
    url = roll_url(event, "2030-11-14-matin")
    other_event_registration = RegistrationFactory()
    for data in (
        {"registration": "abc", "action": "present"},
        {"registration": "²", "action": "present"},
        {"registration": "9" * 30, "action": "present"},
        {"registration": other_event_registration.pk, "action": "present"},
        {"registration": registration.pk, "action": "explode"},
        {},
    ):
        response = staff_client.post(url, data)
        assert response.status_code == 400
        assert "rien n&#x27;a été modifié" in response.content.decode()
    assert staff_client.get(roll_url(event, "2030-11-16-matin")).status_code == 404
    assert staff_client.get(roll_url(event, "n-importe-quoi")).status_code == 404
    assert not Attendance.objects.exists()


def test_roll_refuses_a_waiting_list_registration_with_409(staff_client, event):
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST)
    response = staff_client.post(
        roll_url(event, "2030-11-14-matin"), {"registration": waiting.pk, "action": "present"}
    )
    # A waiting-list registration is not on the roll; posting it anyway is refused.
    assert response.status_code == 409
    assert "liste d&#x27;attente" in response.content.decode()


def test_roll_and_index_need_staff(client, event):
    for url in (
        roll_url(event, "2030-11-14-matin"),
        reverse("staff:attendance", args=[event.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_index_opens_the_current_half_day_or_lists_them(staff_client, staff_user, event):
    index = reverse("staff:attendance", args=[event.slug])
    response = get_at(THURSDAY_AFTERNOON, staff_client, index, staff_user)
    assert response.status_code == 302
    assert response["Location"] == roll_url(event, "2030-11-14-apres-midi")
    page = get_at(paris(2030, 11, 1, 10, 0), staff_client, index, staff_user).content.decode()
    assert "Vendredi 15 novembre 2030, matin" in page


def test_dashboard_shows_attendance_per_half_day(staff_client, staff_user, event, registration):
    RegistrationFactory(event=event)
    Attendance.objects.create(
        registration=registration,
        day=dt.date(2030, 11, 14),
        period="matin",
        checked_in_at=paris(2030, 11, 14, 9, 0),
        method="scan",
    )
    response = staff_client.get(reverse("admin:registrations_dashboard", args=[event.pk]))
    page = response.content.decode()
    assert "Présences par demi-journée" in page
    table = page[page.index('id="attendance"') :]
    assert 'Jeudi 14 novembre 2030, matin</td><td class="number">1</td><td class="number">2' in (
        table
    )


def test_confirmation_pdf_still_renders_with_the_check_in_qr_code(registration):
    content = ConfirmationDocument(registration).pdf().content
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert registration.reference in text


def test_scans_are_rate_limited_per_client_with_a_french_429(
    staff_client, staff_user, registration, settings
):
    settings.RATELIMIT_ENABLE = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "check_in": "2/d"}
    cache.clear()
    moment = paris(2030, 11, 14, 9, 5)
    statuses = [
        get_at(moment, staff_client, scan_path(registration), staff_user).status_code
        for _ in range(3)
    ]
    cache.clear()

    assert statuses == [200, 200, 429]
