"""Save demo values of AFPOLS's legal identity, marked as demo, unless one is saved already.

Idempotent, and never overwrites what a superuser typed in the admin.
"""

from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.models import TrainingBodyIdentity

FIELDS = (
    "name",
    "address",
    "siret",
    "nda",
    "nda_region",
    "vat_exempt",
    "vat_mention",
    "vat_rate",
    "iban",
    "bic",
    "payment_terms_days",
    "late_penalty_rate",
    "recovery_indemnity",
)


class Command(BaseCommand):
    help = (
        "Enregistre l'identité de démonstration de l'organisme de formation (SIRET, NDA, "
        "TVA, RIB), si aucune n'est encore saisie."
    )

    def handle(self, *args, **options):
        if TrainingBodyIdentity.objects.exists():
            self.stdout.write("Identité de l'organisme déjà enregistrée : inchangée.")
            return
        values = {name: settings.TRAINING_BODY[name] for name in FIELDS}
        for name in ("vat_rate", "late_penalty_rate", "recovery_indemnity"):
            values[name] = Decimal(str(values[name]))
        identity = TrainingBodyIdentity(**values, is_demo=True)
        identity.full_clean()
        identity.save()
        self.stdout.write(
            "Identité de démonstration enregistrée : un superutilisateur saisit les vraies "
            "coordonnées dans l'administration (Identité de l'organisme de formation)."
        )
