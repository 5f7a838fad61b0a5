import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from afpols_events import formatting

NNBSP = "\u202f"  # narrow no-break space, between thousands
NBSP = "\u00a0"  # no-break space, before the currency sign


def render(source, **context):
    return Template("{% load afpols %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("1750.00"), f"1{NNBSP}750{NBSP}€"),
        (Decimal("1450"), f"1{NNBSP}450{NBSP}€"),
        (Decimal("12.50"), f"12,50{NBSP}€"),
        (Decimal("0.5"), f"0,50{NBSP}€"),
        (Decimal("1234567.891"), f"1{NNBSP}234{NNBSP}567,89{NBSP}€"),
        (Decimal("-12.5"), f"-12,50{NBSP}€"),
        (1750, f"1{NNBSP}750{NBSP}€"),
        ("1450.00", f"1{NNBSP}450{NBSP}€"),
        (Decimal("0.005"), f"0,01{NBSP}€"),
    ],
)
def test_money_formats_french_amounts(amount, expected):
    assert render("{{ amount|money }}", amount=amount) == expected


def test_money_reads_like_the_flyer_once_spaces_are_plain():
    text = render("{{ a|money }} / {{ b|money }}", a=Decimal("1750.00"), b=Decimal("1450.00"))
    assert text.replace(NNBSP, " ").replace(NBSP, " ") == "1 750 € / 1 450 €"


@pytest.mark.parametrize("amount", [None, "", "abc", "NaN", "Infinity", True])
def test_money_renders_nothing_when_value_is_not_an_amount(amount):
    assert render("[{{ amount|money }}]", amount=amount) == "[]"


def test_money_does_not_depend_on_active_language():
    with translation.override("en"):
        assert formatting.format_money(Decimal("1750")) == f"1{NNBSP}750{NBSP}€"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("", "mercredi 14 novembre 2012"),
        ("short", "14 novembre 2012"),
        ("noyear", "mercredi 14 novembre"),
        ("dayonly", "14 novembre"),
    ],
)
def test_french_date_styles(style, expected):
    source = "{{ day|french_date:style }}" if style else "{{ day|french_date }}"
    assert render(source, day=dt.date(2012, 11, 14), style=style) == expected


def test_french_date_writes_first_of_month_as_ordinal():
    assert render("{{ day|french_date }}", day=dt.date(2012, 11, 1)) == "jeudi 1er novembre 2012"


def test_french_date_of_aware_datetime_uses_paris_day():
    # 23:30 UTC on the 13th is already the 14th in Paris.
    moment = dt.datetime(2012, 11, 13, 23, 30, tzinfo=dt.timezone.utc)
    assert render("{{ moment|french_date }}", moment=moment) == "mercredi 14 novembre 2012"


def test_french_date_stays_french_whatever_the_active_language():
    with translation.override("en"):
        assert formatting.format_date(dt.date(2012, 11, 16)) == "vendredi 16 novembre 2012"


@pytest.mark.parametrize("value", [None, "", "2012-11-14", 42])
def test_french_date_renders_nothing_for_non_dates(value):
    assert render("[{{ value|french_date }}]", value=value) == "[]"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (
            dt.date(2012, 11, 14),
            dt.date(2012, 11, 16),
            "du mercredi 14 au vendredi 16 novembre 2012",
        ),
        (
            dt.date(2012, 10, 31),
            dt.date(2012, 11, 2),
            "du mercredi 31 octobre au vendredi 2 novembre 2012",
        ),
        (
            dt.date(2012, 12, 31),
            dt.date(2013, 1, 2),
            "du lundi 31 décembre 2012 au mercredi 2 janvier 2013",
        ),
        (dt.date(2012, 11, 14), dt.date(2012, 11, 14), "le mercredi 14 novembre 2012"),
        (dt.date(2012, 11, 14), None, "le mercredi 14 novembre 2012"),
    ],
)
def test_french_date_range(start, end, expected):
    assert render("{{ start|french_date_range:end }}", start=start, end=end) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2012, 11, 14), dt.date(2012, 11, 16), "14, 15 et 16 novembre 2012"),
        (dt.date(2012, 11, 14), dt.date(2012, 11, 15), "14 et 15 novembre 2012"),
        (dt.date(2012, 11, 14), dt.date(2012, 11, 14), "14 novembre 2012"),
        (dt.date(2012, 11, 1), dt.date(2012, 11, 2), "1er et 2 novembre 2012"),
        (
            dt.date(2012, 10, 31),
            dt.date(2012, 11, 1),
            "du mercredi 31 octobre au jeudi 1er novembre 2012",
        ),
    ],
)
def test_french_days_lists_every_day_as_on_the_flyer(start, end, expected):
    assert render("{{ start|french_days:end }}", start=start, end=end) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.time(9, 30), "9h30"),
        (dt.time(14, 0), "14h00"),
        (dt.datetime(2012, 11, 14, 8, 30, tzinfo=dt.timezone.utc), "9h30"),
        (dt.datetime(2012, 11, 14, 18, 15, tzinfo=ZoneInfo("Europe/Paris")), "18h15"),
    ],
)
def test_french_time_in_paris(value, expected):
    assert render("{{ value|french_time }}", value=value) == expected


@pytest.mark.parametrize("value", [None, "", "9h30"])
def test_french_time_renders_nothing_for_non_times(value):
    assert render("[{{ value|french_time }}]", value=value) == "[]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quel rôle pour la fonction sociale ?", f"Quel rôle pour la fonction sociale{NBSP}?"),
        ("Phase 1 : le constat", f"Phase 1{NBSP}: le constat"),
        ("le terme « d'empowerment »", f"le terme «{NBSP}d&#x27;empowerment{NBSP}»"),
        ("Gagnant ; gagnant !", f"Gagnant{NBSP}; gagnant{NBSP}!"),
        (f"Déjà{NBSP}?", f"Déjà{NBSP}?"),
        ("http://exemple.org/?a=1", "http://exemple.org/?a=1"),
    ],
)
def test_french_spacing_glues_high_punctuation_and_guillemets(text, expected):
    assert render("{{ text|french_spacing }}", text=text) == expected


def test_french_spacing_keeps_html_escaped():
    rendered = render("{{ text|french_spacing }}", text="<b>Quoi</b> ?")
    assert rendered == f"&lt;b&gt;Quoi&lt;/b&gt;{NBSP}?"
