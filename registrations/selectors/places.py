"""Places left at an event: seats, places per tariff (hotel rooms), places per workshop.

Counts registrations holding a place (confirmed or awaiting the membership check) and the
places held for a waiting registration by a pending offer (``WaitingListOffer``). The
registration form, the capacity rule of the services (under the event's row lock) and the
staff dashboard share this one reading, in one query whatever the size of the event.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection

from programme.models import Tariff, Workshop

from ..enums import Capacity, OfferStatus, RegistrationStatus
from ..models import Registration, WaitingListOffer


def _left(capacity, taken):
    if capacity is None:
        return None
    return max(capacity - taken, 0)


@dataclass(frozen=True)
class PlacesLeft:
    """``None`` means unlimited. Places taken are kept for the dashboard."""

    seats: int | None
    seats_taken: int
    tariffs: dict = field(default_factory=dict)  # tariff id -> places left or None
    tariffs_taken: dict = field(default_factory=dict)  # tariff id -> places taken
    workshops: dict = field(default_factory=dict)  # workshop id -> places left or None
    workshops_taken: dict = field(default_factory=dict)  # workshop id -> places taken

    def for_tariff(self, tariff):
        return self.tariffs.get(getattr(tariff, "pk", tariff))

    def for_workshop(self, workshop):
        return self.workshops.get(getattr(workshop, "pk", workshop))

    def full(self, *, tariff=None, workshop=None):
        """The capacities a new registration with ``tariff`` and ``workshop`` would exceed."""
        full = []
        if self.seats == 0:
            full.append(Capacity.EVENT)
        if tariff is not None and self.for_tariff(tariff) == 0:
            full.append(Capacity.TARIFF)
        if workshop is not None and self.for_workshop(workshop) == 0:
            full.append(Capacity.WORKSHOP)
        return full

    @property
    def is_full(self):
        """No new registration can take a place, whatever tariff or workshop it picks."""
        if self.seats == 0:
            return True
        tariffs_full = bool(self.tariffs) and all(left == 0 for left in self.tariffs.values())
        workshops_full = bool(self.workshops) and all(left == 0 for left in self.workshops.values())
        return tariffs_full or workshops_full


@lru_cache(maxsize=4)
def _places_sql(vendor):
    """Places taken per (tariff, workshop), then each tariff's and workshop's capacity: one
    statement with three parts told apart by the first column."""
    quote = connection.ops.quote_name

    def table(model):
        return quote(model._meta.db_table)

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    holding = ", ".join(["%s"] * len(RegistrationStatus.holding_a_place()))
    r_status, r_tariff, r_workshop = (
        f"r.{column(Registration, name)}" for name in ("status", "tariff", "workshop")
    )
    return (
        f"SELECT 'taken', {r_tariff}, {r_workshop}, COUNT(*) FROM {table(Registration)} r "
        f"WHERE r.{column(Registration, 'event')} = %s AND ({r_status} IN ({holding}) "
        f"OR ({r_status} = %s AND EXISTS (SELECT 1 FROM {table(WaitingListOffer)} o "
        f"WHERE o.{column(WaitingListOffer, 'registration')} = r.{column(Registration, 'id')} "
        f"AND o.{column(WaitingListOffer, 'status')} = %s))) "
        f"GROUP BY {r_tariff}, {r_workshop} "
        f"UNION ALL SELECT 'tariff', {column(Tariff, 'id')}, NULL, {column(Tariff, 'capacity')} "
        f"FROM {table(Tariff)} WHERE {column(Tariff, 'event')} = %s "
        f"UNION ALL SELECT 'workshop', {column(Workshop, 'id')}, NULL, "
        f"{column(Workshop, 'capacity')} FROM {table(Workshop)} "
        f"WHERE {column(Workshop, 'event')} = %s"
    )


def places_left(event):
    """The :class:`PlacesLeft` of ``event`` now, in one query.

    Raw SQL because it runs on every bulletin visit and twice per registration: the ORM
    spent several times longer building its three queries than the database running them
    (docs/performance.md). A place is held by a registration confirmed or awaiting the
    membership check, or waiting with a pending offer.
    """
    params = [
        event.pk,
        *RegistrationStatus.holding_a_place(),
        RegistrationStatus.WAITING_LIST,
        OfferStatus.PENDING,
        event.pk,
        event.pk,
    ]
    by_tariff, by_workshop = Counter(), Counter()
    tariffs, workshops = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(_places_sql(connection.vendor), params)
        for part, pk, workshop_id, number in cursor.fetchall():
            if part == "taken":
                by_tariff[pk] += number
                if workshop_id is not None:
                    by_workshop[workshop_id] += number
            elif part == "tariff":
                tariffs[pk] = number
            else:
                workshops[pk] = number
    seats_taken = sum(by_tariff.values())
    return PlacesLeft(
        seats=_left(event.seat_capacity, seats_taken),
        seats_taken=seats_taken,
        tariffs={pk: _left(capacity, by_tariff[pk]) for pk, capacity in tariffs.items()},
        tariffs_taken={pk: by_tariff[pk] for pk in tariffs},
        workshops={pk: _left(capacity, by_workshop[pk]) for pk, capacity in workshops.items()},
        workshops_taken={pk: by_workshop[pk] for pk in workshops},
    )
