"""French formatting filters used by every template: ``{% load afpols %}``.

- ``{{ event.start_date|french_date }}`` -> "mercredi 14 novembre 2012"
  (``|french_date:"short"`` -> "14 novembre 2012", ``|french_date:"noyear"`` ->
  "mercredi 14 novembre");
- ``{{ event.start_date|french_date_range:event.end_date }}`` ->
  "du mercredi 14 au vendredi 16 novembre 2012";
- ``{{ event.start_date|french_days:event.end_date }}`` -> "14, 15 et 16 novembre 2012";
- ``{{ item.starts_at|french_time }}`` -> "9h30" (aware datetimes in Europe/Paris);
- ``{{ tariff.amount|money }}`` -> "1 750 €", "12,50 €" (narrow no-break spaces);
- ``{{ field.label|label_text }}``: a label without its closing punctuation, to follow it
  with " : " (error summary);
- ``{{ item.title|french_spacing }}``: no-break spaces before "? ! ; : »" and after "«",
  so a line never starts with a lone "?". The result is still escaped as usual.

Filters never raise: a missing or wrong value renders as an empty string.
"""

from django import template

from afpols_events import formatting

register = template.Library()

_DATE_STYLES = {
    "": {},
    "long": {},
    "short": {"weekday": False},
    "noyear": {"year": False},
    "dayonly": {"weekday": False, "year": False},
}


@register.filter
def french_date(value, style=""):
    if value in (None, ""):
        return ""
    try:
        return formatting.format_date(value, **_DATE_STYLES.get(style, {}))
    except TypeError:
        return ""


@register.filter
def french_date_range(start, end):
    if start in (None, ""):
        return ""
    try:
        if end in (None, ""):
            return formatting.format_date_range(start, start)
        return formatting.format_date_range(start, end)
    except TypeError:
        return ""


@register.filter
def french_days(start, end):
    if start in (None, ""):
        return ""
    try:
        return formatting.format_day_list(start, end if end not in (None, "") else start)
    except TypeError:
        return ""


@register.filter
def french_time(value):
    if value in (None, ""):
        return ""
    try:
        return formatting.format_time(value)
    except TypeError:
        return ""


@register.filter
def money(value):
    return formatting.format_money(value)


@register.filter
def french_spacing(value):
    if value in (None, ""):
        return ""
    return formatting.french_spacing(value)


@register.filter
def label_text(value):
    return str(value or "").strip().rstrip(".:;!? \u00a0\u202f")
