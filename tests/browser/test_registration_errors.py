"""The bulletin's errors in a real browser: the summary at the top, nothing typed lost."""

import pytest
from django.urls import reverse

from registrations.models import Registration

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser

TYPED = {
    "#id_last_name": "Lefebvre",
    "#id_first_name": "Anne-Sophie",
    "#id_job_title": "Conseillère en économie sociale et familiale",
    "#id_email": "as.lefebvre@example.org",
    "#id_organisation_name": "Habitat Démo du Nord",
    "#id_member_number": "DEMO-0101",
    "#id_address": "12 rue Nationale\n59000 Lille",
    "#id_contact_person": "Karim Benali",
    "#id_signed_place": "Lille",
    "#id_signature": "Anne-Sophie Lefebvre",
}
RADIO_GROUPS = {"#id_tariff": "#id_tariff_0", "#id_workshop": "#id_workshop_0"}


def active_element_id(page):
    return page.evaluate("document.activeElement.id")


def register_url(event):
    return reverse("registrations:register", kwargs={"slug": event.slug})


def test_empty_bulletin_shows_the_summary_first_in_tab_order_with_links_to_each_field(
    page, rencontres
):
    page.goto(register_url(rencontres))

    page.get_by_role("button", name="Envoyer mon inscription").click()

    summary = page.locator("#erreurs")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Le formulaire n'a pas été envoyé")
    expect(summary).to_be_in_viewport()
    # static/js/error-summary.js moves focus there, so screen readers start with it.
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs == [
        "#id_last_name",
        "#id_first_name",
        "#id_job_title",
        "#id_email",
        "#id_phone",
        "#id_organisation_name",
        "#id_address",
        "#id_tariff",
        "#id_workshop",
        "#id_signed_place",
        "#id_signature",
        "#id_certified",
        "#id_privacy_consent",
    ]
    expect(links.first).to_have_text("Nom : Ce champ est obligatoire.")
    # The summary's links come before any field in the tab order.
    for _ in range(30):
        page.keyboard.press("Tab")
        assert not active_element_id(page).startswith("id_"), "a field came before the summary"
        if links.first.evaluate("link => link === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the error summary")

    for index, href in enumerate(hrefs):
        links.nth(index).focus()
        page.keyboard.press("Enter")
        if href in RADIO_GROUPS:
            # A radio group is not focusable itself: the link moves the starting point of
            # the tab order there, so Tab lands on its first card.
            page.keyboard.press("Tab")
            assert active_element_id(page) == RADIO_GROUPS[href].removeprefix("#")
        else:
            assert active_element_id(page) == href.removeprefix("#")
    assert not Registration.objects.exists()


def test_wrong_phone_keeps_every_other_value_typed_and_chosen(page, rencontres):
    page.goto(register_url(rencontres))
    for selector, text in TYPED.items():
        page.fill(selector, text)
    page.fill("#id_phone", "au bureau")
    page.check("#id_tariff_1")
    page.check("#id_workshop_2")
    page.check("#id_certified")
    page.check("#id_privacy_consent")

    page.get_by_role("button", name="Envoyer mon inscription").click()

    summary = page.locator("#erreurs")
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(summary.get_by_role("link")).to_have_text(
        "Téléphone : Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89 ou "
        "+33 1 23 45 67 89."
    )
    for selector, text in TYPED.items():
        expect(page.locator(selector)).to_have_value(text)
    expect(page.locator("#id_phone")).to_have_value("au bureau")
    expect(page.locator("#id_phone")).to_have_attribute("aria-invalid", "true")
    for checked in ("#id_tariff_1", "#id_workshop_2", "#id_certified", "#id_privacy_consent"):
        expect(page.locator(checked)).to_be_checked()
    assert not Registration.objects.exists()
