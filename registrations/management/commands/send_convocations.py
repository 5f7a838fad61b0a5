"""Send the convocation to confirmed participants of the events starting soon (run daily)."""

from django.core.management.base import BaseCommand

from registrations import services


class Command(BaseCommand):
    help = (
        "Envoie la convocation aux participants confirmés qui ne l'ont pas encore reçue, "
        "pour les rencontres qui commencent dans N jours au plus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-before",
            type=int,
            default=14,
            help="Nombre de jours avant le début de la rencontre (14 par défaut).",
        )

    def handle(self, *args, days_before, **options):
        sent = services.convocations_send_due(days_before=max(days_before, 0))
        self.stdout.write(f"Convocations envoyées : {sent}")
