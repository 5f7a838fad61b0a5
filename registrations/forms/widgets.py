"""The tariff and workshop choices: one radio widget that shows each choice as a card
(title, amount, what is included, places left), used by the bulletin and the private page."""

from django import forms


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


class ChoiceCardsSelect(forms.RadioSelect):
    """Radio buttons drawn as cards; the form gives the cards with :meth:`show`.

    ``column_class`` sets the cards' width in the Bootstrap grid (two tariffs side by
    side, three workshops).
    """

    template_name = "registrations/widgets/choice_cards.html"

    def __init__(self, attrs=None, choices=(), *, column_class="col-md-6"):
        super().__init__({"class": "form-check-input", **(attrs or {})}, choices)
        self.column_class = column_class
        self._cards = {}

    def show(self, cards):
        """The cards to draw: a list, or a function that makes it when the cards are first
        needed (a valid submission is never drawn: it does not query them)."""
        self._cards = cards

    @property
    def cards(self):
        if callable(self._cards):
            self._cards = {card.value: card for card in self._cards()}
        elif not isinstance(self._cards, dict):
            self._cards = {card.value: card for card in self._cards}
        return self._cards

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["card"] = self.cards.get(str(value))
        return option

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["column_class"] = self.column_class
        return context


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
