"""PDF documents: one helper turns a template and a context into PDF bytes, and one rule
says when a cached PDF is still the right one.

Every PDF of the project is a :class:`Document`: a template, a context and a filename. Its
version is a hash of the sources of the templates it uses (the ones it extends and
includes too), of the static files and translations that shape it, and of the data it
prints, so a deployment that changes a template, or a date that changes a sentence, gives
a new PDF; the same version is served from the ``documents`` cache without rendering.

WeasyPrint may only read the app's own static files: any other URL (``file:``,
``http:``, ...) is refused. It is imported only when a PDF is really rendered, so a web
worker that serves no PDF never loads it.
"""

import hashlib
import io
import mimetypes
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import django.dispatch
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.template import loader
from django.template.loader_tags import ExtendsNode, IncludeNode

# Sent each time a PDF is really rendered (not served from the cache); tests listen to it.
pdf_rendered = django.dispatch.Signal()

STATIC_BASE_URL = "https://static.invalid" + settings.STATIC_URL
# Static folders whose files shape documents (stylesheets, fonts, images).
DOCUMENT_ASSET_DIRS = ("css", "fonts", "img")


def static_url_fetcher():
    """A WeasyPrint URL fetcher serving ``STATIC_BASE_URL...`` and ``data:`` only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            body, content_type = _static_file(url)
            return URLFetcherResponse(url, body, headers={"Content-Type": content_type})

    return StaticOnlyURLFetcher()


def _static_file(url):
    """The bytes and content type of the static file at ``url``; ``ValueError`` if refused."""
    if not url.startswith(STATIC_BASE_URL):
        raise ValueError(f"Refused URL in PDF rendering: {url[:200]}")
    relative_path = unquote(urlsplit(url).path[len(settings.STATIC_URL) :])
    parts = relative_path.split("/")
    if not relative_path or relative_path.startswith("/") or ".." in parts or "\\" in url:
        raise ValueError(f"Refused URL in PDF rendering: {url[:200]}")
    absolute_path = _find_static(relative_path)
    if not absolute_path:
        raise ValueError(f"Static file not found: {relative_path}")
    body = Path(absolute_path).read_bytes()
    # WeasyPrint only reads a stylesheet served as text/css.
    content_type = mimetypes.guess_type(absolute_path)[0] or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type += "; charset=utf-8"
    return body, content_type


def _find_static(relative_path):
    # Source files first (development); then the collected files, where production's
    # manifest storage gives hashed names ({% static %} and CSS url() point at those).
    found = finders.find(relative_path)
    if found:
        return found
    if staticfiles_storage.exists(relative_path):
        return staticfiles_storage.path(relative_path)
    return None


def html_to_pdf(html):
    """PDF bytes of an HTML string rendered by WeasyPrint with the restricted fetcher."""
    from weasyprint import HTML

    return HTML(string=html, base_url=STATIC_BASE_URL, url_fetcher=static_url_fetcher()).write_pdf()


def join_pdfs(*parts):
    """One PDF of the pages of ``parts``: ``(content, pages)`` pairs, ``pages`` a slice of
    the PDF ``content``'s pages (``slice(None)`` for all)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for content, pages in parts:
        for page in PdfReader(io.BytesIO(content)).pages[pages]:
            writer.add_page(page)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def render_pdf(template_name, context):
    """Render ``template_name`` with ``context`` to PDF bytes (no cache)."""
    pdf = html_to_pdf(loader.render_to_string(template_name, context))
    pdf_rendered.send(sender=render_pdf, template_name=template_name)
    return pdf


def _template_sources(template_name, seen):
    """The source of ``template_name`` and of every template it extends or includes."""
    if template_name in seen:
        return []
    seen.add(template_name)
    template = loader.get_template(template_name).template
    sources = [template.source]
    nodes = template.nodelist.get_nodes_by_type(ExtendsNode) + template.nodelist.get_nodes_by_type(
        IncludeNode
    )
    for node in nodes:
        expression = node.parent_name if isinstance(node, ExtendsNode) else node.template
        name = expression.var if isinstance(expression.var, str) else None
        if name is None:
            # A name computed at render time cannot be followed: the rendered HTML, which
            # documents without a data stamp hash, still covers it.
            continue
        sources += _template_sources(name, seen)
    return sources


def _assets_digest():
    """Static files that shape documents, and the compiled translations."""
    digest = hashlib.sha256()
    roots = [Path(root) for root in settings.STATICFILES_DIRS]
    paths = [
        path
        for root in roots
        for folder in DOCUMENT_ASSET_DIRS
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    ]
    paths += [path for root in settings.LOCALE_PATHS for path in sorted(Path(root).rglob("*.mo"))]
    for path in paths:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=64)
def _cached_layout_digest(template_name):
    return _layout_digest(template_name)


def _layout_digest(template_name):
    digest = hashlib.sha256(_assets_digest().encode())
    for source in _template_sources(template_name, set()):
        digest.update(source.encode())
    return digest.hexdigest()


def layout_digest(template_name):
    """Hash of the templates and assets of a document (recomputed each time in DEBUG)."""
    if settings.DEBUG:
        return _layout_digest(template_name)
    return _cached_layout_digest(template_name)


@dataclass(frozen=True)
class CachedPDF:
    content: bytes
    etag: str


def _full_key(cache_key, version):
    return "pdf:" + hashlib.sha256(f"{cache_key}:{version}".encode()).hexdigest()


def cached_pdf(cache_key, version, render):
    """Return the PDF for ``cache_key`` at ``version``, rendering it only when missing.

    ``version`` is any string that changes whenever the document's bytes may change;
    ``render`` is a callable returning PDF bytes.
    """
    cache = caches["documents"]
    full_key = _full_key(cache_key, version)
    content = cache.get(full_key)
    if content is None:
        content = render()
        cache.set(full_key, content)
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return CachedPDF(content=content, etag=etag)


class Document:
    """One PDF: a template, a context and a filename, cached by its version.

    Subclasses set ``template_name`` and implement :meth:`context`, :attr:`cache_key` (which
    document: ``"confirmation:42"``) and :attr:`filename`. They may implement
    :meth:`data_version`, a cheap stamp of the data they print; without one, the rendered
    HTML is hashed, which covers every value the template prints, dates included.
    """

    template_name = ""
    content_type = "application/pdf"

    @property
    def cache_key(self):
        raise NotImplementedError

    @property
    def filename(self):
        raise NotImplementedError

    def context(self):
        raise NotImplementedError

    def data_version(self):
        """A string that changes whenever the printed data does, or ``None``."""
        return None

    @cached_property
    def html(self):
        return loader.render_to_string(self.template_name, self.context())

    @cached_property
    def version(self):
        data = self.data_version()
        if data is None:
            data = hashlib.sha256(self.html.encode()).hexdigest()
        source = f"{layout_digest(self.template_name)}:{data}"
        return hashlib.sha256(source.encode()).hexdigest()[:32]

    def render(self):
        pdf = html_to_pdf(self.html)
        pdf_rendered.send(sender=type(self), template_name=self.template_name)
        return pdf

    def pdf(self):
        """The :class:`CachedPDF`, rendered only if this version is not cached yet."""
        return cached_pdf(self.cache_key, self.version, self.render)

    def is_ready(self):
        """Whether this version's PDF is in the cache (made by the task worker, say)."""
        return caches["documents"].has_key(_full_key(self.cache_key, self.version))
