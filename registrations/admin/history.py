"""The registration's history page as Victoria reads it: labels, not stored values.

django-simple-history shows each change as the stored values ("awaiting_membership",
"2026-11-28 06:32:13+00:00", "None"); here they read as on the rest of the admin
("En attente de vérification de l'adhésion", "28 novembre 2026 à 07:32", "—").
"""

import datetime as dt
from decimal import Decimal

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from afpols_events.formatting import format_money

EMPTY = "—"


def history_value(field, value):
    """``value`` of the model field ``field`` as the admin shows it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, DeletedObject):
        if value.pk is None:
            return EMPTY
        return gettext("%(name)s supprimé(e)") % {"name": value.model._meta.verbose_name}
    if field.flatchoices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return gettext("Oui") if value else gettext("Non")
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Decimal) and isinstance(field, models.DecimalField):
        return format_money(value)
    return value


class FrenchHistoryHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        return history_value(self.model._meta.get_field(change.field), value)
