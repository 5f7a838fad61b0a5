"""The documents stored as sent (convocations, certificates, attestations) or as received
(the signed convention), on the registration's admin page: every version, who and when,
each downloadable with exactly its stored bytes."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from ..enums import IssuedDocumentKind
from ..models import IssuedDocument
from ..views_documents import stored_document_response


def _line(registration, document, current_app):
    url = reverse(
        "admin:registrations_registration_issued_document",
        kwargs={"object_id": registration.pk, "document_id": document.pk},
        current_app=current_app,
    )
    when = date_format(timezone.localtime(document.issued_at), "DATETIME_FORMAT")
    if document.kind == IssuedDocumentKind.SIGNED_CONVENTION:
        verb = _g("reçue le %(when)s") % {"when": when}
    else:
        verb = _g("émis le %(when)s") % {"when": when}
    who = document.issued_by.get_username() if document.issued_by else None
    if document.kind == IssuedDocumentKind.SIGNED_CONVENTION and who is None:
        who = _g("déposée par le participant")
    elif who is not None:
        who = _g("par %(user)s") % {"user": who}
    return (url, document.get_kind_display(), document.filename, verb, who or "")


class IssuedDocumentsAdminMixin:
    """Adds ``<pk>/documents/<id>/`` (download) and the read-only ``issued_documents_list``."""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/documents/<int:document_id>/",
                self.admin_site.admin_view(self.issued_document_view),
                name="registrations_registration_issued_document",
            ),
            *super().get_urls(),
        ]

    def issued_document_view(self, request, object_id, document_id):
        registration = self.get_object(request, object_id)
        if registration is None:
            raise Http404(_g("Inscription introuvable."))
        if not self.has_view_permission(request, registration):
            raise PermissionDenied
        document = get_object_or_404(
            IssuedDocument, registration=registration, pk=document_id, content__isnull=False
        )
        return stored_document_response(request, document)

    @admin.display(description=_("documents émis et reçus"))
    def issued_documents_list(self, registration):
        if registration.pk is None:
            return "—"
        documents = (
            IssuedDocument.objects.filter(registration=registration, content__isnull=False)
            .defer("content")
            .select_related("issued_by")
            .order_by("-issued_at", "-pk")
        )
        lines = [_line(registration, document, self.admin_site.name) for document in documents]
        if not lines:
            return _g("Aucun document émis ni reçu.")
        return format_html_join(mark_safe("<br>"), '<a href="{}">{} ({})</a> — {} {}', lines)
