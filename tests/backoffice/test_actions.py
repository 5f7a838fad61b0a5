import html
import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from registrations.enums import MembershipState, PaymentState, RegistrationStatus
from registrations.models import Invoice, Registration
from tests.factories import EventFactory, RegistrationFactory, TariffFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:registrations_registration_changelist")


def run_action(client, action, registrations, **extra):
    data = {"action": action, "_selected_action": [r.pk for r in registrations], **extra}
    return client.post(CHANGELIST, data, follow=True)


def messages_of(response):
    """Messages as Victoria reads them (the summary is HTML, with entities)."""
    return [html.unescape(str(message)) for message in response.context["messages"]]


def pending(**kwargs):
    return RegistrationFactory(
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
        **kwargs,
    )


def test_confirm_confirms_verified_ones_and_refuses_without_verified_membership(staff_client):
    event = EventFactory()
    ready = RegistrationFactory(
        event=event,
        last_name="Prete",
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.VERIFIED,
    )
    unverified = pending(event=event, last_name="Sansadhesion", first_name="Paul")

    response = run_action(staff_client, "confirm", [ready, unverified])

    [message] = messages_of(response)
    assert message.startswith("1 inscription confirmée ; 1 refusée :")
    assert f"{unverified.reference} (Paul Sansadhesion) : Impossible de confirmer" in message
    assert "adhésion" in message
    ready.refresh_from_db()
    unverified.refresh_from_db()
    assert ready.status == RegistrationStatus.CONFIRMED
    assert unverified.status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_confirm_of_several_says_how_many(staff_client):
    event = EventFactory()
    registrations = RegistrationFactory.create_batch(
        3,
        event=event,
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.VERIFIED,
    )
    response = run_action(staff_client, "confirm", registrations)
    assert messages_of(response) == ["3 inscriptions confirmées"]


def test_record_membership_verifies_and_confirms_a_pending_registration(staff_client):
    registration = pending()
    year = registration.event.start_date.year

    asked = run_action(staff_client, "record_membership", [registration])
    assert "Adhésion du" in asked.content.decode()
    response = run_action(
        staff_client,
        "record_membership",
        [registration],
        post="yes",
        subscription_start=f"01/01/{year}",
        subscription_end=f"31/12/{year}",
    )
    assert messages_of(response) == ["1 adhésion enregistrée"]
    registration.refresh_from_db()
    assert registration.membership_state == MembershipState.VERIFIED
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_asks_for_confirmation_first(staff_client):
    registration = RegistrationFactory(last_name="Prudent")
    response = staff_client.post(
        CHANGELIST, {"action": "cancel", "_selected_action": [registration.pk]}
    )
    assert response.status_code == 200
    assert "Annuler cette inscription ?" in response.content.decode()
    assert "Prudent" in response.content.decode()
    # Its form posts the same action again for the selected rows.
    assert '<input type="hidden" name="action" value="cancel">' in response.content.decode()
    assert f'name="_selected_action" value="{registration.pk}"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_once_confirmed_cancels_and_refuses_an_already_cancelled_one(
    staff_client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    active = RegistrationFactory(event=event)
    gone = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(staff_client, "cancel", [active, gone], post="yes")

    [message] = messages_of(response)
    assert message.startswith("1 inscription annulée ; 1 refusée :")
    assert "déjà annulée" in message
    active.refresh_from_db()
    assert active.status == RegistrationStatus.CANCELLED
    assert [m.to for m in mail.outbox] == [[active.email]]


def test_promote_gives_a_free_place_and_refuses_when_the_workshop_is_full(staff_client):
    event = EventFactory()
    tariff = TariffFactory(event=event)
    roomy = WorkshopFactory(event=event, capacity=None)
    full = WorkshopFactory(event=event, capacity=1)
    RegistrationFactory(event=event, tariff=tariff, workshop=full)
    lucky = RegistrationFactory(
        event=event, tariff=tariff, workshop=roomy, status=RegistrationStatus.WAITING_LIST
    )
    unlucky = RegistrationFactory(
        event=event,
        tariff=tariff,
        workshop=full,
        status=RegistrationStatus.WAITING_LIST,
        last_name="Complet",
    )

    response = run_action(staff_client, "promote", [lucky, unlucky])

    [message] = messages_of(response)
    assert message.startswith("1 inscription sortie de la liste d'attente ; 1 refusée :")
    assert f"{unlucky.reference} (Camille Complet) : Impossible de promouvoir" in message
    lucky.refresh_from_db()
    unlucky.refresh_from_db()
    assert lucky.status == RegistrationStatus.CONFIRMED
    assert unlucky.status == RegistrationStatus.WAITING_LIST


def test_promote_refused_when_the_event_is_full(staff_client):
    event = EventFactory(seat_capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST)
    response = run_action(staff_client, "promote", [waiting])
    [message] = messages_of(response)
    assert message.startswith("0 inscription sortie de la liste d'attente ; 1 refusée :")
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING_LIST


def test_issue_invoices_groups_per_organisation_and_refuses_the_waiting_list(staff_client):
    event = EventFactory()
    first, second = RegistrationFactory.create_batch(2, event=event)
    other = RegistrationFactory(event=event, organisation_name="Lille Métropole Habitat")
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING_LIST)

    response = run_action(staff_client, "issue_invoices", [first, second, other, waiting])

    [message] = messages_of(response)
    assert message.startswith("2 factures émises (")
    assert f"1 inscription refusée : {waiting.reference}" in message
    assert Invoice.objects.count() == 2
    assert sorted(invoice.lines.count() for invoice in Invoice.objects.all()) == [1, 2]
    for registration in (first, second, other):
        registration.refresh_from_db()
        assert registration.payment_state == PaymentState.INVOICED and registration.invoiced_at
    waiting.refresh_from_db()
    assert waiting.payment_state == PaymentState.NOT_INVOICED


def test_resend_confirmation_sends_the_e_mail_again_and_refuses_cancelled_ones(
    staff_client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    active = RegistrationFactory(event=event)
    gone = RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(staff_client, "resend_confirmation", [active, gone])

    [message] = messages_of(response)
    assert message.startswith("1 e-mail de confirmation renvoyé ; 1 refusée :")
    assert "annulée" in message
    assert [m.to for m in mail.outbox] == [[active.email]]


def test_refusal_message_shows_typed_html_as_text(staff_client):
    registration = pending(last_name="<b>Gras</b>")
    response = run_action(staff_client, "confirm", [registration])
    content = response.content.decode()
    assert "&lt;b&gt;Gras&lt;/b&gt;" in content
    assert "<b>Gras</b>" not in content


def test_download_confirmations_gives_one_zip_with_a_pdf_per_registration(staff_client):
    event = EventFactory()
    registrations = RegistrationFactory.create_batch(2, event=event)

    response = staff_client.post(
        CHANGELIST,
        {"action": "download_confirmations", "_selected_action": [r.pk for r in registrations]},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(
        f"confirmation-{r.reference}.pdf" for r in registrations
    )
    for registration in registrations:
        pdf = PdfReader(io.BytesIO(archive.read(f"confirmation-{registration.reference}.pdf")))
        text = "".join(page.extract_text() for page in pdf.pages)
        assert registration.reference in text
        assert registration.last_name in text or registration.last_name.upper() in text


def test_sign_in_sheets_and_badges_actions_give_pdfs_of_the_selection(staff_client):
    event = EventFactory()
    chosen = RegistrationFactory(event=event, last_name="Choisie")
    RegistrationFactory(event=event, last_name="Oubliee")
    for action in ("sign_in_sheets", "badges"):
        response = staff_client.post(
            CHANGELIST, {"action": action, "_selected_action": [chosen.pk]}
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        assert "CHOISIE" in text.upper()
        assert "OUBLIEE" not in text.upper()


def test_sign_in_sheets_action_refuses_two_events_with_a_message(staff_client):
    first, second = RegistrationFactory(), RegistrationFactory()
    response = run_action(staff_client, "sign_in_sheets", [first, second])
    assert messages_of(response) == ["Sélectionnez les inscriptions d'un seul événement à la fois."]
    assert Registration.objects.count() == 2


def test_an_action_is_recorded_in_the_history_with_who_did_it(staff_client, staff_user):
    registration = RegistrationFactory(status=RegistrationStatus.WAITING_LIST)
    run_action(staff_client, "promote", [registration])
    latest = registration.history.latest()
    assert latest.status == RegistrationStatus.CONFIRMED
    assert latest.history_user == staff_user
