"""The forms of the billing admin views: a payment, a tariff change, a journal period."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils.translation import gettext_lazy as _

from afpols_events.forms import CleanForm

from ..enums import PaymentMeans


class PaymentForm(CleanForm):
    received_on = forms.DateField(label=_("Reçu le"), widget=AdminDateWidget)
    amount = forms.DecimalField(
        label=_("Montant (€)"), max_digits=10, decimal_places=2, localize=True
    )
    means = forms.ChoiceField(label=_("Moyen de paiement"), choices=PaymentMeans.choices)
    reference = forms.CharField(
        label=_("Référence"),
        max_length=100,
        required=False,
        help_text=_("N° de chèque, de bon de commande ou libellé du virement."),
    )


class TariffChangeForm(CleanForm):
    tariff = forms.ModelChoiceField(label=_("Nouveau tarif"), queryset=None, empty_label=None)

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tariff"].queryset = registration.event.tariffs.exclude(
            pk=registration.tariff_id
        ).order_by("position", "pk")


class JournalForm(CleanForm):
    start = forms.DateField(label=_("Du"), widget=AdminDateWidget)
    end = forms.DateField(label=_("Au"), widget=AdminDateWidget)
    output = forms.ChoiceField(
        label=_("Fichier"),
        choices=(
            ("csv", _("Journal CSV")),
            ("xlsx", _("Journal Excel (XLSX)")),
            ("zip", _("PDF des factures et avoirs (ZIP)")),
        ),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("La fin de la période précède son début."))
        return cleaned
