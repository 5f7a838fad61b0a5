"""AFPOLS's own legal identity, as printed on invoices and training documents.

Read from ``settings.TRAINING_BODY`` (demo values by default); documents call
:func:`training_body` and never read settings themselves, so the source can change in one
place.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings


@dataclass(frozen=True)
class TrainingBody:
    name: str
    address: str
    siret: str
    nda: str  # Numéro de déclaration d'activité de l'organisme de formation.
    nda_region: str
    vat_exempt: bool
    vat_rate: Decimal
    vat_mention: str
    iban: str
    bic: str
    payment_terms_days: int
    late_penalty_rate: Decimal
    recovery_indemnity: Decimal
    is_demo: bool

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]


def training_body():
    values = dict(settings.TRAINING_BODY)
    for name in ("vat_rate", "late_penalty_rate", "recovery_indemnity"):
        values[name] = Decimal(str(values[name]))
    return TrainingBody(**values)
