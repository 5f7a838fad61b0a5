"""What a tariff includes is data; the bulletin's cards and the confirmation PDF say it."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from registrations import services
from registrations.documents import ConfirmationDocument
from tests.factories import EventFactory, TariffFactory

NIGHTS_LINE = "L'hébergement à l'hôtel (nuits du 14 et du 15 novembre)"
DINNERS_LINE = "Les repas du soir (dîners du 14 et du 15 novembre)"


@pytest.fixture
def tariffs(event):
    return [
        TariffFactory(
            event=event,
            label="Hébergement et repas du soir inclus",
            amount=Decimal("1750.00"),
            included="Les trois journées de formation",
            nights=["2030-11-14", "2030-11-15"],
            dinners=["2030-11-15", "2030-11-14"],
            lunches=True,
            position=1,
        ),
        TariffFactory(
            event=event,
            label="Repas du midi inclus, hors hébergement et repas du soir",
            amount=Decimal("1450.00"),
            included="Les trois journées de formation",
            lunches=True,
            position=2,
        ),
    ]


def test_inclusion_summary_says_which_nights_which_dinners_and_the_lunches(tariffs):
    assert tariffs[0].inclusion_summary() == [
        "Les trois journées de formation",
        NIGHTS_LINE,
        DINNERS_LINE,
        "Les repas du midi",
    ]
    assert tariffs[1].inclusion_summary() == [
        "Les trois journées de formation",
        "Les repas du midi",
    ]


@pytest.mark.django_db
def test_inclusion_summary_of_one_night_across_months():
    event = EventFactory(start_date=dt.date(2030, 11, 30), end_date=dt.date(2030, 12, 2))
    tariff = TariffFactory(
        event=event, included="", nights=["2030-11-30"], dinners=["2030-11-30", "2030-12-01"]
    )
    assert tariff.inclusion_summary() == [
        "L'hébergement à l'hôtel (nuit du 30 novembre)",
        "Les repas du soir (dîners du 30 novembre et du 1er décembre)",
    ]


def test_a_night_outside_the_event_is_refused(tariffs):
    tariff = tariffs[0]
    tariff.nights = ["2030-11-14", "2030-11-20"]
    with pytest.raises(ValidationError) as error:
        tariff.full_clean()
    assert "nights" in error.value.message_dict


def test_bulletin_cards_describe_what_each_tariff_includes(client, event, tariffs, workshops):
    content = client.get(reverse("registrations:register", args=[event.slug])).content.decode()
    assert NIGHTS_LINE.replace("'", "&#x27;") in content
    assert DINNERS_LINE in content


def test_confirmation_pdf_describes_what_the_tariff_includes(event, make_bulletin, workshops):
    registration = services.registration_create(event=event, bulletin=make_bulletin())
    reader = PdfReader(io.BytesIO(ConfirmationDocument(registration).pdf().content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert NIGHTS_LINE in text.replace("’", "'")
    assert "dîners du 14 et du 15 novembre" in text


def test_invoice_line_describes_what_the_tariff_includes(event, make_bulletin, workshops):
    from tests.factories import TrainingBodyIdentityFactory

    TrainingBodyIdentityFactory()
    registration = services.registration_create(event=event, bulletin=make_bulletin())
    invoice = services.invoice_issue(registrations=[registration])
    [line] = invoice.lines.all()
    assert f"Comprend : Les trois journées de formation ; {NIGHTS_LINE} ; {DINNERS_LINE}" in (
        line.description
    )
