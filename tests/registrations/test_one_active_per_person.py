"""One active registration per person (e-mail and name): cancelled ones and colleagues
sharing an address are no dead end, and "Déjà inscrit ?" sends every link."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from registrations import services
from registrations.enums import RegistrationStatus
from registrations.models import Registration
from tests.factories import RegistrationFactory


def create(event, data, **kwargs):
    return services.registration_create(event=event, bulletin=services.Bulletin(**data), **kwargs)


def test_a_cancelled_registration_does_not_block_registering_again(event, make_data):
    first = create(event, make_data(email="camille@example.org"))
    services.registration_cancel(registration=first)

    again = create(event, make_data(email="camille@example.org"))

    assert again.status == RegistrationStatus.CONFIRMED
    assert again.pk != first.pk


def test_a_shared_address_registers_several_colleagues(event, make_data):
    create(event, make_data(email="formation@example.org", first_name="Camille"))
    create(event, make_data(email="formation@example.org", first_name="Karim", last_name="Ali"))

    assert Registration.objects.filter(email="formation@example.org").count() == 2


def test_the_same_person_twice_is_refused_whatever_the_case(event, make_data):
    create(event, make_data(email="Camille@Example.org", last_name="Martin"))

    with pytest.raises(services.AlreadyRegistered):
        create(event, make_data(email="camille@example.org", last_name="MARTIN "))
    assert Registration.objects.count() == 1


def test_the_database_refuses_a_second_active_registration_of_a_person(event, tariffs):
    RegistrationFactory(
        event=event, tariff=tariffs[0], email="a@example.org", last_name="Roy", first_name="Léa"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(
            event=event, tariff=tariffs[0], email="A@example.org", last_name="ROY", first_name="léa"
        )


def test_the_database_accepts_the_person_again_once_cancelled(event, tariffs):
    RegistrationFactory(
        event=event,
        tariff=tariffs[0],
        email="a@example.org",
        last_name="Roy",
        first_name="Léa",
        status=RegistrationStatus.CANCELLED,
    )

    RegistrationFactory(
        event=event, tariff=tariffs[0], email="a@example.org", last_name="Roy", first_name="Léa"
    )

    assert Registration.objects.count() == 2


def test_already_registered_sends_every_private_link_of_the_address(
    client, event, make_data, django_capture_on_commit_callbacks
):
    shared = "formation@example.org"
    camille = create(event, make_data(email=shared, first_name="Camille"))
    karim = create(event, make_data(email=shared, first_name="Karim", last_name="Ali"))
    mail.outbox.clear()
    path = reverse("registrations:resend_link", kwargs={"slug": event.slug})

    with django_capture_on_commit_callbacks(execute=True):
        client.post(path, {"email": shared.upper()})

    assert [message.to for message in mail.outbox] == [[shared], [shared]]
    bodies = " ".join(message.body for message in mail.outbox)
    assert camille.token in bodies and karim.token in bodies


def test_the_bulletin_accepts_a_colleague_with_the_same_address(client, register_url, post_data):
    client.post(register_url, post_data(email="formation@example.org"))

    response = client.post(
        register_url,
        post_data(
            email="formation@example.org",
            first_name="Karim",
            last_name="Ali",
            signature="Karim Ali",
        ),
    )

    assert response.status_code == 302
    assert Registration.objects.count() == 2
