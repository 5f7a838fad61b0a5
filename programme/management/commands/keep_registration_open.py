"""Keep an event's registration open until a closing date shown to participants.

``make run`` uses it for the demo event: the 2012 seminar stays open for registration,
with a closing date and time on its pages. A closing date still to come is left as staff
set it; an unset or past one becomes ``--days`` days from today at ``--time``.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from afpols_events.formatting import format_date, format_time
from programme.content_version import bump_content_version
from programme.models import Event


class Command(BaseCommand):
    help = (
        "Garde les inscriptions d'un événement ouvertes, avec une date de clôture affichée "
        "(dans --days jours à --time si elle est vide ou passée)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="identifiant d'URL de l'événement")
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--time", default="18:00", help="heure de clôture, HH:MM")

    def handle(self, *args, slug, days, time, **options):
        try:
            event = Event.objects.get(slug=slug)
        except Event.DoesNotExist:
            raise CommandError(f"Aucun événement « {slug} ».") from None
        try:
            closing_time = dt.time.fromisoformat(time)
        except ValueError:
            raise CommandError(f"Heure « {time} » illisible : écrire HH:MM.") from None
        now = timezone.now()
        if event.registration_closes_at and event.registration_closes_at > now:
            self.stdout.write(f"Clôture des inscriptions inchangée : {self._when(event)}.")
            return
        day = timezone.localdate(now) + dt.timedelta(days=max(days, 1))
        event.registration_closes_at = timezone.make_aware(dt.datetime.combine(day, closing_time))
        if event.registration_opens_at and event.registration_opens_at >= now:
            event.registration_opens_at = None
        with transaction.atomic():
            event.save(
                update_fields=["registration_closes_at", "registration_opens_at", "updated_at"]
            )
            # The closing date is shown on the event's cached pages.
            bump_content_version(events=[event])
        self.stdout.write(f"Inscriptions ouvertes jusqu'au {self._when(event)}.")

    def _when(self, event):
        closes_at = event.registration_closes_at
        return f"{format_date(closes_at)} à {format_time(closes_at)}"
