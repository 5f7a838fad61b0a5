"""Places left at an event: seats, places per tariff (hotel rooms), places per workshop.

Counts registrations holding a place (confirmed or awaiting the membership check) and the
places held for a waiting registration by a pending offer (``WaitingListOffer``). The
registration form, the capacity rule of the services (under the event's row lock) and the
staff dashboard share this one reading, in three queries whatever the size of the event.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

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


def _holds_an_offer():
    """A waiting registration whose pending offer holds a place for it."""
    pending = WaitingListOffer.objects.filter(
        registration=OuterRef("pk"), status=OfferStatus.PENDING
    )
    return Q(status=RegistrationStatus.WAITING_LIST) & Q(Exists(pending))


def places_left(event):
    """The :class:`PlacesLeft` of ``event`` now (3 queries)."""
    rows = (
        Registration.objects.filter(event=event)
        .filter(Q(status__in=RegistrationStatus.holding_a_place()) | _holds_an_offer())
        .values("tariff_id", "workshop_id")
        .annotate(taken=Count("pk"))
        .order_by()
    )
    by_tariff, by_workshop = Counter(), Counter()
    for row in rows:
        by_tariff[row["tariff_id"]] += row["taken"]
        if row["workshop_id"] is not None:
            by_workshop[row["workshop_id"]] += row["taken"]
    seats_taken = sum(by_tariff.values())
    tariffs = dict(Tariff.objects.filter(event=event).values_list("pk", "capacity"))
    workshops = dict(Workshop.objects.filter(event=event).values_list("pk", "capacity"))
    return PlacesLeft(
        seats=_left(event.seat_capacity, seats_taken),
        seats_taken=seats_taken,
        tariffs={pk: _left(capacity, by_tariff[pk]) for pk, capacity in tariffs.items()},
        tariffs_taken={pk: by_tariff[pk] for pk in tariffs},
        workshops={pk: _left(capacity, by_workshop[pk]) for pk, capacity in workshops.items()},
        workshops_taken={pk: by_workshop[pk] for pk in workshops},
    )
