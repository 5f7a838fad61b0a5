"""The agenda's three parallel workshops: stacked on a phone, side by side on a desktop."""

from itertools import pairwise

import pytest
from django.urls import reverse

from .support import sync_api

expect = sync_api().expect

pytestmark = pytest.mark.browser

WORKSHOPS = ["#atelier-1", "#atelier-2", "#atelier-3"]


def open_agenda_at_first_workshop(page, event):
    # Through the anchor, as a link from elsewhere would: the card must land below the
    # sticky day heading, not under it.
    page.goto(reverse("programme:agenda", kwargs={"slug": event.slug}) + "#atelier-1")
    page.evaluate("document.fonts.ready.then(() => true)")
    heading = page.locator(".agenda-day-heading").filter(has_text="Jeudi 15 novembre 2012")
    card = page.locator("#atelier-1").bounding_box()
    assert card["y"] >= heading.bounding_box()["y"] + heading.bounding_box()["height"]


def workshop_boxes(page):
    """The cards' boxes in page coordinates, measured together once the fonts are in."""
    for selector in WORKSHOPS:
        expect(page.locator(selector)).to_be_visible()
    return page.evaluate(
        """async (selectors) => {
            await document.fonts.ready;
            return selectors.map((selector) => {
                const box = document.querySelector(selector).getBoundingClientRect();
                return {x: box.x + scrollX, y: box.y + scrollY, width: box.width,
                        height: box.height};
            });
        }""",
        WORKSHOPS,
    )


def test_workshops_are_stacked_at_390px(page, rencontres):
    page.set_viewport_size({"width": 390, "height": 844})
    open_agenda_at_first_workshop(page, rencontres)
    page.screenshot(path="/tmp/agenda-390.png")
    page.screenshot(path="/tmp/agenda-390-full.png", full_page=True)

    boxes = workshop_boxes(page)

    for above, below in pairwise(boxes):
        assert below["y"] >= above["y"] + above["height"], "each workshop below the previous"
    for box in boxes:
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "a workshop overflows"
    # Nothing is wider than the phone: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_workshops_are_side_by_side_at_1280px(page, rencontres):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_agenda_at_first_workshop(page, rencontres)
    page.screenshot(path="/tmp/agenda-1280.png")

    boxes = workshop_boxes(page)

    assert len({box["y"] for box in boxes}) == 1, "the three workshops share the same top"
    for left, right in pairwise(boxes):
        assert right["x"] >= left["x"] + left["width"], "each workshop right of the previous"
