import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import (
    EventFactory,
    MemberOrganisationFactory,
    TariffFactory,
    WorkshopFactory,
)


@pytest.fixture
def event(db):
    return EventFactory(
        reference_prefix="RF2012",
        start_date=dt.date(2030, 11, 14),
        end_date=dt.date(2030, 11, 16),
    )


@pytest.fixture
def tariffs(event):
    return [
        TariffFactory(
            event=event,
            label="Hébergement et repas du soir inclus",
            amount=Decimal("1750.00"),
            included="Hébergement (2 nuits)\nRepas du soir\nRepas du midi",
            position=1,
        ),
        TariffFactory(
            event=event,
            label="Repas du midi inclus, hors hébergement et repas du soir",
            amount=Decimal("1450.00"),
            included="Repas du midi",
            position=2,
        ),
    ]


@pytest.fixture
def workshops(event):
    return [WorkshopFactory(event=event, number=number) for number in (1, 2, 3)]


@pytest.fixture
def member(db):
    return MemberOrganisationFactory(
        name="Paris Habitat",
        member_number="AF-0004",
        subscription_start=dt.date(2030, 1, 1),
        subscription_end=dt.date(2030, 12, 31),
    )


@pytest.fixture
def lapsed_member(db):
    return MemberOrganisationFactory(
        name="Office Démo des Alpes",
        member_number="AF-0900",
        subscription_start=dt.date(2028, 1, 1),
        subscription_end=dt.date(2029, 12, 31),
    )


@pytest.fixture
def make_data(tariffs, workshops, member):
    """The cleaned data of a valid bulletin, with overrides."""
    counter = iter(range(1, 10_000))

    def make(**overrides):
        number = next(counter)
        data = {
            "last_name": "Martin",
            "first_name": "Camille",
            "job_title": "Conseillère sociale",
            "email": f"camille.martin{number}@example.org",
            "organisation_name": "Paris Habitat",
            "member_number": "",
            "address": "21 bis rue Claude Bernard\n75005 Paris",
            "phone": "01 23 45 67 89",
            "contact_person": "",
            "signed_place": "Paris",
            "signature": "Camille Martin",
            "certified": True,
            "privacy_consent": True,
            "tariff": tariffs[0],
            "workshop": workshops[0],
        }
        data.update(overrides)
        return data

    return make


@pytest.fixture
def post_data(tariffs, workshops, member):
    """What a browser posts for a valid bulletin, with overrides (None removes a field)."""

    def make(**overrides):
        data = {
            "last_name": "Martin",
            "first_name": "Camille",
            "job_title": "Conseillère sociale",
            "email": "camille.martin@example.org",
            "phone": "01 23 45 67 89",
            "organisation_name": "Paris Habitat",
            "member_number": "",
            "address": "21 bis rue Claude Bernard\n75005 Paris",
            "contact_person": "",
            "tariff": str(tariffs[0].pk),
            "workshop": str(workshops[0].pk),
            "signed_place": "Paris",
            "signature": "Camille Martin",
            "certified": "on",
            "privacy_consent": "on",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def register_url(event):
    from django.urls import reverse

    return reverse("registrations:register", kwargs={"slug": event.slug})


@pytest.fixture
def make_bulletin(make_data):
    """A valid :class:`~registrations.services.Bulletin`, with overrides."""
    from registrations.services import Bulletin

    return lambda **overrides: Bulletin(**make_data(**overrides))
