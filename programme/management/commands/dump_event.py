from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from programme.dumping import dump_event
from programme.models import Event


class Command(BaseCommand):
    help = _(
        "Écrit un événement (programme, intervenants, ateliers, tarifs) au format YAML que "
        "lit « load_event », pour le garder en gestion de versions ou préparer l'édition "
        "suivante."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help=_("Identifiant d'URL de l'événement"))
        parser.add_argument(
            "-o",
            "--output",
            help=_("Fichier à écrire (par défaut : la sortie standard)."),
        )

    def handle(self, *args, slug, output=None, **options):
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            raise CommandError(_("Aucun événement « %(slug)s ».") % {"slug": slug})
        text = dump_event(event)
        if output:
            try:
                with open(output, "w", encoding="utf-8") as file:
                    file.write(text)
            except OSError as error:
                raise CommandError(
                    _("Impossible d'écrire %(path)s : %(error)s") % {"path": output, "error": error}
                ) from error
            self.stdout.write(
                self.style.SUCCESS(_("Événement écrit dans %(path)s.") % {"path": output})
            )
        else:
            self.stdout.write(text, ending="")
