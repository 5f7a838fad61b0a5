"""Forms that admin actions ask before calling their service."""

import datetime as dt

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from afpols_events.forms import CleanForm

from .. import services
from ..enums import PaymentMeans
from ..models import MemberOrganisation


class MembershipPeriodForm(CleanForm):
    """ "Enregistrer l'adhésion": the subscription period, and the member when it is known."""

    member = forms.ModelChoiceField(
        label=_("Organisme adhérent"),
        queryset=MemberOrganisation.objects.order_by("name"),
        required=False,
        empty_label=_("— L'ajouter à la liste des adhérents —"),
        help_text=_(
            "Choisissez l'organisme s'il est déjà dans la liste des adhérents ; sinon il y sera "
            "ajouté sous le nom saisi sur le bulletin."
        ),
    )
    subscription_start = forms.DateField(
        label=_("Adhésion du"),
        widget=AdminDateWidget,
        error_messages={"required": _("Indiquez le début de la période d'adhésion.")},
    )
    subscription_end = forms.DateField(
        label=_("Adhésion jusqu'au"),
        widget=AdminDateWidget,
        error_messages={"required": _("Indiquez la fin de la période d'adhésion.")},
    )

    def __init__(self, *args, obj=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.obj = obj
        if obj is None:  # Several registrations (the list's action): no member to pick.
            del self.fields["member"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("subscription_start"), cleaned.get("subscription_end")
        if start and end and self.obj is not None:
            error = services.check_subscription_period(start=start, end=end, event=self.obj.event)
            if error:
                self.add_error("subscription_end", error)
        elif start and end and end < start:
            self.add_error("subscription_end", _("La fin de l'adhésion précède son début."))
        return cleaned


def membership_initial(registration):
    """The calendar year of the event, and the member the organisation already matches."""
    year = registration.event.start_date.year
    check = services.check_registration_membership(
        organisation_name=registration.organisation_name,
        member_number=registration.member_number,
        on_date=registration.event.start_date,
    )
    return {
        "member": registration.member or check.member,
        "subscription_start": dt.date(year, 1, 1),
        "subscription_end": dt.date(year, 12, 31),
    }


class FullPaymentForm(CleanForm):
    """ "Enregistrer le paiement": what remains due on the registration's invoice."""

    received_on = forms.DateField(
        label=_("Reçu le"),
        widget=AdminDateWidget,
        error_messages={"required": _("Indiquez la date de réception du paiement.")},
    )
    means = forms.ChoiceField(label=_("Moyen de paiement"), choices=PaymentMeans.choices)
    reference = forms.CharField(
        label=_("Référence (n° de chèque, de virement)"), required=False, max_length=100
    )

    def __init__(self, *args, obj=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.obj = obj


def payment_initial(registration):
    return {"received_on": timezone.localdate(), "means": PaymentMeans.TRANSFER}
