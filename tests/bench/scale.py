"""At-scale part of ``make bench``: Victoria's pages and files with thousands of registrations
and a programme ten times the seed's, in process, on the benchmark's database.

For each size (``BENCH_SCALE_ROWS``, default "500,5000" registrations) it prints the
queries, the time, the part of it spent in SQL and the size of the answer, so the growth
from one size to the next shows (tests assert the constant query counts; times only here).
PDFs are rendered cold (the documents cache is cleared before each).
"""

import datetime as dt
import os
import sys
import time
from decimal import Decimal

import django

SEED_ITEMS_PER_DAY = 10  # the 2012 flyer: about thirty items over three days
SCALE = 10


def build_event():
    from django.utils import timezone

    from programme.enums import ItemKind
    from programme.models import (
        Appearance,
        Event,
        ItemPart,
        ProgrammeItem,
        Speaker,
        Tariff,
        Workshop,
    )

    start = dt.date(2030, 11, 14)
    event = Event.objects.create(
        slug="bench-a-grande-echelle",
        reference_prefix="BENCH",
        series="Rencontres formation",
        title="Rencontre à grande échelle",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        venue_name="Hôtel",
        venue_address="1 rue de la Paix\n75002 Paris",
        contact_name="Victoria ESTEBAN",
        contact_email="v.esteban.afpols@union-habitat.org",
        postal_address="AFPOLS, 2 rue Lord Byron, 75008 Paris",
        stakes="Enjeux.",
        objectives="Objectif.",
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Intervenant NUMERO{n}", role="Directeur", slug=f"bench-intervenant-{n}")
        for n in range(35 * SCALE)
    )
    items, slot = [], None
    per_day = SEED_ITEMS_PER_DAY * SCALE
    for day in range(3):
        for index in range(per_day):
            minutes = 8 * 60 + index * (14 * 60 // per_day)
            starts_at = timezone.make_aware(
                dt.datetime.combine(start + dt.timedelta(days=day), dt.time(minutes // 60))
                + dt.timedelta(minutes=minutes % 60)
            )
            is_slot = day == 1 and index == per_day // 2
            items.append(
                ProgrammeItem(
                    event=event,
                    anchor=f"j{day}-{index}",
                    starts_at=starts_at,
                    kind=ItemKind.WORKSHOPS if is_slot else ItemKind.PLENARY,
                    title=f"Séquence {day}-{index}",
                    bullets="Premier point\nSecond point",
                    position=index,
                )
            )
    items = ProgrammeItem.objects.bulk_create(items)
    slot = next(item for item in items if item.kind == ItemKind.WORKSHOPS)
    ItemPart.objects.bulk_create(
        ItemPart(item=item, heading="Phase 1", bullets="Un point") for item in items[::3]
    )
    Appearance.objects.bulk_create(
        Appearance(item=item, speaker=speakers[n % len(speakers)], position=1)
        for n, item in enumerate(items)
    )
    workshops = Workshop.objects.bulk_create(
        Workshop(event=event, slot=slot, number=n, title=f"Atelier {n}") for n in (1, 2, 3)
    )
    tariffs = Tariff.objects.bulk_create(
        [
            Tariff(event=event, label="Hébergement", amount=Decimal("1750.00"), included="Tout"),
            Tariff(
                event=event, label="Sans hébergement", amount=Decimal("1450.00"), included="Midi"
            ),
        ]
    )
    return event, tariffs, workshops


def add_registrations(event, tariffs, workshops, first, count):
    from django.utils import timezone

    from registrations.enums import MembershipState, RegistrationStatus
    from registrations.models import MemberOrganisation, Registration
    from registrations.models.registration import new_private_token

    members = MemberOrganisation.objects.bulk_create(
        MemberOrganisation(
            name=f"Office bench {n}",
            member_number=f"BENCH{n:05d}",
            city="Lyon",
            subscription_start=dt.date(2000, 1, 1),
            subscription_end=dt.date(2099, 12, 31),
        )
        for n in range(first, first + count)
    )
    today = timezone.localdate()
    Registration.objects.bulk_create(
        (
            Registration(
                event=event,
                number=n + 1,
                reference=f"BENCH-{n + 1:05d}",
                token=new_private_token(),
                last_name=f"Nom{n}",
                first_name="Camille",
                job_title="Conseillère sociale",
                email=f"scale{n}@example.org",
                organisation_name=member.name,
                member=member,
                address="21 bis rue Claude Bernard\n75005 Paris",
                phone="01 23 45 67 89",
                signed_place="Paris",
                signed_on=today,
                signature=f"Camille Nom{n}",
                certified=True,
                privacy_consent=True,
                tariff=tariffs[n % 2],
                workshop=workshops[n % 3],
                amount=tariffs[n % 2].amount,
                status=RegistrationStatus.CONFIRMED,
                membership_state=MembershipState.VERIFIED,
            )
            for n, member in zip(range(first, first + count), members, strict=True)
        ),
        batch_size=500,
    )


def measurements(event):
    from django.urls import reverse

    changelist = reverse("admin:registrations_registration_changelist")
    export = reverse("admin:registrations_registration_export")
    scoped = f"?event__id__exact={event.pk}"
    day = event.start_date.isoformat()
    return [
        ("admin list (100 per page)", "get", changelist + scoped, {}),
        ("dashboard", "get", reverse("admin:registrations_dashboard", args=[event.pk]), {}),
        ("CSV export", "post", export + scoped, {"format": "0", "resource": "0"}),
        ("XLSX export", "post", export + scoped, {"format": "1", "resource": "0"}),
        (
            "sign-in sheet (one half-day)",
            "get",
            reverse("admin:registrations_sign_in_sheet", args=[event.pk, day, "matin"]),
            {},
        ),
        ("badges", "get", reverse("admin:registrations_badges", args=[event.pk]), {}),
        ("agenda page (cold)", "get", reverse("programme:agenda", args=[event.slug]), {}),
        ("agenda PDF (cold)", "get", reverse("programme:agenda_pdf", args=[event.slug]), {}),
    ]


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    django.setup()

    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    sizes = [int(n) for n in os.environ.get("BENCH_SCALE_ROWS", "500,5000").split(",")]
    event, tariffs, workshops = build_event()
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", None)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)

    print(
        f"\n### At scale: a programme {SCALE}x the seed's "
        f"({3 * SEED_ITEMS_PER_DAY * SCALE} items)\n"
    )
    print("| what | registrations | queries | time (s) | of which SQL (s) | answer |")
    print("|---|---|---|---|---|---|")
    done = 0
    for size in sizes:
        add_registrations(event, tariffs, workshops, done, size - done)
        done = size
        for label, method, url, data in measurements(event):
            caches["documents"].clear()
            caches["pages"].clear()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = getattr(client, method)(url, data, secure=True)
                elapsed = time.perf_counter() - start
            if response.status_code != 200:
                sys.exit(f"{label}: HTTP {response.status_code}")
            sql = sum(float(query["time"]) for query in queries.captured_queries)
            body = b"".join(response) if response.streaming else response.content
            print(
                f"| {label} | {size} | {len(queries)} | {elapsed:.2f} | {sql:.2f} "
                f"| {len(body) / 1024:.0f} KiB |",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main())
