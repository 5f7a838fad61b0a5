"""The participant's private page (token URL) and what it allows."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from registrations import services
from registrations.enums import RegistrationStatus
from tests.factories import RegistrationFactory, WorkshopFactory


@pytest.fixture
def registration(event, make_bulletin):
    return services.registration_create(event=event, bulletin=make_bulletin())


def url(name, registration):
    return reverse(f"registrations:{name}", kwargs={"token": registration.token})


def test_private_page_summarises_everything(client, registration, workshops):
    page = client.get(registration.get_absolute_url()).content.decode()

    for text in [
        registration.reference,
        "Confirmée",
        "1\u202f750\u00a0€",
        "Hébergement et repas du soir inclus",
        "Martin",
        "Camille",
        "Conseillère sociale",
        registration.email,
        "Paris Habitat",
        "21 bis rue Claude Bernard<br>75005 Paris",
        "01 23 45 67 89",
        workshops[0].title,
        "Et maintenant ?",
        "votre place est réservée",
        url("confirmation_pdf", registration),
        url("change_workshop", registration),
        url("cancel", registration),
    ]:
        assert text in page, text


def test_wrong_token_is_a_plain_404(client, registration):
    for name in ["detail", "confirmation_pdf", "cancel", "change_workshop"]:
        path = url(name, registration).replace(registration.token, "x" + registration.token[1:])
        assert client.get(path).status_code == 404, name
    assert client.post(
        url("cancel", registration).replace(registration.token, "nope")
    ).status_code == (404)


def test_private_page_of_a_pending_registration_explains_the_next_step(
    client, event, make_bulletin
):
    registration = services.registration_create(
        event=event,
        bulletin=make_bulletin(organisation_name="Inconnu"),
        allow_pending_membership=True,
    )

    page = client.get(registration.get_absolute_url()).content.decode()

    assert "En attente de vérification de l&#x27;adhésion" in page
    assert "dès que l&#x27;AFPOLS aura enregistré la cotisation" in page


def test_cancel_asks_for_confirmation_then_cancels(client, registration):
    confirm_page = client.get(url("cancel", registration))
    assert confirm_page.status_code == 200
    assert "Oui, annuler mon inscription" in confirm_page.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    response = client.post(url("cancel", registration), follow=True)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert "Votre inscription est annulée." in response.content.decode()
    assert url("cancel", registration) not in response.content.decode()


def test_cancel_twice_shows_the_cancelled_page(client, registration):
    client.post(url("cancel", registration))

    response = client.post(url("cancel", registration), follow=True)

    assert response.status_code == 200
    assert "déjà annulée" in response.content.decode()


def test_change_workshop_with_places_left(client, registration, workshops):
    workshops[2].capacity = 5
    workshops[2].save()
    page = client.get(url("change_workshop", registration)).content.decode()
    assert "5 places restantes" in page

    response = client.post(url("change_workshop", registration), {"workshop": workshops[2].pk})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.workshop == workshops[2]


def test_change_to_a_full_workshop_is_refused(client, registration, workshops):
    workshops[1].capacity = 0
    workshops[1].save()

    response = client.post(url("change_workshop", registration), {"workshop": workshops[1].pk})

    assert response.status_code == 409
    assert "plus de place dans cet atelier" in response.context["form"].errors["workshop"][0]
    registration.refresh_from_db()
    assert registration.workshop == workshops[0]


@pytest.mark.parametrize("value", ["abc", "999999", ""])
def test_change_workshop_tampered_value_gives_a_field_error(client, registration, value):
    response = client.post(url("change_workshop", registration), {"workshop": value})

    assert response.status_code == 400
    assert "workshop" in response.context["form"].errors


def test_change_workshop_to_another_events_workshop_is_refused(client, registration):
    response = client.post(url("change_workshop", registration), {"workshop": WorkshopFactory().pk})

    assert "Choisissez l'un des ateliers proposés." in response.context["form"].errors["workshop"]


def test_once_closed_no_change_nor_cancel(client, registration, workshops):
    event = registration.event
    event.registration_closes_at = timezone.now() - dt.timedelta(hours=1)
    event.save()

    page = client.get(registration.get_absolute_url()).content.decode()
    assert url("cancel", registration) not in page
    assert url("change_workshop", registration) not in page
    for name in ["cancel", "change_workshop"]:
        assert client.get(url(name, registration)).status_code == 403
    assert client.post(url("cancel", registration)).status_code == 403
    response = client.post(url("change_workshop", registration), {"workshop": workshops[1].pk})
    assert response.status_code == 403
    assert "ne peut plus être modifiée en ligne" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_private_link_resend_form_reveals_nothing(
    client, registration, django_capture_on_commit_callbacks
):
    path = reverse("registrations:resend_link", kwargs={"slug": registration.event.slug})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(path, {"email": "nobody@example.org"}, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(path, {"email": registration.email}, follow=True)

    def shown(response, email):
        page = response.content.decode().replace(email, "EMAIL")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)

    assert shown(unknown, "nobody@example.org") == shown(known, registration.email)
    assert "Si une inscription à cette rencontre correspond à cette adresse" in (
        known.content.decode()
    )
    assert [message.to for message in mail.outbox] == [[registration.email]]
    assert registration.token in mail.outbox[0].body


def test_private_link_resend_form_validates_the_email(client, registration):
    path = reverse("registrations:resend_link", kwargs={"slug": registration.event.slug})

    response = client.post(path, {"email": "pas une adresse"})

    assert response.status_code == 400
    assert "adresse e-mail valide" in response.context["form"].errors["email"][0]


def test_privacy_notice_page(client):
    page = client.get(reverse("registrations:privacy")).content.decode()

    assert "Politique de confidentialité" in page
    assert "1095 jours après la fin de la rencontre" in page


def test_registration_made_directly_has_a_private_page_too(client, event):
    registration = RegistrationFactory(event=event)

    assert client.get(registration.get_absolute_url()).status_code == 200
