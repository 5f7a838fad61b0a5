"""Validation of what participants type: phone numbers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[\s.\-/()]")
_FRENCH = re.compile(r"0([1-9])(\d{8})")
_FRENCH_INTERNATIONAL = re.compile(r"\+33([1-9])(\d{8})")
_OTHER_INTERNATIONAL = re.compile(r"\+(?!33)[1-9]\d{7,14}")


def _pairs(digits):
    return " ".join(digits[index : index + 2] for index in range(0, len(digits), 2))


def normalise_phone(value):
    """A French number as "01 23 45 67 89" or "+33 1 23 45 67 89"; others kept as typed.

    Accepts spaces, dots, dashes, "0033" and "+33 (0)1…"; raises ``ValidationError``
    with a French message otherwise.
    """
    typed = " ".join((value or "").split())
    compact = _SEPARATORS.sub("", typed.replace("(0)", ""))
    if compact.startswith("0033"):
        compact = "+33" + compact[4:]
    if match := _FRENCH.fullmatch(compact):
        return _pairs("0" + match.group(1) + match.group(2))
    if match := _FRENCH_INTERNATIONAL.fullmatch(compact):
        return f"+33 {match.group(1)} {_pairs(match.group(2))}"
    if _OTHER_INTERNATIONAL.fullmatch(compact):
        return typed
    raise ValidationError(
        _(
            "Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89 ou "
            "+33 1 23 45 67 89."
        ),
        code="invalid_phone",
    )
