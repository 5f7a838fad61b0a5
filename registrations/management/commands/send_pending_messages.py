from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from registrations.services import messages_enqueue_due


class Command(BaseCommand):
    help = _(
        "Remet en file d'envoi les messages dont l'heure du nouvel essai est passée et ceux "
        "qu'un worker arrêté en cours d'envoi a laissés (à lancer toutes les 5 minutes)."
    )

    def handle(self, *args, **options):
        count = messages_enqueue_due()
        if options["verbosity"]:
            self.stdout.write(_("%(count)d message(s) remis en file d'envoi.") % {"count": count})
