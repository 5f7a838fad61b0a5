"""Forms of the private page and of "Déjà inscrit ?"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from afpols_events.forms import CleanForm

from .widgets import ChoiceCardsSelect, workshop_cards


class WorkshopChangeForm(CleanForm):
    workshop = forms.ModelChoiceField(
        label=_("Nouvel atelier"),
        queryset=None,
        empty_label=None,
        widget=ChoiceCardsSelect(column_class="col-lg-4"),
        error_messages={
            "required": _("Choisissez un atelier."),
            "invalid_choice": _("Choisissez l'un des ateliers proposés."),
        },
    )

    def __init__(self, *args, registration, places, **kwargs):
        super().__init__(*args, **kwargs)
        event = registration.event
        self.fields["workshop"].queryset = event.workshops.all()
        self.fields["workshop"].initial = registration.workshop_id
        workshops = event.workshops.select_related("slot").order_by("number")
        self.fields["workshop"].widget.show(workshop_cards(workshops, places))
        self.current = str(registration.workshop_id)


class PrivateLinkForm(CleanForm):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        max_length=254,
        error_messages={
            "required": _("Ce champ est obligatoire."),
            "invalid": _("Saisissez une adresse e-mail valide."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
