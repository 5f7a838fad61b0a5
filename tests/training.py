"""A small event with training time on two days, parallel workshops with rooms and
trainers, for the attendance, sign-in sheet and certificate tests."""

import datetime as dt

from programme.enums import ItemKind
from tests.factories import (
    AppearanceFactory,
    EventFactory,
    ProgrammeItemFactory,
    SpeakerFactory,
    WorkshopFactory,
    paris,
)


def build_training_event(**event_fields):
    """14-15 November 2030: 3 h on the 14th morning, 2 h 30 of workshops (+1 h of
    synthesis) that afternoon, 2 h on the 15th morning: 8 h 30 of training in all.

    Longer than most: the programme, item by item, as the tests' expectations read it."""
    event = EventFactory(
        title="De l'accompagnement individuel à l'action collective",
        start_date=dt.date(2030, 11, 14),
        end_date=dt.date(2030, 11, 15),
        **event_fields,
    )
    opening = ProgrammeItemFactory(
        event=event,
        kind=ItemKind.PLENARY,
        title="L'empowerment en plénière",
        starts_at=paris(2030, 11, 14, 9, 0),
        ends_at=paris(2030, 11, 14, 10, 30),
    )
    AppearanceFactory(item=opening, speaker=SpeakerFactory(name="Didier VANONI"))
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.BREAK,
        title="Pause",
        starts_at=paris(2030, 11, 14, 10, 30),
        ends_at=paris(2030, 11, 14, 10, 45),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.CASE_STUDY,
        title="Étude de cas",
        starts_at=paris(2030, 11, 14, 10, 45),
        ends_at=paris(2030, 11, 14, 12, 15),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.MEAL,
        title="Déjeuner",
        starts_at=paris(2030, 11, 14, 12, 15),
        ends_at=paris(2030, 11, 14, 14, 0),
    )
    slot = ProgrammeItemFactory(
        event=event,
        kind=ItemKind.WORKSHOPS,
        title="Ateliers",
        starts_at=paris(2030, 11, 14, 14, 0),
        ends_at=paris(2030, 11, 14, 16, 30),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.SYNTHESIS,
        title="Débriefing des ateliers",
        starts_at=paris(2030, 11, 14, 16, 30),
        ends_at=paris(2030, 11, 14, 17, 30),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.CLOSING,
        title="Clôture de la journée",
        starts_at=paris(2030, 11, 14, 17, 30),
    )
    ProgrammeItemFactory(
        event=event,
        kind=ItemKind.ROUND_TABLE,
        title="Table ronde du vendredi",
        starts_at=paris(2030, 11, 15, 9, 0),
        ends_at=paris(2030, 11, 15, 11, 0),
    )
    workshops = []
    for number, (title, room, trainer) in enumerate(
        [
            ("Les partenariats locaux", "Salle Vauban", "Laurine BOST BADACHE"),
            ("La transversalité de l'action sociale", "Salle Jean Bart", "Philippe AUVILLE"),
            ("L'offre de services aux habitants", "", "François OHL"),
        ],
        start=1,
    ):
        workshop = WorkshopFactory(event=event, slot=slot, number=number, title=title, room=room)
        AppearanceFactory(item=None, workshop=workshop, speaker=SpeakerFactory(name=trainer))
        AppearanceFactory(
            item=None,
            workshop=workshop,
            speaker=SpeakerFactory(name=f"Représentant du Québec {number}"),
        )
        workshops.append(workshop)
    return event, workshops
