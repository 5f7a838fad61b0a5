"""Downloads of the programme: printed agenda (PDF), iCalendar, JSON.

Each view reads the event row (one query: its content version gives the ETag), answers
304 when the client already has that version, and only then takes the file from the
``pages`` cache or builds it.
"""

from django.http import Http404
from django.views import View

from afpols_events.http import download_response

from .exports.agenda_ics import AgendaICSExporter
from .exports.agenda_json import AgendaJSONExporter
from .exports.agenda_pdf import AgendaPDFExporter
from .selectors import published_event_stamp


def export_response(request, exporter, *, private=False):
    """The exporter's file, or 304 Not Modified when ``If-None-Match`` has its ETag."""
    return download_response(
        request,
        content=exporter.content,
        etag=exporter.etag,
        filename=exporter.filename,
        content_type=exporter.content_type,
        as_attachment=exporter.as_attachment,
        private=private,
    )


class ExportView(View):
    exporter_class = None

    def get(self, request, slug):
        # The file is built (its event completed) only when neither the client nor the
        # cache holds this version.
        event = published_event_stamp(slug)
        if event is None:
            raise Http404
        return export_response(request, self.exporter_class(event))


class AgendaPDFView(ExportView):
    exporter_class = AgendaPDFExporter


class AgendaICSView(ExportView):
    exporter_class = AgendaICSExporter


class AgendaJSONView(ExportView):
    exporter_class = AgendaJSONExporter
