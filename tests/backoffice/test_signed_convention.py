"""The signed convention, stored as received: uploaded by the participant on the private
page or by staff from the registration's admin page, checked (a readable PDF within the
size limit), kept version by version, served with exactly its stored bytes, and erased
with the registration's personal data."""

import hashlib
import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from registrations import services
from registrations.enums import IssuedDocumentKind, RegistrationStatus
from registrations.models import IssuedDocument
from tests.factories import RegistrationFactory, paris

pytestmark = pytest.mark.django_db

SIGNED = IssuedDocumentKind.SIGNED_CONVENTION


def a_pdf(pages=1, title="Convention signée"):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(content, name="convention.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def upload_url(registration):
    return reverse("registrations:signed_convention", kwargs={"token": registration.token})


def download_url(registration):
    return reverse(
        "registrations:issued_document",
        kwargs={"token": registration.token, "kind": "convention-signee"},
    )


def admin_action_url(registration):
    return reverse(
        "admin:registrations_registration_object_action",
        kwargs={"object_id": registration.pk, "name": "convention-signee"},
    )


def change_url(registration):
    return reverse("admin:registrations_registration_change", args=[registration.pk])


@pytest.fixture
def registration():
    return RegistrationFactory(last_name="Martin")


# The participant, on the private page.


def test_private_page_offers_the_upload_form(client, registration):
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Déposer la convention signée" in page
    assert f'action="{upload_url(registration)}"' in page
    assert 'enctype="multipart/form-data"' in page
    assert "Convention signée reçue" not in page


def test_participant_uploads_and_downloads_exactly_the_stored_bytes(client, registration):
    content = a_pdf()
    response = client.post(upload_url(registration), {"content": upload(content)}, follow=True)
    assert response.redirect_chain[-1][0] == registration.get_absolute_url()
    page = html.unescape(response.content.decode())
    assert "la convention signée est bien reçue" in page
    stored = IssuedDocument.objects.get(registration=registration, kind=SIGNED)
    assert bytes(stored.content) == content
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored.issued_by is None and stored.message is None

    assert "Convention signée reçue le" in page
    assert download_url(registration) in page
    download = client.get(download_url(registration))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert f"convention-signee-{registration.reference}.pdf" in download["Content-Disposition"]
    assert b"".join(download.streaming_content if download.streaming else [download.content]) == (
        content
    )


def test_received_on_is_the_day_it_was_stored(client, registration):
    services.signed_convention_store(
        registration=registration, content=a_pdf(), now=paris(2030, 10, 2, 9, 30)
    )
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Convention signée reçue le mercredi 2 octobre 2030" in html.unescape(page)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Bonjour, ceci n'est pas un PDF", "n'est pas un PDF"),
        (b"%PDF-1.7\nnot really a pdf at all\n%%EOF", "illisible ou endommagé"),
        (b"<html><script>alert(1)</script></html>", "n'est pas un PDF"),
    ],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_with_a_400(
    client, registration, content, message
):
    response = client.post(upload_url(registration), {"content": upload(content)})
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert not IssuedDocument.objects.exists()


def test_no_file_and_an_empty_file_are_refused_with_a_400(client, registration):
    response = client.post(upload_url(registration), {})
    assert response.status_code == 400
    assert "Choisissez le fichier PDF" in html.unescape(response.content.decode())
    response = client.post(upload_url(registration), {"content": upload(b"")})
    assert response.status_code == 400
    assert not IssuedDocument.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, registration, settings):
    content = a_pdf(pages=3)
    settings.SIGNED_CONVENTION_MAX_BYTES = len(content) - 1
    response = client.post(upload_url(registration), {"content": upload(content)})
    assert response.status_code == 400
    assert "dépasse la taille maximale" in html.unescape(response.content.decode())
    settings.SIGNED_CONVENTION_MAX_BYTES = len(content)
    assert client.post(upload_url(registration), {"content": upload(content)}).status_code == 302


@pytest.mark.parametrize("status", [RegistrationStatus.CANCELLED, RegistrationStatus.WAITING_LIST])
def test_a_registration_without_a_place_refuses_it(client, status):
    registration = RegistrationFactory(status=status)
    response = client.post(upload_url(registration), {"content": upload(a_pdf())})
    assert response.status_code == 409
    page = html.unescape(response.content.decode())
    assert ("Inscription annulée" if status == RegistrationStatus.CANCELLED else "sans place") in (
        page
    )
    assert not IssuedDocument.objects.exists()
    assert (
        "Déposer la convention signée (PDF)"
        not in client.get(registration.get_absolute_url()).content.decode()
    )


def test_an_unknown_token_is_a_404(client):
    response = client.post(
        reverse("registrations:signed_convention", kwargs={"token": "inconnu"}),
        {"content": upload(a_pdf())},
    )
    assert response.status_code == 404


def test_a_later_upload_is_a_new_version_and_the_first_is_kept(client, registration):
    first, second = a_pdf(title="v1"), a_pdf(title="v2")
    client.post(upload_url(registration), {"content": upload(first)})
    # The same file again (a double submit) is stored once.
    client.post(upload_url(registration), {"content": upload(first)})
    assert IssuedDocument.objects.filter(kind=SIGNED).count() == 1
    client.post(upload_url(registration), {"content": upload(second)})

    versions = IssuedDocument.objects.filter(kind=SIGNED).order_by("pk")
    assert [bytes(v.content) for v in versions] == [first, second]
    assert client.get(download_url(registration)).content == second


# Staff, in the admin.


def test_staff_upload_from_the_registration_page_and_see_every_version(
    staff_client, staff_user, registration
):
    page = staff_client.get(change_url(registration)).content.decode()
    assert admin_action_url(registration) in page
    form_page = staff_client.get(admin_action_url(registration)).content.decode()
    assert 'enctype="multipart/form-data"' in form_page and 'type="file"' in form_page

    participant_copy, staff_copy = a_pdf(title="participant"), a_pdf(title="staff")
    services.signed_convention_store(registration=registration, content=participant_copy)
    response = staff_client.post(
        admin_action_url(registration), {"content": upload(staff_copy)}, follow=True
    )
    page = html.unescape(response.content.decode())
    assert f"Convention signée enregistrée pour l'inscription {registration}" in page
    stored = IssuedDocument.objects.filter(kind=SIGNED).order_by("pk")
    assert [bytes(d.content) for d in stored] == [participant_copy, staff_copy]
    assert [d.issued_by for d in stored] == [None, staff_user]

    # Both versions are listed on the registration's page, each with its stored bytes.
    assert "déposée par le participant" in page and f"par {staff_user.username}" in page
    for document in stored:
        url = reverse(
            "admin:registrations_registration_issued_document",
            kwargs={"object_id": registration.pk, "document_id": document.pk},
        )
        assert url in page
        download = staff_client.get(url)
        assert download.status_code == 200
        assert download["Content-Type"] == "application/pdf"
        assert document.filename in download["Content-Disposition"]
        assert download.content == bytes(document.content)


def test_staff_upload_of_a_non_pdf_comes_back_with_a_400(staff_client, registration):
    response = staff_client.post(
        admin_action_url(registration), {"content": upload(b"GIF89a", name="scan.pdf")}
    )
    assert response.status_code == 400
    assert "n'est pas un PDF" in html.unescape(response.content.decode())
    assert not IssuedDocument.objects.exists()


def test_staff_are_not_offered_the_upload_on_a_cancelled_registration(staff_client):
    registration = RegistrationFactory(status=RegistrationStatus.CANCELLED)
    assert (
        admin_action_url(registration)
        not in staff_client.get(change_url(registration)).content.decode()
    )
    with pytest.raises(services.SignedConventionRefused, match="annulée"):
        services.signed_convention_store(registration=registration, content=a_pdf())


def test_a_document_of_another_registration_is_not_served_from_this_page(
    staff_client, registration
):
    other = RegistrationFactory()
    document = services.signed_convention_store(registration=other, content=a_pdf())
    url = reverse(
        "admin:registrations_registration_issued_document",
        kwargs={"object_id": registration.pk, "document_id": document.pk},
    )
    assert staff_client.get(url).status_code == 404


def test_the_admin_download_needs_staff(client, registration):
    document = services.signed_convention_store(registration=registration, content=a_pdf())
    url = reverse(
        "admin:registrations_registration_issued_document",
        kwargs={"object_id": registration.pk, "document_id": document.pk},
    )
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


# Personal data.


def test_anonymisation_deletes_the_signed_convention(client):
    registration = RegistrationFactory(
        event__start_date=paris(2030, 11, 14).date(), event__end_date=paris(2030, 11, 15).date()
    )
    services.signed_convention_store(registration=registration, content=a_pdf())
    token = registration.token

    assert services.registrations_anonymise(after_days=365, now=paris(2032, 1, 10, 9, 0)) == 1

    assert not IssuedDocument.objects.filter(kind=SIGNED).exists()
    url = reverse(
        "registrations:issued_document", kwargs={"token": token, "kind": "convention-signee"}
    )
    assert client.get(url).status_code == 404
