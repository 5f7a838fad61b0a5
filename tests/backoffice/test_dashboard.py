import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from programme.enums import ItemKind
from registrations import services
from registrations.enums import MembershipState, PaymentMeans, PaymentState, RegistrationStatus
from registrations.models import Registration
from tests.factories import (
    EventFactory,
    ProgrammeItemFactory,
    RegistrationFactory,
    TariffFactory,
    WorkshopFactory,
    paris,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_registrations():
    event = EventFactory(
        title="Rencontres 2012",
        start_date=dt.date(2012, 11, 14),
        end_date=dt.date(2012, 11, 15),
        seat_capacity=10,
    )
    rooms = TariffFactory(event=event, label="Hébergement", amount=Decimal("1750.00"), capacity=5)
    lunch = TariffFactory(event=event, label="Repas du midi", amount=Decimal("1450.00"))
    first = WorkshopFactory(event=event, number=1, capacity=3)
    second = WorkshopFactory(event=event, number=2, capacity=None)
    ProgrammeItemFactory(
        event=event, kind=ItemKind.OPENING, title="Ouverture", starts_at=paris(2012, 11, 14, 9, 30)
    )
    ProgrammeItemFactory(
        event=event, kind=ItemKind.WORKSHOPS, title="Ateliers", starts_at=paris(2012, 11, 15, 14)
    )

    def register(tariff, workshop, day, **kwargs):
        registration = RegistrationFactory(event=event, tariff=tariff, workshop=workshop, **kwargs)
        Registration.objects.filter(pk=registration.pk).update(created_at=paris(2012, 10, day, 10))
        return registration

    rows = {
        "paid": register(rooms, first, 1, payment_state=PaymentState.PAID),
        "invoiced": register(rooms, first, 1, payment_state=PaymentState.INVOICED),
        "confirmed": register(lunch, second, 3),
        "pending": register(
            rooms,
            second,
            3,
            last_name="Enattente",
            organisation_name="Office à vérifier",
            status=RegistrationStatus.AWAITING_MEMBERSHIP,
            membership_state=MembershipState.PENDING,
        ),
        "waiting": register(rooms, first, 4, status=RegistrationStatus.WAITING_LIST),
        "cancelled": register(
            lunch,
            second,
            4,
            status=RegistrationStatus.CANCELLED,
            membership_state=MembershipState.PENDING,
        ),
    }
    RegistrationFactory()  # another event: never counted
    return event, rows


def dashboard_of(client, event):
    response = client.get(reverse("admin:registrations_dashboard", args=[event.pk]))
    assert response.status_code == 200
    return response


def test_dashboard_figures_equal_the_data(staff_client, event_with_registrations):
    event, rows = event_with_registrations
    # Invoiced and paid amounts come from real invoices and payments.
    paid = services.invoice_issue(registrations=[rows["paid"]])
    services.invoice_issue(registrations=[rows["invoiced"]])
    services.payment_record(
        invoice=paid,
        amount=Decimal("1750.00"),
        received_on=timezone.localdate(),
        means=PaymentMeans.CHEQUE,
    )
    response = dashboard_of(staff_client, event)
    board = response.context["dashboard"]

    assert board.total == 6
    assert {status: count for status, _label, count in board.by_status} == {
        RegistrationStatus.AWAITING_MEMBERSHIP: 1,
        RegistrationStatus.CONFIRMED: 3,
        RegistrationStatus.WAITING_LIST: 1,
        RegistrationStatus.CANCELLED: 1,
    }
    assert (board.seats.taken, board.seats.capacity, board.seats.left) == (4, 10, 6)
    tariffs = {row.label: (row.taken, row.capacity, row.left) for row in board.tariffs}
    assert tariffs == {"Hébergement": (3, 5, 2), "Repas du midi": (1, None, None)}
    workshops = {row.obj.number: (row.taken, row.capacity, row.left) for row in board.workshops}
    assert workshops == {1: (2, 3, 1), 2: (2, None, None)}
    assert (board.rooms_left, board.rooms_capacity) == (2, 5)
    # Holding a place: paid, invoiced, pending (1750 each) and confirmed (1450).
    assert board.amount_expected == Decimal("6700.00")
    assert board.amount_invoiced == Decimal("3500.00")
    assert board.amount_paid == Decimal("1750.00")
    assert board.amount_outstanding == Decimal("1750.00")
    assert board.overdue_invoices == []
    assert [r.pk for r in board.pending_memberships] == [rows["pending"].pk]
    assert board.signups == [
        (dt.date(2012, 10, 1), 2),
        (dt.date(2012, 10, 2), 0),
        (dt.date(2012, 10, 3), 2),
        (dt.date(2012, 10, 4), 2),
    ]


def test_dashboard_page_shows_amounts_links_chart_and_documents(
    staff_client, event_with_registrations
):
    event, rows = event_with_registrations
    content = dashboard_of(staff_client, event).content.decode()

    assert "6\u202f700\u00a0€" in content
    assert "1\u202f750\u00a0€" in content
    change_url = reverse("admin:registrations_registration_change", args=[rows["pending"].pk])
    assert f'href="{change_url}"' in content
    assert "Office à vérifier" in content
    assert '<svg class="dashboard-chart"' in content
    assert content.count('<rect class="bar"') == 4
    assert "Feuille d'émargement — mercredi 14 novembre 2012, matin" in content
    assert "Feuille d'émargement — jeudi 15 novembre 2012, après-midi" in content
    sheet_url = reverse("admin:registrations_sign_in_sheet", args=[event.pk, "2012-11-14", "matin"])
    assert sheet_url in content
    assert reverse("admin:registrations_badges", args=[event.pk]) in content


def test_dashboard_chart_bar_heights_follow_the_counts(staff_client, event_with_registrations):
    event, _ = event_with_registrations
    bars = dashboard_of(staff_client, event).context["dashboard"].bars
    assert [bar.count for bar in bars] == [2, 0, 2, 2]
    assert bars[1].height == 0
    assert bars[0].height == bars[2].height > 0


def test_dashboard_of_an_event_without_registrations(staff_client):
    event = EventFactory()
    content = dashboard_of(staff_client, event).content.decode()
    assert "Aucune inscription pour l'instant." in content
    assert "0\u00a0€" in content


def test_dashboard_of_an_unknown_event_is_404(staff_client):
    response = staff_client.get(reverse("admin:registrations_dashboard", args=[999999]))
    assert response.status_code == 404


def test_dashboard_is_linked_from_the_changelist_and_the_event_page(
    staff_client, event_with_registrations
):
    event, _ = event_with_registrations
    changelist = reverse("admin:registrations_registration_changelist")
    dashboard = reverse("admin:registrations_dashboard", args=[event.pk])
    content = staff_client.get(changelist, {"event__id__exact": event.pk}).content.decode()
    assert f'href="{dashboard}"' in content
    index = staff_client.get(reverse("admin:registrations_dashboard_index"))
    assert index.status_code == 200
    assert f'href="{dashboard}"' in index.content.decode()


def test_dashboard_index_with_a_single_event_goes_straight_to_it(staff_client):
    event = EventFactory()
    response = staff_client.get(reverse("admin:registrations_dashboard_index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:registrations_dashboard", args=[event.pk])


def test_sign_in_sheet_link_gives_the_half_day_pdf(staff_client, event_with_registrations):
    event, rows = event_with_registrations
    url = reverse("admin:registrations_sign_in_sheet", args=[event.pk, "2012-11-15", "apres-midi"])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert "Jeudi 15 novembre 2012 — après-midi" in text
    assert "Ateliers" in text
    assert "ENATTENTE" in text  # awaiting membership still holds a place
    assert rows["waiting"].last_name.upper() not in text


@pytest.mark.parametrize(
    ("day", "period"),
    [("2012-11-16", "matin"), ("2012-13-45", "matin"), ("hier", "matin"), ("2012-11-14", "soir")],
)
def test_sign_in_sheet_of_a_bad_half_day_is_404(
    staff_client, event_with_registrations, day, period
):
    event, _ = event_with_registrations
    url = reverse("admin:registrations_sign_in_sheet", args=[event.pk, day, period])
    assert staff_client.get(url).status_code == 404


def test_badges_link_gives_the_badges_pdf(staff_client, event_with_registrations):
    event, rows = event_with_registrations
    response = staff_client.get(reverse("admin:registrations_badges", args=[event.pk]))
    assert response.status_code == 200
    text = " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert "Rencontres 2012" in text
    assert rows["paid"].last_name.upper() in text
    assert rows["cancelled"].last_name.upper() not in text


def test_badges_of_an_event_without_participants_say_so(staff_client):
    event = EventFactory()
    response = staff_client.get(reverse("admin:registrations_badges", args=[event.pk]), follow=True)
    assert response.status_code == 200
    assert "Aucun participant inscrit" in response.content.decode()


def test_event_change_page_links_to_its_dashboard(staff_client):
    event = EventFactory()
    content = staff_client.get(
        reverse("admin:programme_event_change", args=[event.pk])
    ).content.decode()
    assert reverse("admin:registrations_dashboard", args=[event.pk]) in content


def test_dashboard_query_count_does_not_grow_with_registrations(
    staff_client, django_assert_num_queries
):
    event = EventFactory()
    tariff, workshop = TariffFactory(event=event), WorkshopFactory(event=event)
    url = reverse("admin:registrations_dashboard", args=[event.pk])

    def add(count, **kwargs):
        RegistrationFactory.create_batch(
            count, event=event, tariff=tariff, workshop=workshop, **kwargs
        )

    add(2)
    add(1, status=RegistrationStatus.AWAITING_MEMBERSHIP, membership_state=MembershipState.PENDING)
    with CaptureQueriesContext(connection) as few:
        staff_client.get(url)
    add(50)
    add(20, status=RegistrationStatus.AWAITING_MEMBERSHIP, membership_state=MembershipState.PENDING)
    with django_assert_num_queries(len(few)):
        response = staff_client.get(url)
    assert response.context["dashboard"].total == 73
