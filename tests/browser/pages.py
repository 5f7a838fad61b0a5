"""What several browser tests do: fill the bulletin, sign Victoria in, list the public pages."""

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.urls import reverse

from registrations.admin.permissions import staff_group_setup

ROOT = Path(__file__).resolve().parents[2]
# Screenshots are CI artefacts, never committed (var/ is ignored).
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots"))
STAFF_PASSWORD = "mot-de-passe-de-test-9"

BULLETIN = {
    "#id_last_name": "Moreau",
    "#id_first_name": "Julien",
    "#id_job_title": "Chargé de développement social",
    "#id_email": "j.moreau@example.org",
    "#id_phone": "04 50 12 34 56",
    "#id_address": "3 avenue du Lac\n74000 Annecy",
    "#id_signed_place": "Annecy",
    "#id_signature": "Julien Moreau",
}


def fill_bulletin(page, *, organisation, pending=False):
    for selector, text in BULLETIN.items():
        page.fill(selector, text)
    page.fill("#id_organisation_name", organisation)
    page.check("#id_tariff_0")
    page.check("#id_workshop_2")
    page.check("#id_certified")
    page.check("#id_privacy_consent")
    if pending:
        page.check("#id_submit_pending")


def register(page, event, *, organisation="Habitat Démo du Nord", pending=False):
    """Register through the bulletin; the page is then the private page."""
    page.goto(reverse("registrations:register", kwargs={"slug": event.slug}))
    fill_bulletin(page, organisation=organisation, pending=pending)
    # The POST renders the confirmation PDF and sends the e-mails inline (immediate task
    # backend): give it time on a busy machine.
    page.get_by_role("button", name="Envoyer mon inscription").click(no_wait_after=True)
    page.wait_for_url("**/inscription/suivi/**", timeout=60_000)
    return page.url


def public_pages(event):
    """Every public page of an event (the private ones need a registration)."""
    slug = {"slug": event.slug}
    return {
        "presentation": reverse("programme:event_detail", kwargs=slug),
        "programme": reverse("programme:agenda", kwargs=slug),
        "intervenants": reverse("programme:speakers", kwargs=slug),
        "bulletin": reverse("registrations:register", kwargs=slug),
        "deja-inscrit": reverse("registrations:resend_link", kwargs=slug),
        "confidentialite": reverse("registrations:privacy"),
    }


def staff_login(page, *, username="victoria-navigateur"):
    """Sign in through the admin's login page as a member of the staff group."""
    user_model = get_user_model()
    if not user_model.objects.filter(username=username).exists():
        user = user_model.objects.create_user(
            username=username, password=STAFF_PASSWORD, is_staff=True
        )
        user.groups.add(staff_group_setup())
    page.goto(reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")


def no_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
