"""Everything the app holds about one person, for their right of access.

The person is known by their e-mail address and name: every registration made with them
(any event), each with its fields, its change history, the admin log's entries about it and
every row of other tables that points at it (the messages sent, and whatever later
features attach to a registration), as one JSON-ready dictionary.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import BinaryField, FileField, ForeignKey, ManyToOneRel
from django.utils import timezone

from ..models import Registration

# The private token opens the registration: it is not given out in a file.
LEFT_OUT = {"token"}


def _value(obj, field):
    value = getattr(obj, field.attname)
    if isinstance(field, FileField):
        return value.name or None
    if isinstance(field, BinaryField):
        return f"({len(value or b'')} octets)"
    if isinstance(field, ForeignKey) and value is not None:
        related = getattr(obj, field.name, None)
        return {"id": value, "libellé": str(related)} if related is not None else value
    return value


def _fields(obj, *, left_out=()):
    return {
        field.name: _value(obj, field)
        for field in obj._meta.concrete_fields
        if field.name not in LEFT_OUT and field.name not in left_out
    }


def _history(registration):
    rows = []
    for record in registration.history.select_related("history_user").order_by("history_date"):
        rows.append(
            {
                "date": record.history_date,
                "type": {"+": "création", "~": "modification", "-": "suppression"}.get(
                    record.history_type, record.history_type
                ),
                "par": record.history_user.get_username() if record.history_user else None,
                "valeurs": _fields(
                    record,
                    left_out={
                        "history_id",
                        "history_date",
                        "history_type",
                        "history_user",
                        "history_change_reason",
                    },
                ),
            }
        )
    return rows


def _admin_log(registration):
    registration_type = ContentType.objects.get_for_model(Registration)
    entries = LogEntry.objects.filter(
        content_type=registration_type, object_id=str(registration.pk)
    ).select_related("user")
    return [
        {
            "date": entry.action_time,
            "par": entry.user.get_username(),
            "action": entry.get_change_message() or str(entry),
        }
        for entry in entries.order_by("action_time")
    ]


def _attached(registration):
    """Rows of other tables pointing at the registration (messages sent, ...)."""
    attached = {}
    for relation in registration._meta.related_objects:
        if (
            not isinstance(relation, ManyToOneRel)
            or relation.related_model is type(registration).history.model
        ):
            continue
        rows = relation.related_model._base_manager.filter(**{relation.field.name: registration})
        attached[str(relation.related_model._meta.verbose_name_plural)] = [
            _fields(row) for row in rows.order_by("pk")
        ]
    return attached


def participant_data(registration):
    """What the app holds about the person who made ``registration``."""
    registrations = (
        Registration.objects.filter(
            email__iexact=registration.email,
            last_name__iexact=registration.last_name,
            first_name__iexact=registration.first_name,
        )
        .select_related("event", "tariff", "workshop", "member")
        .order_by("created_at", "pk")
    )
    return {
        "personne": registration.email,
        "exporté_le": timezone.now(),
        "inscriptions": [
            {
                "inscription": _fields(each),
                "historique": _history(each),
                "journal_administration": _admin_log(each),
                **_attached(each),
            }
            for each in registrations
        ],
    }
