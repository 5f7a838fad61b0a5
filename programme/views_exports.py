"""Downloads of the programme: printed agenda (PDF), iCalendar, JSON.

Each view asks its exporter for an ETag first (a few small queries), answers 304 when
the client already has that version, and only then builds or fetches the file.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header
from django.views import View

from .exports.agenda_ics import AgendaICSExporter
from .exports.agenda_json import AgendaJSONExporter
from .exports.agenda_pdf import AgendaPDFExporter
from .models import Event


def export_response(request, exporter, *, private=False):
    """The exporter's file, or 304 Not Modified when ``If-None-Match`` has its ETag."""
    etag = exporter.etag
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(exporter.content(), content_type=exporter.content_type)
        response["Content-Disposition"] = content_disposition_header(
            exporter.as_attachment, exporter.filename
        )
    response["ETag"] = etag
    # Clients keep the file but check with us before reusing it (a cheap 304).
    if private:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    return response


class ExportView(View):
    exporter_class = None

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        return export_response(request, self.exporter_class(event))


class AgendaPDFView(ExportView):
    exporter_class = AgendaPDFExporter


class AgendaICSView(ExportView):
    exporter_class = AgendaICSExporter


class AgendaJSONView(ExportView):
    exporter_class = AgendaJSONExporter
