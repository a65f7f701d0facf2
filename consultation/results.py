"""Results: per question, how many chose each answer, counted by the database in a fixed number
of queries however many responses there are; free-text answers listed and searched.

The same figures serve the managers' results screen (with filters) and the public results page
(published questions only, never free text or contact details).
"""

import dataclasses
import hashlib

from django.core.cache import cache
from django.db.models import Count, Max, Subquery
from django.utils.text import Truncator

from consultation import rules
from consultation.enums import QuestionKind
from consultation.models import Answer, Response
from hub.models import Borough

# The bar chart's geometry, in SVG user units; rendered on the server, no script needed.
CHART_WIDTH = 600
CHART_LABEL_WIDTH = 220
CHART_BAR_HEIGHT = 24
CHART_GAP = 8
CHART_LABEL_CHARS = 26  # longer answers are cut short beside their bar (the table has them whole)
TEXT_ANSWERS_SHOWN = 10
# Cached figures are never stale (their key changes with the responses), so this only bounds
# how long figures no one asks for any more take up room in the cache.
CACHE_SECONDS = 60 * 60


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
    # Worked out here rather than with template filters, once for each of many bars.
    short_label: str = ""
    value_x: int = 0


@dataclasses.dataclass(frozen=True)
class Respondent:
    reference: str


@dataclasses.dataclass(frozen=True)
class TextAnswer:
    """A written answer as the results screen shows it, under the names an ``Answer`` (with its
    response) has: only its words and its response's reference are cached."""

    pk: int
    text: str
    response: Respondent


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
            width = max(1, round(span * row.percent / 100)) if row.count else 0
            bars.append(
                Bar(
                    label=row.label,
                    value_label=f"{row.percent}%",
                    y=y,
                    width=width,
                    text_y=y + CHART_BAR_HEIGHT // 2 + 5,
                    short_label=(
                        row.label
                        if len(row.label) <= CHART_LABEL_CHARS
                        else Truncator(row.label).chars(CHART_LABEL_CHARS)
                    ),
                    value_x=CHART_LABEL_WIDTH + width + 6,
                )
            )
        return {
            "bars": bars,
            "height": max(1, len(bars)) * (CHART_BAR_HEIGHT + CHART_GAP),
            "width": CHART_WIDTH,
            "label_width": CHART_LABEL_WIDTH,
            "label_x": CHART_LABEL_WIDTH - 8,  # where every label ends, beside its bar
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


def _rows(question, counts, answered, borough_names):
    if question.kind in rules.CHOICE_KINDS:
        labels = [(choice, choice) for choice in question.choice_list]
    elif question.kind == QuestionKind.SCALE:
        labels = [(point, str(point)) for point in question.scale_points]
    elif question.kind == QuestionKind.CONTACT:
        labels = [(rules.CONSENTED, "Agreed to be contacted")]
    else:  # boroughs: the ones named, most named first
        counts = {borough_names[pk]: n for pk, n in counts.items() if pk in borough_names}
        labels = sorted(counts, key=lambda name: (-counts[name], name))
        labels = [(name, name) for name in labels]
    return [
        Row(label, counts.get(key, 0), rules.percentage(counts.get(key, 0), answered))
        for key, label in labels
    ]


def _fingerprint(responses):
    """How many responses there are, the newest one's id and the newest answer's id (of any
    consultation), in one cheap query. Responses are only ever added (ids only grow) or deleted
    and answers only ever added to them, so any change to the figures changes one of these."""
    newest_answer = Answer.objects.order_by("-pk").values("pk")[:1]
    figures = responses.order_by().aggregate(
        n=Count("pk"), last=Max("pk"), answer=Max(Subquery(newest_answer))
    )
    return figures["n"], figures["last"], figures["answer"]


def _cache_key(responses, fingerprint, questions, text_search, with_text):
    """Everything the figures depend on: the filtered responses (their SQL names the
    consultation and the filters), how many and the newest, which questions (and their kinds),
    and the search. A change to any of them is a new key, so a cached entry is never stale."""
    parts = [
        str(responses.order_by().query),
        fingerprint,
        [(question.pk, question.kind) for question in questions],
        text_search,
        with_text,
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"consultation-results:{digest}"


def _figures(questions, responses, text_search, with_text):
    """What the database counts and lists, as plain values that can be cached: per question,
    the answers by value (boroughs by id, so that a renamed borough shows its new name), how
    many responses answered, the latest written answers and, when searching, how many match.

    One grouped count covers every question; a question with one answer per response has as
    many respondents as answers, so only those taking several answers need a distinct count."""
    answers = Answer.objects.filter(response__in=responses.order_by().values("pk"))
    counts, answered = {}, {}
    for question_id, choice, number, borough_id, n in (
        answers.filter(question__in=questions)
        .order_by()
        .values_list("question_id", "choice", "number", "borough_id")
        .annotate(n=Count("pk"))
    ):
        key = borough_id or (number if number is not None else choice)
        counts.setdefault(question_id, {})[key] = n
        answered[question_id] = answered.get(question_id, 0) + n
    several = [question for question in questions if question.takes_many_answers]
    if several:
        answered.update(
            answers.filter(question__in=several)
            .order_by()
            .values("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .values_list("question_id", "n")
        )
    texts = {}
    if with_text:
        for question in questions:
            if question.kind not in rules.TEXT_KINDS:
                continue
            found = answers.filter(question=question)
            if text_search:
                found = found.filter(text__icontains=text_search)
            found = found.order_by("-response__submitted_at", "-pk")
            latest = list(
                found.values_list("pk", "text", "response__reference")[:TEXT_ANSWERS_SHOWN]
            )
            total = found.count() if text_search else answered.get(question.pk, 0)
            texts[question.pk] = (latest, total)
    return {"counts": counts, "answered": answered, "texts": texts}


def _cached_figures(questions, responses, text_search, with_text):
    if responses.query.is_empty():  # nothing to count, and nothing to name a cache entry by
        figures = _figures(questions, responses, text_search, with_text)
        return 0, {**figures, "channels": {}}
    fingerprint = _fingerprint(responses)
    key = _cache_key(responses, fingerprint, questions, text_search, with_text)
    figures = cache.get(key)
    if figures is None:
        figures = _figures(questions, responses, text_search, with_text)
        figures["channels"] = dict(
            responses.order_by().values_list("channel").annotate(n=Count("pk"))
        )
        cache.set(key, figures, CACHE_SECONDS)
    return fingerprint[0], figures


def results_and_channels(questions, responses, text_search="", with_text=True):
    """``(number of responses, [QuestionResult], {channel: number of responses})``.

    The figures are cached under a key that changes whenever they could (see ``_cache_key``);
    each request still reads the number of responses and the newest one (one query), and the
    questions and borough names (small tables) afresh, so labels and choices are always current."""
    questions = list(questions)
    total, figures = _cached_figures(questions, responses, text_search, with_text)
    counted = [q for q in questions if q.is_counted or q.kind == QuestionKind.CONTACT]
    borough_names = {}
    if any(question.kind == QuestionKind.BOROUGHS for question in counted):
        borough_names = dict(Borough.objects.values_list("pk", "name"))
    results = []
    for question in questions:
        answered = figures["answered"].get(question.pk, 0)
        result = QuestionResult(question=question, answered=answered)
        if question in counted:
            counts = figures["counts"].get(question.pk, {})
            result.rows = _rows(question, counts, answered, borough_names)
        elif question.pk in figures["texts"]:
            latest, result.text_total = figures["texts"][question.pk]
            result.text_answers = [
                TextAnswer(pk, text, Respondent(ref)) for pk, text, ref in latest
            ]
        results.append(result)
    return total, results, figures["channels"]


def question_results(questions, responses, text_search="", with_text=True):
    """``(number of responses, [QuestionResult])`` for these questions over these responses."""
    total, results, _ = results_and_channels(questions, responses, text_search, with_text)
    return total, results


def text_answers(question, responses, search=""):
    answers = Answer.objects.filter(question=question, response__in=responses).select_related(
        "response"
    )
    if search:
        answers = answers.filter(text__icontains=search)
    return answers.order_by("-response__submitted_at", "-pk")
