"""A payment received for an invoice: partial payments add up, staff record them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import PaymentMeans
from .invoice import Invoice


class Payment(models.Model):
    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="payments", verbose_name=_("facture")
    )
    received_on = models.DateField(_("reçu le"))
    amount = models.DecimalField(_("montant (€)"), max_digits=10, decimal_places=2)
    means = models.CharField(_("moyen de paiement"), max_length=20, choices=PaymentMeans.choices)
    reference = models.CharField(
        _("référence"),
        max_length=100,
        blank=True,
        help_text=_("N° de chèque, de bon de commande ou libellé du virement."),
    )
    recorded_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enregistré par"),
    )

    class Meta:
        verbose_name = _("paiement")
        verbose_name_plural = _("paiements")
        ordering = ["received_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.CheckConstraint(
                condition=Q(means__in=PaymentMeans.values), name="payment_means_valid"
            ),
        ]

    def __str__(self):
        return f"{self.invoice.number} : {self.amount} € ({self.get_means_display()})"
