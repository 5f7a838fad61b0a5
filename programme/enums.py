from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ItemKind(models.TextChoices):
    OPENING = "opening", _("Ouverture")
    PLENARY = "plenary", _("Intervention en plénière")
    CASE_STUDY = "case_study", _("Étude de cas")
    ROUND_TABLE = "round_table", _("Table ronde")
    WORKSHOPS = "workshops", _("Ateliers")
    GROUP_WORK = "group_work", _("Travaux en sous-groupes")
    SYNTHESIS = "synthesis", _("Synthèse")
    BREAK = "break", pgettext_lazy("programme item", "Pause")
    MEAL = "meal", _("Repas")
    ARTISTIC = "artistic", _("Intervention artistique")
    CLOSING = "closing", _("Clôture")
    SOCIAL_DINNER = "social_dinner", _("Dîner")

    @classmethod
    def pauses(cls):
        """Kinds that are not training time (shown discreetly, left out of sign-in sheets)."""
        return {cls.BREAK, cls.MEAL, cls.SOCIAL_DINNER}


class HalfDayPeriod(models.TextChoices):
    """A morning or an afternoon: the unit of attendance and of sign-in sheets."""

    MORNING = "matin", _("matin")
    AFTERNOON = "apres-midi", _("après-midi")
