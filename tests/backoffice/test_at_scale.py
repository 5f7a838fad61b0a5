"""Victoria's pages and files run as many queries for many registrations and a big
programme as for a handful: the list, the dashboard, the CSV and XLSX exports, the
sign-in sheets and the badges. (Their times are measured by ``make bench`` with 5,000
registrations and a programme ten times the seed's; tests never time things.)"""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme.enums import ItemKind
from registrations.enums import MembershipState, PaymentState, RegistrationStatus
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ItemPartFactory,
    MemberOrganisationFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    TariffFactory,
    WorkshopFactory,
    paris,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2030, 11, 14)
STATES = [
    (RegistrationStatus.CONFIRMED, MembershipState.VERIFIED, PaymentState.PAID),
    (RegistrationStatus.CONFIRMED, MembershipState.VERIFIED, PaymentState.INVOICED),
    (RegistrationStatus.AWAITING_MEMBERSHIP, MembershipState.PENDING, PaymentState.NOT_INVOICED),
    (RegistrationStatus.WAITING_LIST, MembershipState.VERIFIED, PaymentState.NOT_INVOICED),
    (RegistrationStatus.CANCELLED, MembershipState.VERIFIED, PaymentState.NOT_INVOICED),
]


def build(*, items, registrations):
    """An event with ``items`` programme items per half-day and ``registrations`` of every
    state, each with its own member organisation, tariff and workshop in turn."""
    event = EventFactory(start_date=DAY, end_date=DAY + dt.timedelta(days=2))
    for day, hour in itertools.product(range(3), (9, 14)):
        for index in range(items):
            start = paris(2030, 11, 14 + day, hour, index)
            item = ProgrammeItemFactory(event=event, starts_at=start, position=index)
            ItemPartFactory(item=item)
            AppearanceFactory(item=item)
    slot = ProgrammeItemFactory(
        event=event, kind=ItemKind.WORKSHOPS, starts_at=paris(2030, 11, 15, 16)
    )
    tariffs = [TariffFactory(event=event, position=n) for n in (1, 2)]
    workshops = [WorkshopFactory(event=event, slot=slot, number=n) for n in (1, 2, 3)]
    for n in range(registrations):
        status, membership, payment = STATES[n % len(STATES)]
        RegistrationFactory(
            event=event,
            tariff=tariffs[n % 2],
            workshop=workshops[n % 3],
            member=MemberOrganisationFactory(),
            status=status,
            membership_state=membership,
            payment_state=payment,
        )
    return event


def changelist(event):
    url = reverse("admin:registrations_registration_changelist")
    return "get", f"{url}?event__id__exact={event.pk}", {}


def dashboard(event):
    return "get", reverse("admin:registrations_dashboard", args=[event.pk]), {}


def export(file_format):
    def request(event):
        url = reverse("admin:registrations_registration_export")
        return "post", f"{url}?event__id__exact={event.pk}", {"format": file_format, "resource": 0}

    return request


def sign_in_sheet(event):
    url = reverse("admin:registrations_sign_in_sheet", args=[event.pk, DAY.isoformat(), "matin"])
    return "get", url, {}


def badges(event):
    return "get", reverse("admin:registrations_badges", args=[event.pk]), {}


PAGES = {
    "registration list": changelist,
    "dashboard": dashboard,
    "CSV export": export("0"),
    "XLSX export": export("1"),
    "sign-in sheet": sign_in_sheet,
    "badges": badges,
}


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_query_count_does_not_grow_with_registrations_or_programme(
    staff_client, page, django_assert_num_queries
):
    small, large = build(items=1, registrations=3), build(items=4, registrations=40)

    def fetch(event):
        method, url, data = page(event)
        response = getattr(staff_client, method)(url, data)
        assert response.status_code == 200
        return response

    fetch(small)  # warms what is cached per process (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        fetch(small)
    with django_assert_num_queries(len(queries)):
        fetch(large)


def test_at_the_issues_scale_the_query_counts_stay_those_of_a_small_event(
    staff_client, monkeypatch
):
    """5,000 registrations and a programme ten times the seed's (built as ``make bench``
    builds them) against 3 registrations: the same queries for every staff page and file.
    WeasyPrint is left out (the queries are all made before it runs; ``make bench`` times
    the real PDFs)."""
    from afpols_events import documents
    from tests.bench import scale

    monkeypatch.setattr(documents, "html_to_pdf", lambda html: b"%PDF-1.7 (not rendered)")
    small = build(items=1, registrations=3)
    large, tariffs, workshops = scale.build_event()
    scale.add_registrations(large, tariffs, workshops, 0, 5000)
    sign_in_day = large.start_date

    def fetch(event, page):
        method, url, data = page(event)
        if page is sign_in_sheet and event == large:
            url = url.replace(DAY.isoformat(), sign_in_day.isoformat())
        response = getattr(staff_client, method)(url, data)
        assert response.status_code == 200
        return response

    counts = {}
    for name, page in PAGES.items():
        fetch(small, page)  # warms what is cached per process
        with CaptureQueriesContext(connection) as queries:
            fetch(small, page)
        with CaptureQueriesContext(connection) as at_scale:
            fetch(large, page)
        counts[name] = (len(queries), len(at_scale))

    assert all(small_count == large_count for small_count, large_count in counts.values()), counts
