"""Load an event (programme, speakers, workshops, tariffs) from a YAML data file.

The file format is documented at the top of ``programme/data/rencontres-2012.yaml``.
Loading runs in one transaction and is idempotent: records are matched by natural key
(event slug, item anchor, speaker slug, workshop number, tariff label) and only saved
when a value differs, so a second run changes nothing, not even the event's content
version (which the cached pages and documents use). The parts and speakers of an item or a
workshop are replaced as a whole when they differ from the file.

Records that are no longer in the file are left alone: registrations protect tariffs
and workshops, and staff may have added items in the admin.

Why one module of ~450 lines: the reader of the file format (``_Mapping``) and the
synchronisation of each kind of record are one format; splitting them would spread it.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .content_version import bump_content_version, events_of_speakers
from .enums import ItemKind
from .models import Event, ProgrammeItem, Speaker, Tariff, Workshop

DEFAULT_OFFER_HOURS = 48
_TIME = re.compile(r"^(\d{1,2})[:h](\d{2})$")


@dataclass
class LoadResult:
    event: Event
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, outcome):
        setattr(self, outcome, getattr(self, outcome) + 1)


def load_event_file(path, *, skip_existing=False):
    """Read the YAML file at ``path`` and load it; see :func:`load_event_data`.

    With ``skip_existing``, an event already in the database is left as it is (staff may
    have edited it in the admin) and ``None`` is returned.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(
            _("Impossible de lire le fichier %(path)s : %(error)s") % {"path": path, "error": error}
        ) from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValidationError(
            _("Le fichier %(path)s n'est pas un YAML valide : %(error)s")
            % {"path": path, "error": error}
        ) from error
    if skip_existing and _event_exists(data):
        return None
    return load_event_data(data=data)


def _event_exists(data):
    slug = data.get("event", {}).get("slug") if isinstance(data, dict) else None
    return bool(slug) and Event.objects.filter(slug=slug).exists()


def load_event_data(*, data):
    """Create or update the event described by ``data`` (the parsed YAML document).

    Raises ``ValidationError`` with a French message naming the faulty place of the file;
    nothing is written in that case.
    """
    root = _Mapping(data, _("Fichier"))
    with transaction.atomic():
        event_fields = root.mapping("event")
        result = LoadResult(event=None)
        event = _load_event(event_fields, result)
        result.event = event
        _load_tariffs(event, root.sequence("tariffs", required=False), result)
        speakers = _load_speakers(root.sequence("speakers", required=False), result)
        _load_days(event, root.sequence("days"), speakers, result)
        root.done()
        if result.created or result.updated:
            # The file's speakers may also appear in other events.
            events = {event.pk} | events_of_speakers(speakers.values())
            bump_content_version(events=events)
    return result


# Reading the document ------------------------------------------------------------------


class _Mapping:
    """A YAML mapping read key by key, with French errors that say where the problem is."""

    def __init__(self, data, where):
        if not isinstance(data, dict):
            raise ValidationError(
                _("%(where)s : une table de clés est attendue.") % {"where": where}
            )
        self.data = data
        self.where = where
        self.read = set()

    def error(self, key, message):
        return ValidationError(f"{self.where}, « {key} » : {message}")

    def _get(self, key, required):
        self.read.add(key)
        value = self.data.get(key)
        if value is None and required:
            raise self.error(key, _("valeur obligatoire manquante."))
        return value

    def text(self, key, *, required=True, default=""):
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.error(key, _("un texte est attendu."))
        return str(value).strip()

    def lines(self, key, *, required=False):
        """A text given as a string or a list of strings (one line each)."""
        value = self._get(key, required)
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, list) and all(isinstance(line, str) for line in value):
            return "\n".join(line.strip() for line in value if line.strip())
        raise self.error(key, _("un texte ou une liste de textes est attendu."))

    def integer(self, key, *, required=False):
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(key, _("un nombre entier positif est attendu."))
        return value

    def boolean(self, key, *, default):
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, _("« true » ou « false » est attendu."))
        return value

    def amount(self, key):
        value = self._get(key, True)
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise self.error(key, _('un montant est attendu, par exemple "1750.00".')) from None

    def date(self, key):
        value = self._get(key, True)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(key, _("une date AAAA-MM-JJ est attendue.")) from None

    def time(self, key, *, required=True):
        value = self._get(key, required)
        if value is None:
            return None
        match = _TIME.match(value) if isinstance(value, str) else None
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise self.error(key, _('une heure "HH:MM" (entre guillemets) est attendue.'))
        return dt.time(int(match[1]), int(match[2]))

    def days(self, key, event):
        """A list of days of ``event`` (nights, dinners of a tariff), as ISO strings."""
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, _("une liste de dates AAAA-MM-JJ est attendue."))
        days = []
        for entry in value:
            try:
                day = entry if isinstance(entry, dt.date) else dt.date.fromisoformat(str(entry))
            except ValueError:
                raise self.error(key, _("une liste de dates AAAA-MM-JJ est attendue.")) from None
            if not event.start_date <= day <= event.end_date:
                raise self.error(
                    key, _("le %(day)s n'est pas un jour de l'événement.") % {"day": day}
                )
            days.append(day.isoformat())
        return sorted(set(days))

    def datetime(self, key):
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            try:
                value = dt.datetime.fromisoformat(str(value))
            except ValueError:
                raise self.error(
                    key, _("une date et heure AAAA-MM-JJ HH:MM est attendue.")
                ) from None
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    def mapping(self, key, *, required=True):
        value = self._get(key, required)
        return None if value is None else _Mapping(value, f"{self.where}, « {key} »")

    def sequence(self, key, *, required=True):
        """The entries of a list of mappings, each as a :class:`_Mapping`."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, _("une liste est attendue."))
        return [
            _Mapping(entry, f"{self.where}, « {key} » n°{index}")
            for index, entry in enumerate(value, start=1)
        ]

    def done(self):
        """Refuse unknown keys: a misspelt key must not be silently ignored."""
        unknown = sorted(str(key) for key in self.data if key not in self.read)
        if unknown:
            raise ValidationError(
                _("%(where)s : clé(s) inconnue(s) : %(keys)s.")
                % {"where": self.where, "keys": ", ".join(unknown)}
            )


# Writing the records -------------------------------------------------------------------


def _validated(instance, where):
    try:
        instance.full_clean()
    except ValidationError as error:
        messages = [
            f"{field} : {message}" if field != "__all__" else message
            for field, field_messages in error.message_dict.items()
            for message in field_messages
        ]
        raise ValidationError(f"{where} : {' ; '.join(messages)}") from error
    instance.save()
    return instance


def _same(instance, field, value):
    if isinstance(value, models.Model):
        return getattr(instance, f"{field}_id") == value.pk
    return getattr(instance, field) == value


def _sync(model, lookup, values, result, where):
    """Create or update one record, saving it only when a value differs."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        result.count("created")
        return _validated(model(**lookup, **values), where)
    changed = {field: value for field, value in values.items() if not _same(instance, field, value)}
    if not changed:
        result.count("unchanged")
        return instance
    for field, value in changed.items():
        setattr(instance, field, value)
    result.count("updated")
    return _validated(instance, where)


def _sync_children(manager, fields, wanted, result, where):
    """Replace the children in ``manager`` (parts, appearances) when they differ."""
    current = [tuple(row) for row in manager.order_by("position", "pk").values_list(*fields)]
    if current == [tuple(child[field] for field in fields) for child in wanted]:
        result.unchanged += len(wanted)
        return
    manager.all().delete()
    for child in wanted:
        _validated(manager.model(**{manager.field.name: manager.instance}, **child), where)
    result.created += len(wanted)


def _load_event(fields, result):
    venue = fields.mapping("venue")
    contact = fields.mapping("contact")
    registration = fields.mapping("registration", required=False) or _Mapping({}, fields.where)
    offer_hours = registration.integer("offer_hours")
    values = {
        "reference_prefix": fields.text("reference_prefix"),
        "series": fields.text("series"),
        "title": fields.text("title"),
        "subtitle": fields.text("subtitle", required=False),
        "theme": fields.text("theme", required=False),
        "start_date": fields.date("start_date"),
        "end_date": fields.date("end_date"),
        "venue_name": venue.text("name"),
        "venue_address": venue.lines("address", required=True),
        "venue_phone": venue.text("phone", required=False),
        "contact_name": contact.text("name"),
        "contact_phone": contact.text("phone", required=False),
        "contact_fax": contact.text("fax", required=False),
        "contact_email": contact.text("email"),
        "postal_address": fields.lines("postal_address", required=True),
        "stakes": fields.lines("stakes", required=True),
        "objectives": fields.lines("objectives", required=True),
        "registration_opens_at": registration.datetime("opens_at"),
        "registration_closes_at": registration.datetime("closes_at"),
        "seat_capacity": registration.integer("seat_capacity"),
        "offer_hours": DEFAULT_OFFER_HOURS if offer_hours is None else offer_hours,
        "is_published": fields.boolean("is_published", default=True),
    }
    slug = fields.text("slug")
    for mapping in (venue, contact, registration, fields):
        mapping.done()
    return _sync(Event, {"slug": slug}, values, result, fields.where)


def _load_tariffs(event, entries, result):
    seen = set()
    for position, fields in enumerate(entries, start=1):
        label = fields.text("label")
        if label in seen:
            raise fields.error("label", _("ce libellé de tarif est en double."))
        seen.add(label)
        values = {
            "amount": fields.amount("amount"),
            "included": fields.lines("included"),
            "nights": fields.days("nights", event),
            "dinners": fields.days("dinners", event),
            "lunches": fields.boolean("lunches", default=False),
            "capacity": fields.integer("capacity"),
            "position": position,
        }
        fields.done()
        _sync(Tariff, {"event": event, "label": label}, values, result, fields.where)


def _load_speakers(entries, result):
    speakers = {}
    for fields in entries:
        slug = fields.text("slug")
        if slug in speakers:
            raise fields.error("slug", _("cet identifiant d'intervenant est en double."))
        values = {
            "name": fields.text("name"),
            "role": fields.text("role", required=False),
            "organisation": fields.text("organisation", required=False),
            "is_collective": fields.boolean("collective", default=False),
        }
        fields.done()
        speakers[slug] = _sync(Speaker, {"slug": slug}, values, result, fields.where)
    return speakers


def _appearances(entries, speakers):
    wanted = []
    for position, fields in enumerate(entries, start=1):
        slug = fields.text("speaker")
        if slug not in speakers:
            raise fields.error(
                "speaker",
                _("intervenant « %(slug)s » absent de la liste « speakers ».") % {"slug": slug},
            )
        wanted.append(
            {
                # Compared with values_list(), which gives the speaker's id.
                "speaker_id": speakers[slug].pk,
                "lead_in": fields.text("lead_in", required=False),
                "group": fields.text("group", required=False),
                "position": position,
            }
        )
        fields.done()
    return wanted


def _load_days(event, days, speakers, result):
    anchors, numbers = set(), set()
    position = 0
    for day_fields in days:
        day = day_fields.date("date")
        if not event.start_date <= day <= event.end_date:
            raise day_fields.error("date", _("ce jour est en dehors des dates de l'événement."))
        for fields in day_fields.sequence("items"):
            position += 1
            anchor = fields.text("anchor")
            if anchor in anchors:
                raise fields.error("anchor", _("cette ancre est en double."))
            anchors.add(anchor)
            item = _load_item(event, day, anchor, position, fields, speakers, result)
            for workshop_fields in fields.sequence("workshops", required=False):
                if item.kind != ItemKind.WORKSHOPS:
                    raise fields.error(
                        "workshops",
                        _("des ateliers ne peuvent suivre qu'une séquence « workshops »."),
                    )
                number = workshop_fields.integer("number", required=True)
                if number in numbers:
                    raise workshop_fields.error("number", _("ce numéro d'atelier est en double."))
                numbers.add(number)
                _load_workshop(event, item, number, workshop_fields, speakers, result)
            fields.done()
        day_fields.done()


def _load_item(event, day, anchor, position, fields, speakers, result):
    starts_at = _local(day, fields.time("start"))
    end = fields.time("end", required=False)
    ends_at = _local(day, end) if end else None
    kind = fields.text("kind")
    if kind not in ItemKind.values:
        raise fields.error(
            "kind",
            _("type « %(kind)s » inconnu ; types possibles : %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(ItemKind.values)},
        )
    values = {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "kind": kind,
        "title": fields.text("title"),
        "description": fields.lines("description"),
        "bullets": fields.lines("bullets"),
        "position": position,
    }
    item = _sync(ProgrammeItem, {"event": event, "anchor": anchor}, values, result, fields.where)
    parts = []
    for part_position, part in enumerate(fields.sequence("parts", required=False), start=1):
        parts.append(
            {
                "heading": part.text("heading"),
                "description": part.lines("description"),
                "bullets": part.lines("bullets"),
                "position": part_position,
            }
        )
        part.done()
    _sync_children(
        item.parts, ("heading", "description", "bullets", "position"), parts, result, fields.where
    )
    wanted = _appearances(fields.sequence("speakers", required=False), speakers)
    _sync_children(
        item.appearances,
        ("speaker_id", "lead_in", "group", "position"),
        wanted,
        result,
        fields.where,
    )
    return item


def _load_workshop(event, slot, number, fields, speakers, result):
    values = {
        "slot": slot,
        "title": fields.text("title"),
        "description": fields.lines("description"),
        "bullets": fields.lines("bullets"),
        "capacity": fields.integer("capacity"),
    }
    workshop = _sync(Workshop, {"event": event, "number": number}, values, result, fields.where)
    wanted = _appearances(fields.sequence("speakers", required=False), speakers)
    _sync_children(
        workshop.appearances,
        ("speaker_id", "lead_in", "group", "position"),
        wanted,
        result,
        fields.where,
    )
    fields.done()


def _local(day, time):
    """The aware datetime of ``time`` on ``day`` in the project's time zone (Europe/Paris)."""
    return timezone.make_aware(dt.datetime.combine(day, time))
