import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from registrations.enums import MembershipState, RegistrationStatus
from tests.factories import (
    EventFactory,
    MemberOrganisationFactory,
    RegistrationFactory,
    TariffFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

EXPORT = reverse("admin:registrations_registration_export")
CSV, XLSX = "0", "1"


@pytest.fixture
def registrations():
    event = EventFactory(title="Rencontres 2012")
    tariff = TariffFactory(event=event, label="Hébergement et repas du soir inclus")
    workshop = WorkshopFactory(event=event, number=1, title="Soutien communautaire")
    member = MemberOrganisationFactory(name="Paris Habitat", member_number="A00042")
    confirmed = RegistrationFactory(
        event=event,
        tariff=tariff,
        workshop=workshop,
        member=member,
        last_name="Dupont",
        first_name="Élodie",
        organisation_name="Paris Habitat",
    )
    pending = RegistrationFactory(
        event=event,
        tariff=tariff,
        workshop=workshop,
        last_name='=HYPERLINK("http://example.org")',
        organisation_name="Office inconnu",
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
    )
    other = RegistrationFactory(last_name="Ailleurs")
    return confirmed, pending, other


def export(client, file_format, filters=None):
    query = "?" + "&".join(f"{k}={v}" for k, v in (filters or {}).items()) if filters else ""
    response = client.post(EXPORT + query, {"format": file_format, "resource": "0"})
    assert response.status_code == 200, response.content[:500]
    return response


def test_export_page_is_offered_from_the_changelist_with_the_current_filters(staff_client):
    event = EventFactory()
    changelist = reverse("admin:registrations_registration_changelist")
    content = staff_client.get(changelist, {"event__id__exact": event.pk}).content.decode()
    assert f"{EXPORT}?event__id__exact={event.pk}" in content
    form = staff_client.get(EXPORT, {"event__id__exact": event.pk})
    assert form.status_code == 200
    assert [label for _value, label in form.context["form"].fields["format"].choices] == [
        "---",
        "CSV (Excel en français : « ; » et virgule décimale)",
        "XLSX (Excel, LibreOffice)",
    ]


def test_csv_export_has_french_headers_and_one_row_per_filtered_registration(
    staff_client, registrations
):
    confirmed, pending, other = registrations
    response = export(staff_client, CSV, {"event__id__exact": confirmed.event_id})

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="inscriptions-' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(rows[0])[:8] == [
        "Référence",
        "Événement",
        "Nom",
        "Prénom",
        "Fonction",
        "E-mail",
        "Organisme",
        "Adresse",
    ]
    by_reference = {row["Référence"]: row for row in rows}
    assert set(by_reference) == {confirmed.reference, pending.reference}
    row = by_reference[confirmed.reference]
    assert row["Nom"] == "Dupont" and row["Prénom"] == "Élodie"
    assert row["Tarif"] == "Hébergement et repas du soir inclus"
    assert row["Montant (€)"] == "1750,00"  # French decimal comma, as Excel in France reads it
    assert row["Atelier"] == "Atelier 1 : Soutien communautaire"
    assert row["Statut"] == "Confirmée"
    assert row["Adhésion"] == "Adhésion vérifiée"
    assert row["Organisme adhérent reconnu"] == "Paris Habitat"
    assert row["Numéro d'adhérent"] == "A00042"
    assert row["Paiement"] == "Non facturée"
    assert by_reference[pending.reference]["Adhésion"] == "Adhésion en cours (à vérifier)"


def test_export_respects_a_status_filter_and_a_search(staff_client, registrations):
    confirmed, pending, _ = registrations
    response = export(staff_client, CSV, {"status__exact": "confirmed", "q": "Dupont"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["Référence"] for row in rows] == [confirmed.reference]


def test_xlsx_export_opens_with_french_headers_and_rows(staff_client, registrations):
    confirmed, pending, _ = registrations
    response = export(staff_client, XLSX, {"event__id__exact": confirmed.event_id})

    assert "spreadsheetml" in response["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    for header in ("Référence", "Nom", "Organisme", "Tarif", "Atelier", "Statut", "Adhésion"):
        assert header in headers
    data = [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    assert {row["Référence"] for row in data} == {confirmed.reference, pending.reference}
    row = next(row for row in data if row["Référence"] == confirmed.reference)
    assert Decimal(str(row["Montant (€)"])) == Decimal("1750")  # a number, not text
    assert row["Atelier"] == "Atelier 1 : Soutien communautaire"
    assert row["Adhésion"] == "Adhésion vérifiée"


def test_exports_never_turn_typed_text_into_a_formula(staff_client, registrations):
    _, pending, _ = registrations
    response = export(staff_client, XLSX, {"q": pending.reference})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    name_cell = sheet.cell(row=2, column=headers.index("Nom") + 1)
    assert name_cell.data_type == "s"
    assert name_cell.value == '\'=HYPERLINK("http://example.org")'

    text = export(staff_client, CSV, {"q": pending.reference}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "01 23 45 67 89" in text  # phone numbers are left as typed


def test_export_query_count_does_not_grow_with_the_rows(staff_client, django_assert_num_queries):
    event = EventFactory()
    tariff, workshop = TariffFactory(event=event), WorkshopFactory(event=event)
    member = MemberOrganisationFactory()

    def add(count):
        RegistrationFactory.create_batch(
            count, event=event, tariff=tariff, workshop=workshop, member=member
        )

    add(2)
    with CaptureQueriesContext(connection) as few:
        export(staff_client, CSV)
    add(40)
    with django_assert_num_queries(len(few)):
        response = export(staff_client, CSV)
    assert response.content.decode("utf-8-sig").count(event.title) == 42


def test_export_of_the_selected_registrations_from_the_action(staff_client, registrations):
    confirmed, pending, other = registrations
    changelist = reverse("admin:registrations_registration_changelist")
    form = staff_client.post(
        changelist,
        {"action": "export_admin_action", "_selected_action": [confirmed.pk, other.pk]},
    )
    assert form.status_code == 200
    response = staff_client.post(
        EXPORT,
        {"format": CSV, "resource": "0", "export_items": [confirmed.pk, other.pk]},
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert {row["Référence"] for row in rows} == {confirmed.reference, other.reference}


def test_xlsx_export_is_clean_in_a_french_spreadsheet(staff_client, registrations):
    confirmed, _, _ = registrations
    confirmed.confirmed_at = dt.datetime(2012, 10, 2, 8, 30, tzinfo=dt.UTC)
    confirmed.save()
    response = export(staff_client, XLSX, {"event__id__exact": confirmed.event_id})

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.title == "Inscriptions"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    headers = [cell.value for cell in sheet[1]]
    assert all(cell.font.bold for cell in sheet[1])
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == confirmed.reference)
    cells = dict(zip(headers, row, strict=True))
    confirmed_at = cells["Confirmée le"]
    assert confirmed_at.is_date
    assert confirmed_at.value == dt.datetime(2012, 10, 2, 10, 30)  # Paris time
    assert confirmed_at.number_format == "DD/MM/YYYY HH:MM"
    amount = cells["Montant (€)"]
    assert amount.data_type == "n" and amount.value == 1750
    assert "€" in amount.number_format
    assert cells["Inscrit le"].is_date
    widths = {
        header: sheet.column_dimensions[cell.column_letter].width for header, cell in cells.items()
    }
    assert widths["Organisme"] >= len("Office inconnu") + 2
    assert widths["Tarif"] >= len("Hébergement et repas du soir inclus")
    assert all(8 <= width <= 52 for width in widths.values())


def test_csv_export_is_french_excel_csv(staff_client, registrations):
    confirmed, _, _ = registrations
    confirmed.confirmed_at = dt.datetime(2012, 10, 2, 8, 30, tzinfo=dt.UTC)
    confirmed.save()

    content = export(staff_client, CSV, {"event__id__exact": confirmed.event_id}).content

    assert content.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs
    header = content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Référence;Événement;Nom;")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    row = next(row for row in rows if row["Référence"] == confirmed.reference)
    assert row["Confirmée le"] == "02/10/2012 10:30"
    assert row["Montant (€)"] == "1750,00"
