"""The contract shared by every programme export, and the absolute URLs they print."""

import hashlib
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.urls import reverse

from ..selectors import complete_event

# Bumped by hand when an export changes shape in a way its templates do not show
# (the PDF templates and stylesheet are fingerprinted by the PDF exporter itself).
EXPORT_FORMAT = "1"


def absolute_url(path):
    """``path`` on the public site: documents are cached, so never the request's host."""
    return settings.SITE_URL + path


def agenda_url(event, anchor=""):
    url = absolute_url(reverse("programme:agenda", kwargs={"slug": event.slug}))
    return f"{url}#{anchor}" if anchor else url


class Exporter:
    """One downloadable file of an event: identifier, extension, content type, bytes, ETag."""

    identifier = ""
    extension = ""
    content_type = ""
    as_attachment = True
    # The same file for every visitor, kept in the ``pages`` cache; a file of one person
    # (a participant's calendar) is not: it would crowd the public pages out of the cache
    # and keep personal data in memory.
    shared = True

    def __init__(self, event):
        self.event = event

    @property
    def filename(self):
        return f"programme-{self.event.slug}.{self.extension}"

    def layout_fingerprint(self):
        """What besides the data shapes the file (code, templates, settings)."""
        return f"{EXPORT_FORMAT}:{settings.SITE_URL}"

    @cached_property
    def version(self):
        """Changes whenever the bytes may change; the cache key and the ETag derive from it.

        The event's content version comes with the event row: no query.
        """
        source = ":".join(
            [
                self.identifier,
                str(self.event.pk),
                str(self.event.content_version),
                self.layout_fingerprint(),
            ]
        )
        return hashlib.sha256(source.encode()).hexdigest()[:32]

    @property
    def etag(self):
        return f'"{self.version}"'

    def content(self):
        """The file's bytes, from the ``pages`` cache when this version was built before."""
        if not self.shared:
            return self.build()
        cache = caches["pages"]
        key = f"export:{self.identifier}:{self.version}"
        content = cache.get(key)
        if content is None:
            complete_event(self.event)
            content = self.build()
            cache.set(key, content)
        return content

    def build(self):
        """The file's bytes, without the ``pages`` cache (the PDF has its own)."""
        return self.render()

    def render(self):
        raise NotImplementedError
