"""Benchmarks: ``make bench``. Prints timings; asserts nothing (tests never time things).

Runs on a throw-away database: a temporary SQLite file by default, or the PostgreSQL
database named by ``DATABASE_URL`` (its tables are created if missing). Measures the
public pages, the registration POST, the registration service, and PDF rendering cold
and from the cache.
"""

import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afpols_events.settings")
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="afpols-bench-"))
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# Messages are built (PDF attached) but go nowhere: the console would drown the report.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")

import django  # noqa: E402

django.setup()
logging.getLogger("django_tasks").setLevel(logging.WARNING)

from django.core.cache import caches  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from programme.models import Event  # noqa: E402
from registrations import services  # noqa: E402
from registrations.documents import ConfirmationDocument  # noqa: E402
from registrations.models import Registration  # noqa: E402


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name, samples, extra=""):
    median = statistics.median(samples)
    worst = max(samples)
    print(f"{name:<48} n={len(samples):<4} median {median:8.1f} ms   max {worst:8.1f} ms {extra}")


def page(client, url):
    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    with CaptureQueriesContext(connection) as queries:
        get()
    # Read now: each request start empties the connection's query log.
    query_count = len(queries)
    report(f"GET {url}", timed(get, 30), f"  {query_count} queries")


def bulletin(event, n):
    tariff = event.tariffs.order_by("amount").first()
    workshop = event.workshops.order_by("number").first()
    return {
        "last_name": f"Durand{n}",
        "first_name": "Camille",
        "job_title": "Conseillère sociale",
        "email": f"bench{n}@example.org",
        "phone": "01 40 75 79 04",
        "organisation_name": "Paris Habitat",
        "address": "21 bis rue Claude Bernard, 75005 Paris",
        "contact_person": "",
        "tariff": tariff,
        "workshop": workshop,
        "signed_place": "Paris",
        "signature": f"Camille Durand{n}",
        "certified": True,
        "privacy_consent": True,
    }


def main():
    print(f"database: {connection.vendor}  ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_event", str(ROOT / "programme/data/rencontres-2012.yaml"), verbosity=0)
    call_command("load_demo_members", verbosity=0)
    event = Event.objects.get(slug="rencontres-formation-2012")
    Event.objects.filter(pk=event.pk).update(seat_capacity=None)
    event.tariffs.update(capacity=None)
    event.workshops.update(capacity=None)
    Registration.objects.filter(event=event, email__startswith="bench").delete()
    caches["documents"].clear()
    client = Client()

    print("\n-- public pages (test client, in process)")
    for name in ("event_detail", "agenda", "speakers"):
        page(client, reverse(f"programme:{name}", kwargs={"slug": event.slug}))
    page(client, reverse("registrations:register", kwargs={"slug": event.slug}))

    print("\n-- registrations")
    queued_only = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    inline = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    runs = [(200, queued_only, "e-mails queued, not sent"), (20, inline, "e-mails sent inline")]
    offset = 0
    for count, tasks, label in runs:
        with override_settings(**({"TASKS": tasks} if tasks else {})):
            start = time.perf_counter()
            for n in range(offset, offset + count):
                services.registration_create(
                    event=event, bulletin=services.Bulletin(**bulletin(event, n))
                )
            elapsed = time.perf_counter() - start
        offset += count
        print(
            f"registration_create x{count} ({label})"
            f"  {elapsed:.2f} s  -> {count / elapsed:.1f} registrations/s"
        )
    data = bulletin(event, 10_000)
    form = {
        **{key: value for key, value in data.items() if key not in ("tariff", "workshop")},
        "tariff": data["tariff"].pk,
        "workshop": data["workshop"].pk,
        "certified": "on",
        "privacy_consent": "on",
    }
    register_url = reverse("registrations:register", kwargs={"slug": event.slug})
    samples = []
    for n in range(30):
        form["email"] = f"bench-post{n}@example.org"
        form["last_name"] = f"Post{n}"
        form["signature"] = f"Camille Post{n}"
        reset_queries()
        start = time.perf_counter()
        response = Client().post(register_url, form)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    report("POST bulletin (valid, redirect)", samples)

    print("\n-- documents")
    agenda_pdf = reverse("programme:agenda_pdf", kwargs={"slug": event.slug})
    caches["documents"].clear()
    cold = timed(lambda: client.get(agenda_pdf), 1)
    size = len(client.get(agenda_pdf).content)
    report("agenda PDF, cold render", cold, f"  {size / 1024:.0f} KiB")
    report("agenda PDF, from cache", timed(lambda: client.get(agenda_pdf), 20))
    registration = Registration.objects.filter(event=event).first()
    caches["documents"].clear()
    report(
        "confirmation PDF, cold render", timed(lambda: ConfirmationDocument(registration).pdf(), 1)
    )
    report(
        "confirmation PDF, from cache", timed(lambda: ConfirmationDocument(registration).pdf(), 20)
    )

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {peak:.0f} MiB")
    Registration.objects.filter(event=event, email__startswith="bench").delete()


if __name__ == "__main__":
    main()
