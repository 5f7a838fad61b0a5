"""Fixtures of the browser tests: Debian's Chromium driven by Playwright, the 2012 event."""

import os
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.conftest import load_seed_event

from .support import CHROMIUM, CHROMIUM_ARGS, sync_api


@pytest.fixture(scope="session")
def chromium():
    api = sync_api()
    # The sync API runs an event loop in this thread, so Django would refuse the ORM calls
    # of the tests (fixtures, assertions) without this.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _tasks_queued_as_in_production(settings):
    """As for real, the POST only queues the e-mails (no worker here): a page never waits
    on a PDF or a mail server."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def page(chromium, live_server):
    """A fresh French browser tab at 1280 px that may only reach the live server."""
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900},
        locale="fr-FR",
        timezone_id="Europe/Paris",
        # Bootstrap scrolls smoothly otherwise: boxes measured after an anchor jump would
        # depend on how far the animation got.
        reduced_motion="reduce",
        base_url=live_server.url,
    )
    context.set_default_timeout(10_000)
    server = urlsplit(live_server.url).netloc
    outside = []

    def refuse_outside(route):
        if urlsplit(route.request.url).netloc == server:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", refuse_outside)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()
    assert outside == [], f"The pages asked for external URLs: {outside}"


@pytest.fixture
def rencontres(live_server):
    """The 2012 event and the demo members, loaded by their commands as ``make run`` does."""
    event = load_seed_event()
    call_command("keep_registration_open", event.slug, stdout=StringIO())
    call_command("load_demo_members", stdout=StringIO())
    return event
