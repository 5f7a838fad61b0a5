"""WeasyPrint reads only the app's own static files: file: and external URLs are refused."""

import pytest

from afpols_events.documents import STATIC_BASE_URL, static_url_fetcher


@pytest.fixture
def fetch():
    return static_url_fetcher().fetch


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://" + __file__,
        "http://example.org/style.css",
        "https://example.org/static/css/agenda-pdf.css",
        "ftp://example.org/x",
        "https://static.invalid/media/secret.pdf",
        STATIC_BASE_URL + "../settings.py",
        STATIC_BASE_URL + "css/../../afpols_events/settings.py",
        STATIC_BASE_URL + "%2e%2e/%2e%2e/etc/passwd",
        STATIC_BASE_URL + "/etc/passwd",
        STATIC_BASE_URL + "css/missing.css",
    ],
)
def test_fetcher_refuses_urls_outside_the_static_files(fetch, url):
    with pytest.raises(ValueError):
        fetch(url)


def test_fetcher_serves_a_static_stylesheet_as_css(fetch):
    response = fetch(STATIC_BASE_URL + "css/agenda-pdf.css")

    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_fetcher_serves_an_embedded_font(fetch):
    response = fetch(STATIC_BASE_URL + "fonts/lato/Lato-Regular.ttf")

    assert response.read(4) == b"\x00\x01\x00\x00"


def test_fetcher_accepts_inline_data_urls(fetch):
    response = fetch("data:text/plain;base64,SGVsbG8=")

    assert response.read() == b"Hello"
