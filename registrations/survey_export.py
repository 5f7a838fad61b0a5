"""The satisfaction survey's results of an event as an XLSX workbook: a summary per question
(answers, average, distribution), the comments, and every response on one row."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import SurveyPhase
from .models import SurveyAnswer, SurveyQuestion, SurveyResponse
from .selectors.survey import survey_results


def _sheet(workbook, title, header, rows, widths):
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _safe(text):
    # A spreadsheet would run a comment starting with "=" as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def survey_xlsx(event):
    """The workbook of ``event``'s survey results: for each questionnaire (à chaud, à
    froid), a summary per question, the comments and every response. Longer than most: the
    three sheets read top to bottom as the workbook shows them."""
    # Loaded here: a web worker that makes no spreadsheet never loads it (performance.md).
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for phase in SurveyPhase:
        results = survey_results(event, phase)
        if not results.questions:
            continue
        label = str(phase.label)
        _sheet(
            workbook,
            (_("Synthèse %(phase)s") % {"phase": label})[:31],
            [_("Question"), _("Réponses"), _("Moyenne (sur 5)"), "1", "2", "3", "4", "5"],
            [
                [
                    result.question.text,
                    result.answered,
                    float(result.average) if result.average is not None else None,
                    *[count for _rating, count, _percent in result.distribution],
                ]
                for result in results.questions
            ],
            [60, 10, 14, 6, 6, 6, 6, 6],
        )
        _sheet(
            workbook,
            (_("Commentaires %(phase)s") % {"phase": label})[:31],
            [_("Question"), _("Commentaire")],
            [
                [result.question.text, _safe(comment)]
                for result in results.questions
                for comment in result.comments
            ],
            [50, 90],
        )
        questions = list(SurveyQuestion.objects.filter(event=event, phase=phase))
        answers = {}
        for answer in SurveyAnswer.objects.filter(question__in=questions):
            value = answer.rating if answer.rating is not None else _safe(answer.text)
            answers[(answer.response_id, answer.question_id)] = value
        responses = SurveyResponse.objects.filter(registration__event=event, phase=phase).order_by(
            "submitted_at", "pk"
        )
        _sheet(
            workbook,
            (_("Réponses %(phase)s") % {"phase": label})[:31],
            [_("Répondu le"), *[question.text for question in questions]],
            [
                [
                    timezone.localtime(response.submitted_at).replace(tzinfo=None),
                    *[answers.get((response.pk, question.pk)) for question in questions],
                ]
                for response in responses
            ],
            [18, *[30 for _question in questions]],
        )
    if not workbook.sheetnames:
        workbook.create_sheet(_("Questionnaire"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
