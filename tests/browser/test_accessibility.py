"""axe-core finds no violation, of any impact, on the pages the participants and Victoria
use: every public page, the bulletin in its error and refused-membership states, the
private page and its change-workshop and cancel pages, and the admin's registration list,
registration page and dashboard."""

import pytest
from django.urls import reverse

from registrations.models import Registration

from .axe import assert_no_violations
from .pages import fill_bulletin, public_pages, register, staff_login
from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_public_pages_have_no_axe_violation(page, rencontres, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in public_pages(rencontres).values():
        page.goto(path)
        assert_no_violations(page)


def test_bulletin_in_its_error_state_has_no_axe_violation(page, rencontres):
    page.goto(reverse("registrations:register", kwargs={"slug": rencontres.slug}))
    page.get_by_role("button", name="Envoyer mon inscription").click()
    expect(page.locator("#erreurs")).to_be_visible()

    assert_no_violations(page)


def test_bulletin_refusing_membership_has_no_axe_violation(page, rencontres):
    page.goto(reverse("registrations:register", kwargs={"slug": rencontres.slug}))
    fill_bulletin(page, organisation="Organisme inconnu du Sud")
    page.get_by_role("button", name="Envoyer mon inscription").click()
    expect(page.locator("#div_id_organisation_name")).to_contain_text("cotisation")

    assert_no_violations(page)


def test_private_page_and_its_change_and_cancel_pages_have_no_axe_violation(page, rencontres):
    private = register(page, rencontres)
    assert_no_violations(page)

    page.goto(private + "atelier/")
    expect(page.locator("h1")).to_contain_text("Changer d'atelier")
    assert_no_violations(page)

    # "Déposer la convention signée", sent without a file: the page with its error.
    page.goto(private)
    page.get_by_role("button", name="Déposer la convention signée", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Déposer la convention signée")
    expect(page.locator(".error-summary")).to_contain_text("Choisissez le fichier PDF")
    assert_no_violations(page)

    page.goto(private + "annuler/")
    expect(page.locator("h1")).to_contain_text("Annuler mon inscription")
    assert_no_violations(page)


def test_admin_list_registration_page_and_dashboard_have_no_axe_violation(page, rencontres):
    register(page, rencontres, organisation="Organisme inconnu", pending=True)
    registration = Registration.objects.get()
    staff_login(page)

    page.goto(reverse("admin:registrations_registration_changelist"))
    assert_no_violations(page)

    page.goto(reverse("admin:registrations_registration_change", args=[registration.pk]))
    expect(page.locator(".object-actions")).to_be_visible()
    assert_no_violations(page)

    page.goto(reverse("admin:registrations_dashboard", kwargs={"event_id": rencontres.pk}))
    assert_no_violations(page)
