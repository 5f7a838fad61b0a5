"""The bulletin d'inscription online, following the sections of the paper form.

Why ~350 lines: the paper form's fields, labels, French messages and crispy layout are one
description of one form (the honeypot field included); the cards and validators are in their
own modules.
"""

from dataclasses import fields

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Field, Fieldset, Layout, Row, Submit
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from afpols_events.formatting import format_date
from afpols_events.forms import CleanTextMixin
from afpols_events.text import fold

from ..enums import Capacity
from ..models import MemberOrganisation, Registration
from ..services import Bulletin
from ..services.membership import membership_message
from .validators import normalise_phone
from .widgets import ChoiceCardsSelect, tariff_cards, workshop_cards


class RegistrationForm(CleanTextMixin, forms.ModelForm):
    tariff = forms.ModelChoiceField(
        label=_("Tarif"),
        queryset=None,
        empty_label=None,
        widget=ChoiceCardsSelect(column_class="col-md-6"),
        error_messages={
            "required": _("Choisissez un tarif."),
            "invalid_choice": _("Choisissez l'un des tarifs proposés."),
        },
    )
    workshop = forms.ModelChoiceField(
        label=_("Atelier du jeudi après-midi"),
        queryset=None,
        empty_label=None,
        widget=ChoiceCardsSelect(column_class="col-lg-4"),
        error_messages={
            "required": _("Choisissez un atelier."),
            "invalid_choice": _("Choisissez l'un des ateliers proposés."),
        },
    )
    submit_pending = forms.BooleanField(
        label=_("Soumettre en « adhésion en cours »"),
        required=False,
        help_text=_(
            "Votre inscription sera enregistrée et votre place réservée ; elle sera confirmée "
            "quand l'AFPOLS aura enregistré la cotisation de votre organisme."
        ),
    )
    join_waiting_list = forms.BooleanField(
        label=_("M'inscrire sur la liste d'attente"),
        required=False,
        help_text=_("Si une place se libère, l'AFPOLS vous l'attribuera et vous préviendra."),
    )
    certified = forms.BooleanField(
        label=_("Je certifie l'exactitude des informations ci-dessus."),
        error_messages={"required": _("Cochez cette case pour certifier vos informations.")},
    )
    # A honeypot: hidden from people (and from screen readers and the keyboard), filled
    # by robots that fill every field; a filled one refuses the submission.
    website = forms.CharField(
        label=_("Site web (laissez ce champ vide)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "J'accepte que l'AFPOLS traite ces données pour gérer mon inscription, comme "
            "l'explique la politique de confidentialité."
        ),
        error_messages={"required": _("Votre accord est nécessaire pour vous inscrire.")},
    )

    class Meta:
        model = Registration
        fields = [
            "last_name",
            "first_name",
            "job_title",
            "email",
            "phone",
            "organisation_name",
            "member_number",
            "address",
            "contact_person",
            "billing_email",
            "tariff",
            "workshop",
            "signed_place",
            "signature",
            "certified",
            "privacy_consent",
        ]
        labels = {
            "email": _("E-mail"),
            "billing_email": _("E-mail de facturation (facultatif)"),
            "member_number": _("Numéro d'adhérent AFPOLS (facultatif)"),
            "signature": _("Signature (vos prénom et nom)"),
        }
        help_texts = {
            "organisation_name": _("Le nom de votre organisme HLM, adhérent de l'AFPOLS."),
            "member_number": _("Si vous le connaissez : il suffit à reconnaître l'adhésion."),
            "contact_person": _("Par exemple la personne qui suit votre formation."),
            "billing_email": _(
                "Facultatif : l'adresse du service qui paie la facture. Sinon, la facture vous "
                "est envoyée."
            ),
            "signature": _("Tapez vos prénom et nom : ils valent signature."),
        }
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation_name": forms.TextInput(
                attrs={"autocomplete": "organization", "list": "organismes-adherents"}
            ),
        }
        error_messages = {
            field: {"required": _("Ce champ est obligatoire.")}
            for field in (
                "last_name",
                "first_name",
                "job_title",
                "email",
                "phone",
                "organisation_name",
                "address",
                "signed_place",
                "signature",
            )
        }

    def __init__(self, *args, event, places, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.places = places
        self.today = today or timezone.localdate()
        self.fields["tariff"].queryset = event.tariffs.all()
        self.fields["tariff"].widget.show(lambda: tariff_cards(event, places))
        if places.workshops:  # the event's workshops, all counted
            self.fields["workshop"].queryset = event.workshops.all()
            workshops = event.workshops.select_related("slot").order_by("number")
            self.fields["workshop"].widget.show(lambda: workshop_cards(workshops, places))
        else:
            del self.fields["workshop"]
        for name in ("email", "billing_email"):
            self.fields[name].error_messages["invalid"] = _(
                "Saisissez une adresse e-mail valide, par exemple prenom.nom@organisme.fr."
            )
        # The waiting list appears once it is relevant and stays once ticked; "adhésion en
        # cours" is offered from the start, beside the organisation, so nobody is surprised.
        self.offer_waiting_list = places.seats == 0 or self._ticked("join_waiting_list")

    def _ticked(self, name):
        return self.is_bound and bool(self.data.get(self.add_prefix(name)))

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_address(self):
        # Browsers send textarea line breaks as CRLF; store one kind of line break.
        lines = self.cleaned_data["address"].splitlines()
        return "\n".join(line.rstrip() for line in lines)

    def _post_clean(self):
        # The registration service makes the row under the event's lock and the database's
        # constraints guard it; each constraint concerns a field this form does not have
        # (status, number, event, amount), which Django only finds out by building a query
        # per constraint: a tenth of a submission's work (docs/performance.md).
        # tests/registrations/test_bulletin_queries.py checks no constraint is left to it.
        self.instance.validate_constraints = lambda exclude=None: None
        super()._post_clean()

    def _get_validation_exclusions(self):
        # The tariff and workshop fields already hold rows read from this event's
        # querysets: the model's check that they exist would read them again.
        return {*super()._get_validation_exclusions(), "tariff", "workshop"}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                gettext(
                    "Votre envoi n'a pas pu être traité : laissez vide le champ « Site web » "
                    "puis envoyez de nouveau."
                ),
                code="honeypot",
            )
        signature, last_name = cleaned.get("signature"), cleaned.get("last_name")
        if signature and last_name and fold(last_name) not in fold(signature):
            self.add_error(
                "signature",
                gettext("La signature doit comporter votre nom (%(name)s).") % {"name": last_name},
            )
        return cleaned

    def bulletin(self):
        """The validated bulletin, as the registration service takes it."""
        names = [field.name for field in fields(Bulletin)]
        return Bulletin(
            **{name: self.cleaned_data.get(name) for name in names if name in self.cleaned_data}
        )

    def refuse_membership(self, check):
        """Show the registration service's membership verdict next to the organisation."""
        self.add_error(
            "organisation_name",
            forms.ValidationError(
                "%(reason)s %(hint)s",
                params={
                    "reason": membership_message(check),
                    "hint": gettext(
                        "Vérifiez le nom ou indiquez votre numéro d'adhérent ; sinon, cochez la "
                        "case « adhésion en cours » ci-dessous pour envoyer quand même votre "
                        "inscription."
                    ),
                },
                code="membership",
            ),
        )

    def refuse_email(self):
        """This person (name and address) is already registered here: said next to the
        e-mail, like any other refusal, with what to do whether it is one's own or not."""
        self.add_error(
            "email",
            forms.ValidationError(
                gettext(
                    "Ce nom et cette adresse e-mail ne peuvent pas servir à une nouvelle "
                    "inscription à cette rencontre. Si vous êtes déjà inscrit, le lien vers votre "
                    "inscription vient d'être envoyé à cette adresse ; sinon, vérifiez votre "
                    "saisie."
                ),
                code="duplicate",
            ),
        )

    def refuse_capacity(self, error):
        """Show a :class:`~registrations.services.CapacityError` next to the right field."""
        field = {Capacity.TARIFF: "tariff", Capacity.WORKSHOP: "workshop"}.get(error.capacity)
        if field not in self.fields:
            field = None
        hints = []
        if Capacity.TARIFF in error.full:
            cards = self.fields["tariff"].widget.cards.values()
            others = [card for card in cards if not card.is_full]
            others = [card for card in others if card.value != str(self.data.get("tariff"))]
            if others:
                hints.append(
                    gettext("Des places restent disponibles au tarif « %(label)s ».")
                    % {"label": others[0].title}
                )
        if Capacity.WORKSHOP in error.full:
            hints.append(gettext("Vous pouvez choisir un autre atelier."))
        hints.append(gettext("Vous pouvez aussi cocher « M'inscrire sur la liste d'attente »."))
        self.offer_waiting_list = True
        self.add_error(field, " ".join([*error.messages, *hints]))

    @property
    def member_names(self):
        return MemberOrganisation.objects.order_by("name").values_list("name", flat=True).distinct()

    @property
    def helper(self):
        """The crispy layout, section by section as on the paper bulletin (hence its length)."""
        helper = FormHelper(self)
        helper.form_id = "bulletin"
        helper.attrs = {"novalidate": ""}
        helper.form_action = reverse("registrations:register", kwargs={"slug": self.event.slug})
        helper.layout = Layout(
            Fieldset(
                gettext("Participant"),
                Row(
                    Column("last_name", css_class="col-md-6"),
                    Column("first_name", css_class="col-md-6"),
                ),
                "job_title",
                Row(Column("email", css_class="col-md-7"), Column("phone", css_class="col-md-5")),
            ),
            Fieldset(
                gettext("Organisme"),
                "organisation_name",
                "member_number",
                HTML(
                    format_html(
                        '<div class="membership-explained" id="adhesion">'
                        "<p><strong>{}</strong> {}</p></div>",
                        gettext("Cotisation de l'organisme à l'AFPOLS obligatoire."),
                        gettext(
                            "À l'envoi, nous vérifions que votre organisme est adhérent à jour "
                            "(par son nom ou votre numéro d'adhérent). S'il ne l'est pas encore, "
                            "ou si sa cotisation est en cours, cochez « adhésion en cours » : "
                            "votre place est réservée et l'inscription sera confirmée dès que "
                            "l'AFPOLS aura enregistré la cotisation."
                        ),
                    )
                ),
                "submit_pending",
                "address",
                "contact_person",
                "billing_email",
            ),
            Fieldset(
                gettext("Tarif"),
                Field("tariff", template="registrations/fields/choice_cards.html"),
                HTML(
                    format_html(
                        '<p class="membership-note"><strong>{}</strong></p>',
                        gettext("Cotisation de l'organisme à l'AFPOLS obligatoire."),
                    )
                ),
            ),
            *(
                [
                    Fieldset(
                        gettext("Atelier du jeudi après-midi"),
                        Field("workshop", template="registrations/fields/choice_cards.html"),
                    )
                ]
                if "workshop" in self.fields
                else []
            ),
            *(
                [Fieldset(gettext("Liste d'attente"), "join_waiting_list")]
                if self.offer_waiting_list
                else []
            ),
            Fieldset(
                gettext("Signature"),
                "signed_place",
                HTML(
                    format_html(
                        '<p class="signed-on"><span class="form-label">{}</span> {}</p>',
                        gettext("Le :"),
                        format_date(self.today, weekday=False),
                    )
                ),
                "signature",
                "certified",
                HTML(
                    format_html(
                        '<p class="small"><a href="{}" target="_blank" rel="noopener">{}</a></p>',
                        reverse("registrations:privacy"),
                        gettext("Lire la politique de confidentialité (nouvel onglet)"),
                    )
                ),
                "privacy_consent",
            ),
            Div("website", css_class="visually-hidden", aria_hidden="true"),
            Submit("submit", gettext("Envoyer mon inscription"), css_class="btn-accent btn-lg"),
        )
        return helper
