"""``/`` lists the coming events first and the past ones as an archive, still readable."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventFactory, ProgrammeItemFactory, paris

pytestmark = pytest.mark.django_db


@pytest.fixture
def past():
    event = EventFactory(
        title="Rencontre 2012",
        slug="rencontres-2012",
        start_date=dt.date(2012, 11, 14),
        end_date=dt.date(2012, 11, 16),
    )
    ProgrammeItemFactory(event=event, title="Lancement", starts_at=paris(2012, 11, 14, 9, 30))
    return event


@pytest.fixture
def coming():
    today = timezone.localdate()
    return EventFactory(
        title="Rencontre à venir",
        start_date=today + dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=32),
    )


def test_home_lists_upcoming_events_then_past_ones_under_an_archive_heading(client, past, coming):
    html = client.get("/").content.decode()
    upcoming_at = html.index("Prochaines rencontres")
    archive_at = html.index("Archives")
    assert upcoming_at < html.index("Rencontre à venir") < archive_at < html.index("Rencontre 2012")
    assert reverse("programme:agenda", args=[past.slug]) in html[archive_at:]


def test_home_without_past_events_has_no_archive(client, coming):
    EventFactory(start_date=coming.start_date, end_date=coming.end_date)
    html = client.get("/").content.decode()
    assert "Prochaines rencontres" in html and "Archives" not in html


def test_a_past_event_stays_readable_agenda_and_pdf(client, past, coming):
    agenda = client.get(reverse("programme:agenda", args=[past.slug]))
    assert agenda.status_code == 200
    assert "Lancement" in agenda.content.decode()
    pdf = client.get(reverse("programme:agenda_pdf", args=[past.slug]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def test_the_2012_demo_event_of_make_run_stays_open_for_registration(client):
    from django.conf import settings

    from programme.loading import load_event_file

    event = load_event_file(settings.BASE_DIR / "programme" / "data" / "rencontres-2012.yaml").event
    assert event.end_date < timezone.localdate()
    assert event.registration_is_open()
    assert client.get(reverse("registrations:register", args=[event.slug])).status_code == 200
