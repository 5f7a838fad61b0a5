"""PDF documents: one helper turns a template and a context into PDF bytes.

Every PDF of the project (confirmation, agenda, sign-in sheets, badges) goes through
:func:`render_pdf`; caching lives in :func:`cached_pdf`. WeasyPrint may only read the
app's own static files: any other URL (``file:``, ``http:``, ...) is refused.
"""

import hashlib
import logging
import mimetypes
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import django.dispatch
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Sent each time a PDF is really rendered (not served from the cache); tests listen to it.
pdf_rendered = django.dispatch.Signal()

STATIC_BASE_URL = "https://static.invalid" + settings.STATIC_URL


class StaticOnlyURLFetcher(URLFetcher):
    """Serves ``STATIC_BASE_URL...`` from the static files finders and refuses the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(STATIC_BASE_URL):
            raise ValueError(f"Refused URL in PDF rendering: {url[:200]}")
        relative_path = unquote(urlsplit(url).path[len(settings.STATIC_URL) :])
        parts = relative_path.split("/")
        if not relative_path or relative_path.startswith("/") or ".." in parts or "\\" in url:
            raise ValueError(f"Refused URL in PDF rendering: {url[:200]}")
        absolute_path = self._find(relative_path)
        if not absolute_path:
            raise ValueError(f"Static file not found: {relative_path}")
        with open(absolute_path, "rb") as static_file:
            body = static_file.read()
        # WeasyPrint only reads a stylesheet served as text/css.
        content_type = mimetypes.guess_type(absolute_path)[0] or "application/octet-stream"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        return URLFetcherResponse(url, body, headers={"Content-Type": content_type})

    @staticmethod
    def _find(relative_path):
        # Source files first (development); then the collected files, where production's
        # manifest storage gives hashed names ({% static %} and CSS url() point at those).
        found = finders.find(relative_path)
        if found:
            return found
        if staticfiles_storage.exists(relative_path):
            return staticfiles_storage.path(relative_path)
        return None


def render_pdf(template_name, context, *, request=None):
    """Render ``template_name`` with ``context`` to PDF bytes."""
    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=STATIC_BASE_URL, url_fetcher=StaticOnlyURLFetcher())
    pdf = document.write_pdf()
    pdf_rendered.send(sender=render_pdf, template_name=template_name)
    return pdf


@dataclass(frozen=True)
class CachedPDF:
    content: bytes
    etag: str


def cached_pdf(cache_key, version, render):
    """Return the PDF for ``cache_key`` at ``version``, rendering it only when missing.

    ``version`` is any string that changes whenever the document's data changes;
    ``render`` is a callable returning PDF bytes.
    """
    cache = caches["documents"]
    full_key = "pdf:" + hashlib.sha256(f"{cache_key}:{version}".encode()).hexdigest()
    content = cache.get(full_key)
    if content is None:
        content = render()
        cache.set(full_key, content)
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return CachedPDF(content=content, etag=etag)
