"""Property-based: whatever is typed or put in a URL, no answer is a 5xx, and every page
and document of a registration that was stored still renders.

Bounded for CI (about a minute): a fixed number of examples per property, no deadline,
derandomised so a CI run is reproducible, no example database written to disk.
"""

import itertools
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver
from django.urls.resolvers import URLResolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registrations.enums import RegistrationStatus
from registrations.models import Registration
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any Unicode text a browser could send (UTF-8 has no lone surrogates), control
# characters, NUL and right-to-left overrides included.
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
# What a database can hold (PostgreSQL refuses NUL in text; the forms never pass one on).
STORABLE = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
SEGMENT = st.one_of(TEXT, st.sampled_from(["..", "%00", "²", "0", "-1", "9" * 30, "a" * 300]))
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
TEXT_FIELDS = [
    "last_name",
    "first_name",
    "job_title",
    "email",
    "phone",
    "organisation_name",
    "member_number",
    "address",
    "contact_person",
    "signed_place",
    "signature",
]
CHOICE_FIELDS = ["tariff", "workshop", "certified", "privacy_consent", "submit_pending"]
emails = itertools.count()


def public_routes():
    """Every URL pattern of the site outside the admin, as route strings."""

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith("admin/"):
                continue
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route

    return sorted(set(walk(get_resolver().url_patterns, "")))


def fill(route, values):
    """``route`` with each ``<converter:name>`` replaced by the next of ``values``."""
    values = iter(values)
    return "/" + CONVERTER.sub(lambda _match: next(values), route)


def assert_renders(client, registration):
    """Every page and document reached through the registration's token answers 200."""
    for route in public_routes():
        if "suivi/<token:token>" not in route:  # an offer's token is not the registration's
            continue
        if route.count("<") > 2 or ("<str:number>" not in route and route.count("<") > 1):
            continue  # the questionnaire per phase and documents per kind: their own tests
        if "<str:number>" in route:
            # The invoices of this registration, each by its number (none until staff
            # issue one; the invoice tests cover those).
            numbers = registration.invoice_lines.values_list("invoice__number", flat=True)
            paths = [fill(route, [registration.token, number]) for number in set(numbers)]
        else:
            paths = [fill(route, itertools.repeat(registration.token))]
        for path in paths:
            assert_path_renders(client, path, registration)


def assert_path_renders(client, path, registration):
    # "Inscrire un(e) collègue" redirects to the bulletin, filled in: follow it.
    response = client.get(path, follow=True)
    answers = [200, 403]
    registration.refresh_from_db()
    if registration.status not in RegistrationStatus.holding_a_place():
        answers.append(404)  # the fuzzed cancel went through: no convention without a place
    assert response.status_code in answers, (path, response.status_code)
    if response.status_code == 200:  # 403: changes closed or cancelled, said, not broken
        assert response.content, path


def test_every_public_route_is_fuzzed():
    routes = public_routes()
    assert "inscription/suivi/<token:token>/agenda.ics" in routes
    assert "rencontres/<slug:slug>/programme.pdf" in routes
    assert "robots.txt" in routes


@FUZZ
@given(segments=st.lists(SEGMENT, min_size=3, max_size=3), key=TEXT, value=TEXT)
def test_no_public_url_answers_5xx(client, event, segments, key, value):
    for route in public_routes():
        path = fill(route, itertools.cycle([quote(segment, safe="") for segment in segments]))
        response = client.get(f"{path}?{quote(key)}={quote(value)}")
        assert response.status_code < 500, (path, response.status_code)


@FUZZ
@given(
    fuzzed=st.dictionaries(
        st.sampled_from(TEXT_FIELDS + CHOICE_FIELDS + ["website", "join_waiting_list"]),
        TEXT,
        max_size=3,
    ),
    extra=st.dictionaries(TEXT, TEXT, max_size=2),
)
def test_bulletin_never_answers_5xx_and_what_it_stores_renders(
    client, post_data, register_url, fuzzed, extra, django_capture_on_commit_callbacks
):
    data = {**extra, **post_data(email=f"fuzz{next(emails)}@example.org"), **fuzzed}
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url, data)

    assert response.status_code < 500, response.status_code
    if response.status_code == 302 and "/suivi/" in response["Location"]:
        registration = Registration.objects.get(token=response["Location"].split("/")[-2])
        assert_renders(client, registration)
        assert mail.outbox, "the confirmation e-mail was not sent"


@FUZZ
@given(
    email=TEXT,
    workshop=TEXT,
    extra=st.dictionaries(TEXT, TEXT, max_size=2),
    # An upload as "Déposer la convention signée" gets it: any bytes, or what starts like a PDF.
    upload=st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(b"%PDF-1.7\n".__add__)),
)
def test_private_page_forms_never_answer_5xx(
    client, event, workshops, email, workshop, extra, upload, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event, workshop=workshops[0])
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            client.post(f"/inscription/{event.slug}/deja-inscrit/", {**extra, "email": email}),
            client.post(
                f"/inscription/suivi/{registration.token}/atelier/", {"workshop": workshop}
            ),
            client.post(
                f"/inscription/suivi/{registration.token}/convention-signee/",
                {**extra, "content": SimpleUploadedFile("convention.pdf", upload)},
            ),
            client.post(f"/inscription/suivi/{registration.token}/annuler/", extra),
        ]

    assert [answer.status_code < 500 for answer in answers] == [True, True, True, True]
    assert_renders(client, registration)


@FUZZ
@given(
    names=st.fixed_dictionaries(
        {
            "first_name": STORABLE,
            "last_name": STORABLE,
            "organisation_name": STORABLE,
            "address": STORABLE,
        }
    )
)
def test_registration_stored_with_any_text_still_renders(client, event, workshops, names):
    # Typed by staff or stored before the forms cleaned input: the documents still work.
    registration = RegistrationFactory(event=event, workshop=workshops[0], **names)

    assert_renders(client, registration)
