"""Sign-in sheets ("feuilles d'émargement"): one per half-day of training time, and, when
workshops run in parallel that half-day, one per workshop with its room and trainers.

Each sheet names the training, the date and half-day, its sessions and times, a signature
box per trainer (funders refuse sheets without the trainer's signature) and, per
participant, the presence already recorded at check-in and a box to sign.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _g

from afpols_events.documents import Document
from afpols_events.formatting import format_date, format_time
from programme.enums import HalfDayPeriod
from programme.half_days import HalfDay, event_half_days
from programme.half_days import find_half_day as _find
from programme.models import Appearance, ProgrammeItem, Workshop

from ..models import Attendance, Registration
from .staff import StaffDocumentError, participants, person_of, single_event

MORNING = HalfDayPeriod.MORNING.value
AFTERNOON = HalfDayPeriod.AFTERNOON.value

_speakers = Prefetch(
    "appearances", queryset=Appearance.objects.select_related("speaker").order_by("position", "pk")
)


def programme_items(event):
    """The event's items with their speakers and workshops (and theirs), in a few queries."""
    workshops = Workshop.objects.prefetch_related(_speakers).order_by("number")
    return list(
        ProgrammeItem.objects.filter(event=event)
        .order_by("starts_at", "position", "pk")
        .prefetch_related(_speakers, Prefetch("workshops", queryset=workshops))
    )


def find_half_day(event, day, period):
    half_day = _find(event_half_days(event), day, period)
    if half_day is None:
        raise StaffDocumentError(_g("Cette demi-journée ne fait pas partie de l'événement."))
    return half_day


def _session(item):
    return {
        "start": format_time(item.starts_at),
        "end": format_time(item.ends_at) if item.ends_at else "",
        "title": item.title,
    }


def _speaker_names(appearances):
    names = []
    for appearance in appearances:
        if appearance.speaker.name not in names:
            names.append(appearance.speaker.name)
    return names


def _presence(attendance):
    if attendance is None:
        return ""
    return _g("Présent(e), pointé(e) à %(time)s") % {"time": format_time(attendance.checked_in_at)}


def _sheet(half_day, *, heading, room, trainers, registrations, attendances):
    return {
        "date": format_date(half_day.day),
        "period": str(half_day.period_label),
        "heading": heading,
        "room": room,
        "sessions": [_session(item) for item in half_day.sessions],
        "trainers": trainers,
        "people": [
            {
                **person_of(registration),
                "presence": _presence(attendances.get((registration.pk, half_day.key))),
            }
            for registration in registrations
        ],
    }


def half_day_sheets(half_day, registrations, attendances):
    """The sheets of one half-day: one per parallel workshop, or one for everybody."""
    workshops = [workshop for item in half_day.workshop_slots for workshop in item.workshops.all()]
    if not workshops:
        trainers = _speaker_names(
            appearance for item in half_day.sessions for appearance in item.appearances.all()
        )
        return [
            _sheet(
                half_day,
                heading="",
                room="",
                trainers=trainers,
                registrations=registrations,
                attendances=attendances,
            )
        ]
    sheets = []
    for workshop in workshops:
        group = [r for r in registrations if r.workshop_id == workshop.pk]
        sheets.append(
            _sheet(
                half_day,
                heading=str(workshop),
                room=workshop.room,
                trainers=_speaker_names(workshop.appearances.all()),
                registrations=group,
                attendances=attendances,
            )
        )
    without = [r for r in registrations if r.workshop_id not in {w.pk for w in workshops}]
    if without:
        sheets.append(
            _sheet(
                half_day,
                heading=_g("Sans atelier choisi"),
                room="",
                trainers=[],
                registrations=without,
                attendances=attendances,
            )
        )
    return sheets


def _attendances(registrations):
    rows = Attendance.objects.filter(registration__in=[r.pk for r in registrations])
    return {(row.registration_id, f"{row.day.isoformat()}-{row.period}"): row for row in rows}


class SignInSheetsDocument(Document):
    template_name = "registrations/staff/sign_in_sheets.html"
    filename = "feuilles-emargement.pdf"

    def __init__(self, event, half_days, registrations):
        self.event, self.half_days, self.registrations = event, half_days, registrations

    @property
    def cache_key(self):
        return f"sign-in-sheets:{self.event.pk}"

    def context(self):
        attendances = _attendances(self.registrations)
        return {
            "event_title": self.event.title,
            "event_series": self.event.series,
            "venue": self.event.venue_name,
            "sheets": [
                sheet
                for half_day in self.half_days
                for sheet in half_day_sheets(half_day, self.registrations, attendances)
            ],
        }


def event_sign_in_sheet_pdf(event, half_day):
    """The sheets of one half-day, for every participant holding a place."""
    registrations = participants(Registration.objects.filter(event=event))
    half_day = _find(event_half_days(event, programme_items(event)), half_day.day, half_day.period)
    return SignInSheetsDocument(event, [half_day], registrations).pdf().content


def sign_in_sheets_pdf(registrations):
    """Every half-day's sheets for the selected registrations (e.g. one workshop's group)."""
    selected = participants(registrations)
    event = single_event(selected)
    half_days = event_half_days(event, programme_items(event))
    return SignInSheetsDocument(event, half_days, selected).pdf().content


__all__ = [
    "AFTERNOON",
    "MORNING",
    "HalfDay",
    "SignInSheetsDocument",
    "event_half_days",
    "event_sign_in_sheet_pdf",
    "find_half_day",
    "half_day_sheets",
    "sign_in_sheets_pdf",
]
