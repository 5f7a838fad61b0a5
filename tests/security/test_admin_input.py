"""The admin's forms clean typed text like the public ones; exports never hold a formula."""

import csv
import io

import pytest
from django.contrib import admin
from django.urls import reverse

from afpols_events.forms import CleanTextMixin
from registrations.admin.resources import spreadsheet_safe
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_every_admin_form_of_the_project_cleans_control_characters():
    ours = ("programme", "registrations")
    unclean = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ours:
            continue
        for candidate in [model_admin, *model_admin.inlines]:
            if not issubclass(candidate.form, CleanTextMixin):
                unclean.append(f"{model.__name__}: {getattr(candidate, '__name__', candidate)}")
    assert unclean == [], (
        "Set `form` to afpols_events.forms.CleanModelForm (or a subclass), or add "
        f"CleanTextAdminMixin: {unclean}"
    )


def test_staff_correction_with_a_line_break_is_stored_on_one_line(admin_client):
    registration = RegistrationFactory(first_name="Camille", last_name="Martin")
    url = reverse("admin:registrations_registration_change", args=[registration.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: form.initial.get(name) or getattr(registration, name, "")
        for name in form.fields
        if not name.endswith("_at")
    }
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data.update(last_name="Mar\r\ntin\x1b", address="1 rue\r\n75005 Paris", signed_on="")
    data["signed_on"] = registration.signed_on.strftime("%d/%m/%Y")

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    registration.refresh_from_db()
    assert registration.last_name == "Mar tin"
    assert registration.address == "1 rue\n75005 Paris"


@pytest.mark.parametrize(
    "typed",
    ["=1+1", "+1+1", "-1+1", "-2", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1", "  =1+1", "+33 (0)1"],
)
def test_every_formula_like_cell_gets_an_apostrophe(typed):
    assert spreadsheet_safe(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["+33 1 40 75 79 04", "01 23 45 67 89", "Dupont", "a=b"])
def test_harmless_cells_are_left_alone(typed):
    assert spreadsheet_safe(typed) == typed


def test_csv_export_neutralises_formulas_in_every_column(staff_client):
    RegistrationFactory(
        last_name="-1+1",
        first_name="@SUM(1)",
        job_title="\t=cmd",
        organisation_name="\r=cmd",
        address="+1+1",
        contact_person="=HYPERLINK(1)",
    )

    response = staff_client.post(
        reverse("admin:registrations_registration_export"), {"format": "0", "resource": "0"}
    )

    text = response.content.decode("utf-8-sig")
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    row = rows[0]
    for column in ["Nom", "Prénom", "Fonction", "Organisme", "Adresse", "Personne à contacter"]:
        assert row[column].startswith("'"), (column, row[column])
