"""The tariff and workshop cards: one RadioSelect subclass and one template."""

from decimal import Decimal

from django import forms
from django.utils.html import escape

from afpols_events.formatting import format_money
from registrations.forms import RegistrationForm, WorkshopChangeForm
from registrations.forms.widgets import ChoiceCard, ChoiceCardsSelect

AMOUNT = Decimal("1750.00")


def test_the_bulletin_and_the_workshop_change_use_the_same_card_widget():
    bulletin = RegistrationForm.base_fields
    change = WorkshopChangeForm.base_fields

    for widget in (
        bulletin["tariff"].widget,
        bulletin["workshop"].widget,
        change["workshop"].widget,
    ):
        assert isinstance(widget, ChoiceCardsSelect)
        assert isinstance(widget, forms.RadioSelect)


def test_each_choice_is_a_card_with_amount_lines_and_places_left():
    field = forms.ChoiceField(
        choices=[("1", "A"), ("2", "B")], widget=ChoiceCardsSelect(column_class="col-md-6")
    )
    field.widget.show(
        [
            ChoiceCard(
                value=1, title="Avec hébergement", amount=1750, lines=["Repas"], places_left=2
            ),
            ChoiceCard(value=2, title="Sans hébergement", amount=1450, places_left=0),
        ]
    )

    html = field.widget.render("tariff", "1", attrs={"id": "id_tariff"})

    assert html.count('class="col-md-6"') == 2
    assert '<input type="radio" name="tariff" value="1" class="form-check-input"' in html
    assert 'id="id_tariff_0" checked' in html
    assert "Avec hébergement" in html and escape(format_money(AMOUNT)) in html
    assert "<span>Repas</span>" in html
    assert "2 places restantes" in html
    assert 'class="choice-card choice-card-full"' in html and "Complet" in html
