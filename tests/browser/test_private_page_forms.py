"""The private page's own forms, posted by a real browser: they pass Django's CSRF check
(the page's Referrer-Policy lets the browser send its Origin, not "null"), and the
signed convention goes in as a file."""

import io

import pytest
from pypdf import PdfWriter

from registrations.enums import IssuedDocumentKind
from registrations.models import IssuedDocument

from .pages import register
from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser


def a_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_participant_uploads_the_signed_convention_then_cancels(page, rencontres):
    private = register(page, rencontres)
    content = a_pdf()

    page.set_input_files(
        "#id_content",
        files=[{"name": "convention.pdf", "mimeType": "application/pdf", "buffer": content}],
    )
    page.get_by_role("button", name="Déposer la convention signée", exact=True).click()
    expect(page.locator("body")).to_contain_text("la convention signée est bien reçue")
    expect(page.locator(".issued-documents")).to_contain_text("Convention signée reçue le")
    stored = IssuedDocument.objects.get(kind=IssuedDocumentKind.SIGNED_CONVENTION)
    assert bytes(stored.content) == content

    page.goto(private + "annuler/")
    page.get_by_role("button", name="Oui, annuler mon inscription").click()
    expect(page.locator("body")).to_contain_text("Votre inscription est annulée.")
