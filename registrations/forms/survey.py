"""The satisfaction questionnaire, one field per question of the event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from afpols_events.forms import CleanForm

from ..enums import QuestionKind

RATING_CHOICES = [
    (1, _("1 — Pas du tout satisfait")),
    (2, _("2 — Peu satisfait")),
    (3, _("3 — Moyennement satisfait")),
    (4, _("4 — Satisfait")),
    (5, _("5 — Très satisfait")),
]
TEXT_MAX_LENGTH = 2000


class SurveyForm(CleanForm):
    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == QuestionKind.RATING:
                field = forms.TypedChoiceField(
                    label=question.text,
                    choices=RATING_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=question.required,
                    empty_value=None,
                )
            else:
                field = forms.CharField(
                    label=question.text,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    max_length=TEXT_MAX_LENGTH,
                    required=question.required,
                )
            self.fields[f"question_{question.pk}"] = field

    def answers(self):
        """``{question: value}`` from the cleaned data."""
        return {
            question: self.cleaned_data.get(f"question_{question.pk}")
            for question in self.questions
        }
