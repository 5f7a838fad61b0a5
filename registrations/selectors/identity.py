"""AFPOLS's own legal identity, as printed on invoices and training documents.

Read from the single ``TrainingBodyIdentity`` row that a superuser edits in the admin;
while none is saved, from ``settings.TRAINING_BODY`` (demo values). Documents call
:func:`training_body` and never read the model or settings themselves.
"""

from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from django.conf import settings

from ..models import TrainingBodyIdentity
from ..models.identity import NDA_WORDING


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
    vat_number: str = ""

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def nda_wording(self):
        """The sentence L6352-12 requires wherever the declaration number is printed."""
        return str(NDA_WORDING)

    @property
    def applied_vat_rate(self):
        """The VAT rate invoices apply: 0 when exempt."""
        return Decimal("0.00") if self.vat_exempt else self.vat_rate

    def as_json(self):
        """A JSON-ready copy, stored with each invoice as what it printed."""
        return {
            key: str(value) if isinstance(value, Decimal) else value
            for key, value in asdict(self).items()
        }


_DECIMALS = ("vat_rate", "late_penalty_rate", "recovery_indemnity")


def training_body():
    saved = TrainingBodyIdentity.current()
    names = [field.name for field in fields(TrainingBody)]
    if saved is not None:
        return TrainingBody(**{name: getattr(saved, name) for name in names})
    values = {name: value for name, value in settings.TRAINING_BODY.items() if name in names}
    for name in _DECIMALS:
        values[name] = Decimal(str(values[name]))
    return TrainingBody(**values)
