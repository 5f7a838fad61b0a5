"""Each event shows when registration closes; the demo event stays open with a date shown."""

import datetime as dt
from io import StringIO

from django.contrib import admin
from django.core.management import call_command
from django.utils import timezone

from programme.admin import EventAdminForm
from programme.models import Event
from tests.factories import EventFactory


def test_keep_registration_open_sets_a_closing_date_to_come(db):
    event = EventFactory(registration_closes_at=None)

    call_command("keep_registration_open", event.slug, "--days", "30", stdout=StringIO())

    event.refresh_from_db()
    closes_at = timezone.localtime(event.registration_closes_at)
    assert closes_at.date() == timezone.localdate() + dt.timedelta(days=30)
    assert (closes_at.hour, closes_at.minute) == (18, 0)
    assert event.registration_is_open()


def test_keep_registration_open_reopens_a_past_closing_date(db):
    event = EventFactory(registration_closes_at=timezone.now() - dt.timedelta(days=400))

    call_command("keep_registration_open", event.slug, stdout=StringIO())

    event.refresh_from_db()
    assert event.registration_is_open()


def test_keep_registration_open_leaves_a_date_staff_set(db):
    later = timezone.now() + dt.timedelta(days=90)
    event = EventFactory(registration_closes_at=later)

    call_command("keep_registration_open", event.slug, stdout=StringIO())

    event.refresh_from_db()
    assert event.registration_closes_at == later


def test_the_event_admin_requires_a_closing_date(rf, admin_user):
    event = EventFactory()
    request = rf.get("/")
    request.user = admin_user
    form = admin.site._registry[Event].get_form(request, event)(instance=event)
    assert isinstance(form, EventAdminForm)

    assert form.fields["registration_closes_at"].required
    assert "clôture des inscriptions" in str(
        form.fields["registration_closes_at"].error_messages["required"]
    )


def test_event_page_says_until_when_one_can_register(client, db):
    event = EventFactory(
        registration_closes_at=timezone.make_aware(dt.datetime(2099, 11, 6, 18, 0))
    )

    page = client.get(event.get_absolute_url()).content.decode()

    assert "Inscriptions ouvertes jusqu'au vendredi 6 novembre 2099 à 18h00." in page
    assert Event.objects.get(pk=event.pk).registration_is_open()
