"""Downloads: one helper builds Content-Disposition; Django answers If-None-Match."""

from pathlib import Path

import pytest
from django.test import RequestFactory

from afpols_events.http import download_response, file_response

ROOT = Path(__file__).resolve().parent.parent
APP_SOURCES = [
    path
    for package in ("afpols_events", "programme", "registrations")
    for path in sorted((ROOT / package).rglob("*.py"))
    if "migrations" not in path.parts
]


def test_attachment_name_with_accents_is_encoded_for_every_browser():
    response = file_response(b"x", filename="émargement.pdf", content_type="application/pdf")

    assert response["Content-Disposition"] == ("attachment; filename*=utf-8''%C3%A9margement.pdf")


def test_inline_file_is_shown_by_the_browser():
    response = file_response(
        b"x", filename="badges.pdf", content_type="application/pdf", as_attachment=False
    )

    assert response["Content-Disposition"] == 'inline; filename="badges.pdf"'


def test_client_holding_the_version_gets_304_without_the_file_being_built():
    request = RequestFactory().get("/", headers={"If-None-Match": '"v1"'})

    def build():
        raise AssertionError("built although the client holds this version")

    response = download_response(
        request, content=build, etag='"v1"', filename="a.pdf", content_type="application/pdf"
    )

    assert response.status_code == 304
    assert response["ETag"] == '"v1"'


@pytest.mark.parametrize(
    "needle",
    ['["Content-Disposition"]', "HTTP_IF_NONE_MATCH", '.get("If-None-Match")', "NotModified"],
)
def test_only_the_http_helper_deals_with_download_headers(needle):
    offenders = [
        str(path.relative_to(ROOT))
        for path in APP_SOURCES
        if needle in path.read_text() and path != ROOT / "afpols_events" / "http.py"
    ]

    assert offenders == []
