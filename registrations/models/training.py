"""What the training paperwork of one event needs beyond its programme: the internal rules
(règlement intérieur), the practical details of the convocation, and the terms printed on
the convention. Edited by staff in the admin, one row per event."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from afpols_events.text import split_lines
from programme.models import Event

DEFAULT_TEACHING_MEANS = _(
    "Interventions en plénière, études de cas présentées par des praticiens, table ronde, "
    "ateliers en petits groupes et travaux en sous-groupes avec restitution ; supports remis "
    "aux participants."
)
DEFAULT_ASSESSMENT = _(
    "Feuilles d'émargement signées par demi-journée par les stagiaires et les intervenants ; "
    "évaluation des acquis pendant les travaux en sous-groupes et les synthèses ; "
    "questionnaire de satisfaction en fin de formation ; certificat de réalisation et "
    "attestation de fin de formation remis à chaque stagiaire."
)
DEFAULT_CANCELLATION_TERMS = _(
    "Toute annulation doit être notifiée par écrit. Annulation plus de 15 jours avant le début "
    "de la formation : aucun frais. Entre 15 jours et la veille : 50 % du prix reste dû. "
    "Absence le jour même ou abandon en cours de formation : le prix est dû en totalité. "
    "Un remplacement par une autre personne du même organisme est possible à tout moment."
)


class EventTraining(models.Model):
    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="training", verbose_name=_("événement")
    )
    internal_rules = models.TextField(
        _("règlement intérieur"),
        blank=True,
        help_text=_("Joint à la convocation (articles L6352-3 et suivants du Code du travail)."),
    )
    practical_information = models.TextField(
        _("accès et informations pratiques"),
        blank=True,
        help_text=_("Accès au lieu, stationnement, accueil… Un paragraphe par ligne."),
    )
    what_to_bring = models.TextField(
        _("à apporter"), blank=True, help_text=_("Une chose par ligne.")
    )
    teaching_means = models.TextField(_("moyens pédagogiques"), default=DEFAULT_TEACHING_MEANS)
    assessment = models.TextField(_("suivi et évaluation"), default=DEFAULT_ASSESSMENT)
    cancellation_terms = models.TextField(
        _("conditions d'annulation"), default=DEFAULT_CANCELLATION_TERMS
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("informations de formation")
        verbose_name_plural = _("informations de formation")

    def __str__(self):
        return str(self.event)

    @property
    def practical_paragraphs(self):
        return split_lines(self.practical_information)

    @property
    def what_to_bring_list(self):
        return split_lines(self.what_to_bring)
