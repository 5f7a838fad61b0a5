import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from afpols_events.formatting import format_money
from registrations.enums import MembershipState, PaymentState, RegistrationStatus
from registrations.models import Registration
from tests.factories import (
    EventFactory,
    MemberOrganisationFactory,
    RegistrationFactory,
    TariffFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:registrations_registration_changelist")


def listed(response):
    assert response.status_code == 200
    return {registration.reference for registration in response.context["cl"].result_list}


def add_registrations(event, tariff, workshop, count):
    RegistrationFactory.create_batch(count, event=event, tariff=tariff, workshop=workshop)


def test_changelist_query_count_is_the_same_for_3_and_200_registrations(
    staff_client, django_assert_num_queries
):
    event = EventFactory()
    tariff, workshop = TariffFactory(event=event), WorkshopFactory(event=event)
    add_registrations(event, tariff, workshop, 3)
    with CaptureQueriesContext(connection) as few:
        response = staff_client.get(CHANGELIST, {"all": ""})
    assert len(listed(response)) == 3

    add_registrations(event, tariff, workshop, 197)
    with django_assert_num_queries(len(few)):
        response = staff_client.get(CHANGELIST, {"all": ""})
    assert len(listed(response)) == 200


def test_changelist_shows_the_columns_victoria_needs(staff_client):
    event = EventFactory()
    registration = RegistrationFactory(
        event=event,
        last_name="Dupont",
        first_name="Lucie",
        organisation_name="Villeurbanne Est Habitat",
        workshop=WorkshopFactory(event=event, number=2),
    )
    response = staff_client.get(CHANGELIST)
    content = response.content.decode()
    for text in (
        registration.reference,
        "DUPONT Lucie",
        "Villeurbanne Est Habitat",
        format_money(registration.tariff.amount),
        "Atelier 2",
        "Confirmée",
        "Adhésion vérifiée",
        "Non facturée",
    ):
        assert text in content
    for header in ("Référence", "Organisme", "Tarif", "Atelier", "Statut", "Adhésion", "Paiement"):
        assert header in content


@pytest.fixture
def two_events():
    """Registrations of two events, with every state the filters look at."""
    event, other_event = EventFactory(), EventFactory()
    rooms = TariffFactory(event=event, label="Hébergement compris")
    lunch = TariffFactory(event=event, label="Repas du midi")
    first, second = WorkshopFactory(event=event), WorkshopFactory(event=event)
    rows = {
        "confirmed": RegistrationFactory(event=event, tariff=rooms, workshop=first),
        "pending": RegistrationFactory(
            event=event,
            tariff=lunch,
            workshop=second,
            status=RegistrationStatus.AWAITING_MEMBERSHIP,
            membership_state=MembershipState.PENDING,
        ),
        "waiting": RegistrationFactory(
            event=event, tariff=rooms, workshop=second, status=RegistrationStatus.WAITING_LIST
        ),
        "paid": RegistrationFactory(
            event=event, tariff=lunch, workshop=first, payment_state=PaymentState.PAID
        ),
        "other_event": RegistrationFactory(event=other_event),
    }
    return event, rows, {"rooms": rooms, "lunch": lunch, "first": first, "second": second}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": RegistrationStatus.WAITING_LIST}, {"waiting"}),
        ({"membership_state__exact": MembershipState.PENDING}, {"pending"}),
        ({"payment_state__exact": PaymentState.PAID}, {"paid"}),
    ],
)
def test_changelist_filters_by_state(staff_client, two_events, params, expected):
    event, rows, _ = two_events
    response = staff_client.get(CHANGELIST, {"event__id__exact": event.pk, **params})
    assert listed(response) == {rows[name].reference for name in expected}


def test_changelist_filters_by_event_tariff_and_workshop(staff_client, two_events):
    event, rows, objects = two_events
    by_event = listed(staff_client.get(CHANGELIST, {"event__id__exact": event.pk}))
    assert rows["other_event"].reference not in by_event
    assert len(by_event) == 4

    by_tariff = listed(
        staff_client.get(
            CHANGELIST, {"event__id__exact": event.pk, "tariff__id__exact": objects["rooms"].pk}
        )
    )
    assert by_tariff == {rows["confirmed"].reference, rows["waiting"].reference}

    by_workshop = listed(
        staff_client.get(CHANGELIST, {"workshop__id__exact": objects["second"].pk})
    )
    assert by_workshop == {rows["pending"].reference, rows["waiting"].reference}


def test_tariff_filter_names_the_event_when_there_are_several(staff_client, two_events):
    event, _, objects = two_events
    content = staff_client.get(CHANGELIST).content.decode()
    assert f"Hébergement compris ({event.title})" in content
    content = staff_client.get(CHANGELIST, {"event__id__exact": event.pk}).content.decode()
    assert f"Hébergement compris ({event.title})" not in content
    assert "Hébergement compris" in content


@pytest.mark.parametrize(
    ("field", "query"),
    [
        ("last_name", "bernadotte"),
        ("first_name", "Joséphine"),
        ("email", "josephine@office"),
        ("organisation_name", "nantaise"),
        ("reference", None),
    ],
)
def test_changelist_search_finds_by_name_email_organisation_and_reference(
    staff_client, field, query
):
    wanted = RegistrationFactory(
        last_name="Bernadotte",
        first_name="Joséphine",
        email="josephine@office-hlm.fr",
        organisation_name="La Nantaise d'Habitation",
    )
    RegistrationFactory(last_name="Autre", first_name="Paul", organisation_name="OPAC 38")
    response = staff_client.get(CHANGELIST, {"q": query or wanted.reference})
    assert listed(response) == {wanted.reference}


def test_changelist_date_hierarchy_narrows_to_a_day(staff_client):
    old = RegistrationFactory()
    recent = RegistrationFactory()
    Registration.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=40))
    today = timezone.localdate()
    response = staff_client.get(
        CHANGELIST,
        {
            "created_at__year": today.year,
            "created_at__month": today.month,
            "created_at__day": today.day,
        },
    )
    assert listed(response) == {recent.reference}


def test_change_page_shows_the_bulletin_and_keeps_reference_token_amount_read_only(staff_client):
    member = MemberOrganisationFactory(name="Paris Habitat")
    registration = RegistrationFactory(member=member, address="<script>alert(1)</script>")
    url = reverse("admin:registrations_registration_change", args=[registration.pk])

    response = staff_client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert registration.reference in content
    assert registration.token in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)</script>" not in content
    form_fields = response.context["adminform"].form.fields
    for read_only in ("reference", "token", "amount", "created_at", "status", "tariff"):
        assert read_only not in form_fields
    for editable in ("last_name", "first_name", "email", "organisation_name", "address", "phone"):
        assert editable in form_fields


def test_change_page_edits_a_typo_and_the_history_says_who_and_what(staff_client, staff_user):
    registration = RegistrationFactory(last_name="Dupnot")
    url = reverse("admin:registrations_registration_change", args=[registration.pk])
    data = {
        "last_name": "Dupont",
        "first_name": registration.first_name,
        "job_title": registration.job_title,
        "email": registration.email,
        "phone": registration.phone,
        "organisation_name": registration.organisation_name,
        "address": registration.address,
        "contact_person": "",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.last_name == "Dupont"
    assert registration.amount == registration.tariff.amount

    latest = registration.history.latest()
    assert latest.history_user == staff_user
    history = staff_client.get(
        reverse("admin:registrations_registration_history", args=[registration.pk])
    )
    assert history.status_code == 200
    content = history.content.decode()
    assert staff_user.username in content
    assert "Dupnot" in content and "Dupont" in content


def test_history_revert_is_refused(staff_client):
    registration = RegistrationFactory(status=RegistrationStatus.WAITING_LIST)
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    old = registration.history.earliest()
    url = reverse(
        "admin:registrations_registration_simple_history",
        args=[registration.pk, old.history_id],
    )
    assert staff_client.get(url).status_code == 200
    assert staff_client.post(url, {"last_name": "X"}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_registrations_cannot_be_added_through_the_admin(admin_client):
    response = admin_client.get(reverse("admin:registrations_registration_add"))
    assert response.status_code == 403


def test_change_page_refuses_the_same_person_twice_for_the_event(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, email="lucie@example.org", last_name="Roy")
    registration = RegistrationFactory(event=event, last_name="ROY")
    url = reverse("admin:registrations_registration_change", args=[registration.pk])
    data = {
        name: getattr(registration, name)
        for name in ("last_name", "first_name", "job_title", "phone", "organisation_name")
    }
    data.update(address=registration.address, contact_person="", email="Lucie@Example.org")

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["__all__"] == [
        "Une inscription active existe déjà à ce nom avec cette adresse e-mail."
    ]
    registration.refresh_from_db()
    assert registration.email != "Lucie@Example.org"


def test_change_page_accepts_a_colleague_with_the_same_address(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, email="formation@example.org", last_name="Roy")
    registration = RegistrationFactory(event=event, last_name="Ali")
    url = reverse("admin:registrations_registration_change", args=[registration.pk])
    data = {
        name: getattr(registration, name)
        for name in ("last_name", "first_name", "job_title", "phone", "organisation_name")
    }
    data.update(address=registration.address, contact_person="", email="formation@example.org")

    response = staff_client.post(url, data)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.email == "formation@example.org"


def test_the_search_box_has_a_french_label(staff_client):
    content = staff_client.get(CHANGELIST).content.decode()

    label = content[content.index('<label for="searchbar">') :]
    label = label[: label.index("</label>")]
    assert "Rechercher" in label
    assert 'alt="Search"' not in content


def test_changelist_uses_short_labels_to_fit_the_screen(staff_client):
    from registrations.enums import MembershipState, RegistrationStatus

    RegistrationFactory(
        status=RegistrationStatus.AWAITING_MEMBERSHIP, membership_state=MembershipState.PENDING
    )
    content = staff_client.get(CHANGELIST).content.decode()
    results = content[content.index('id="result_list"') :]
    results = results[: results.index("</table>")]

    assert "Adhésion à vérifier" in results
    assert "En attente de vérification de l&#x27;adhésion" not in results
    assert "En cours" in results
