"""Load a demo member list: the organisations named in the 2012 flyer plus fictitious ones.

Idempotent: members are matched on their member number and updated in place.
"""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction

from registrations.models import MemberOrganisation

PAID_FROM = dt.date(2012, 1, 1)
PAID_UNTIL = dt.date(2030, 12, 31)

# (member number, name, city, subscription start, subscription end, is_demo)
DEMO_MEMBERS = [
    ("AF-0001", "Villeurbanne Est Habitat", "Villeurbanne", PAID_FROM, PAID_UNTIL, False),
    ("AF-0002", "La Nantaise d'Habitation", "Nantes", PAID_FROM, PAID_UNTIL, False),
    ("AF-0003", "OPAC 38", "Grenoble", PAID_FROM, PAID_UNTIL, False),
    ("AF-0004", "Paris Habitat", "Paris", PAID_FROM, PAID_UNTIL, False),
    ("DEMO-0101", "Habitat Démo du Nord", "Lille", PAID_FROM, PAID_UNTIL, True),
    ("DEMO-0102", "Logis Démo de l'Atlantique", "La Rochelle", PAID_FROM, PAID_UNTIL, True),
    # Lapsed: the subscription ended before the 2012 event.
    (
        "DEMO-0103",
        "Office Démo des Alpes",
        "Annecy",
        dt.date(2010, 1, 1),
        dt.date(2011, 12, 31),
        True,
    ),
]


class Command(BaseCommand):
    help = "Charge la liste d'organismes adhérents de démonstration (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        created_count = 0
        for number, name, city, start, end, is_demo in DEMO_MEMBERS:
            member, created = MemberOrganisation.objects.get_or_create(
                member_number=number,
                defaults={
                    "name": name,
                    "city": city,
                    "subscription_start": start,
                    "subscription_end": end,
                    "is_demo": is_demo,
                },
            )
            if not created:
                member.name, member.city, member.is_demo = name, city, is_demo
                member.subscription_start, member.subscription_end = start, end
                member.save()
            created_count += created
        self.stdout.write(
            f"{len(DEMO_MEMBERS)} organismes adhérents de démonstration "
            f"({created_count} créés, {len(DEMO_MEMBERS) - created_count} mis à jour)."
        )
