"""Reads about the member list."""

from django.db.models import Count, Max

from ..models import MemberOrganisation


def member_list_stamp():
    """Changes whenever the member list does (one aggregate query): an organisation added
    raises the largest id, one removed lowers the count, one edited moves ``updated_at``.
    The bulletin's cached page (its suggestion list) is keyed by it."""
    stamp = MemberOrganisation.objects.aggregate(
        count=Count("pk"), last_id=Max("pk"), last_change=Max("updated_at")
    )
    return f"{stamp['count']}:{stamp['last_id']}:{stamp['last_change']}"
