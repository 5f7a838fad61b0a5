from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from registrations import services


class Command(BaseCommand):
    help = _(
        "Expire les places proposées dont le délai est passé et propose les places libres "
        "(par exemple après une hausse de capacité) à la liste d'attente. À lancer "
        "régulièrement (cron, toutes les 5 minutes par exemple)."
    )

    def handle(self, *args, **options):
        expired, made = services.waiting_lists_process()
        self.stdout.write(
            _("%(expired)d proposition(s) expirée(s), %(made)d place(s) proposée(s).")
            % {"expired": expired, "made": made}
        )
