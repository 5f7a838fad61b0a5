"""AFPOLS's own legal identity, as data: one row, edited by a superuser in the admin.

``selectors.training_body()`` reads it (and falls back to ``settings.TRAINING_BODY`` while
none is saved); documents never read this model directly.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

NDA_WORDING = _("Cet enregistrement ne vaut pas agrément de l'État.")
DEFAULT_VAT_MENTION = "TVA non applicable, article 261-4-4° a du CGI"

iban_validator = RegexValidator(
    r"^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,40}$",
    _("IBAN invalide : deux lettres de pays, deux chiffres de contrôle, puis le compte."),
)
bic_validator = RegexValidator(
    r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$", _("BIC invalide : 8 ou 11 lettres et chiffres.")
)
siret_validator = RegexValidator(r"^[0-9 ]{14,17}$", _("Le SIRET compte 14 chiffres."))


class TrainingBodyIdentity(models.Model):
    """The seller printed on invoices and on the training documents (a single row)."""

    SINGLETON_PK = 1

    name = models.CharField(_("raison sociale"), max_length=200)
    address = models.TextField(_("adresse"), max_length=500, help_text=_("Une ligne par ligne."))
    siret = models.CharField(_("SIRET"), max_length=17, validators=[siret_validator])
    vat_number = models.CharField(_("n° de TVA intracommunautaire"), max_length=20, blank=True)
    nda = models.CharField(
        _("n° de déclaration d'activité (NDA)"),
        max_length=20,
        help_text=_("Numéro d'enregistrement de l'organisme de formation."),
    )
    nda_region = models.CharField(
        _("région de la déclaration"),
        max_length=100,
        help_text=_("Préfet de région auprès duquel l'activité est déclarée."),
    )
    vat_exempt = models.BooleanField(
        _("exonéré de TVA"),
        default=True,
        help_text=_("Formation professionnelle continue : article 261-4-4° a du CGI."),
    )
    vat_mention = models.CharField(
        _("mention d'exonération"), max_length=200, default=DEFAULT_VAT_MENTION, blank=True
    )
    vat_rate = models.DecimalField(
        _("taux de TVA (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("20.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Appliqué seulement si l'organisme n'est pas exonéré."),
    )
    iban = models.CharField(_("IBAN"), max_length=42, validators=[iban_validator])
    bic = models.CharField(_("BIC"), max_length=11, validators=[bic_validator])
    payment_terms_days = models.PositiveSmallIntegerField(
        _("délai de paiement (jours)"), default=30
    )
    late_penalty_rate = models.DecimalField(
        _("taux des pénalités de retard (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    recovery_indemnity = models.DecimalField(
        _("indemnité forfaitaire pour frais de recouvrement (€)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("40.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    is_demo = models.BooleanField(
        _("données de démonstration"),
        default=False,
        help_text=_("Décochez après avoir saisi les vraies coordonnées de l'AFPOLS."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("identité de l'organisme de formation")
        verbose_name_plural = _("identité de l'organisme de formation")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="training_body_single_row"),
            models.CheckConstraint(
                condition=Q(vat_rate__gte=0)
                & Q(late_penalty_rate__gte=0)
                & Q(recovery_indemnity__gte=0),
                name="training_body_rates_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(vat_exempt=True) | ~Q(vat_mention=""),
                name="training_body_exempt_needs_mention",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.vat_exempt and not self.vat_mention.strip():
            raise ValidationError(
                {"vat_mention": _("Indiquez la mention d'exonération imprimée sur les factures.")}
            )
        if not self.vat_exempt and not self.vat_rate:
            raise ValidationError({"vat_rate": _("Indiquez le taux de TVA appliqué.")})

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=cls.SINGLETON_PK).first()
