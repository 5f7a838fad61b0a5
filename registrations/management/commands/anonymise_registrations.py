from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from registrations.services import registrations_anonymise


class Command(BaseCommand):
    help = _(
        "Anonymise les inscriptions des rencontres terminées depuis plus de "
        "ANONYMISE_AFTER_DAYS jours (à lancer chaque jour, par exemple avec cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--after-days",
            type=int,
            default=settings.ANONYMISE_AFTER_DAYS,
            help=_("Délai après la fin de la rencontre, en jours (défaut : le réglage)."),
        )

    def handle(self, *args, after_days, **options):
        if after_days < 0:
            raise CommandError(_("Le délai doit être positif ou nul."))
        count = registrations_anonymise(after_days=after_days)
        self.stdout.write(_("%(count)d inscription(s) anonymisée(s).") % {"count": count})
