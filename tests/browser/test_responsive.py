"""Every public page at 375 px and 1280 px: no horizontal scrolling, and a screenshot in
var/screenshots/ (a CI artefact, not committed)."""

import pytest

from .pages import SCREENSHOT_DIR, no_horizontal_scroll, public_pages, register

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]


def shoot(page, name, width):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_fits_the_width_with_a_screenshot(page, rencontres, width):
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in public_pages(rencontres).items():
        page.goto(path)
        page.evaluate("document.fonts.ready.then(() => true)")
        assert no_horizontal_scroll(page), f"{name} scrolls sideways at {width} px"
        assert shoot(page, name, width).stat().st_size > 0


@pytest.mark.parametrize("width", WIDTHS)
def test_private_pages_fit_the_width_with_a_screenshot(page, rencontres, width):
    page.set_viewport_size({"width": width, "height": 900})
    private = register(page, rencontres)
    for name, path in [
        ("inscription", private),
        ("changer-atelier", private + "atelier/"),
        ("annuler", private + "annuler/"),
    ]:
        page.goto(path)
        assert no_horizontal_scroll(page), f"{name} scrolls sideways at {width} px"
        shoot(page, name, width)
