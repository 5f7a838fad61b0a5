import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programme.models import Event, Tariff, Workshop

from ..enums import MembershipState, PaymentState, RegistrationStatus
from .member import MemberOrganisation


def new_private_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("événement")
    )
    number = models.PositiveIntegerField(_("numéro"), editable=False)
    reference = models.CharField(_("référence"), max_length=30, unique=True, editable=False)
    token = models.CharField(
        _("jeton privé"), max_length=64, unique=True, default=new_private_token, editable=False
    )

    # The paper bulletin, field by field.
    last_name = models.CharField(_("nom"), max_length=100)
    first_name = models.CharField(_("prénom"), max_length=100)
    job_title = models.CharField(_("fonction"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation_name = models.CharField(_("organisme"), max_length=200)
    member_number = models.CharField(
        _("numéro d'adhérent indiqué"),
        max_length=30,
        blank=True,
        help_text=_("Tel que saisi par le participant, s'il l'a indiqué."),
    )
    address = models.TextField(_("adresse"), max_length=500)
    phone = models.CharField(_("téléphone"), max_length=30)
    contact_person = models.CharField(_("personne à contacter"), max_length=150, blank=True)
    billing_email = models.EmailField(
        _("e-mail de facturation"),
        max_length=254,
        blank=True,
        help_text=_("Où envoyer la facture, si ce n'est pas à l'adresse du participant."),
    )
    signed_place = models.CharField(_("fait à"), max_length=100)
    signed_on = models.DateField(_("le"))
    signature = models.CharField(_("signature (nom complet)"), max_length=200)
    certified = models.BooleanField(_("exactitude certifiée"), default=False)
    privacy_consent = models.BooleanField(
        _("consentement au traitement des données"), default=False
    )

    tariff = models.ForeignKey(
        Tariff, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("tarif")
    )
    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.PROTECT,
        related_name="registrations",
        null=True,
        blank=True,
        verbose_name=_("atelier"),
    )
    amount = models.DecimalField(_("montant facturé (€)"), max_digits=8, decimal_places=2)

    status = models.CharField(
        _("statut"), max_length=30, choices=RegistrationStatus.choices, db_index=True
    )
    membership_state = models.CharField(
        _("adhésion"), max_length=20, choices=MembershipState.choices, db_index=True
    )
    member = models.ForeignKey(
        MemberOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("organisme adhérent reconnu"),
    )
    payment_state = models.CharField(
        _("paiement"),
        max_length=20,
        choices=PaymentState.choices,
        default=PaymentState.NOT_INVOICED,
        db_index=True,
    )

    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    invoiced_at = models.DateTimeField(_("facturée le"), null=True, blank=True)
    paid_at = models.DateTimeField(_("payée le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["-created_at"]
        constraints = [
            # One active registration per person (e-mail and name): a cancelled one does
            # not block a new one, and a shared address may register several colleagues.
            models.UniqueConstraint(
                Lower("email"),
                Lower("last_name"),
                Lower("first_name"),
                "event",
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_active_per_person",
                violation_error_message=_(
                    "Une inscription active existe déjà à ce nom avec cette adresse e-mail."
                ),
            ),
            models.UniqueConstraint(
                fields=["event", "number"],
                name="registration_number_unique",
                violation_error_message=_(
                    "Ce numéro d'inscription est déjà pris pour cet événement."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="registration_amount_positive",
                violation_error_message=_("Le montant facturé doit être positif."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="registration_status_valid",
                violation_error_message=_("Statut d'inscription inconnu."),
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.CONFIRMED)
                | Q(membership_state=MembershipState.VERIFIED),
                name="registration_confirmed_needs_membership",
                violation_error_message=_(
                    "Une inscription n'est confirmée qu'une fois l'adhésion vérifiée."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("registrations:detail", kwargs={"token": self.token})

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def participant_can_change(self, now=None):
        """May the participant still change their workshop or cancel online?

        The one answer the private page, the summary, the documents and the services use.
        """
        return self.status != RegistrationStatus.CANCELLED and self.event.registration_is_open(now)
