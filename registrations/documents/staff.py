"""What the staff documents (sign-in sheets, badges) share: who is printed, and refusals."""

from django.utils.translation import gettext as _g

from ..enums import RegistrationStatus


class StaffDocumentError(Exception):
    """The document cannot be made from this selection; the message is French."""


def participants(registrations):
    """Registrations holding a place (confirmed or awaiting membership), by name."""
    return list(
        registrations.filter(status__in=RegistrationStatus.holding_a_place())
        .select_related("event", "workshop")
        .order_by("last_name", "first_name", "pk")
    )


def single_event(registrations):
    events = {registration.event for registration in registrations}
    if len(events) > 1:
        raise StaffDocumentError(_g("Sélectionnez les inscriptions d'un seul événement à la fois."))
    if not events:
        raise StaffDocumentError(
            _g(
                "Aucune inscription confirmée ou en attente d'adhésion dans la sélection : "
                "rien à imprimer."
            )
        )
    return events.pop()


def person_of(registration):
    """What the staff documents print about one participant."""
    workshop = registration.workshop
    return {
        "last_name": registration.last_name,
        "first_name": registration.first_name,
        "organisation": registration.organisation_name,
        "workshop": str(workshop) if workshop else "",
        "workshop_number": workshop.number if workshop else None,
    }


def people_of(registrations):
    return [person_of(registration) for registration in registrations]
