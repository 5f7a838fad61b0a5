"""French formatting of dates, times and amounts, shared by templates, e-mails and PDFs.

The template filters in ``afpols_events/templatetags/afpols.py`` wrap these functions; Python
code (plain-text e-mails, calendar descriptions, exports) calls them directly so every
page and document writes "mercredi 14 novembre 2012" and "1 750 €" the same way.

The interface is French only, so names come from Django's French catalogue whatever
language is active (a task or a management command may run with another one).
"""

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone, translation
from django.utils.dates import MONTHS, WEEKDAYS

# French typography: a narrow no-break space groups thousands, a no-break space precedes
# the currency sign, so "1 750 €" never wraps inside the amount.
THOUSANDS_SEPARATOR = "\u202f"
CURRENCY_SPACE = "\u00a0"
CENT = Decimal("0.01")


def to_local_date(value):
    """A ``date`` from a date or a datetime (aware datetimes seen in Europe/Paris)."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"Expected a date or a datetime, got {type(value).__name__}.")


def _names(day):
    with translation.override("fr"):
        return str(WEEKDAYS[day.weekday()]), str(MONTHS[day.month])


def _day_number(day):
    # French writes the first day of a month as an ordinal: "1er novembre".
    return "1er" if day.day == 1 else str(day.day)


def format_date(value, *, weekday=True, year=True):
    """``mercredi 14 novembre 2012`` (``weekday=False``: ``14 novembre 2012``)."""
    day = to_local_date(value)
    weekday_name, month_name = _names(day)
    parts = [weekday_name] if weekday else []
    parts += [_day_number(day), month_name]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def format_date_range(start, end):
    """``du mercredi 14 au vendredi 16 novembre 2012``; one day: ``le mercredi 14 …``."""
    start, end = to_local_date(start), to_local_date(end)
    if end < start:
        start, end = end, start
    if start == end:
        return f"le {format_date(start)}"
    start_weekday, start_month = _names(start)
    if start.year != end.year:
        first = format_date(start)
    elif start.month != end.month:
        first = f"{start_weekday} {_day_number(start)} {start_month}"
    else:
        first = f"{start_weekday} {_day_number(start)}"
    return f"du {first} au {format_date(end)}"


def format_day_list(start, end):
    """Every day of a short event, as on the flyer: ``14, 15 et 16 novembre 2012``."""
    start, end = to_local_date(start), to_local_date(end)
    if end < start:
        start, end = end, start
    if start.year != end.year or start.month != end.month:
        # Spanning two months, a list of numbers would be ambiguous: fall back to a range.
        return format_date_range(start, end)
    numbers = [_day_number(start + dt.timedelta(days=n)) for n in range((end - start).days + 1)]
    listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} et {numbers[-1]}"
    return f"{listed} {_names(end)[1]} {end.year}"


def format_time(value):
    """``9h30``, ``14h00``: hour without leading zero, minutes always on two digits."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.time()
    if not isinstance(value, dt.time):
        raise TypeError(f"Expected a time or a datetime, got {type(value).__name__}.")
    return f"{value.hour}h{value.minute:02d}"


def to_decimal(value):
    """``value`` as a Decimal rounded to the cent (half up), or ``None`` if not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(value, currency="€"):
    """``1 750 €``, ``12,50 €``; cents shown only when there are some. ``""`` if not a number."""
    amount = to_decimal(value)
    if amount is None:
        return ""
    pattern = "{:,.0f}" if amount == amount.to_integral_value() else "{:,.2f}"
    digits = pattern.format(abs(amount)).replace(",", THOUSANDS_SEPARATOR).replace(".", ",")
    sign = "-" if amount < 0 else ""
    return f"{sign}{digits}{CURRENCY_SPACE}{currency}"


# French typography: no line break between a word and the high punctuation or the
# guillemet that follows it ("quel rôle ?" never leaves a lone "?" on the next line).
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \u00a0\u202f]+([?!;:»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]+")


def french_spacing(text):
    """``text`` with no-break spaces before ``? ! ; : »`` and after ``«``."""
    text = _SPACE_BEFORE_PUNCTUATION.sub("\u00a0\\1", str(text))
    return _SPACE_AFTER_GUILLEMET.sub("«\u00a0", text)
