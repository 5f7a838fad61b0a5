"""An organisation that is not a paid-up member: explained, then sent as "adhésion en cours"."""

import re

import pytest
from django.urls import reverse

from registrations.enums import MembershipState, RegistrationStatus
from registrations.models import Registration

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser

PENDING_LABEL = "Soumettre en « adhésion en cours »"


def fill_bulletin(page, *, organisation):
    fields = {
        "#id_last_name": "Moreau",
        "#id_first_name": "Julien",
        "#id_job_title": "Chargé de développement social",
        "#id_email": "j.moreau@example.org",
        "#id_phone": "04 50 12 34 56",
        "#id_organisation_name": organisation,
        "#id_address": "3 avenue du Lac\n74000 Annecy",
        "#id_signed_place": "Annecy",
        "#id_signature": "Julien Moreau",
    }
    for selector, text in fields.items():
        page.fill(selector, text)
    page.check("#id_tariff_0")
    page.check("#id_workshop_2")
    page.check("#id_certified")
    page.check("#id_privacy_consent")


@pytest.mark.parametrize(
    ("organisation", "explanation"),
    [
        (
            "Habitat <em>Nouveau</em> du Sud",
            "Nous ne trouvons pas cet organisme parmi les adhérents de l'AFPOLS.",
        ),
        (
            "Office Démo des Alpes",
            "L'adhésion de « Office Démo des Alpes » à l'AFPOLS ne couvre pas la date de la "
            "rencontre (cotisation valable jusqu'au 31/12/2011).",
        ),
    ],
    ids=["unknown", "lapsed"],
)
def test_non_member_is_told_why_and_registers_as_awaiting_membership(
    page, rencontres, organisation, explanation
):
    page.goto(reverse("registrations:register", kwargs={"slug": rencontres.slug}))
    expect(page.get_by_label(PENDING_LABEL)).to_be_visible()  # Offered from the start.
    expect(page.locator(".membership-explained")).to_contain_text("adhésion en cours")
    fill_bulletin(page, organisation=organisation)

    page.get_by_role("button", name="Envoyer mon inscription").click()

    feedback = page.locator("#div_id_organisation_name")
    expect(feedback).to_contain_text(explanation)
    expect(feedback).to_contain_text("La cotisation de l'organisme est obligatoire.")
    expect(feedback).to_contain_text("cochez la case « adhésion en cours » ci-dessous")
    expect(page.locator("#erreurs")).to_contain_text("Organisme")
    pending = page.get_by_label(PENDING_LABEL)
    expect(pending).to_be_visible()
    expect(pending).not_to_be_checked()
    expect(page.locator("#id_organisation_name")).to_have_value(organisation)
    assert not Registration.objects.exists()

    pending.check()
    page.get_by_role("button", name="Envoyer mon inscription").click()

    expect(page).to_have_url(re.compile(r"/inscription/suivi/[^/]+/$"))
    status = page.locator(".registration-status")
    expect(status).to_contain_text("RF2012-0001")
    expect(status).to_contain_text("En attente de vérification de l'adhésion")
    # What the participant typed is shown as text, never as markup.
    expect(page.get_by_text(organisation, exact=True)).to_be_visible()
    expect(page.locator("main em", has_text="Nouveau")).to_have_count(0)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.AWAITING_MEMBERSHIP
    assert registration.membership_state == MembershipState.PENDING
    assert registration.organisation_name == organisation
