import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def anonymise(after_days):
    out = StringIO()
    call_command("anonymise_registrations", f"--after-days={after_days}", stdout=out)
    return out.getvalue()


def test_anonymise_replaces_personal_data_of_past_events_and_their_history():
    past = EventFactory(
        start_date=dt.date(2012, 11, 14), end_date=dt.date(2012, 11, 16), reference_prefix="OLD"
    )
    old = RegistrationFactory(
        event=past,
        last_name="Durand",
        email="camille@example.org",
        billing_email="compta@example.org",
    )
    old.job_title = "Conseillère sociale principale"
    old.save()  # a second history row, which must be scrubbed too

    output = anonymise(after_days=365)

    old.refresh_from_db()
    assert "1 inscription" in output
    assert old.anonymised_at is not None
    assert old.last_name == "Anonymisé"
    assert old.email == f"anonyme-{old.pk}@anonyme.invalid"
    assert old.phone == "" and "Claude Bernard" not in old.address
    assert old.billing_email == ""
    assert old.reference and old.amount and old.organisation_name == "Paris Habitat"
    assert old.history.count() == 2
    for record in old.history.all():
        assert record.last_name == "Anonymisé"
        assert record.email.endswith("@anonyme.invalid")


def test_anonymise_keeps_recent_events_and_is_idempotent():
    upcoming = RegistrationFactory(last_name="Martin")
    past = EventFactory(start_date=dt.date(2012, 11, 14), end_date=dt.date(2012, 11, 16))
    RegistrationFactory(event=past)

    assert "1 inscription" in anonymise(after_days=30)
    assert "0 inscription" in anonymise(after_days=30)
    upcoming.refresh_from_db()
    assert upcoming.last_name == "Martin"
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == 1


def test_anonymise_refuses_a_negative_delay():
    with pytest.raises(CommandError, match="positif"):
        anonymise(after_days=-1)
