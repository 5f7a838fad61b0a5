"""The capacity rule: a place is given only while every capacity it needs has one left.

Called under the event's row lock (``locking``), so the count cannot change before the
registration is saved; the count itself is a read (``selectors.places_left``).
"""

from ..selectors.places import places_left


def full_capacities(event, *, tariff=None, workshop=None):
    """The capacities (``Capacity`` values) a new place at ``tariff`` and ``workshop`` exceeds."""
    return places_left(event).full(tariff=tariff, workshop=workshop)


def workshop_is_full(event, workshop):
    """For a registration that already holds a seat and moves to ``workshop``."""
    return places_left(event).for_workshop(workshop) == 0
