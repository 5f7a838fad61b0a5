from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    AWAITING_MEMBERSHIP = "awaiting_membership", _("En attente de vérification de l'adhésion")
    CONFIRMED = "confirmed", _("Confirmée")
    WAITING_LIST = "waiting_list", _("Liste d'attente")
    CANCELLED = "cancelled", _("Annulée")

    @classmethod
    def holding_a_place(cls):
        """Statuses that take a seat, a room or a workshop place."""
        return [cls.AWAITING_MEMBERSHIP, cls.CONFIRMED]


class MembershipState(models.TextChoices):
    VERIFIED = "verified", _("Adhésion vérifiée")
    PENDING = "pending", _("Adhésion en cours (à vérifier)")


class PaymentState(models.TextChoices):
    NOT_INVOICED = "not_invoiced", _("Non facturée")
    INVOICED = "invoiced", _("Facturée")
    PAID = "paid", _("Payée")
