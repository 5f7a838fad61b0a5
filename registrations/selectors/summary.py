"""What a participant is shown about their registration, the same on the private page, in
the e-mails and in the PDF: sections of (label, value) rows and the next steps.

Values are plain text; templates escape them.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from afpols_events.formatting import format_date, format_money, format_time

from ..enums import RegistrationStatus


@dataclass
class Section:
    title: str
    rows: list = field(default_factory=list)  # (label, value) pairs, value plain text


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
    contact = _("%(name)s, %(phone)s, %(email)s") % {
        "name": event.contact_name,
        "phone": event.contact_phone,
        "email": event.contact_email,
    }
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
        steps.append(
            _(
                "Jusqu'à la clôture des inscriptions, vous pouvez changer d'atelier ou annuler "
                "depuis votre page d'inscription (lien privé)."
            )
        )
    steps.append(_("Une question ? Contactez %(contact)s.") % {"contact": contact})
    return steps
