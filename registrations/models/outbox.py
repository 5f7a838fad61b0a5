"""The outbox: each e-mail about a registration is a row that records its fate.

Modelled on pretix's ``OutgoingMail``: the row is written in the same transaction as the
change it tells about, and it is kept whatever happens to the sending (state, attempts,
last error, when to try again).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import MessageKind, MessageState


class OutgoingMessage(models.Model):
    registration = models.ForeignKey(
        "registrations.Registration",
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("inscription"),
    )
    # A MessageKind value. No ``choices`` on purpose: kinds are added to MessageKind as the
    # app grows, and choices would make each new kind a migration of this table.
    kind = models.CharField(_("message"), max_length=40)
    recipient = models.EmailField(_("destinataire"), max_length=254)
    state = models.CharField(
        _("état"), max_length=10, choices=MessageState.choices, default=MessageState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    subject = models.CharField(_("objet"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    last_attempt_at = models.DateTimeField(_("dernière tentative"), null=True, blank=True)
    retry_after = models.DateTimeField(_("prochain essai"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("message envoyé")
        verbose_name_plural = _("messages envoyés")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "retry_after"], name="outbox_state_retry_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=MessageState.values), name="outbox_state_valid"
            ),
            models.CheckConstraint(
                condition=~Q(state=MessageState.RETRY) | Q(retry_after__isnull=False),
                name="outbox_retry_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(state=MessageState.SENT) | Q(sent_at__isnull=False),
                name="outbox_sent_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.kind_label} → {self.recipient}"

    @property
    def kind_label(self):
        try:
            return MessageKind(self.kind).label
        except ValueError:  # A kind that no longer exists: show what was stored.
            return self.kind
