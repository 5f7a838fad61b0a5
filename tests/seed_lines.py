"""The seed flyer's programme as lines, and one way to compare texts with it.

``seed_programme_lines()`` returns every line of the 2012 flyer that must reach the
database, the public agenda and the printed agenda: the "Enjeux" paragraphs, the
"Objectifs" and the whole programme from "Mercredi 14 Novembre 2012" to "Buffet de
départ". Markdown markers are removed and a leading time is split off::

    SeedLine(section="agenda", time="09h45", text="Les fresques de la résidence ...")

Compare with ``normalise(expected) in normalise(actual)``: ``normalise`` forgives case,
accents, quote, dash and space styles and the way a time is written, nothing else.

The corrections made while transcribing the flyer (listed at the top of
``programme/data/rencontres-2012.yaml``) are applied to the returned lines, so the
comparison holds against the corrected data; pass ``corrected=False`` for the raw text.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SEED_NAME = "rencontres-formation-2012.txt"

# Obvious typos of the flyer, fixed in the data: wrong text -> text in the database.
TYPO_CORRECTIONS = {
    "AFOLS": "AFPOLS",
    "UnDeuxGroud": "UnDeuxGround",
    "rôle de » l'organisme": "rôle de l'organisme",
}

# The same speaker described twice in the flyer is one Speaker row with the fuller
# description, so the shorter wording is compared as the fuller one.
MERGED_DESCRIPTIONS = {
    "Géraud BEAUFRERE, Consultant AFPOLS": "Géraud BEAUFRERE, consultant en formation, AFPOLS",
}

_AGENDA_START = "Mercredi 14 Novembre 2012"
_AGENDA_END = "Buffet de départ"
_TIME_PREFIX = re.compile(r"^(\d{1,2}) ?h ?(\d{2})\b\s*")
_TABLE_RULE = re.compile(r"^[-\s|]+$")


@dataclass(frozen=True)
class SeedLine:
    section: str  # "enjeux", "objectifs" or "agenda"
    time: str | None  # as written in the flyer: "09h45", "8h30", "18 h 15"
    text: str

    def __str__(self):
        return f"{self.time} {self.text}" if self.time else self.text


def seed_path():
    """The shared seed beside the repository, else the copy committed under tests/data."""
    shared = Path(settings.BASE_DIR).parent / "shared" / "seed" / SEED_NAME
    if shared.exists():
        return shared
    return Path(__file__).resolve().parent / "data" / SEED_NAME


def _clean(line):
    line = line.strip()
    if line.startswith("- "):
        line = line[2:]
    line = line.replace("**", "").strip("*").strip()
    # "ATELIER 1 :", "PARIS HABITAT :": a trailing colon only announces what follows.
    return re.sub(r"\s*:$", "", line).strip()


def _raw_lines():
    return seed_path().read_text(encoding="utf-8").splitlines()


def _section(lines, start, stop):
    begin = next(i for i, line in enumerate(lines) if line.strip() == start)
    end = next(i for i, line in enumerate(lines) if i > begin and line.strip() == stop)
    return lines[begin + 1 : end]


def seed_presentation_lines(*, corrected=True):
    """The "Enjeux" paragraphs and the "Objectifs" of the flyer (headings left out)."""
    lines = _raw_lines()
    result = []
    for section, start, stop in (
        ("enjeux", "Enjeux", "Objectifs"),
        ("objectifs", "Objectifs", _AGENDA_START),
    ):
        for line in _section(lines, start, stop):
            text = _clean(line)
            if text:
                result.append(SeedLine(section, None, _correct(text) if corrected else text))
    return result


def seed_agenda_lines(*, corrected=True):
    """Every line from "Mercredi 14 Novembre 2012" to "Buffet de départ", both included."""
    lines = _raw_lines()
    begin = next(i for i, line in enumerate(lines) if line.strip() == _AGENDA_START)
    end = next(i for i, line in enumerate(lines) if _clean(line).endswith(_AGENDA_END))
    result = []
    pending_time = None
    for line in lines[begin : end + 1]:
        line = line.replace("\t", " ")
        if _TABLE_RULE.match(line) and "-" in line:
            continue
        text = _clean(line)
        if not text:
            continue
        match = _TIME_PREFIX.match(text)
        time = pending_time
        if match:
            time = text[: match.end()].strip()
            text = text[match.end() :].strip()
        if not text:
            # A time alone on its line ("12h30") belongs to the next line ("Déjeuner").
            pending_time = time
            continue
        pending_time = None
        result.append(SeedLine("agenda", time, _correct(text) if corrected else text))
    return result


def seed_programme_lines(*, corrected=True):
    """Presentation lines then agenda lines: everything the programme must show."""
    return seed_presentation_lines(corrected=corrected) + seed_agenda_lines(corrected=corrected)


def _correct(text):
    for wrong, right in TYPO_CORRECTIONS.items():
        text = text.replace(wrong, right)
    return MERGED_DESCRIPTIONS.get(text, text)


_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "’": "'", "‘": "'"})
# Hyphens and dashes count as spaces: "sous-groupes" = "sous groupes",
# "Marcq-en-Barœul" = "MARCQ EN BAROEUL", "gagnant – gagnant" = "gagnant - gagnant".
_DASHES = re.compile(r"[-‐‑‒–—―]")
_TIME = re.compile(r"\b(\d{1,2}) ?h ?(\d{2})\b")


def normalise(text):
    """Fold ``text`` for comparison.

    Lowercase, accents and ligatures removed (é -> e, œ -> oe), typographic quotes made
    straight, no space around quotes or after an apostrophe, dashes and commas read as
    spaces, "…" as "...", all whitespace collapsed to one space, times written "08h30"
    ("8h30", "8 h 30" and "08h30" are the same time).
    """
    text = str(text).replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = text.translate(_QUOTES).replace("…", "...")
    text = _DASHES.sub(" ", text).replace(",", " ")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r'\s*"\s*', '"', text)
    text = re.sub(r"'\s+", "'", text)
    text = _TIME.sub(lambda m: f"{int(m[1]):02d}h{m[2]}", text)
    return text.strip()
