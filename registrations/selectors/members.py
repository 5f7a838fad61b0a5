"""Reads about the member list."""

from functools import lru_cache

from django.db import connection

from ..models import MemberOrganisation


@lru_cache(maxsize=4)
def _stamp_sql(vendor):
    quote = connection.ops.quote_name
    meta = MemberOrganisation._meta
    pk, updated_at = quote(meta.pk.column), quote(meta.get_field("updated_at").column)
    return f"SELECT COUNT(*), MAX({pk}), MAX({updated_at}) FROM {quote(meta.db_table)}"


def member_list_stamp():
    """Changes whenever the member list does (one aggregate query): an organisation added
    raises the largest id, one removed lowers the count, one edited moves ``updated_at``.
    The bulletin's cached page (its suggestion list) is keyed by it; raw SQL because it runs
    on every visit of the bulletin (docs/performance.md)."""
    with connection.cursor() as cursor:
        cursor.execute(_stamp_sql(connection.vendor))
        count, last_id, last_change = cursor.fetchone()
    return f"{count}:{last_id}:{last_change}"
