"""The printed agenda: the whole programme on A4, the paper bulletin as its last page."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from afpols_events.documents import Document, layout_digest

from .. import selectors
from ..models import Tariff
from .base import Exporter, absolute_url, agenda_url

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


class AgendaDocument(Document):
    """The agenda's data version is the event's content version: no query of its rows."""

    template_name = "programme/pdf/agenda.html"

    def __init__(self, event, content_version):
        self.event, self.content_version = event, content_version

    @property
    def cache_key(self):
        return f"agenda:{self.event.pk}"

    @property
    def filename(self):
        return f"programme-{self.event.slug}.pdf"

    def data_version(self):
        return self.content_version

    def context(self):
        return agenda_context(self.event)


class AgendaPDFExporter(Exporter):
    identifier = "agenda-pdf"
    extension = "pdf"
    content_type = "application/pdf"

    def document(self):
        return AgendaDocument(self.event, self.version)

    def layout_fingerprint(self):
        # A deployment that changes the templates or the stylesheet must not serve the old
        # PDF from the cache, nor answer 304 to a browser holding it.
        return f"{super().layout_fingerprint()}:{layout_digest(AgendaDocument.template_name)}"

    def render(self):
        return self.document().render()

    def build(self):
        # The documents cache, shared by every app server, spares a second rendering.
        return self.document().pdf().content
