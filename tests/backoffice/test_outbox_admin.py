"""The outbox in the admin: the registration's messages on its page, a filter for failed
messages, and the action that sends them again (to the address the registration has now)."""

import html

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from registrations.enums import MessageKind, MessageState
from registrations.models import OutgoingMessage
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:registrations_registration_changelist")


def failed_message(registration, kind=MessageKind.REGISTERED):
    return OutgoingMessage.objects.create(
        registration=registration,
        kind=kind,
        recipient=registration.email,
        state=MessageState.FAILED,
        attempts=6,
        last_attempt_at=timezone.now(),
        last_error="SMTPRecipientsRefused: {'camile@exemple.org': (550, b'No such user')}",
    )


def test_registration_page_shows_its_messages_read_only(staff_client):
    registration = RegistrationFactory()
    failed_message(registration)
    OutgoingMessage.objects.create(
        registration=registration,
        kind=MessageKind.STAFF_REGISTERED,
        recipient="v.esteban.afpols@union-habitat.org",
        state=MessageState.SENT,
        attempts=1,
        sent_at=timezone.now(),
    )

    response = staff_client.get(
        reverse("admin:registrations_registration_change", args=[registration.pk])
    )

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Messages envoyés (e-mails)" in page
    assert "Inscription enregistrée" in page and "Échec" in page
    assert "Nouvelle inscription (équipe)" in page and "Envoyé" in page
    assert "550, b'No such user'" in page
    assert 'name="messages-0-recipient"' not in page  # Nothing to edit.


def test_staff_can_list_registrations_with_a_failed_message(staff_client):
    failing = RegistrationFactory()
    failed_message(failing)
    fine = RegistrationFactory()
    OutgoingMessage.objects.create(
        registration=fine,
        kind=MessageKind.REGISTERED,
        recipient=fine.email,
        state=MessageState.SENT,
        sent_at=timezone.now(),
    )

    response = staff_client.get(CHANGELIST, {"message": "failed"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [failing]
    assert "Avec un message en échec" in html.unescape(response.content.decode())


def test_action_sends_failed_messages_again(staff_client, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(email="camille@example.org")
    message = failed_message(registration)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            CHANGELIST,
            {"action": "send_failed_messages_again", "_selected_action": [registration.pk]},
            follow=True,
        )

    message.refresh_from_db()
    assert message.state == MessageState.SENT and message.attempts == 1
    assert [m.to for m in mail.outbox] == [["camille@example.org"]]
    shown = [html.unescape(str(m)) for m in response.context["messages"]]
    assert shown == ["1 message remis en file d'envoi."]
