"""Results of the satisfaction survey of an event, per question: the distribution of the
ratings, their average and the comments."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from ..enums import QuestionKind, SurveyPhase
from ..models import SurveyAnswer, SurveyQuestion, SurveyResponse
from ..models.survey import RATING_MAX, RATING_MIN

TENTH = Decimal("0.1")


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    distribution: list = field(default_factory=list)  # (rating, count, percent) pairs
    average: Decimal | None = None
    comments: list = field(default_factory=list)

    @property
    def is_rating(self):
        return self.question.kind == QuestionKind.RATING


@dataclass
class SurveyResults:
    phase: str
    phase_label: str
    responses: int
    questions: list


def survey_results(event, phase=SurveyPhase.HOT):
    """A :class:`SurveyResults` for ``event``'s ``phase`` questionnaire (3 queries)."""
    questions = list(SurveyQuestion.objects.filter(event=event, phase=phase))
    results = {question.pk: QuestionResult(question) for question in questions}
    counts = (
        SurveyAnswer.objects.filter(question__in=questions, rating__isnull=False)
        .values("question_id", "rating")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_rating = {}
    for row in counts:
        by_rating.setdefault(row["question_id"], {})[row["rating"]] = row["count"]
    for question_id, ratings in by_rating.items():
        result = results[question_id]
        result.answered = sum(ratings.values())
        total = sum(rating * count for rating, count in ratings.items())
        result.average = (Decimal(total) / result.answered).quantize(TENTH, ROUND_HALF_UP)
    for result in results.values():
        if result.is_rating:
            ratings = by_rating.get(result.question.pk, {})
            result.distribution = [
                (
                    rating,
                    ratings.get(rating, 0),
                    round(100 * ratings.get(rating, 0) / result.answered) if result.answered else 0,
                )
                for rating in range(RATING_MIN, RATING_MAX + 1)
            ]
    for answer in (
        SurveyAnswer.objects.filter(question__in=questions)
        .exclude(text="")
        .order_by("response__submitted_at", "pk")
        .only("question_id", "text")
    ):
        result = results[answer.question_id]
        result.comments.append(answer.text)
        if not result.is_rating:
            result.answered += 1
    return SurveyResults(
        phase=phase,
        phase_label=SurveyPhase(phase).label,
        responses=SurveyResponse.objects.filter(registration__event=event, phase=phase).count(),
        questions=[results[question.pk] for question in questions],
    )
