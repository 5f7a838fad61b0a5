"""The printed agenda wastes no page: within a day, no page ends a third empty (the
workshops used to jump whole to the next page, leaving a blank third before Atelier 3)."""

import io

import pytest
from django.db import transaction
from pypdf import PdfReader

from programme.exports.agenda_pdf import AgendaPDFExporter
from tests.conftest import load_seed_event

pytestmark = pytest.mark.django_db

# Running header and footer (page margin boxes) are left out of the measure.
MARGIN_POINTS = 60


@pytest.fixture(scope="module")
def seed_pdf(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        pdf = AgendaPDFExporter(load_seed_event()).render()
        transaction.set_rollback(True)
    return PdfReader(io.BytesIO(pdf))


def text_lines(page):
    """(y, text) of each piece of text of the page, y from the bottom in points."""
    lines = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            lines.append((cm[3] * tm[5] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return lines


def body_lines(page):
    height = float(page.mediabox.height)
    return [(y, text) for y, text in text_lines(page) if MARGIN_POINTS < y < height - MARGIN_POINTS]


def running_header(page):
    """The texts of the top margin: the series and the day (or the section) of the page."""
    height = float(page.mediabox.height)
    return sorted(text for y, text in text_lines(page) if y >= height - MARGIN_POINTS)


def test_no_page_of_a_day_ends_a_third_empty(seed_pdf):
    pages = seed_pdf.pages
    for number, (page, following) in enumerate(zip(pages, pages[1:], strict=False), start=1):
        if "ATELIER DU JEUDI" in page.extract_text().upper():
            break  # The bulletin: a form of its own.
        lines = body_lines(page)
        same_day = running_header(page) == running_header(following)
        if not lines or not same_day:
            continue
        lowest = min(y for y, _ in lines)
        height = float(page.mediabox.height)
        assert lowest < height / 3, (
            f"page {number} stops at {lowest:.0f} pt from the bottom, "
            f"though its day goes on: {lines[-1][1]!r}"
        )
