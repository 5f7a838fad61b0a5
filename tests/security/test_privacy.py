"""Privacy: anonymisation reaches every copy; a person's data exported or erased on request."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse

from registrations import services
from registrations.documents import ConfirmationDocument
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:registrations_registration_changelist")


@pytest.fixture
def past_event():
    return EventFactory(
        start_date=dt.date(2012, 11, 14), end_date=dt.date(2012, 11, 16), reference_prefix="OLD"
    )


def log_change(user, registration):
    return LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(registration.pk),
        object_repr=str(registration),
        action_flag=CHANGE,
        change_message="[]",
    )


def session_with(**data):
    session = SessionStore()
    session.update(data)
    session.create()
    return session.session_key


def private_urls(token):
    return [
        reverse(f"registrations:{name}", kwargs={"token": token})
        for name in ["detail", "confirmation_pdf", "calendar"]
    ]


def test_anonymise_reaches_log_sessions_documents_deleted_history_and_token(
    client, past_event, admin_user
):
    old = RegistrationFactory(event=past_event, last_name="Durand", email="camille@example.org")
    token = old.token
    entry = log_change(admin_user, old)
    with_token = session_with(registration_tokens=[token])
    with_email = session_with(already_registered_email="Camille@example.org")
    unrelated = session_with(registration_tokens=["autre"])
    ConfirmationDocument(old).pdf()  # cached with the name in it
    assert len(caches["documents"]._cache)
    gone = RegistrationFactory(event=past_event, last_name="Supprimé", email="parti@example.org")
    gone_id = gone.pk
    gone.delete()  # its history keeps its name

    call_command("anonymise_registrations", "--after-days=365", stdout=StringIO())

    entry.refresh_from_db()
    assert "Durand" not in entry.object_repr
    assert set(Session.objects.values_list("pk", flat=True)) == {unrelated}
    assert with_token != with_email
    assert not caches["documents"]._cache
    for record in Registration.history.filter(id=gone_id):
        assert (record.last_name, record.email) == (
            "Anonymisé",
            f"anonyme-{gone_id}@anonyme.invalid",
        )
    for url in private_urls(token):
        assert client.get(url).status_code == 404, url
    old.refresh_from_db()
    for url in private_urls(old.token):  # not even with the new one
        assert client.get(url).status_code == 404, url


@pytest.fixture
def person(admin_user):
    first = RegistrationFactory(last_name="Durand", email="camille@example.org")
    second = RegistrationFactory(last_name="Durand", email="CAMILLE@example.org")
    first.job_title = "Conseillère principale"
    first.save()
    log_change(admin_user, first)
    other = RegistrationFactory(last_name="Autre", email="autre@example.org")
    return first, second, other


def test_staff_exports_everything_held_about_one_person(staff_client, person):
    first, second, other = person
    services.invoice_issue(registrations=[first])  # what points at it is exported too

    response = staff_client.post(
        CHANGELIST, {"action": "export_personal_data", "_selected_action": [first.pk]}
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["personne"] == "camille@example.org"
    references = [item["inscription"]["reference"] for item in data["inscriptions"]]
    assert references == [first.reference, second.reference]
    first_item = data["inscriptions"][0]
    assert first_item["inscription"]["last_name"] == "Durand"
    assert "token" not in first_item["inscription"]
    assert [row["type"] for row in first_item["historique"]][:2] == ["création", "modification"]
    assert first_item["historique"][1]["valeurs"]["job_title"] == "Conseillère principale"
    assert len(first_item["journal_administration"]) == 1
    assert [line["registration"]["id"] for line in first_item["lignes de facture"]] == [first.pk]
    # The outbox: each message sent about it, with its recipient and fate.
    sent = first_item["messages envoyés"]
    assert [(row["kind"], row["recipient"]) for row in sent] == [
        ("invoice_issued", "camille@example.org")
    ]
    assert {"state", "attempts", "subject", "sent_at"} <= set(sent[0])
    assert "Autre" not in response.content.decode()


def test_export_refuses_a_selection_of_several_people(staff_client, person):
    first, _second, other = person

    response = staff_client.post(
        CHANGELIST,
        {"action": "export_personal_data", "_selected_action": [first.pk, other.pk]},
        follow=True,
    )

    assert "une seule personne" in response.content.decode()


def test_staff_erases_one_person_after_a_confirmation(client, staff_client, person):
    first, second, other = person
    token = first.token
    data = {"action": "erase_personal_data", "_selected_action": [first.pk]}

    confirmation = staff_client.post(CHANGELIST, data)
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert first.reference in page and second.reference in page and other.reference not in page
    # Its form posts the erasure again for the selected row only.
    assert '<input type="hidden" name="action" value="erase_personal_data">' in page
    assert f'name="_selected_action" value="{first.pk}"' in page
    assert f'name="_selected_action" value="{second.pk}"' not in page
    assert Registration.objects.get(pk=first.pk).last_name == "Durand"  # nothing yet

    services.invoice_issue(registrations=[first])  # an e-mail to the person, in the outbox
    first.messages.update(last_error="SMTP 550 camille@example.org inconnue")

    done = staff_client.post(CHANGELIST, {**data, "post": "yes"}, follow=True)

    assert "2 inscriptions anonymisées" in done.content.decode()
    for registration in (first, second):
        registration.refresh_from_db()
        assert registration.last_name == "Anonymisé"
        assert registration.status == RegistrationStatus.CANCELLED
        assert all(record.last_name == "Anonymisé" for record in registration.history.all())
    assert "Durand" not in LogEntry.objects.get(object_id=str(first.pk)).object_repr
    assert list(first.messages.values_list("recipient", "last_error")) == [
        (f"anonyme-{first.pk}@anonyme.invalid", "")
    ]
    other.refresh_from_db()
    assert other.last_name == "Autre"
    for url in private_urls(token):
        assert client.get(url).status_code == 404
