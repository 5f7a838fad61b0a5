"""A participant's own calendar (.ics): the programme with only their workshop."""

from programme.exports.agenda_ics import AgendaICSExporter, event_calendar

from .enums import RegistrationStatus


def participant_calendar(registration):
    """Only what ``registration``'s participant attends (their workshop, the meals and
    nights of their tariff); nothing once it is cancelled."""
    event = registration.event
    return event_calendar(
        event,
        name=f"{event.title} — {registration.full_name}",
        chosen_workshop=registration.workshop,
        tariff=registration.tariff,
        with_items=registration.status != RegistrationStatus.CANCELLED,
    )


class ParticipantCalendarExporter(AgendaICSExporter):
    """One participant's calendar, from the private link of their registration."""

    identifier = "participant-ics"
    shared = False  # built for each download (the ETag still spares it: 304)

    def __init__(self, registration):
        super().__init__(registration.event)
        self.registration = registration

    @property
    def filename(self):
        return f"mon-agenda-{self.event.slug}.ics"

    def layout_fingerprint(self):
        registration = self.registration
        state = (
            f"{registration.pk}:{registration.workshop_id}:{registration.tariff_id}:"
            f"{registration.status}"
        )
        return f"{super().layout_fingerprint()}:{state}:{registration.updated_at.isoformat()}"

    def render(self):
        return participant_calendar(self.registration).to_ical()
