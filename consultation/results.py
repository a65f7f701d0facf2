"""Results: per question, how many chose each answer, counted by the database in a fixed number
of queries however many responses there are; free-text answers listed and searched.

The same figures serve the managers' results screen (with filters) and the public results page
(published questions only, never free text or contact details).
"""

import dataclasses

from django.db.models import Count

from consultation import rules
from consultation.enums import QuestionKind
from consultation.models import Answer, Response

# The bar chart's geometry, in SVG user units; rendered on the server, no script needed.
CHART_WIDTH = 600
CHART_LABEL_WIDTH = 220
CHART_BAR_HEIGHT = 24
CHART_GAP = 8
TEXT_ANSWERS_SHOWN = 10


@dataclasses.dataclass
class Row:
    label: str
    count: int
    percent: int


@dataclasses.dataclass
class Bar:
    label: str
    value_label: str
    y: int
    width: int
    text_y: int


@dataclasses.dataclass
class QuestionResult:
    question: object
    answered: int
    rows: list = dataclasses.field(default_factory=list)
    text_answers: list = dataclasses.field(default_factory=list)
    text_total: int = 0

    @property
    def chart(self):
        """Bars as percentages of all answers: a bar's length is its share; 100% fills the chart."""
        span = CHART_WIDTH - CHART_LABEL_WIDTH - 60
        bars = []
        for index, row in enumerate(self.rows):
            y = index * (CHART_BAR_HEIGHT + CHART_GAP)
            bars.append(
                Bar(
                    label=row.label,
                    value_label=f"{row.percent}%",
                    y=y,
                    width=max(1, round(span * row.percent / 100)) if row.count else 0,
                    text_y=y + CHART_BAR_HEIGHT // 2 + 5,
                )
            )
        return {
            "bars": bars,
            "height": max(1, len(bars)) * (CHART_BAR_HEIGHT + CHART_GAP),
            "width": CHART_WIDTH,
            "label_width": CHART_LABEL_WIDTH,
            "bar_height": CHART_BAR_HEIGHT,
        }


def filtered_responses(consultation, borough=None, channel=None):
    responses = Response.objects.filter(consultation=consultation)
    if borough is not None:
        responses = responses.filter(
            pk__in=Answer.objects.filter(borough=borough).values("response_id")
        )
    if channel:
        responses = responses.filter(channel=channel)
    return responses


def _rows(question, counts, answered):
    if question.kind in rules.CHOICE_KINDS:
        labels = [(choice, choice) for choice in question.choice_list]
    elif question.kind == QuestionKind.SCALE:
        labels = [(point, str(point)) for point in question.scale_points]
    elif question.kind == QuestionKind.CONTACT:
        labels = [(rules.CONSENTED, "Agreed to be contacted")]
    else:  # boroughs: the ones named, most named first
        labels = sorted(counts, key=lambda name: (-counts[name], name))
        labels = [(name, name) for name in labels]
    return [
        Row(label, counts.get(key, 0), rules.percentage(counts.get(key, 0), answered))
        for key, label in labels
    ]


def question_results(questions, responses, text_search="", with_text=True):
    """``(number of responses, [QuestionResult])`` for these questions over these responses."""
    questions = list(questions)
    total = responses.count()
    answers = Answer.objects.filter(response__in=responses, question__in=questions)
    counted = [q for q in questions if q.is_counted or q.kind == QuestionKind.CONTACT]
    counts = {}
    for row in (
        answers.filter(question__in=counted)
        .values("question_id", "choice", "number", "borough__name")
        .annotate(n=Count("id"))
    ):
        key = row["borough__name"] or (
            row["number"] if row["number"] is not None else row["choice"]
        )
        counts.setdefault(row["question_id"], {})[key] = row["n"]
    answered = dict(
        answers.values("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .values_list("question_id", "n")
    )
    results = []
    for question in questions:
        result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
        if question in counted:
            result.rows = _rows(question, counts.get(question.pk, {}), result.answered)
        elif with_text and question.kind in rules.TEXT_KINDS:
            texts = answers.filter(question=question)
            if text_search:
                texts = texts.filter(text__icontains=text_search)
            texts = texts.select_related("response").order_by("-response__submitted_at", "-pk")
            result.text_answers = list(texts[:TEXT_ANSWERS_SHOWN])
            result.text_total = texts.count() if text_search else result.answered
        results.append(result)
    return total, results


def text_answers(question, responses, search=""):
    answers = Answer.objects.filter(question=question, response__in=responses).select_related(
        "response"
    )
    if search:
        answers = answers.filter(text__icontains=search)
    return answers.order_by("-response__submitted_at", "-pk")
