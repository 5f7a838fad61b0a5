"""The tariff and workshop choices of the bulletin, shown as radio cards with places left."""


class ChoiceCard:
    """One tariff or workshop offered as a radio card, with its places left."""

    def __init__(self, *, value, title, lines=(), amount=None, detail="", places_left=None):
        self.value = str(value)
        self.title = title
        self.lines = list(lines)
        self.amount = amount
        self.detail = detail
        self.places_left = places_left

    @property
    def is_full(self):
        return self.places_left == 0


def tariff_cards(event, places):
    return [
        ChoiceCard(
            value=tariff.pk,
            title=tariff.label,
            amount=tariff.amount,
            lines=tariff.included_list,
            places_left=places.for_tariff(tariff),
        )
        for tariff in event.tariffs.all()
    ]


def workshop_cards(workshops, places):
    return [
        ChoiceCard(
            value=workshop.pk,
            title=str(workshop),
            detail=workshop.description_paragraphs[0] if workshop.description_paragraphs else "",
            places_left=places.for_workshop(workshop),
        )
        for workshop in workshops
    ]
