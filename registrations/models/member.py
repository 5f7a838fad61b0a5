from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from afpols_events.text import normalise_organisation_name


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
                violation_error_message=_("La fin de l'adhésion précède son début."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Kept in step with the name so the membership check can match on an index.
        self.normalized_name = normalise_organisation_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "normalized_name"}
        super().save(*args, **kwargs)

    def covers(self, day):
        return self.subscription_start <= day <= self.subscription_end
