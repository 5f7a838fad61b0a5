"""Under the Content Security Policy the pages still work: nothing is blocked, the menu
opens on a phone, the error summary takes the focus, the admin dashboard renders."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser


def watch_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (event) => "
        "console.error('Content Security Policy: ' + event.violatedDirective + ' ' + "
        "event.blockedURI))"
    )
    return violations


def test_public_pages_run_their_scripts_and_styles_under_the_policy(page, rencontres):
    violations = watch_violations(page)
    page.set_viewport_size({"width": 390, "height": 844})
    for name in ["event_detail", "agenda", "speakers"]:
        page.goto(reverse(f"programme:{name}", kwargs={"slug": rencontres.slug}))
        expect(page.locator("body")).to_have_css("margin-top", "0px")

    # Bootstrap's script opens the menu on a phone.
    page.get_by_role("button", name="Afficher le menu").click()
    expect(page.locator("#nav-event")).to_be_visible()

    # Our own script moves the focus to the error summary after a failed submit.
    page.goto(reverse("registrations:register", kwargs={"slug": rencontres.slug}))
    page.locator("#bulletin [type=submit]").click()
    expect(page.locator(".error-summary")).to_be_focused()

    assert violations == []


def test_admin_runs_under_the_policy(page, rencontres, live_server):
    violations = watch_violations(page)
    get_user_model().objects.create_superuser("chef", password="mot-de-passe-du-test")
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "chef")
    page.fill("#id_password", "mot-de-passe-du-test")
    page.locator("[type=submit]").click()
    page.goto(reverse("admin:registrations_dashboard", args=[rencontres.pk]))
    page.goto(reverse("admin:programme_event_change", args=[rencontres.pk]))
    expect(page.locator("#event_form")).to_be_visible()

    assert violations == []
