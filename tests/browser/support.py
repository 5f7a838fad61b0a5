"""What the browser tests need from the machine: Playwright and Debian's Chromium.

Without them the tests are skipped, so ``make test`` passes on a machine that has neither;
``make test-browser`` sets ``REQUIRE_BROWSER=1``, which turns the skip into an error.
"""

import importlib
import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Playwright must never download a browser nor let Chromium phone home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
]


def missing_reason():
    try:
        importlib.import_module("playwright.sync_api")
    except ImportError:
        return 'Playwright is not installed (pip install -e ".[test,browser]").'
    if not os.access(CHROMIUM, os.X_OK):
        return f"No Chromium at {CHROMIUM} (apt-get install chromium)."
    return None


def sync_api():
    """The Playwright sync API module, or skip the calling test module."""
    reason = missing_reason()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            raise RuntimeError(f"REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}")
        pytest.skip(f"Browser tests skipped: {reason}", allow_module_level=True)
    return importlib.import_module("playwright.sync_api")
