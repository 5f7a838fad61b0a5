from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from programme.loading import load_event_file


class Command(BaseCommand):
    help = _(
        "Charge ou met à jour un événement (programme, intervenants, ateliers, tarifs) "
        "depuis un fichier YAML. Idempotent : une seconde exécution ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help=_("Fichier YAML, par exemple programme/data/rencontres-2012.yaml")
        )
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help=_(
                "Ne rien faire si l'événement existe déjà, pour garder les modifications "
                "faites dans l'administration (utilisé par « make run »)."
            ),
        )

    def handle(self, *args, path, skip_existing=False, **options):
        try:
            result = load_event_file(path, skip_existing=skip_existing)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if result is None:
            self.stdout.write(_("Événement déjà chargé : rien n'est modifié (--skip-existing)."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Événement « %(title)s » (%(slug)s) chargé : %(created)d créé(s), "
                    "%(updated)d modifié(s), %(unchanged)d inchangé(s)."
                )
                % {
                    "title": result.event.title,
                    "slug": result.event.slug,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                }
            )
        )
