"""The agenda and speakers pages run a constant number of SQL queries.

A programme of the seed's size (about 30 items, 3 workshops, 35 speakers, parts) and one
ten times bigger must cost the same number of queries: any N+1 shows up as a difference.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme import selectors
from programme.enums import ItemKind
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ItemPartFactory,
    ProgrammeItemFactory,
    SpeakerFactory,
    TariffFactory,
    WorkshopFactory,
    paris,
)

pytestmark = pytest.mark.django_db

# Per "scale" unit, about the 2012 flyer: 30 items over three days, one of them the
# workshops slot with three workshops, 35 speakers, a few items split into parts.
ITEMS_PER_DAY = 10
WORKSHOPS_PER_SLOT = 3
SPEAKERS = 35
KINDS = [ItemKind.PLENARY, ItemKind.CASE_STUDY, ItemKind.BREAK, ItemKind.ROUND_TABLE]


def build_programme(scale):
    event = EventFactory(start_date=dt.date(2012, 11, 14), end_date=dt.date(2012, 11, 16))
    TariffFactory.create_batch(2, event=event)
    speakers = SpeakerFactory.create_batch(SPEAKERS * scale)
    items_per_day = ITEMS_PER_DAY * scale
    slots = []
    counter = 0
    for day in range(3):
        for index in range(items_per_day):
            # Items every few minutes from 8h00, so a big programme still fits a day.
            minutes = 8 * 60 + index * (60 * 14 // items_per_day)
            start = paris(2012, 11, 14 + day, minutes // 60, minutes % 60)
            is_slot = index % ITEMS_PER_DAY == 5 and day == 1
            item = ProgrammeItemFactory(
                event=event,
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=4),
                kind=ItemKind.WORKSHOPS if is_slot else KINDS[index % len(KINDS)],
                position=index,
            )
            if is_slot:
                slots.append(item)
                continue
            if index % 4 == 1:
                ItemPartFactory(item=item, position=0)
                ItemPartFactory(item=item, position=1)
            for offset in range(2):
                AppearanceFactory(
                    item=item,
                    speaker=speakers[counter % len(speakers)],
                    position=offset,
                    group="GROUPE" if offset else "",
                    lead_in="Par" if not offset else "",
                )
                counter += 1
    number = 0
    for slot in slots:
        for _ in range(WORKSHOPS_PER_SLOT):
            number += 1
            workshop = WorkshopFactory(event=event, slot=slot, number=number, capacity=20)
            AppearanceFactory(item=None, workshop=workshop, speaker=speakers[number])
            AppearanceFactory(item=None, workshop=workshop, speaker=speakers[-number])
    return event


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_agenda_speakers_and_home_run_same_queries_for_ten_times_bigger_programme(
    client, django_assert_num_queries
):
    small, big = build_programme(1), build_programme(10)
    # The builder really makes the seed's size and ten times it.
    assert (small.items.count(), big.items.count()) == (30, 300)
    assert (small.workshops.count(), big.workshops.count()) == (3, 30)
    assert (len(selectors.event_speakers(small)), len(selectors.event_speakers(big))) == (35, 350)

    for page, marker, small_expected in [
        ("agenda", b'class="agenda-item', 30),
        ("speakers", b'class="speaker-entry"', 35),
        ("event_detail", b'class="tariff"', 2),
    ]:
        small_count, small_response = count_queries(
            client, reverse(f"programme:{page}", kwargs={"slug": small.slug})
        )
        with django_assert_num_queries(small_count):
            big_response = client.get(reverse(f"programme:{page}", kwargs={"slug": big.slug}))
        assert big_response.status_code == 200
        # Both pages show their whole programme: the counts compare real pages.
        assert small_response.content.count(marker) == small_expected, page
        big_expected = small_expected if page == "event_detail" else small_expected * 10
        assert big_response.content.count(marker) == big_expected, page


def test_agenda_queries_do_not_grow_with_workshops_and_speakers(client, django_assert_num_queries):
    """The measured count itself stays small when the page is built: the event's stamp,
    the rest of its row, items, parts, speakers, workshops and workshop speakers (one query
    each). Served from the cache, it is the stamp alone (test_page_cache.py)."""
    event = build_programme(1)
    with django_assert_num_queries(7):
        client.get(reverse("programme:agenda", kwargs={"slug": event.slug}))
