"""Documents with legal weight as they were sent: their bytes are kept and never change.

A row is made when staff (or ``send_convocations``) send the document, with the outbox
message that carries it; the task worker renders it once, stores the bytes (``content``
is empty until then) and attaches them: a retry of the message attaches the same bytes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import IssuedDocumentKind
from .outbox import OutgoingMessage
from .registration import Registration


class IssuedDocument(models.Model):
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="issued_documents",
        verbose_name=_("inscription"),
    )
    kind = models.CharField(_("document"), max_length=20, choices=IssuedDocumentKind.choices)
    filename = models.CharField(_("nom du fichier"), max_length=200)
    # Empty until the worker renders it for its message.
    content = models.BinaryField(_("contenu (PDF)"), null=True, blank=True)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True)
    message = models.ForeignKey(
        OutgoingMessage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("envoyé par le message"),
    )
    issued_at = models.DateTimeField(_("émis le"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("émis par"),
    )

    class Meta:
        verbose_name = _("document émis")
        verbose_name_plural = _("documents émis")
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["registration", "kind"], name="issued_registration_kind")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=IssuedDocumentKind.values), name="issued_document_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(content__isnull=True, sha256="")
                | (Q(content__isnull=False) & ~Q(sha256="")),
                name="issued_document_rendered_has_its_hash",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.registration.reference}"

    @property
    def url_word(self):
        return IssuedDocumentKind(self.kind).url_word
