"""The printed agenda: the whole programme on A4, the paper bulletin as its last page."""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from afpols_events.documents import cached_pdf, render_pdf
from registrations.models import Tariff

from .. import selectors
from .base import Exporter, absolute_url, agenda_url

TEMPLATE_NAME = "programme/pdf/agenda.html"
TEMPLATE_DIR = settings.BASE_DIR / "templates" / "programme" / "pdf"
STYLESHEET = "css/agenda-pdf.css"

# The paper bulletin's fields, in its order, with the number of lines to write on.
BULLETIN_FIELDS = [
    (_("Nom"), 1),
    (_("Prénom"), 1),
    (_("Fonction"), 1),
    (_("E-mail"), 1),
    (_("Organisme"), 1),
    (_("Adresse"), 2),
    (_("Téléphone"), 1),
    (_("Personne à contacter"), 1),
    (_("Fait à"), 1),
    (_("Le"), 1),
    (_("Signature"), 1),
]


def _layout_sources():
    paths = sorted(TEMPLATE_DIR.glob("*.html"))
    stylesheet = finders.find(STYLESHEET)
    return [*paths, Path(stylesheet)] if stylesheet else paths


@lru_cache(maxsize=1)
def _cached_layout_hash():
    return _layout_hash()


def _layout_hash():
    digest = hashlib.sha256()
    for path in _layout_sources():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _registration_url(event):
    try:
        return absolute_url(reverse("registrations:register", kwargs={"slug": event.slug}))
    except NoReverseMatch:
        return absolute_url(event.get_absolute_url())


def agenda_context(event):
    """Everything the agenda templates show, read in a constant number of queries."""
    days = selectors.agenda_days(event)
    return {
        "event": event,
        "days": days,
        "tariffs": list(Tariff.objects.filter(event=event).order_by("position", "pk")),
        "workshops": [w for day in days for item in day.items for w in item.workshops.all()],
        "agenda_url": agenda_url(event),
        "event_url": absolute_url(event.get_absolute_url()),
        "registration_url": _registration_url(event),
        "stylesheet": STYLESHEET,
        "bulletin_fields": BULLETIN_FIELDS,
    }


class AgendaPDFExporter(Exporter):
    identifier = "agenda-pdf"
    extension = "pdf"
    content_type = "application/pdf"

    def layout_fingerprint(self):
        # A deployment that changes the templates or the stylesheet must not serve the old
        # PDF from the cache; in development they change without a restart.
        layout = _layout_hash() if settings.DEBUG else _cached_layout_hash()
        return f"{super().layout_fingerprint()}:{layout}"

    def render(self):
        return render_pdf(TEMPLATE_NAME, agenda_context(self.event))

    def content(self):
        return cached_pdf(f"agenda:{self.event.pk}", self.version, self.render).content
