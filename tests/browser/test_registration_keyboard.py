"""The bulletin in a real browser, used with the keyboard only."""

import re

import pytest
from django.urls import reverse

from registrations.enums import RegistrationStatus
from registrations.models import Registration

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser

PARTICIPANT = {
    "#id_last_name": "Lefebvre",
    "#id_first_name": "Anne-Sophie",
    "#id_job_title": "Conseillère en économie sociale et familiale",
    "#id_email": "as.lefebvre@example.org",
    "#id_phone": "03 20 12 34 56",
    "#id_organisation_name": "Habitat Démo du Nord",
    "#id_member_number": "DEMO-0101",
    "#id_address": "12 rue Nationale\n59000 Lille",
    "#id_contact_person": "Karim Benali",
    "#id_billing_email": "compta@habitat-demo-nord.fr",
}
SIGNATURE = {
    "#id_signed_place": "Lille",
    "#id_signature": "Anne-Sophie Lefebvre",
}


def focused(page, selector):
    return page.locator(selector).evaluate("element => element === document.activeElement")


def type_by_keyboard(page, fields):
    for selector, text in fields.items():
        page.focus(selector)
        page.keyboard.type(text)


def tab_until_focused(page, locator, *, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {locator}")


def test_participant_registers_with_the_keyboard_only_and_lands_on_the_private_page(
    page, rencontres
):
    page.goto(reverse("programme:event_detail", kwargs={"slug": rencontres.slug}))

    tab_until_focused(page, page.get_by_role("link", name="S'inscrire en ligne"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/inscription/rencontres-formation-2012/$"))

    type_by_keyboard(page, PARTICIPANT)
    # The tariff cards come next in the tab order; arrows move the choice within the group.
    page.keyboard.press("Tab")
    assert focused(page, "#id_tariff_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_tariff_1")).to_be_checked()
    page.keyboard.press("Tab")
    assert focused(page, "#id_workshop_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_workshop_1")).to_be_checked()
    type_by_keyboard(page, SIGNATURE)
    for checkbox in ("#id_certified", "#id_privacy_consent"):
        page.focus(checkbox)
        page.keyboard.press("Space")
        expect(page.locator(checkbox)).to_be_checked()
    page.keyboard.press("Tab")
    assert focused(page, "#bulletin [type=submit]")
    page.keyboard.press("Enter")

    # The submit renders and mails the confirmation PDF (inline tasks): on a loaded machine
    # that takes longer than Playwright's default 5 s wait.
    expect(page).to_have_url(re.compile(r"/inscription/suivi/[^/]+/$"), timeout=30000)
    registration = Registration.objects.get()
    status = page.locator(".registration-status")
    expect(status).to_contain_text("RF2012-0001")
    expect(status).to_contain_text("Confirmée")
    expect(status).to_contain_text("Repas du midi inclus, hors hébergement et repas du soir")
    assert registration.reference == "RF2012-0001"
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.workshop.number == 2
    # Browsers send a textarea's line breaks as CRLF.
    assert registration.address.splitlines() == ["12 rue Nationale", "59000 Lille"]
    assert registration.contact_person == "Karim Benali"
    assert registration.billing_email == "compta@habitat-demo-nord.fr"
