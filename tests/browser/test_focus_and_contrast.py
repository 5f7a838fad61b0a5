"""What axe-core cannot see: a visible focus on the menu links (desktop and phone menu), and
form field, radio and checkbox borders at 3:1 contrast or more."""

import pytest
from django.urls import reverse

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser


def focus_ring(page):
    """The outline of the focused element: (style, width in px, colour)."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor];
        }"""
    )


def tab_to(page, name):
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} never got the focus")


def test_menu_links_show_their_focus_on_desktop(page, rencontres):
    page.goto(reverse("programme:event_detail", kwargs={"slug": rencontres.slug}))

    tab_to(page, "Programme")

    style, width, _colour = focus_ring(page)
    assert style != "none" and width >= 2


def test_menu_links_show_their_focus_in_the_phone_menu(page, rencontres):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(reverse("programme:event_detail", kwargs={"slug": rencontres.slug}))
    toggler = page.get_by_role("button", name="Afficher le menu")
    toggler.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#nav-event")).to_be_visible()

    tab_to(page, "Intervenants")

    style, width, _colour = focus_ring(page)
    assert style != "none" and width >= 2


def relative_luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def border_colours(page, selector):
    return page.eval_on_selector_all(
        selector,
        """(nodes) => nodes.map((node) => {
            const [r, g, b] = getComputedStyle(node).borderTopColor.match(/\\d+/g).map(Number);
            return [r, g, b];
        })""",
    )


def test_field_radio_and_checkbox_borders_reach_3_to_1(page, rencontres):
    page.goto(reverse("registrations:register", kwargs={"slug": rencontres.slug}))
    white = (255, 255, 255)

    for selector in ["#id_last_name", "#id_address", "#id_tariff_0", "#id_certified"]:
        [colour] = border_colours(page, selector)
        assert contrast(colour, white) >= 3, f"{selector} border {colour} on white"
