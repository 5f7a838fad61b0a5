"""The French catalogue (locale/fr/LC_MESSAGES/django.po), compiled by make run/test."""

import gettext
import re
from pathlib import Path

import django
import import_export
import simple_history
from django.utils import translation

from tests.conftest import CATALOGUE


def msgids(po_file):
    text = Path(po_file).read_text(encoding="utf-8")
    return {
        "".join(re.findall(r'"(.*)"', block))
        for block in re.findall(r'^msgid ((?:".*"\n)+)', text, re.MULTILINE)
    } - {""}


def test_every_string_has_its_french_text_and_none_is_fuzzy():
    text = CATALOGUE.read_text(encoding="utf-8")
    compiled = gettext.GNUTranslations(CATALOGUE.with_suffix(".mo").open("rb"))

    assert "#, fuzzy" not in text
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in text
    for msgid in msgids(CATALOGUE):
        assert compiled.gettext(msgid) == msgid


def test_catalogue_never_overrides_a_library_translation_with_another_text():
    """Our catalogue comes first: a msgid shared with Django or a library ("Home") must
    keep the library's French ("Accueil"), which only a French msgid guarantees."""
    libraries = [Path(django.__file__).parent, Path(import_export.__file__).parent]
    libraries.append(Path(simple_history.__file__).parent)
    ours = msgids(CATALOGUE)
    overridden = set()
    for root in libraries:
        for compiled in root.rglob("locale/fr/LC_MESSAGES/django.mo"):
            with compiled.open("rb") as mo_file:
                theirs = gettext.GNUTranslations(mo_file)
            overridden |= {msgid for msgid in ours if theirs.gettext(msgid) != msgid}

    assert overridden == set()


def test_zero_takes_the_singular_as_in_french():
    with translation.override("fr"):
        text = translation.ngettext(
            "%(count)d inscription confirmée", "%(count)d inscriptions confirmées", 0
        )

    assert text == "%(count)d inscription confirmée"
