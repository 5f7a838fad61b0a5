"""Victoria's day in the admin, in a real browser, signed in as the group's staff user:
find a registration, confirm it from its page, mark it paid, export XLSX, open the
dashboard, download a sign-in sheet. The list fits a 1280 px screen."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from registrations.enums import PaymentState, RegistrationStatus
from registrations.models import MemberOrganisation, Registration

from .pages import SCREENSHOT_DIR, register, staff_login
from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser


def messages(page):
    return page.locator("ul.messagelist")


def test_staff_journey(page, rencontres):
    register(page, rencontres, organisation="Office Nouveau de Roubaix", pending=True)
    registration = Registration.objects.get()
    page.context.clear_cookies()
    staff_login(page)

    # Find the registration with the search box.
    page.goto(reverse("admin:registrations_registration_changelist"))
    page.get_by_label("Rechercher").fill("Moreau")
    page.get_by_role("button", name="Rechercher").click()
    results = page.locator("#result_list")
    expect(results).to_contain_text(registration.reference)
    expect(results).to_contain_text("Adhésion à vérifier")
    # The list fits the screen: no column is cut off.
    assert page.evaluate(
        "(() => { const box = document.querySelector('.results');"
        " return box.scrollWidth <= box.clientWidth; })()"
    )
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "admin-liste-1280.png"), full_page=True)
    results.get_by_role("link", name=registration.reference).click()

    # Confirm from its page: refused, with what to do instead.
    actions = page.locator(".object-actions")
    actions.get_by_role("button", name="Confirmer").click()
    expect(messages(page)).to_contain_text("Utilisez « Enregistrer l'adhésion »")
    actions.get_by_role("link", name="Enregistrer l'adhésion…").click()
    year = rencontres.start_date.year
    expect(page.locator("#id_subscription_start")).to_have_value(f"01/01/{year}")
    page.locator("input[type=submit]").click()
    expect(messages(page)).to_contain_text("Adhésion enregistrée")
    expect(page.locator(".field-status")).to_contain_text("Confirmée")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert MemberOrganisation.objects.filter(name="Office Nouveau de Roubaix").exists()

    # Issue its invoice, then mark it paid.
    page.locator(".object-actions").get_by_role("button", name="Émettre la facture").click()
    expect(messages(page)).to_contain_text("Facture émise")
    page.locator(".object-actions").get_by_role("link", name="Enregistrer le paiement…").click()
    page.locator("input[type=submit]").click()
    expect(messages(page)).to_contain_text("payée")
    page.screenshot(path=str(SCREENSHOT_DIR / "admin-inscription-1280.png"), full_page=True)
    registration.refresh_from_db()
    assert registration.payment_state == PaymentState.PAID

    # Export XLSX and open it.
    page.goto(reverse("admin:registrations_registration_changelist"))
    page.get_by_role("link", name=re.compile("Exporter", re.IGNORECASE)).click()
    page.get_by_label("Format").select_option(label="XLSX (Excel, LibreOffice)")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Envoyer|Soumettre|Exporter")).click()
    with open(download_info.value.path(), "rb") as downloaded:
        workbook = openpyxl.load_workbook(io.BytesIO(downloaded.read()))
    sheet = workbook["Inscriptions"]
    headers = [cell.value for cell in sheet[1]]
    row = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert row["Référence"] == registration.reference
    assert row["Paiement"] == "Payée"
    assert isinstance(row["Payée le"], dt.datetime)
    assert row["Montant (€)"] == 1750

    # The dashboard, then a sign-in sheet.
    page.get_by_role("link", name="Accueil").first.click()
    page.goto(reverse("admin:registrations_registration_changelist"))
    page.get_by_role("link", name="Tableau de bord").click()
    expect(page.locator("h1")).to_contain_text("Tableau de bord")
    sheet_link = page.get_by_role("link", name=re.compile("Feuille d'émargement")).first
    response = page.request.get(sheet_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
