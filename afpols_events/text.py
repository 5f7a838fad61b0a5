"""Text normalisation shared by the whole project: lines of a text field, names folded for
comparison, and the key under which two spellings of an organisation match."""

import re
import unicodedata


def split_lines(text):
    """Non-empty, stripped lines of a multi-line text field (bullets, objectives)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text):
    """Lower case, no accents, words separated by single spaces: to compare names."""
    plain = strip_accents((text or "").casefold())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


# Long legal forms, written out, and the acronym they are usually shortened to; compared
# once accents, case, punctuation and small words are gone.
_LONG_FORMS = [
    (("office", "public", "amenagement", "construction"), "opac"),
    (("office", "public", "habitat"), "oph"),
    (("office", "public", "hlm"), "oph"),
    (("societe", "anonyme"), "sa"),
    (("entreprise", "sociale", "pour", "habitat"), "esh"),
    (("societe", "economie", "mixte"), "sem"),
    (("habitations", "loyer", "modere"), "hlm"),
    (("habitation", "loyer", "modere"), "hlm"),
]
# Legal forms that say what kind of body an organisation is, not which one: dropped at the
# start or the end of a name ("Paris Habitat OPH" is "Paris Habitat"). OPAC is not among
# them: "OPAC 38" is the usual name of that office, not a legal form in front of a name.
_LEGAL_FORMS = {"sa", "sas", "saem", "sem", "spl", "esh", "oph", "ophlm", "hlm", "scic", "sarl"}
# Small words that people add or leave out ("La Nantaise d'Habitation").
_SMALL_WORDS = {"de", "d", "du", "des", "la", "le", "les", "l", "et"}
_DOTTED_ACRONYM = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def _replace_long_forms(words):
    result = []
    index = 0
    while index < len(words):
        for phrase, short in _LONG_FORMS:
            if tuple(words[index : index + len(phrase)]) == phrase:
                result.append(short)
                index += len(phrase)
                break
        else:
            result.append(words[index])
            index += 1
    return result


def _names_something(words):
    """True if ``words`` still hold a real name, not only legal forms and numbers."""
    return any(word.isalpha() and word not in _LEGAL_FORMS for word in words)


def _strip_legal_forms(words):
    while len(words) > 1 and words[0] in _LEGAL_FORMS and _names_something(words[1:]):
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS and _names_something(words[:-1]):
        words = words[:-1]
    return words


def normalise_organisation_name(name):
    """The key two spellings of one organisation share.

    Ignores case, accents, punctuation, small words ("de", "la", ...) and legal forms at
    either end ("SA d'HLM", "OPH", "Office public de l'habitat"), but keeps a legal form
    when nothing else names the organisation ("OPH 38" stays "oph 38").
    """
    text = (name or "").casefold().replace("œ", "oe").replace("æ", "ae")
    text = strip_accents(text).replace("&", " et ")
    text = _DOTTED_ACRONYM.sub(lambda match: match.group(0).replace(".", ""), text)
    words = [word for word in _NOT_ALPHANUMERIC.split(text) if word]
    words = [word for word in words if word not in _SMALL_WORDS]
    words = _strip_legal_forms(_replace_long_forms(words))
    return " ".join(words)[:200]
