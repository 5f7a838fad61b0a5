"""The move of Tariff from registrations to programme keeps a live database's rows.

The database is migrated back to before the move (programme 0003, registrations 0002),
filled through the historical models, then migrated forward to the latest state.
"""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from programme.models import Tariff
from registrations.models import Registration

BEFORE_THE_MOVE = [
    ("programme", "0003_workshop_id_event_unique"),
    ("registrations", "0002_registration_choices_within_event"),
]


def migrate(*args):
    call_command("migrate", *args, verbosity=0, stdout=StringIO())


def _old_rows(apps):
    """An event with two tariffs and two registrations, as the old models store them."""
    Event = apps.get_model("programme", "Event")
    OldTariff = apps.get_model("registrations", "Tariff")
    OldRegistration = apps.get_model("registrations", "Registration")
    event = Event.objects.create(
        slug="rencontres-2030",
        reference_prefix="RF2030",
        series="Rencontres formation",
        title="Rencontre",
        start_date=dt.date(2030, 11, 14),
        end_date=dt.date(2030, 11, 16),
        venue_name="Hôtel",
        venue_address="Lille",
        contact_name="Victoria ESTEBAN",
        contact_email="v@example.org",
        postal_address="Paris",
        stakes="Enjeux",
        objectives="Objectifs",
    )
    tariffs = [
        OldTariff.objects.create(event=event, label=label, amount=amount, included="Repas")
        for label, amount in [("Avec hébergement", "1750.00"), ("Sans hébergement", "1450.00")]
    ]
    for number, tariff in enumerate(tariffs, start=1):
        OldRegistration.objects.create(
            event=event,
            number=number,
            reference=f"RF2030-{number:04d}",
            token=f"jeton-{number}",
            last_name="Martin",
            first_name="Camille",
            job_title="Conseillère sociale",
            email=f"camille{number}@example.org",
            organisation_name="Paris Habitat",
            address="Paris",
            phone="01 23 45 67 89",
            signed_place="Paris",
            signed_on=dt.date(2030, 9, 1),
            signature="Camille Martin",
            certified=True,
            privacy_consent=True,
            tariff=tariff,
            amount=tariff.amount,
            status="confirmed",
            membership_state="verified",
        )
    return {tariff.pk: (tariff.label, Decimal(tariff.amount)) for tariff in tariffs}


@pytest.mark.django_db(transaction=True)
def test_moving_tariff_to_programme_keeps_tariffs_registrations_and_their_links():
    migrate("programme", BEFORE_THE_MOVE[0][1])
    old_apps = MigrationExecutor(connection).loader.project_state(BEFORE_THE_MOVE).apps
    old_tariffs = _old_rows(old_apps)
    try:
        migrate()  # forward to the latest state, as a deployment does
    finally:
        migrate()  # leave the test database migrated even if the forward step failed

    tariffs = {tariff.pk: (tariff.label, tariff.amount) for tariff in Tariff.objects.all()}
    assert tariffs == old_tariffs
    registrations = Registration.objects.select_related("tariff").order_by("number")
    assert [(r.reference, r.tariff.label, r.amount) for r in registrations] == [
        ("RF2030-0001", "Avec hébergement", Decimal("1750.00")),
        ("RF2030-0002", "Sans hébergement", Decimal("1450.00")),
    ]
    assert list(Tariff.objects.get(label="Avec hébergement").registrations.all()) == [
        registrations[0]
    ]
    assert ContentType.objects.filter(app_label="programme", model="tariff").exists()
    assert not ContentType.objects.filter(app_label="registrations", model="tariff").exists()
