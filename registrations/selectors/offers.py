"""Reads about the offers of freed places (``WaitingListOffer``) for staff."""

from dataclasses import dataclass

from django.db.models import Count, Q

from ..enums import OfferStatus
from ..models import WaitingListOffer


@dataclass(frozen=True)
class OfferCounts:
    made: int
    accepted: int
    expired: int
    declined: int
    pending: int


def offer_counts(event):
    """How many offers ``event`` made, and how they ended (one query)."""
    counts = WaitingListOffer.objects.filter(registration__event=event).aggregate(
        made=Count("pk"),
        **{
            status: Count("pk", filter=Q(status=value))
            for status, value in (
                ("accepted", OfferStatus.ACCEPTED),
                ("expired", OfferStatus.EXPIRED),
                ("declined", OfferStatus.DECLINED),
                ("pending", OfferStatus.PENDING),
            )
        },
    )
    return OfferCounts(**counts)


def offers_in_progress(event):
    """The pending offers of ``event``, soonest deadline first (one query)."""
    return list(
        WaitingListOffer.objects.pending()
        .filter(registration__event=event)
        .select_related("registration__tariff", "registration__workshop")
        .order_by("expires_at", "pk")
    )
