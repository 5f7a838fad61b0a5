"""Figures of the staff dashboard of one event, read in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from programme.models import Tariff, Workshop

from ..enums import MembershipState, RegistrationStatus
from ..models import Registration
from .billing import billing_totals
from .offers import offer_counts, offers_in_progress
from .places import places_left

ZERO = Decimal("0.00")
# The chart shows at most this many days (the most recent ones): enough for a sign-up
# period, small enough to stay readable.
CHART_MAX_DAYS = 90
CHART_WIDTH = 720
CHART_HEIGHT = 160
CHART_BOTTOM = 18  # room for the day labels under the bars


@dataclass(frozen=True)
class Row:
    """One line of a table: what, how many hold a place, capacity and places left."""

    label: str
    taken: int
    capacity: int | None
    left: int | None
    amount: Decimal | None = None
    obj: object = None


@dataclass(frozen=True)
class Bar:
    day: dt.date
    count: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool


@dataclass
class Dashboard:
    event: object
    total: int
    by_status: list
    seats: Row
    tariffs: list
    workshops: list
    rooms_left: int | None
    rooms_capacity: int | None
    amount_expected: Decimal
    amount_invoiced: Decimal
    amount_paid: Decimal
    amount_outstanding: Decimal
    overdue_invoices: list
    pending_memberships: list
    offers: object = None  # OfferCounts: offers of freed places made, accepted, expired
    offers_in_progress: list = field(default_factory=list)
    signups: list = field(default_factory=list)
    bars: list = field(default_factory=list)
    chart_max: int = 0


def _signups_per_day(event):
    rows = (
        Registration.objects.filter(event=event)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )
    counts = {row["day"]: row["count"] for row in rows}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    first = max(first, last - dt.timedelta(days=CHART_MAX_DAYS - 1))
    days = (last - first).days + 1
    # Days without sign-ups are drawn too, so the time axis is regular.
    return [
        (first + dt.timedelta(days=n), counts.get(first + dt.timedelta(days=n), 0))
        for n in range(days)
    ]


MAX_BAR_WIDTH = 36


def _bars(signups):
    if not signups:
        return [], 0
    peak = max(count for _day, count in signups) or 1
    slot = CHART_WIDTH / len(signups)
    drawable = CHART_HEIGHT - CHART_BOTTOM
    label_every = max(1, round(len(signups) / 10))
    # A few days must not become a few slabs: bars stay narrow, centred in their slot.
    width = min(slot * 0.8, MAX_BAR_WIDTH)
    bars = []
    for index, (day, count) in enumerate(signups):
        height = drawable * count / peak
        bars.append(
            Bar(
                day=day,
                count=count,
                x=round(index * slot + (slot - width) / 2, 2),
                y=round(drawable - height, 2),
                width=round(width, 2),
                height=round(height, 2),
                show_label=index % label_every == 0,
            )
        )
    return bars, peak


def event_dashboard(event):
    """All the figures of one event's dashboard in a fixed number of queries; one function
    so the query count is visible in one place (a test asserts it)."""
    registrations = Registration.objects.filter(event=event)
    places = places_left(event)

    status_counts = dict(registrations.values_list("status").annotate(count=Count("pk")).order_by())
    by_status = [
        (status, label, status_counts.get(status, 0))
        for status, label in RegistrationStatus.choices
    ]

    holding = Q(status__in=RegistrationStatus.holding_a_place())
    sums = registrations.aggregate(expected=Sum("amount", filter=holding))
    # Invoiced, paid and outstanding come from the invoices and payments themselves.
    billing = billing_totals(event=event)

    tariffs = [
        Row(
            label=tariff.label,
            taken=places.tariffs_taken.get(tariff.pk, 0),
            capacity=tariff.capacity,
            left=places.for_tariff(tariff),
            amount=tariff.amount,
            obj=tariff,
        )
        for tariff in Tariff.objects.filter(event=event).order_by("position", "pk")
    ]
    workshops = [
        Row(
            label=str(workshop),
            taken=places.workshops_taken.get(workshop.pk, 0),
            capacity=workshop.capacity,
            left=places.for_workshop(workshop),
            obj=workshop,
        )
        for workshop in Workshop.objects.filter(event=event).order_by("number")
    ]
    # Hotel rooms are the places of the tariffs that have a capacity (accommodation).
    limited = [row for row in tariffs if row.capacity is not None]
    pending = list(
        registrations.filter(membership_state=MembershipState.PENDING)
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("created_at", "pk")
    )
    signups = _signups_per_day(event)
    bars, peak = _bars(signups)
    return Dashboard(
        event=event,
        total=sum(status_counts.values()),
        by_status=by_status,
        seats=Row(
            label=event.title,
            taken=places.seats_taken,
            capacity=event.seat_capacity,
            left=places.seats,
        ),
        tariffs=tariffs,
        workshops=workshops,
        rooms_left=sum(row.left for row in limited) if limited else None,
        rooms_capacity=sum(row.capacity for row in limited) if limited else None,
        amount_expected=sums["expected"] or ZERO,
        amount_invoiced=billing.invoiced,
        amount_paid=billing.paid,
        amount_outstanding=billing.outstanding,
        overdue_invoices=billing.overdue,
        pending_memberships=pending,
        offers=offer_counts(event),
        offers_in_progress=offers_in_progress(event),
        signups=signups,
        bars=bars,
        chart_max=peak,
    )
