import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programme.models import Event, Workshop, split_lines

from .enums import MembershipState, PaymentState, RegistrationStatus


def new_private_token():
    return secrets.token_urlsafe(32)


class Tariff(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="tariffs", verbose_name=_("événement")
    )
    label = models.CharField(_("libellé"), max_length=200)
    amount = models.DecimalField(_("montant (€)"), max_digits=8, decimal_places=2)
    included = models.TextField(_("ce qui est compris"), help_text=_("Une prestation par ligne."))
    capacity = models.PositiveIntegerField(
        _("nombre de places à ce tarif"),
        null=True,
        blank=True,
        help_text=_("Par exemple le nombre de chambres réservées. Vide : sans limite."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("tarif")
        verbose_name_plural = _("tarifs")
        ordering = ["event", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="tariff_amount_positive"),
            models.UniqueConstraint(
                fields=["event", "label"], name="tariff_label_unique_per_event"
            ),
            # Target of the composite foreign key (tariff, event) of a registration, which
            # keeps a registration's tariff within its event (migration 0002).
            models.UniqueConstraint(fields=["id", "event"], name="tariff_id_event_unique"),
        ]

    def __str__(self):
        return self.label

    @property
    def included_list(self):
        return split_lines(self.included)


class MemberOrganisation(models.Model):
    """An organisation that pays its subscription (cotisation) to AFPOLS."""

    name = models.CharField(_("nom"), max_length=200)
    normalized_name = models.CharField(
        _("nom normalisé"), max_length=200, db_index=True, editable=False
    )
    member_number = models.CharField(_("numéro d'adhérent"), max_length=30, unique=True)
    city = models.CharField(_("ville"), max_length=120, blank=True)
    subscription_start = models.DateField(_("adhésion du"))
    subscription_end = models.DateField(_("adhésion jusqu'au"))
    is_demo = models.BooleanField(
        _("donnée de démonstration"),
        default=False,
        help_text=_("Organisme fictif de démonstration."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("organisme adhérent")
        verbose_name_plural = _("organismes adhérents")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(subscription_end__gte=models.F("subscription_start")),
                name="member_subscription_period_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Kept in step with the name so the membership check can match on an index.
        from .membership import normalise_organisation_name

        self.normalized_name = normalise_organisation_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "normalized_name"}
        super().save(*args, **kwargs)

    def covers(self, day):
        return self.subscription_start <= day <= self.subscription_end


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
            models.UniqueConstraint(
                Lower("email"), "event", name="registration_one_per_email_per_event"
            ),
            models.UniqueConstraint(fields=["event", "number"], name="registration_number_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="registration_amount_positive"),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="registration_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.CONFIRMED)
                | Q(membership_state=MembershipState.VERIFIED),
                name="registration_confirmed_needs_membership",
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("registrations:detail", kwargs={"token": self.token})

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"
