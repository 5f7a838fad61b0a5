"""Every admin page Victoria (and a superuser editing the programme) sees is in French:
no English word, no stored value ("awaiting_membership"), no ISO date."""

import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from programme.enums import ItemKind
from registrations import services
from registrations.enums import MembershipState, PaymentState, RegistrationStatus
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    MemberOrganisationFactory,
    RegistrationFactory,
    TariffFactory,
    WorkshopFactory,
)

ENGLISH = re.compile(
    r"\b(Add|Change|Changes|Delete|Deleted|Save|Search|History|Select|selected|Submit|View"
    r"|None|True|False|Yes|No|Object|Changed by|Home|Log out|entry|entries|This importer"
    r"|This exporter|Choose|Show|Hide|Revert|Filter|to change|to view)\b"
)
RAW_VALUES = re.compile(
    r"\b("
    + "|".join(
        value
        for enum in (RegistrationStatus, MembershipState, PaymentState, ItemKind)
        for value in enum.values
    )
    + r")\b"
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FRENCH_DATETIME = re.compile(r"\b\d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}\b")
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}


class VisibleText(HTMLParser):
    """The text a person reads or hears: text nodes, buttons and text alternatives."""

    def __init__(self):
        super().__init__()
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        attributes = dict(attrs)
        for name, value in attrs:
            if value and (
                name in READ_ATTRIBUTES
                or (name == "value" and attributes.get("type") in ("submit", "button"))
            ):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(response):
    parser = VisibleText()
    parser.feed(response.content.decode())
    return " | ".join(parser.parts)


def assert_french(response, url):
    assert response.status_code == 200, url
    text = visible_text(response)
    assert not ENGLISH.findall(text), (url, ENGLISH.findall(text), text)
    assert not RAW_VALUES.findall(text), (url, RAW_VALUES.findall(text))
    assert not ISO_DATE.findall(text), (url, ISO_DATE.findall(text))
    return text


@pytest.fixture
def registration(db, staff_user):
    event = EventFactory()
    TariffFactory(event=event)
    workshop = WorkshopFactory(event=event)
    AppearanceFactory(workshop=workshop, item=None)
    member = MemberOrganisationFactory(name="Paris Habitat")
    registration = RegistrationFactory(
        event=event,
        workshop=workshop,
        status=RegistrationStatus.AWAITING_MEMBERSHIP,
        membership_state=MembershipState.PENDING,
    )
    services.registration_record_membership(registration=registration, member=member)
    registration.refresh_from_db()
    invoices, refused = services.invoices_issue(registrations=[registration])
    assert invoices and not refused
    registration.refresh_from_db()
    return registration


def registration_pages(registration):
    event, pk = registration.event, registration.pk
    return [
        reverse("admin:index"),
        reverse("admin:app_list", args=["registrations"]),
        reverse("admin:registrations_registration_changelist"),
        reverse("admin:registrations_registration_changelist") + f"?event__id__exact={event.pk}",
        reverse("admin:registrations_registration_change", args=[pk]),
        reverse("admin:registrations_registration_history", args=[pk]),
        reverse("admin:registrations_registration_export"),
        reverse("admin:registrations_dashboard", args=[event.pk]),
        reverse("admin:registrations_memberorganisation_changelist"),
        reverse("admin:registrations_memberorganisation_add"),
        reverse("admin:registrations_memberorganisation_change", args=[registration.member_id]),
        reverse("admin:registrations_memberorganisation_history", args=[registration.member_id]),
        reverse("admin:registrations_memberorganisation_import"),
        reverse("admin:registrations_memberorganisation_export"),
        reverse("admin:registrations_invoice_changelist"),
        reverse(
            "admin:registrations_invoice_change", args=[registration.invoice_lines.get().invoice_id]
        ),
        reverse("admin:registrations_invoice_journal"),
    ]


def test_every_registration_page_of_the_admin_is_in_french(staff_client, registration):
    for url in registration_pages(registration):
        assert_french(staff_client.get(url), url)


def test_change_page_title_has_the_french_article(staff_client, registration):
    url = reverse("admin:registrations_registration_change", args=[registration.pk])

    text = assert_french(staff_client.get(url), url)

    assert "Modification de l'inscription" in text
    assert "Modification de inscription" not in text


def test_history_shows_labels_and_french_dates(staff_client, registration):
    url = reverse("admin:registrations_registration_history", args=[registration.pk])

    text = assert_french(staff_client.get(url), url)

    assert "En attente de vérification de l'adhésion → Confirmée" in text
    assert "Adhésion en cours (à vérifier) → Adhésion vérifiée" in text
    assert "Non facturée → Facturée" in text
    assert "— → Paris Habitat" in text
    assert FRENCH_DATETIME.search(text), text


def test_history_version_page_is_in_french(staff_client, registration):
    record = registration.history.earliest()
    url = reverse(
        "admin:registrations_registration_simple_history",
        args=[registration.pk, record.history_id],
    )

    assert_french(staff_client.get(url), url)


def test_member_import_preview_is_in_french(staff_client, db):
    csv = (
        "Nom,Numéro d'adhérent,Ville,Adhésion du,Adhésion jusqu'au\n"
        "OPAC 38,A101,Grenoble,01/01/2012,31/12/2012\n"
    )
    url = reverse("admin:registrations_memberorganisation_import")

    preview = staff_client.post(
        url,
        {
            "import_file": SimpleUploadedFile("adherents.csv", csv.encode()),
            "format": "0",
            "resource": "0",
        },
    )

    assert_french(preview, url)


def test_cancel_confirmation_page_is_in_french(staff_client, registration):
    url = reverse("admin:registrations_registration_changelist")

    response = staff_client.post(url, {"action": "cancel", "_selected_action": [registration.pk]})

    assert_french(response, url)


def test_every_programme_page_of_the_admin_is_in_french(superuser_client, registration):
    event = registration.event
    workshop = registration.workshop
    item = workshop.slot
    speaker = workshop.appearances.get().speaker
    pages = [reverse("admin:app_list", args=["programme"])]
    for name, pk in [
        ("event", event.pk),
        ("programmeitem", item.pk),
        ("speaker", speaker.pk),
        ("workshop", workshop.pk),
    ]:
        pages += [
            reverse(f"admin:programme_{name}_changelist"),
            reverse(f"admin:programme_{name}_add"),
            reverse(f"admin:programme_{name}_change", args=[pk]),
            reverse(f"admin:programme_{name}_history", args=[pk]),
        ]
    for url in pages:
        assert_french(superuser_client.get(url), url)
