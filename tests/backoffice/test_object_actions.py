"""Actions on a registration's own admin page: those that fit its state, through the same
services as the list's actions, with refusals that say what to do instead."""

import datetime as dt
import html

import pytest
from django.core import mail
from django.urls import reverse

from registrations.admin.actions import REGISTRATION_OBJECT_ACTIONS
from registrations.enums import MembershipState, PaymentState, RegistrationStatus
from registrations.models import MemberOrganisation, Registration
from registrations.services import check_registration_membership
from tests.factories import MemberOrganisationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def change_url(registration):
    return reverse("admin:registrations_registration_change", args=[registration.pk])


def action_url(registration, name):
    return reverse(
        "admin:registrations_registration_object_action",
        kwargs={"object_id": registration.pk, "name": name},
    )


def messages_of(response):
    return [html.unescape(str(message)) for message in response.context["messages"]]


def offered(client, registration):
    page = client.get(change_url(registration)).content.decode()
    return [a.name for a in REGISTRATION_OBJECT_ACTIONS if action_url(registration, a.name) in page]


def pending(**kwargs):
    return RegistrationFactory(
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
        organisation_name="Office Nouveau de Roubaix",
        **kwargs,
    )


def test_the_page_offers_the_actions_that_fit_each_state(staff_client):
    awaiting = pending()
    confirmed = RegistrationFactory()
    waiting = RegistrationFactory(status=RegistrationStatus.WAITING_LIST)
    cancelled = RegistrationFactory(status=RegistrationStatus.CANCELLED)

    assert offered(staff_client, awaiting) == [
        "confirmer",
        "adhesion",
        "facture",
        "renvoyer",
        "convention-signee",
        "annuler",
    ]
    assert offered(staff_client, confirmed) == [
        "facture",
        "renvoyer",
        "convention-signee",
        "annuler",
    ]
    assert offered(staff_client, waiting) == ["liste-attente", "renvoyer", "annuler"]
    assert offered(staff_client, cancelled) == []


def test_confirm_on_a_registration_awaiting_membership_points_to_record_membership(
    staff_client,
):
    registration = pending()

    response = staff_client.post(action_url(registration, "confirmer"), follow=True)

    [message] = messages_of(response)
    assert "Impossible de confirmer" in message
    assert "Utilisez « Enregistrer l'adhésion »" in message
    assert response.redirect_chain[-1][0] == change_url(registration)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_record_membership_asks_a_period_and_puts_the_organisation_on_the_member_list(
    staff_client,
):
    registration = pending()
    event = registration.event
    year = event.start_date.year
    form_page = staff_client.get(action_url(registration, "adhesion"))
    assert form_page.status_code == 200
    assert form_page.context["form"].initial["subscription_start"] == dt.date(year, 1, 1)

    response = staff_client.post(
        action_url(registration, "adhesion"),
        {"subscription_start": f"01/01/{year}", "subscription_end": f"31/12/{year}"},
        follow=True,
    )

    assert messages_of(response) == [f"Adhésion enregistrée pour l'inscription {registration}."]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    member = MemberOrganisation.objects.get(name="Office Nouveau de Roubaix")
    assert registration.member == member
    assert (member.subscription_start, member.subscription_end) == (
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
    )
    # The next registrant from that organisation is recognised at once.
    check = check_registration_membership(
        organisation_name="office nouveau de ROUBAIX", on_date=event.start_date
    )
    assert check.is_paid_up and check.member == member


def test_record_membership_links_an_existing_lapsed_member_and_gives_it_the_period(
    staff_client,
):
    registration = pending()
    year = registration.event.start_date.year
    lapsed = MemberOrganisationFactory(
        name="Office Nouveau de Roubaix",
        subscription_start=dt.date(year - 3, 1, 1),
        subscription_end=dt.date(year - 2, 12, 31),
    )

    staff_client.post(
        action_url(registration, "adhesion"),
        {"subscription_start": f"01/01/{year}", "subscription_end": f"31/12/{year}"},
    )

    lapsed.refresh_from_db()
    assert MemberOrganisation.objects.count() == 1
    assert lapsed.covers(registration.event.start_date)
    registration.refresh_from_db()
    assert registration.member == lapsed


def test_record_membership_refuses_a_period_that_misses_the_event(staff_client):
    registration = pending()
    year = registration.event.start_date.year

    response = staff_client.post(
        action_url(registration, "adhesion"),
        {"subscription_start": f"01/01/{year - 2}", "subscription_end": f"31/12/{year - 2}"},
    )

    assert response.status_code == 400
    assert "ne couvre pas la date de la rencontre" in response.content.decode()
    registration.refresh_from_db()
    assert registration.membership_state == MembershipState.PENDING
    assert not MemberOrganisation.objects.exists()


def test_issue_the_invoice_then_record_the_payment_from_the_page(staff_client):
    registration = RegistrationFactory()

    staff_client.post(action_url(registration, "facture"), follow=True)
    registration.refresh_from_db()
    assert registration.payment_state == PaymentState.INVOICED
    assert "paiement" in offered(staff_client, registration)
    form = staff_client.get(action_url(registration, "paiement"))
    assert form.context["form"].initial["means"] == "transfer"
    today = dt.date.today().strftime("%d/%m/%Y")
    response = staff_client.post(
        action_url(registration, "paiement"),
        {"received_on": today, "means": "transfer", "reference": "VIR-42"},
        follow=True,
    )

    assert messages_of(response) == [f"Paiement enregistré : inscription {registration} payée."]
    registration.refresh_from_db()
    assert registration.payment_state == PaymentState.PAID


def test_payment_without_an_invoice_says_to_issue_it_first(staff_client):
    registration = RegistrationFactory()
    today = dt.date.today().strftime("%d/%m/%Y")

    response = staff_client.post(
        action_url(registration, "paiement"),
        {"received_on": today, "means": "transfer"},
        follow=True,
    )

    [message] = messages_of(response)
    assert "émettez d'abord sa facture" in message


def test_promote_from_the_page(staff_client):
    registration = RegistrationFactory(status=RegistrationStatus.WAITING_LIST)

    staff_client.post(action_url(registration, "liste-attente"))

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_cancel_from_the_page_asks_for_a_confirmation_first(
    staff_client, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()
    question = staff_client.get(action_url(registration, "annuler"))
    assert "Annuler cette inscription ?" in question.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(action_url(registration, "annuler"))

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert [message.to for message in mail.outbox] == [[registration.email]]


def test_an_unknown_action_or_registration_is_a_404(staff_client):
    registration = RegistrationFactory()

    assert staff_client.post(action_url(registration, "inconnue")).status_code == 404
    missing = reverse(
        "admin:registrations_registration_object_action",
        kwargs={"object_id": 999999, "name": "confirmer"},
    )
    assert staff_client.post(missing).status_code == 404


def test_a_user_without_change_permission_cannot_act(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user(username="lecteur", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(viewer)
    registration = RegistrationFactory()

    assert client.post(action_url(registration, "facture")).status_code == 403
    assert Registration.objects.get(pk=registration.pk).payment_state == PaymentState.NOT_INVOICED
