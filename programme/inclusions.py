"""What a tariff includes, as data: which nights, which dinners, and the lunches.

``Tariff.nights`` and ``Tariff.dinners`` are lists of ISO dates (the night that follows
that day, the dinner of that day); ``Tariff.lunches`` says whether the lunches are
included. Everything a participant is shown derives from them: the French lines of the
bulletin's cards, the confirmation PDF and the invoice lines (:func:`summary`), and the
meals and nights of their calendar (:func:`includes_item`).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from afpols_events.formatting import _day_number, _names, format_date
from afpols_events.text import split_lines

from .enums import ItemKind


def dates(values):
    """The dates of a JSON list of ISO dates, sorted; invalid entries are left out."""
    found = set()
    for value in values or []:
        try:
            found.add(dt.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return sorted(found)


def event_days(event):
    """Every day of ``event``, first to last."""
    return [
        event.start_date + dt.timedelta(days=n)
        for n in range((event.end_date - event.start_date).days + 1)
    ]


def day_choices(event):
    """(ISO date, French label) of each day of ``event``, for the admin's check boxes."""
    return [(day.isoformat(), format_date(day, year=False)) for day in event_days(event)]


def validate(tariff):
    """Refuse nights and dinners that are not lists of days of the tariff's event."""
    errors = {}
    days = set(event_days(tariff.event)) if tariff.event_id else None
    for field in ("nights", "dinners"):
        values = getattr(tariff, field)
        if not isinstance(values, list):
            errors[field] = _("Une liste de dates est attendue.")
            continue
        parsed = dates(values)
        if len(parsed) != len(values):
            errors[field] = _("Une liste de dates AAAA-MM-JJ distinctes est attendue.")
        elif days is not None and not set(parsed) <= days:
            errors[field] = _("Chaque date doit être l'un des jours de la rencontre.")
    if errors:
        raise ValidationError(errors)


def _day_list(days):
    """``du 14 et du 15 novembre``; across months ``du 30 novembre et du 1er décembre``."""
    words = []
    for index, day in enumerate(days):
        same_month_as_next = index + 1 < len(days) and days[index + 1].month == day.month
        word = f"du {_day_number(day)}"
        if not same_month_as_next:
            word += f" {_names(day)[1]}"
        words.append(word)
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} et {words[-1]}"


def summary(tariff):
    """The French lines saying what ``tariff`` includes: its other lines, then the nights,
    the dinners and the lunches."""
    lines = split_lines(tariff.included)
    nights, dinners = dates(tariff.nights), dates(tariff.dinners)
    if nights:
        word = _("nuit") if len(nights) == 1 else _("nuits")
        lines.append(
            _("L'hébergement à l'hôtel (%(nights)s %(days)s)")
            % {"nights": word, "days": _day_list(nights)}
        )
    if dinners:
        word = _("dîner") if len(dinners) == 1 else _("dîners")
        lines.append(
            _("Les repas du soir (%(dinners)s %(days)s)")
            % {"dinners": word, "days": _day_list(dinners)}
        )
    if tariff.lunches:
        lines.append(_("Les repas du midi"))
    return lines


def includes_item(tariff, item):
    """Whether a participant at ``tariff`` takes part in ``item``: lunches only with the
    lunches, each dinner only when its day is one of the tariff's dinners; every other
    item is for everyone."""
    if item.kind == ItemKind.MEAL:
        return tariff.lunches
    if item.kind == ItemKind.SOCIAL_DINNER:
        return timezone.localdate(item.starts_at) in set(dates(tariff.dinners))
    return True
