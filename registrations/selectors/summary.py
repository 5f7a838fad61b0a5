"""What a participant is shown about their registration, the same on the private page, in
the e-mails and in the PDF: sections of (label, value) rows and the next steps.

Values are plain text; templates escape them. A next step that names a phone number or an
e-mail address is a :class:`Step`: plain text in text e-mails, with ``tel:`` and
``mailto:`` links wherever HTML is rendered (the private page, HTML e-mails, the PDF).
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from afpols_events.formatting import format_date, format_money, format_time

from ..enums import RegistrationStatus


@dataclass
class Section:
    title: str
    rows: list = field(default_factory=list)  # (label, value) pairs, value plain text


class Step(str):
    """A sentence of the next steps; ``__html__`` gives it with its links (autoescaping
    templates use it, text templates with autoescape off print the plain sentence)."""

    def __new__(cls, text, html=None):
        step = super().__new__(cls, text)
        step.html = html
        return step

    def __html__(self):
        return self.html if self.html is not None else escape(str(self))


def tel_href(phone):
    """ "01 40 75 79 04" -> "tel:0140757904"."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def contact_step(event):
    """ "Une question ? Contactez …" with the contact's phone and e-mail as links."""
    text_parts, html_parts = [event.contact_name], [escape(event.contact_name)]
    if event.contact_phone:
        text_parts.append(event.contact_phone)
        html_parts.append(
            format_html('<a href="{}">{}</a>', tel_href(event.contact_phone), event.contact_phone)
        )
    if event.contact_email:
        text_parts.append(event.contact_email)
        html_parts.append(
            format_html('<a href="mailto:{}">{}</a>', event.contact_email, event.contact_email)
        )
    sentence = _("Une question ? Contactez %(contact)s.")
    return Step(
        sentence % {"contact": ", ".join(text_parts)},
        mark_safe(escape(sentence) % {"contact": ", ".join(html_parts)}),
    )


def private_url(registration):
    """The absolute private link (for e-mails and the PDF)."""
    return settings.SITE_URL + registration.get_absolute_url()


def workshop_label(workshop):
    """ "Atelier 2 : Renforcer … — jeudi 15 novembre 2012 à 14h00"."""
    if workshop is None:
        return ""
    start = workshop.slot.starts_at
    return _("%(workshop)s — %(day)s à %(time)s") % {
        "workshop": str(workshop),
        "day": format_date(start),
        "time": format_time(start),
    }


def summary_sections(registration):
    tariff = registration.tariff
    participant = Section(
        _("Participant"),
        [
            (_("Nom"), registration.last_name),
            (_("Prénom"), registration.first_name),
            (_("Fonction"), registration.job_title),
            (_("E-mail"), registration.email),
            (_("Téléphone"), registration.phone),
        ],
    )
    organisation = Section(
        _("Organisme"),
        [
            (_("Organisme"), registration.organisation_name),
            (_("Adresse"), registration.address),
        ],
    )
    if registration.member_number:
        organisation.rows.append((_("Numéro d'adhérent"), registration.member_number))
    if registration.contact_person:
        organisation.rows.append((_("Personne à contacter"), registration.contact_person))
    if registration.billing_email:
        organisation.rows.append((_("E-mail de facturation"), registration.billing_email))
    organisation.rows.append(
        (_("Adhésion à l'AFPOLS"), registration.get_membership_state_display())
    )
    choices = Section(
        _("Tarif et atelier"),
        [
            (_("Tarif"), tariff.label),
            (_("Montant"), format_money(registration.amount)),
            (_("Compris"), " ; ".join(tariff.included_list)),
        ],
    )
    if registration.workshop_id:
        choices.rows.append((_("Atelier"), workshop_label(registration.workshop)))
    signature = Section(
        _("Signature"),
        [
            (_("Fait à"), registration.signed_place),
            (_("Le"), format_date(registration.signed_on, weekday=False)),
            (_("Signature"), registration.signature),
        ],
    )
    return [participant, organisation, choices, signature]


def next_steps(registration):
    """What happens next for the participant, as short sentences."""
    event = registration.event
    status = registration.status
    if status == RegistrationStatus.CONFIRMED:
        steps = [
            _("Votre inscription est confirmée : votre place est réservée."),
            _("La facture sera adressée à votre organisme."),
            _("À l'accueil de la rencontre, présentez votre confirmation (PDF) ou son code QR."),
        ]
    elif status == RegistrationStatus.AWAITING_MEMBERSHIP:
        steps = [
            _(
                "Votre place est réservée, en attendant la vérification de l'adhésion de votre "
                "organisme à l'AFPOLS (« adhésion en cours »)."
            ),
            _(
                "Votre inscription sera confirmée dès que l'AFPOLS aura enregistré la cotisation "
                "de votre organisme ; vous recevrez alors un e-mail."
            ),
        ]
    elif status == RegistrationStatus.WAITING_LIST:
        steps = [
            _("Vous êtes sur la liste d'attente : aucune place ne vous est encore réservée."),
            _("Si une place se libère, l'AFPOLS vous l'attribuera et vous préviendra par e-mail."),
        ]
    else:
        steps = [_("Cette inscription est annulée.")]
    if registration.participant_can_change():
        closes_at = event.registration_closes_at
        if closes_at:
            steps.append(
                _(
                    "Jusqu'au %(day)s à %(time)s (clôture des inscriptions), vous pouvez changer "
                    "d'atelier ou annuler depuis votre page d'inscription (lien privé)."
                )
                % {"day": format_date(closes_at), "time": format_time(closes_at)}
            )
        else:
            steps.append(
                _(
                    "Jusqu'à la clôture des inscriptions, vous pouvez changer d'atelier ou "
                    "annuler depuis votre page d'inscription (lien privé)."
                )
            )
    steps.append(contact_step(event))
    return steps
