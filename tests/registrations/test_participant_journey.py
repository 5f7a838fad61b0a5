"""The participant's dead ends, closed: membership explained from the start, a visible
deadline, a colleague's bulletin prefilled, a cancelled registration that looks cancelled,
contact links, and the small fixes of the private pages."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from afpols_events.formatting import format_date, format_time
from registrations import services
from registrations.documents import ConfirmationDocument
from registrations.enums import RegistrationStatus
from registrations.forms import RegistrationForm
from registrations.models import Registration


@pytest.fixture
def registration(event, make_bulletin):
    return services.registration_create(
        event=event,
        bulletin=make_bulletin(
            organisation_name="Paris Habitat",
            member_number="AF-0004",
            address="21 bis rue Claude Bernard\n75005 Paris",
            contact_person="Karim Benali",
        ),
    )


def url(name, registration):
    return reverse(f"registrations:{name}", kwargs={"token": registration.token})


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pending_membership_choice_is_offered_from_the_start(client, register_url):
    page = client.get(register_url).content.decode()

    assert 'name="submit_pending"' in page
    assert "adhésion en cours" in page
    # Beside the organisation: after its fields, before the address.
    assert page.index('name="organisation_name"') < page.index('name="submit_pending"')
    assert page.index('name="submit_pending"') < page.index('name="address"')


def test_non_member_ticking_pending_from_the_start_registers_at_once(
    client, register_url, post_data
):
    response = client.post(
        register_url, post_data(organisation_name="Organisme inconnu", submit_pending="on")
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.AWAITING_MEMBERSHIP


def test_closing_date_and_time_shown_on_event_page_bulletin_and_private_page(
    client, event, registration, register_url
):
    event.registration_closes_at = timezone.now() + dt.timedelta(days=30)
    event.save()
    day = format_date(event.registration_closes_at)
    time = format_time(event.registration_closes_at)

    pages = {
        "event": client.get(event.get_absolute_url()).content.decode(),
        "bulletin": client.get(register_url).content.decode(),
        "private": client.get(registration.get_absolute_url()).content.decode(),
    }

    for name, page in pages.items():
        assert day in page, name
        assert time in page, name


def test_the_bulletin_closes_by_itself_at_the_closing_time(client, event, register_url, post_data):
    event.registration_closes_at = timezone.now() - dt.timedelta(seconds=1)
    event.save()

    assert "Les inscriptions sont closes." in client.get(register_url).content.decode()
    assert client.post(register_url, post_data()).status_code == 403


def test_colleague_link_opens_the_bulletin_with_the_organisation_filled_in(client, registration):
    page = client.get(registration.get_absolute_url()).content.decode()
    assert url("colleague", registration) in page
    assert "Inscrire un(e) collègue" in page

    response = client.get(url("colleague", registration), follow=True)

    form = response.context["form"]
    assert isinstance(form, RegistrationForm)
    assert form.initial == {
        "organisation_name": "Paris Habitat",
        "member_number": "AF-0004",
        "address": "21 bis rue Claude Bernard\n75005 Paris",
        "contact_person": "Karim Benali",
    }
    page = response.content.decode()
    assert 'value="Paris Habitat"' in page
    assert "Karim Benali" in page
    assert registration.token not in response.redirect_chain[-1][0]
    # The participant's own name and e-mail are not copied.
    assert 'value="Camille"' not in page


def test_cancelled_registration_page_offers_no_pdf_nor_calendar(client, registration):
    services.registration_cancel(registration=registration)

    page = client.get(registration.get_absolute_url()).content.decode()

    assert "Annulée" in page
    assert url("confirmation_pdf", registration) not in page
    assert url("calendar", registration) not in page


def test_cancelled_registration_document_says_cancelled_without_qr_code(client, registration):
    active = client.get(url("confirmation_pdf", registration)).content
    services.registration_cancel(registration=registration)

    cancelled = client.get(url("confirmation_pdf", registration)).content

    assert "annulée" not in pdf_text(active).lower()
    assert "INSCRIPTION ANNULÉE" in pdf_text(cancelled).upper()
    registration.refresh_from_db()
    assert ConfirmationDocument(registration).context()["qr_code_uri"] == ""


def test_contact_phone_and_email_under_next_steps_are_links(client, registration):
    page = client.get(registration.get_absolute_url()).content.decode()
    steps = page[page.index("Et maintenant ?") : page.index("registration-actions")]

    assert '<a href="tel:0140757904">01 40 75 79 04</a>' in steps
    assert (
        '<a href="mailto:v.esteban.afpols@union-habitat.org">v.esteban.afpols@union-habitat.org</a>'
        in steps
    )


def test_text_email_has_the_contact_without_html(registration, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_resend_confirmation(registration=registration)

    message = mail.outbox[0]
    assert "Contactez Victoria ESTEBAN, 01 40 75 79 04, v.esteban" in message.body
    assert "<a href" not in message.body
    assert 'href="tel:0140757904"' in message.alternatives[0][0]


def test_resend_link_page_is_styled_like_the_others(client, event):
    page = client.get(reverse("registrations:resend_link", kwargs={"slug": event.slug}))

    assert "css/registrations.css" in page.content.decode()


@pytest.mark.parametrize("name", ["change_workshop", "cancel"])
def test_change_and_cancel_pages_keep_the_event_header(client, registration, name):
    page = client.get(url(name, registration)).content.decode()

    assert 'class="event-header"' in page
    assert registration.event.title in page


def test_error_summary_has_no_double_punctuation(client, register_url):
    page = client.post(register_url, {}).content.decode()
    start = page.index("</h2>", page.index('id="erreurs"'))
    summary = page[start : page.index("</ul>", start)]

    assert ". :" not in summary
    assert summary.count(" : ") == summary.count("<li>")
