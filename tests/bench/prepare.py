"""Django side of ``make bench``: set up the throw-away database, print what the driver needs.

Run by the driver as ``python -m tests.bench.prepare`` with the benchmark's environment.
Prints one JSON line: the event's slug, the URLs to measure and the bulletin's choices.
"""

import json
import os
import sys
from io import StringIO
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    django.setup()

    from django.core.management import call_command
    from django.urls import reverse

    from programme.models import Event

    quiet = {"stdout": StringIO(), "verbosity": 0}
    call_command("migrate", interactive=False, **quiet)
    call_command("createcachetable", **quiet)  # when caches live in the database
    call_command("load_event", str(ROOT / "programme/data/rencontres-2012.yaml"), **quiet)
    call_command("load_demo_members", **quiet)
    event = Event.objects.get(slug="rencontres-formation-2012")
    # Registrations must be open, without limits, for a stream of POSTs to succeed.
    event.registration_opens_at = None
    event.registration_closes_at = None
    event.seat_capacity = None
    event.save()
    event.tariffs.update(capacity=None)
    event.workshops.update(capacity=None)

    def url(name, app="programme"):
        return reverse(f"{app}:{name}", kwargs={"slug": event.slug})

    print(
        json.dumps(
            {
                "slug": event.slug,
                "urls": {
                    "event": url("event_detail"),
                    "agenda": url("agenda"),
                    "speakers": url("speakers"),
                    "bulletin": url("register", "registrations"),
                    "pdf": url("agenda_pdf"),
                    "ics": url("agenda_ics"),
                    "json": url("agenda_json"),
                },
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
