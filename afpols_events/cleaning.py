"""Cleaning what comes in from outside before anything else reads it.

Typed text loses its control characters at the boundary (the forms), so no stored name
can break a header, an iCalendar line, a CSV cell or a PDF later: a single-line field
keeps no line break at all, a multi-line field keeps plain ``\\n`` line breaks. Tab, the
other C0/C1 controls, NUL, the bidirectional overrides that reorder what a reader sees,
and the Unicode line and paragraph separators are dropped or turned into a space.

``parse_id`` reads a database id from a query parameter: ``str.isdigit()`` says yes to
"²" and "٣", which ``int()`` then refuses or the database cannot compare.
"""

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates: they make "txt.exe" read "exe.txt".
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_ASCII_ID = re.compile(r"[0-9]{1,18}")


def _drop_controls(text):
    """``text`` without control characters, a tab becoming a space."""
    text = text.replace("\t", " ").translate(_BIDI_CONTROLS)
    return "".join(char for char in text if unicodedata.category(char) != "Cc")


def clean_text(value, *, multiline=False):
    """``value`` without control characters; line breaks kept as ``\\n`` if ``multiline``.

    Anything that is not a string is returned as it is.
    """
    if not isinstance(value, str):
        return value
    if multiline:
        lines = _LINE_BREAKS.split(value)
        return "\n".join(_drop_controls(line) for line in lines)
    return _drop_controls(_LINE_BREAKS.sub(" ", value))


def clean_line(value):
    """One line of text for a header, a calendar property or a file name."""
    return " ".join(clean_text(value or "").split())


def parse_id(value):
    """The positive integer id written in ASCII digits in ``value``, else ``None``."""
    if isinstance(value, str) and _ASCII_ID.fullmatch(value):
        return int(value)
    return None
