import datetime as dt
import html
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registrations.enums import MembershipState, RegistrationStatus
from registrations.models import MemberOrganisation
from tests.factories import EventFactory, MemberOrganisationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:registrations_memberorganisation_import")
PROCESS = reverse("admin:registrations_memberorganisation_process_import")
CHANGELIST = reverse("admin:registrations_memberorganisation_changelist")
CSV, XLSX = "0", "1"
HEADER = "Nom,Numéro d'adhérent,Ville,Adhésion du,Adhésion jusqu'au\n"


def upload(client, content, name="adherents.csv", file_format=CSV):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(
        IMPORT,
        {"import_file": SimpleUploadedFile(name, data), "format": file_format, "resource": "0"},
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial[name] for name in form.fields}
    return client.post(PROCESS, data, follow=True)


def messages_of(response):
    return [html.unescape(str(message)) for message in response.context["messages"]]


def test_csv_import_previews_then_creates_members_with_both_date_formats(staff_client):
    preview = upload(
        staff_client,
        HEADER
        + "Villeurbanne Est Habitat,A100,Villeurbanne,01/01/2012,31/12/2012\n"
        + "OPAC 38, A101 ,Grenoble,2012-01-01,2013-06-30\n",
    )

    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 2
    assert "Villeurbanne Est Habitat" in preview.content.decode()
    assert not MemberOrganisation.objects.exists()  # nothing saved before confirming

    done = confirm(staff_client, preview)

    assert done.redirect_chain[-1][0] == CHANGELIST
    opac = MemberOrganisation.objects.get(member_number="A101")
    assert opac.name == "OPAC 38" and opac.city == "Grenoble"
    assert opac.subscription_start == dt.date(2012, 1, 1)
    assert opac.subscription_end == dt.date(2013, 6, 30)
    assert opac.normalized_name  # kept in step by the model
    villeurbanne = MemberOrganisation.objects.get(member_number="A100")
    assert villeurbanne.subscription_end == dt.date(2012, 12, 31)


def test_import_updates_a_member_found_by_its_number(staff_client):
    MemberOrganisationFactory(name="Paris Habitat", member_number="A200", city="")
    preview = upload(staff_client, HEADER + "Paris Habitat OPH,A200,Paris,01/01/2012,31/12/2014\n")
    assert preview.context["result"].totals["update"] == 1
    confirm(staff_client, preview)
    member = MemberOrganisation.objects.get(member_number="A200")
    assert member.name == "Paris Habitat OPH" and member.city == "Paris"
    assert MemberOrganisation.objects.count() == 1


def test_import_reads_a_semicolon_csv_as_french_excel_writes_it(staff_client):
    content = (
        HEADER.replace(",", ";") + "La Nantaise d'Habitation;A300;Nantes;01/01/2012;31/12/2012\n"
    )
    confirm(staff_client, upload(staff_client, content))
    assert MemberOrganisation.objects.get(member_number="A300").city == "Nantes"


def test_xlsx_import_reads_date_cells_and_text_dates(staff_client):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Numéro d'adhérent", "Ville", "Adhésion du", "Adhésion jusqu'au"])
    sheet.append(["Habitat 44", "A400", "Nantes", dt.datetime(2012, 1, 1), "31/12/2012"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    preview = upload(staff_client, buffer.getvalue(), name="adherents.xlsx", file_format=XLSX)
    confirm(staff_client, preview)

    member = MemberOrganisation.objects.get(member_number="A400")
    assert member.subscription_start == dt.date(2012, 1, 1)
    assert member.subscription_end == dt.date(2012, 12, 31)


def test_import_preview_shows_errors_per_row_and_offers_no_confirmation(staff_client):
    preview = upload(
        staff_client,
        HEADER
        + "Bon organisme,A500,Lyon,01/01/2012,31/12/2012\n"
        + "Date illisible,A501,Lyon,le premier janvier,31/12/2012\n"
        + "Période à l'envers,A502,Lyon,31/12/2012,01/01/2012\n"
        + ",A503,Lyon,01/01/2012,31/12/2012\n",
    )

    assert preview.status_code == 200
    result = preview.context["result"]
    assert result.has_validation_errors()
    invalid = {row.number: row for row in result.invalid_rows}
    assert set(invalid) == {2, 3, 4}
    content = html.unescape(preview.content.decode())
    assert "Date « le premier janvier » illisible : écrire JJ/MM/AAAA ou AAAA-MM-JJ." in content
    assert "La fin de l'adhésion précède son début." in content
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert not MemberOrganisation.objects.exists()


def test_confirmed_import_verifies_pending_registrations_and_says_how_many(staff_client):
    event = EventFactory(start_date=dt.date(2012, 11, 14), end_date=dt.date(2012, 11, 16))
    waiting_for_it = RegistrationFactory(
        event=event,
        organisation_name="Logis Métropole",
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
    )
    still_unknown = RegistrationFactory(
        event=event,
        organisation_name="Organisme inconnu",
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
    )

    preview = upload(staff_client, HEADER + "Logis Métropole,A600,Lille,01/01/2012,31/12/2012\n")
    done = confirm(staff_client, preview)

    messages = messages_of(done)
    assert any(message.startswith("Importation terminée") for message in messages), messages
    assert (
        "1 inscription en attente a été vérifiée automatiquement "
        "(organisme désormais adhérent à jour)." in messages
    )
    waiting_for_it.refresh_from_db()
    still_unknown.refresh_from_db()
    assert waiting_for_it.membership_state == MembershipState.VERIFIED
    assert waiting_for_it.status == RegistrationStatus.CONFIRMED
    assert waiting_for_it.member.member_number == "A600"
    assert still_unknown.membership_state == MembershipState.PENDING


def test_member_list_searches_and_edits(staff_client):
    MemberOrganisationFactory(name="Villeurbanne Est Habitat", member_number="A700")
    MemberOrganisationFactory(name="OPAC 38", member_number="A701")
    response = staff_client.get(CHANGELIST, {"q": "villeurbanne"})
    assert [m.member_number for m in response.context["cl"].result_list] == ["A700"]

    member = MemberOrganisation.objects.get(member_number="A701")
    url = reverse("admin:registrations_memberorganisation_change", args=[member.pk])
    response = staff_client.post(
        url,
        {
            "name": "OPAC 38",
            "member_number": "A701",
            "city": "Grenoble",
            "subscription_start": "01/01/2012",
            "subscription_end": "31/12/2013",
        },
        follow=True,
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.city == "Grenoble"
    assert member.subscription_end == dt.date(2013, 12, 31)


def test_import_is_refused_to_staff_without_the_add_permission(client):
    user = get_user_model().objects.create_user(username="lecteur", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(IMPORT).status_code == 403


def test_member_edit_refuses_a_period_ending_before_it_starts(staff_client):
    member = MemberOrganisationFactory(member_number="A800")
    url = reverse("admin:registrations_memberorganisation_change", args=[member.pk])
    response = staff_client.post(
        url,
        {
            "name": member.name,
            "member_number": "A800",
            "city": "",
            "subscription_start": "01/01/2013",
            "subscription_end": "01/01/2012",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["__all__"] == [
        "La fin de l'adhésion précède son début."
    ]


def test_import_without_pending_registrations_says_none_was_verified(staff_client):
    preview = upload(staff_client, HEADER + "Habitat 59,A900,Lille,01/01/2012,31/12/2012\n")
    messages = messages_of(confirm(staff_client, preview))
    assert (
        "0 inscription en attente a été vérifiée automatiquement "
        "(organisme désormais adhérent à jour)." in messages
    )
