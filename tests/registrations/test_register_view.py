"""The bulletin online: the validation matrix of issue 3 and the registration window."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from registrations.enums import MembershipState, RegistrationStatus
from registrations.models import Registration
from tests.factories import EventFactory, TariffFactory, WorkshopFactory

REQUIRED = [
    "last_name",
    "first_name",
    "job_title",
    "email",
    "phone",
    "organisation_name",
    "address",
    "tariff",
    "workshop",
    "signed_place",
    "signature",
    "certified",
    "privacy_consent",
]
TEXT_FIELDS = [
    "last_name",
    "first_name",
    "job_title",
    "organisation_name",
    "member_number",
    "address",
    "contact_person",
    "signed_place",
]
SCRIPT = "<script>alert('x')</script>"


def test_form_page_shows_the_paper_sections_tariffs_and_workshops(
    client, register_url, tariffs, workshops, member
):
    response = client.get(register_url)

    page = response.content.decode()
    assert response.status_code == 200
    for legend in ["Participant", "Organisme", "Tarif", "Atelier du jeudi après-midi", "Signature"]:
        assert f"<legend>{legend}</legend>" in page
    assert "1\u202f750\u00a0€" in page and "1\u202f450\u00a0€" in page
    assert "Hébergement (2 nuits)" in page
    assert all(workshop.title in page for workshop in workshops)
    assert 'list="organismes-adherents"' in page
    assert '<option value="Paris Habitat">' in page
    assert "Cotisation de l&#x27;organisme à l&#x27;AFPOLS obligatoire." in page
    assert timezone.localdate().strftime("%Y") in page  # "Le : <today>"
    assert "Soumettre en « adhésion en cours »" in page  # Offered from the start.


def test_form_shows_places_left_when_capacities_are_set(client, register_url, tariffs, workshops):
    tariffs[0].capacity = 40
    tariffs[0].save()
    workshops[1].capacity = 1
    workshops[1].save()

    page = client.get(register_url).content.decode()

    assert "40 places restantes" in page
    assert "1 place restante" in page


def test_valid_post_redirects_to_the_private_page(client, register_url, post_data):
    response = client.post(register_url, post_data())

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == registration.get_absolute_url()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.signed_on == timezone.localdate()
    assert registration.address == "21 bis rue Claude Bernard\n75005 Paris"


@pytest.mark.parametrize("field", REQUIRED)
def test_each_required_field_missing_gives_a_french_error(client, register_url, post_data, field):
    response = client.post(register_url, post_data(**{field: None}))

    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert any(
        word in form.errors[field][0] for word in ("obligatoire", "Choisissez", "Cochez", "accord")
    )
    assert f'href="#id_{field}"' in response.content.decode()  # Linked from the summary.
    assert not Registration.objects.exists()


def test_blank_spaces_count_as_missing(client, register_url, post_data):
    response = client.post(register_url, post_data(last_name="   ", job_title="\t"))

    assert set(response.context["form"].errors) >= {"last_name", "job_title"}


@pytest.mark.parametrize(
    "email", ["camille", "camille@", "@example.org", "camille martin@example.org", "a@b"]
)
def test_invalid_email_refused(client, register_url, post_data, email):
    response = client.post(register_url, post_data(email=email))

    assert "adresse e-mail valide" in response.context["form"].errors["email"][0]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("01 23 45 67 89", "01 23 45 67 89"),
        ("0123456789", "01 23 45 67 89"),
        ("01.23.45.67.89", "01 23 45 67 89"),
        ("01-23-45-67-89", "01 23 45 67 89"),
        ("+33 1 23 45 67 89", "+33 1 23 45 67 89"),
        ("+33 (0)1 23 45 67 89", "+33 1 23 45 67 89"),
        ("0033 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("+1 514 555 0199", "+1 514 555 0199"),
    ],
)
def test_phone_numbers_accepted_and_normalised(client, register_url, post_data, typed, stored):
    client.post(register_url, post_data(phone=typed))

    assert Registration.objects.get().phone == stored


@pytest.mark.parametrize(
    "phone", ["123", "01 23 45 67", "01 23 45 67 89 10", "00 23 45 67 89", "téléphone", "+33 0"]
)
def test_invalid_phone_refused(client, register_url, post_data, phone):
    response = client.post(register_url, post_data(phone=phone))

    assert "numéro de téléphone valide" in response.context["form"].errors["phone"][0]


@pytest.mark.parametrize("field", ["tariff", "workshop"])
@pytest.mark.parametrize("value", ["999999", "abc", "1 OR 1=1", "-1", "1.5"])
def test_tampered_choice_ids_give_a_field_error(client, register_url, post_data, field, value):
    response = client.post(register_url, post_data(**{field: value}))

    assert response.status_code == 400
    assert "Choisissez l'un des" in response.context["form"].errors[field][0]
    assert not Registration.objects.exists()


def test_tariff_and_workshop_of_another_event_give_field_errors(client, register_url, post_data):
    other = EventFactory()
    response = client.post(
        register_url,
        post_data(
            tariff=str(TariffFactory(event=other).pk),
            workshop=str(WorkshopFactory(event=other).pk),
        ),
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"tariff", "workshop"}
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("last_name", 100),
        ("first_name", 100),
        ("job_title", 150),
        ("organisation_name", 200),
        ("member_number", 30),
        ("address", 500),
        ("contact_person", 150),
        ("signed_place", 100),
    ],
)
def test_oversized_values_refused(client, register_url, post_data, field, limit):
    response = client.post(register_url, post_data(**{field: "x" * (limit + 1)}))

    assert response.status_code == 400
    assert f"au plus {limit} caractères" in response.context["form"].errors[field][0]


def test_oversized_email_refused(client, register_url, post_data):
    response = client.post(register_url, post_data(email="a" * 250 + "@example.org"))

    assert "email" in response.context["form"].errors


def test_nothing_typed_is_lost_when_the_form_comes_back(client, register_url, post_data, tariffs):
    typed = post_data(
        email="pas-une-adresse",
        contact_person="Dominique Petit",
        member_number="XYZ",
        tariff=str(tariffs[1].pk),
    )

    page = client.post(register_url, typed).content.decode()

    for field in ["last_name", "first_name", "job_title", "contact_person", "member_number"]:
        assert f'value="{typed[field]}"' in page
    assert 'value="pas-une-adresse"' in page
    assert "21 bis rue Claude Bernard\n75005 Paris</textarea>" in page
    assert re.search(
        rf'<input type="radio" name="tariff" value="{tariffs[1].pk}"[^>]* checked', page
    )
    assert 'id="id_certified" checked>' in page
    assert 'id="id_privacy_consent" checked>' in page


def test_signature_must_contain_the_last_name(client, register_url, post_data):
    response = client.post(register_url, post_data(signature="Quelqu'un d'autre"))

    assert "doit comporter votre nom" in response.context["form"].errors["signature"][0]


def test_signature_ignores_case_and_accents(client, register_url, post_data):
    client.post(register_url, post_data(last_name="Lefèvre", signature="camille LEFEVRE"))

    assert Registration.objects.count() == 1


def test_html_typed_in_every_text_field_is_shown_as_text(client, register_url, post_data):
    values = {field: f"{SCRIPT}{field}" for field in TEXT_FIELDS}
    values["member_number"] = "<b>x</b>"
    values["signature"] = f"{SCRIPT} {SCRIPT}last_name"

    response = client.post(register_url, post_data(**values, submit_pending="on"), follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert Registration.objects.count() == 1
    assert "<script>alert" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;job_title" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_html_is_escaped_when_the_form_comes_back_with_errors(client, register_url, post_data):
    page = client.post(register_url, post_data(first_name=SCRIPT, email="invalid")).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_double_post_creates_one_registration_and_lands_on_it(client, register_url, post_data):
    first = client.post(register_url, post_data())
    second = client.post(register_url, post_data())

    assert Registration.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


def test_same_email_from_another_browser_is_refused_and_the_link_goes_by_email(
    client, register_url, post_data, django_capture_on_commit_callbacks
):
    from django.test import Client

    client.post(register_url, post_data(email="camille@example.org"))
    other_browser = Client()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = other_browser.post(register_url, post_data(email="CAMILLE@example.org"))

    page = response.content.decode()
    assert response.status_code == 409
    assert Registration.objects.count() == 1
    assert "ne peuvent pas servir à une nouvelle inscription" in page
    assert "/inscription/suivi/" not in page  # The private link is never shown.
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]


def test_paid_up_member_by_number_only(client, register_url, post_data, member):
    client.post(register_url, post_data(organisation_name="PH", member_number="AF-0004"))

    registration = Registration.objects.get()
    assert registration.member == member
    assert registration.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize(
    ("organisation", "explanation"),
    [
        ("Logis Inconnu", "Nous ne trouvons pas cet organisme parmi les adhérents"),
        ("Office Démo des Alpes", "ne couvre pas la date de la rencontre"),
    ],
)
def test_not_paid_up_is_told_and_offered_pending_membership(
    client, register_url, post_data, lapsed_member, organisation, explanation
):
    response = client.post(register_url, post_data(organisation_name=organisation))

    page = response.content.decode()
    # The registration service refuses (once per submission): a conflict with the member
    # list, not a malformed form.
    assert response.status_code == 409
    assert explanation in response.context["form"].errors["organisation_name"][0]
    assert "Soumettre en « adhésion en cours »" in page
    assert 'name="submit_pending"' in page
    assert not Registration.objects.exists()


def test_pending_membership_submitted_awaits_the_check(client, register_url, post_data):
    response = client.post(
        register_url, post_data(organisation_name="Logis Inconnu", submit_pending="on"), follow=True
    )

    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.AWAITING_MEMBERSHIP
    assert registration.membership_state == MembershipState.PENDING
    assert "En attente de vérification de l&#x27;adhésion" in response.content.decode()


def test_full_event_is_said_and_offers_the_waiting_list(client, register_url, post_data, event):
    event.seat_capacity = 0
    event.save()

    page = client.get(register_url).content.decode()
    assert "La rencontre est complète" in page
    assert 'name="join_waiting_list"' in page

    response = client.post(register_url, post_data())
    assert response.status_code == 409
    assert "plus de place pour cette rencontre" in response.content.decode()
    assert not Registration.objects.exists()

    client.post(register_url, post_data(join_waiting_list="on"))
    assert Registration.objects.get().status == RegistrationStatus.WAITING_LIST


def test_full_tariff_offers_the_other_tariff_and_the_waiting_list(
    client, register_url, post_data, tariffs
):
    tariffs[0].capacity = 0
    tariffs[0].save()

    response = client.post(register_url, post_data())

    assert response.status_code == 409
    error = response.context["form"].errors["tariff"][0]
    assert "plus de place à ce tarif" in error
    assert f"Des places restent disponibles au tarif « {tariffs[1].label} »" in error
    assert 'name="join_waiting_list"' in response.content.decode()
    assert "Complet" in response.content.decode()


def test_full_workshop_offers_another_workshop(client, register_url, post_data, workshops):
    workshops[0].capacity = 0
    workshops[0].save()

    response = client.post(register_url, post_data())

    assert "Vous pouvez choisir un autre atelier" in response.context["form"].errors["workshop"][0]


@pytest.fixture
def closed_event(event):
    event.registration_closes_at = timezone.now() - dt.timedelta(days=1)
    event.save()
    return event


def test_closed_registration_page_says_so(client, register_url, closed_event):
    response = client.get(register_url)

    assert response.status_code == 200
    assert "Les inscriptions sont closes." in response.content.decode()
    assert 'id="bulletin"' not in response.content.decode()


def test_closed_registration_refuses_posts(client, register_url, closed_event, post_data):
    response = client.post(register_url, post_data())

    assert response.status_code == 403
    assert "Les inscriptions sont closes." in response.content.decode()
    assert not Registration.objects.exists()


def test_not_yet_open_registration_says_when_it_opens(client, register_url, event, post_data):
    event.registration_opens_at = timezone.now() + dt.timedelta(days=3)
    event.save()

    assert "pas encore ouvertes" in client.get(register_url).content.decode()
    assert client.post(register_url, post_data()).status_code == 403


def test_unknown_or_unpublished_event_is_404(client, event):
    assert client.get("/inscription/pas-de-rencontre/").status_code == 404
    event.is_published = False
    event.save()
    assert client.get(f"/inscription/{event.slug}/").status_code == 404


def test_address_line_breaks_from_a_browser_are_stored_as_newlines(client, register_url, post_data):
    client.post(register_url, post_data(address="21 bis rue Claude Bernard \r\n75005 Paris"))

    assert Registration.objects.get().address == "21 bis rue Claude Bernard\n75005 Paris"


def test_the_bulletin_collects_an_optional_billing_email(client, register_url, post_data):
    assert "E-mail de facturation (facultatif)" in client.get(register_url).content.decode()

    client.post(register_url, post_data(billing_email=" compta@parishabitat.fr "))

    assert Registration.objects.get().billing_email == "compta@parishabitat.fr"


def test_a_malformed_billing_email_is_refused_with_what_was_typed(client, register_url, post_data):
    response = client.post(register_url, post_data(billing_email="compta@"))

    assert response.status_code == 400
    assert "adresse e-mail valide" in response.context["form"].errors["billing_email"][0]
    assert 'value="compta@"' in response.content.decode()
    assert not Registration.objects.exists()
