import html
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.factories import EventFactory, MemberOrganisationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:registrations_registration_changelist")


@pytest.fixture
def outsider_client(client):
    """Staff, so the admin lets them in, but outside "Gestion des inscriptions"."""
    user = get_user_model().objects.create_user(username="stagiaire", password="x", is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def registration():
    return RegistrationFactory(last_name="Confidentiel")


def staff_urls(registration):
    event = registration.event
    member = MemberOrganisationFactory()
    return [
        CHANGELIST,
        reverse("admin:registrations_registration_change", args=[registration.pk]),
        reverse("admin:registrations_registration_history", args=[registration.pk]),
        reverse("admin:registrations_registration_export"),
        reverse("admin:registrations_dashboard", args=[event.pk]),
        reverse("admin:registrations_badges", args=[event.pk]),
        reverse(
            "admin:registrations_sign_in_sheet",
            args=[event.pk, event.start_date.isoformat(), "matin"],
        ),
        reverse("admin:registrations_memberorganisation_changelist"),
        reverse("admin:registrations_memberorganisation_change", args=[member.pk]),
        reverse("admin:registrations_memberorganisation_add"),
        reverse("admin:registrations_memberorganisation_import"),
        reverse("admin:registrations_memberorganisation_export"),
    ]


def test_staff_outside_the_group_gets_403_and_sees_no_registrations(outsider_client, registration):
    for url in staff_urls(registration):
        assert outsider_client.get(url).status_code == 403, url

    index = outsider_client.get(reverse("admin:index")).content.decode()
    assert CHANGELIST not in index
    response = outsider_client.post(
        CHANGELIST, {"action": "download_confirmations", "_selected_action": [registration.pk]}
    )
    assert response.status_code == 403
    assert b"Confidentiel" not in response.content


def test_staff_in_the_group_opens_every_back_office_page(staff_client, registration):
    expected = [
        registration.reference,
        "Modification de l'inscription",
        "Historique de l'inscription",
        "Exporter",
        registration.event.title,
        "%PDF",
        "%PDF",
        "Organismes adhérents",
        "Modification de l'organisme adhérent",
        "Ajout d'un organisme adhérent",
        "Fichier à importer",
        "Format",
    ]

    for url, content in zip(staff_urls(registration), expected, strict=True):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert content in html.unescape(response.content.decode(errors="replace")), url
    assert CHANGELIST in staff_client.get(reverse("admin:index")).content.decode()


def test_staff_in_the_group_is_offered_every_action_but_delete(staff_client, registration):
    response = staff_client.get(CHANGELIST)
    actions = {name for name, _label in response.context["action_form"].fields["action"].choices}
    assert actions == {
        "",
        "confirm",
        "record_membership",
        "promote",
        "cancel",
        "issue_invoices",
        "resend_confirmation",
        "download_confirmations",
        "sign_in_sheets",
        "badges",
        "send_failed_messages_again",
        "conventions",
        "send_convocations",
        "resend_convocations",
        "send_certificates",
        "resend_certificates",
        "send_survey",
        "send_cold_survey",
        "export_personal_data",
        "erase_personal_data",
        "export_admin_action",
    }


def test_staff_in_the_group_can_view_the_programme_and_edit_the_event(staff_client):
    event = EventFactory()
    assert staff_client.get(reverse("admin:programme_event_changelist")).status_code == 200
    assert (
        staff_client.get(reverse("admin:programme_event_change", args=[event.pk])).status_code
        == 200
    )
    assert staff_client.get(reverse("admin:programme_event_add")).status_code == 403


def test_make_run_staff_account_is_in_the_group_and_not_a_superuser(client, registration):
    call_command("ensure_staff_account", stdout=StringIO())
    victoria = get_user_model().objects.get(username="victoria")
    assert victoria.is_staff and not victoria.is_superuser
    client.force_login(victoria)
    assert client.get(CHANGELIST).status_code == 200
    assert victoria.has_perm("registrations.change_registration")
    assert not victoria.has_perm("registrations.delete_registration")
    assert not victoria.has_perm("registrations.add_registration")
    assert not victoria.has_perm("programme.change_programmeitem")
