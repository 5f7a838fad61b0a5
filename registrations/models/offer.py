"""A freed place offered to a registration on the waiting list (services/waiting_list.py).

While an offer is pending, its place is held: the capacity count takes it as taken
(selectors/places.py). A registration has at most one pending offer (a partial unique
constraint); accepted, declined, expired and withdrawn offers stay as the record staff and
the dashboard read.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import OfferStatus
from .registration import Registration, new_private_token


class OfferQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OfferStatus.PENDING)

    def due(self, now=None):
        """Pending offers whose deadline has passed (the worker expires them)."""
        return self.pending().filter(expires_at__lte=now or timezone.now())


class WaitingListOffer(models.Model):
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("inscription"),
    )
    token = models.CharField(
        _("jeton privé"), max_length=64, unique=True, default=new_private_token, editable=False
    )
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=OfferStatus.choices,
        default=OfferStatus.PENDING,
        db_index=True,
    )
    offered_at = models.DateTimeField(_("proposée le"), default=timezone.now)
    expires_at = models.DateTimeField(_("à accepter avant le"), db_index=True)
    answered_at = models.DateTimeField(_("close le"), null=True, blank=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("place proposée (liste d'attente)")
        verbose_name_plural = _("places proposées (liste d'attente)")
        ordering = ["-offered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(status=OfferStatus.PENDING),
                name="offer_one_pending_per_registration",
            ),
            models.CheckConstraint(
                condition=Q(status__in=OfferStatus.values), name="offer_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("offered_at")), name="offer_expires_after_offer"
            ),
            models.CheckConstraint(
                condition=Q(status=OfferStatus.PENDING) | Q(answered_at__isnull=False),
                name="offer_closed_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.registration.reference} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("registrations:offer", kwargs={"token": self.token})

    def is_open(self, now=None):
        """Pending and not yet past its deadline: it can still be accepted."""
        return self.status == OfferStatus.PENDING and (now or timezone.now()) < self.expires_at
