"""Next year's event from this one: the copy behind the admin action "Préparer l'édition
suivante".

The copy keeps the texts, the programme items with their parts and speakers, the
workshops with their capacities and speakers, and the tariffs with what they include;
every date and time moves by the same number of days (times keep their local wall-clock
hour across a change of daylight saving time), the registration window too. The copy is
unpublished and has no registrations: staff edit it, then publish it.

Fields are copied generically (every concrete field but the primary key and the
``auto_now`` stamps), so a field added to a model later is copied without a change here.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Appearance, Event, ItemPart, ProgrammeItem, Tariff, Workshop

_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class NextEdition:
    """What the admin's form offers: the same weekdays one year later, the year + 1 in the
    slug and the reference prefix (``RF2012`` -> ``RF2013``)."""

    start_date: dt.date
    end_date: dt.date
    slug: str
    reference_prefix: str


def _next_year(text, year):
    bumped = text.replace(str(year), str(year + 1))
    if bumped != text:
        return bumped
    return _YEAR.sub(lambda match: str(int(match[0]) + 1), text)


def next_edition_defaults(event):
    # 52 weeks: the same weekday, one or two days before the anniversary.
    start = event.start_date + dt.timedelta(weeks=52)
    return NextEdition(
        start_date=start,
        end_date=start + (event.end_date - event.start_date),
        slug=_next_year(event.slug, event.start_date.year),
        reference_prefix=_next_year(event.reference_prefix, event.start_date.year),
    )


def _shift(value, days):
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value)
        return timezone.make_aware(dt.datetime.combine(local.date() + days, local.time()))
    return value + days


def _copy(instance, days, **overrides):
    """An unsaved copy of ``instance``: dates and times moved by ``days``, ``overrides``
    applied (foreign keys to the new parents)."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False):
            continue
        value = getattr(instance, field.attname)
        if value is not None and isinstance(field, models.DateField):
            value = _shift(value, days)
        values[field.attname] = value
    values.update(overrides)
    return type(instance)(**values)


def _shift_days(iso_dates, days):
    return [(dt.date.fromisoformat(day) + days).isoformat() for day in iso_dates]


def _check(event, *, start_date, slug, reference_prefix):
    errors = {}
    if not isinstance(start_date, dt.date):
        errors["start_date"] = _("Indiquez le premier jour de la nouvelle édition.")
    try:
        validate_slug(slug)
    except ValidationError:
        errors["slug"] = _(
            "L'identifiant d'URL ne peut contenir que des lettres, chiffres, tirets et tirets bas."
        )
    else:
        if Event.objects.filter(slug=slug).exists():
            errors["slug"] = _("Un événement utilise déjà cet identifiant d'URL.")
    max_length = Event._meta.get_field("reference_prefix").max_length
    if not reference_prefix or len(reference_prefix) > max_length:
        errors["reference_prefix"] = _(
            "Indiquez un préfixe des références de %(max)d caractères au plus."
        ) % {"max": max_length}
    elif Event.objects.filter(reference_prefix=reference_prefix).exists():
        errors["reference_prefix"] = _("Un événement utilise déjà ce préfixe des références.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_prepare_next_edition(*, event, start_date, slug, reference_prefix):
    """Create the unpublished next edition of ``event`` starting on ``start_date``."""
    slug, reference_prefix = (slug or "").strip(), (reference_prefix or "").strip()
    _check(event, start_date=start_date, slug=slug, reference_prefix=reference_prefix)
    days = start_date - event.start_date
    new_event = _copy(event, days, slug=slug, reference_prefix=reference_prefix, is_published=False)
    new_event.save()

    items = {}
    for item in ProgrammeItem.objects.filter(event=event).order_by("starts_at", "position"):
        items[item.pk] = _copy(item, days, event_id=new_event.pk)
        items[item.pk].save()
    for part in ItemPart.objects.filter(item__event=event).order_by("pk"):
        _copy(part, days, item_id=items[part.item_id].pk).save()

    workshops = {}
    for workshop in Workshop.objects.filter(event=event).order_by("number"):
        workshops[workshop.pk] = _copy(
            workshop, days, event_id=new_event.pk, slot_id=items[workshop.slot_id].pk
        )
        workshops[workshop.pk].save()

    appearances = Appearance.objects.filter(
        models.Q(item__event=event) | models.Q(workshop__event=event)
    ).order_by("pk")
    for appearance in appearances:
        _copy(
            appearance,
            days,
            item_id=items[appearance.item_id].pk if appearance.item_id else None,
            workshop_id=workshops[appearance.workshop_id].pk if appearance.workshop_id else None,
        ).save()

    for tariff in Tariff.objects.filter(event=event).order_by("position", "pk"):
        _copy(
            tariff,
            days,
            event_id=new_event.pk,
            nights=_shift_days(tariff.nights, days),
            dinners=_shift_days(tariff.dinners, days),
        ).save()
    return new_event
