"""Send the "à froid" satisfaction questionnaire some weeks after each event (run daily)."""

from django.core.management.base import BaseCommand, CommandError

from registrations import services


class Command(BaseCommand):
    help = (
        "Envoie le questionnaire de satisfaction « à froid », une seule fois, aux participants "
        "des rencontres terminées depuis N semaines au moins qui ne l'ont pas encore reçu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--weeks-after",
            type=int,
            default=6,
            help="Nombre de semaines après la fin de la rencontre (6 par défaut).",
        )
        parser.add_argument(
            "--until-weeks-after",
            type=int,
            default=None,
            help=(
                "Au-delà de ce nombre de semaines après la fin, la rencontre est trop ancienne "
                "pour ce questionnaire (par défaut : N + 6)."
            ),
        )

    def handle(self, *args, weeks_after, until_weeks_after, **options):
        if weeks_after < 0:
            raise CommandError("--weeks-after doit être positif ou nul.")
        if until_weeks_after is not None and until_weeks_after < weeks_after:
            raise CommandError("--until-weeks-after doit être supérieur ou égal à --weeks-after.")
        sent = services.cold_surveys_send_due(
            weeks_after=weeks_after, until_weeks_after=until_weeks_after
        )
        self.stdout.write(f"Questionnaires à froid envoyés : {sent}")
