"""Results: for each question, how many chose each answer and what share of those who answered
it, filtered by borough and by channel, counted by the database in the same number of queries
however many responses there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultation import results, rules
from consultation.enums import Channel
from consultation.models import Response
from tests.consultation.factories import AnswerFactory, ResponseFactory

pytestmark = pytest.mark.django_db


class Survey:
    """Four responses with known answers (two online, two on paper)."""

    def __init__(self, consultation, e):
        self.consultation, self.e = consultation, e

        def respond(channel, **answers):
            response = ResponseFactory(consultation=consultation, channel=channel)
            for field, values in answers.items():
                question = getattr(e, field)
                for value in values if isinstance(values, list) else [values]:
                    AnswerFactory(response=response, question=question, **value)
            return response

        camden, hackney = {"borough": e.camden}, {"borough": e.hackney}
        self.r1 = respond(
            Channel.ONLINE,
            short={"text": "Hackney Youth Club"},
            single={"choice": "High"},
            multiple=[{"choice": "Knife crime"}, {"choice": "Schools"}],
            boroughs=[camden, hackney],
            scale={"number": 4},
            contact={"choice": rules.CONSENTED},
        )
        self.r2 = respond(
            Channel.ONLINE,
            single={"choice": "High"},
            multiple={"choice": "Schools"},
            boroughs=hackney,
            scale={"number": 5},
            contact={"choice": rules.NOT_CONSENTED},
        )
        self.r3 = respond(
            Channel.PAPER, single={"choice": "Low"}, boroughs=camden, scale={"number": 1}
        )
        self.r4 = respond(Channel.PAPER, short={"text": "Camden Detached Youth Work"})

    def results(self, borough=None, channel=None, **kwargs):
        responses = results.filtered_responses(self.consultation, borough=borough, channel=channel)
        total, each = results.question_results(self.consultation.questions, responses, **kwargs)
        return total, {r.question.pk: r for r in each}


def rows(result):
    return [(row.label, row.count, row.percent) for row in result.rows]


@pytest.fixture
def survey(consultation, every_kind):
    return Survey(consultation, every_kind)


class TestCounts:
    def test_single_choice(self, survey):
        total, by_question = survey.results()
        single = by_question[survey.e.single.pk]
        assert (total, single.answered) == (4, 3)
        assert rows(single) == [("High", 2, 67), ("Medium", 0, 0), ("Low", 1, 33)]

    def test_multiple_choice_shares_are_of_those_who_answered(self, survey):
        multiple = survey.results()[1][survey.e.multiple.pk]
        assert multiple.answered == 2
        assert rows(multiple) == [
            ("Knife crime", 1, 50),
            ("Safer streets", 0, 0),
            ("Schools", 2, 100),
        ]

    def test_boroughs_most_named_first_then_by_name(self, survey):
        boroughs = survey.results()[1][survey.e.boroughs.pk]
        assert boroughs.answered == 3
        assert rows(boroughs) == [("Camden", 2, 67), ("Hackney", 2, 67)]
        AnswerFactory(response=survey.r4, question=survey.e.boroughs, borough=survey.e.hackney)
        assert rows(survey.results()[1][survey.e.boroughs.pk]) == [
            ("Hackney", 3, 75),
            ("Camden", 2, 50),
        ]

    def test_every_point_of_the_scale(self, survey):
        scale = survey.results()[1][survey.e.scale.pk]
        assert scale.answered == 3
        assert rows(scale) == [("1", 1, 33), ("2", 0, 0), ("3", 0, 0), ("4", 1, 33), ("5", 1, 33)]

    def test_consent_is_counted_but_no_details_are_shown(self, survey):
        contact = survey.results()[1][survey.e.contact.pk]
        assert contact.answered == 2
        assert rows(contact) == [("Agreed to be contacted", 1, 50)]
        assert contact.text_answers == []

    def test_free_text_is_listed_newest_first_and_searched(self, survey):
        short = survey.results()[1][survey.e.short.pk]
        assert [a.text for a in short.text_answers] == [
            "Camden Detached Youth Work",
            "Hackney Youth Club",
        ]
        assert (short.answered, short.text_total, short.rows) == (2, 2, [])
        searched = survey.results(text_search="hackney")[1][survey.e.short.pk]
        assert ([a.text for a in searched.text_answers], searched.text_total) == (
            ["Hackney Youth Club"],
            1,
        )
        long = survey.results()[1][survey.e.long.pk]
        assert (long.answered, long.text_answers, long.text_total) == (0, [], 0)

    def test_without_text_no_answer_is_read(self, survey):
        short = survey.results(with_text=False)[1][survey.e.short.pk]
        assert (short.text_answers, short.rows) == ([], [])

    def test_text_answers_for_one_question(self, survey):
        responses = Response.objects.filter(consultation=survey.consultation)
        found = results.text_answers(survey.e.short, responses, search="CAMDEN")
        assert [a.response for a in found] == [survey.r4]

    def test_no_responses(self, consultation, every_kind):
        total, each = results.question_results(consultation.questions, Response.objects.none())
        assert total == 0
        single = next(r for r in each if r.question == every_kind.single)
        assert rows(single) == [("High", 0, 0), ("Medium", 0, 0), ("Low", 0, 0)]

    def test_other_consultations_responses_are_not_counted(self, survey, home, every_kind):
        from tests.consultation.factories import consultation_under

        other = consultation_under(home, questionnaire=every_kind.questionnaire, title="Other")
        response = ResponseFactory(consultation=other)
        AnswerFactory(response=response, question=every_kind.single, choice="Medium")
        total, by_question = survey.results()
        assert total == 4
        assert rows(by_question[every_kind.single.pk])[1] == ("Medium", 0, 0)


class TestFilters:
    def test_by_borough(self, survey):
        total, by_question = survey.results(borough=survey.e.camden)
        assert total == 2  # r1 and r3
        assert rows(by_question[survey.e.single.pk]) == [
            ("High", 1, 50),
            ("Medium", 0, 0),
            ("Low", 1, 50),
        ]
        assert rows(by_question[survey.e.boroughs.pk]) == [("Camden", 2, 100), ("Hackney", 1, 50)]

    def test_by_channel(self, survey):
        total, by_question = survey.results(channel=Channel.PAPER)
        assert total == 2  # r3 and r4
        assert rows(by_question[survey.e.single.pk]) == [
            ("High", 0, 0),
            ("Medium", 0, 0),
            ("Low", 1, 100),
        ]
        assert [a.text for a in by_question[survey.e.short.pk].text_answers] == [
            "Camden Detached Youth Work"
        ]

    def test_by_borough_and_channel(self, survey):
        total, by_question = survey.results(borough=survey.e.hackney, channel=Channel.ONLINE)
        assert total == 2  # r1 and r2
        assert rows(by_question[survey.e.scale.pk])[3:] == [("4", 1, 50), ("5", 1, 50)]

    def test_a_borough_no_one_named(self, survey):
        from hub.models import Borough

        total, by_question = survey.results(borough=Borough.objects.get(name="Bexley"))
        assert total == 0
        assert by_question[survey.e.single.pk].answered == 0


class TestChart:
    def test_bars_are_drawn_to_scale_and_empty_rows_have_no_bar(self, survey):
        chart = survey.results()[1][survey.e.single.pk].chart
        span = results.CHART_WIDTH - results.CHART_LABEL_WIDTH - 60
        assert [(b.label, b.value_label, b.width) for b in chart["bars"]] == [
            ("High", "67%", round(span * 0.67)),
            ("Medium", "0%", 0),
            ("Low", "33%", round(span * 0.33)),
        ]
        step = results.CHART_BAR_HEIGHT + results.CHART_GAP
        assert [b.y for b in chart["bars"]] == [0, step, 2 * step]
        assert chart["height"] == 3 * step


class TestQueryCount:
    def make_responses(self, consultation, e, start, stop):
        choices = e.multiple.choice_list
        for n in range(start, stop):
            response = ResponseFactory(
                consultation=consultation, channel=Channel.PAPER if n % 3 else Channel.ONLINE
            )
            AnswerFactory(response=response, question=e.short, text=f"Club {n}")
            AnswerFactory(response=response, question=e.long, text=f"Long answer {n}")
            AnswerFactory(response=response, question=e.single, choice=e.single.choice_list[n % 3])
            AnswerFactory(response=response, question=e.multiple, choice=choices[n % 3])
            AnswerFactory(response=response, question=e.multiple, choice=choices[(n + 1) % 3])
            AnswerFactory(
                response=response, question=e.boroughs, borough=e.camden if n % 2 else e.hackney
            )
            AnswerFactory(response=response, question=e.scale, number=1 + n % 5)
            AnswerFactory(response=response, question=e.contact, choice=rules.NOT_CONSENTED)

    def queries(self, consultation, **filters):
        questions = consultation.questions
        with CaptureQueriesContext(connection) as captured:
            total, _ = results.question_results(
                questions, results.filtered_responses(consultation, **filters), text_search="1"
            )
        return total, len(captured)

    def test_the_same_number_of_queries_for_5_and_for_60_responses(self, consultation, every_kind):
        self.make_responses(consultation, every_kind, 0, 5)
        total, few = self.queries(consultation)
        assert total == 5
        self.make_responses(consultation, every_kind, 5, 60)
        total, many = self.queries(consultation)
        assert total == 60
        assert many == few
        filtered = self.queries(consultation, borough=every_kind.camden, channel=Channel.PAPER)
        assert filtered[1] == few
        assert filtered[0] == 20  # odd n (Camden) that are not multiples of 3 (paper)


class TestCache:
    """The figures are cached, under a key that changes whenever they could: each request reads
    only how many responses there are and the newest ids, and never shows stale figures."""

    def queries(self, survey, **kwargs):
        with CaptureQueriesContext(connection) as captured:
            total, by_question = survey.results(**kwargs)
        return len(captured), total, by_question

    def test_the_second_request_reads_only_the_fingerprint_and_the_borough_names(self, survey):
        first, *computed = self.queries(survey)
        second, *cached = self.queries(survey)
        assert second == 2 < first
        assert cached[0] == computed[0] == 4
        assert [(rows(r), r.answered, r.text_total) for r in cached[1].values()] == [
            (rows(r), r.answered, r.text_total) for r in computed[1].values()
        ]
        assert [a.text for a in cached[1][survey.e.short.pk].text_answers] == [
            a.text for a in computed[1][survey.e.short.pk].text_answers
        ]

    def test_a_new_response_shows_at_once(self, survey):
        survey.results()
        response = ResponseFactory(consultation=survey.consultation)
        AnswerFactory(response=response, question=survey.e.single, choice="Medium")
        AnswerFactory(response=response, question=survey.e.short, text="A new club")
        total, by_question = survey.results()
        assert total == 5
        assert rows(by_question[survey.e.single.pk])[1] == ("Medium", 1, 25)
        assert by_question[survey.e.short.pk].text_answers[0].text == "A new club"

    def test_a_deleted_response_goes_at_once(self, survey):
        survey.results()
        survey.r3.delete()
        total, by_question = survey.results()
        assert total == 3
        assert rows(by_question[survey.e.single.pk])[2] == ("Low", 0, 0)

    def test_each_filter_and_search_has_figures_of_its_own(self, survey):
        assert survey.results()[0] == 4
        assert survey.results(channel=Channel.PAPER)[0] == 2
        assert survey.results(borough=survey.e.camden)[0] == 2
        searched = survey.results(text_search="camden")[1][survey.e.short.pk]
        assert searched.text_total == 1
        assert survey.results()[1][survey.e.short.pk].text_total == 2

    def test_renamed_boroughs_and_changed_questions_show_at_once(self, survey):
        survey.results()
        survey.e.camden.name = "Camden Town"
        survey.e.camden.save()
        survey.e.single.choices = "High\nMiddling\nMedium\nLow"
        survey.e.single.save()
        # As a new request does, read the consultation (and so its questions) afresh.
        survey.consultation = type(survey.consultation).objects.get(pk=survey.consultation.pk)
        _, by_question = survey.results()
        assert rows(by_question[survey.e.boroughs.pk]) == [
            ("Camden Town", 2, 67),
            ("Hackney", 2, 67),
        ]
        assert [row.label for row in by_question[survey.e.single.pk].rows] == [
            "High",
            "Middling",
            "Medium",
            "Low",
        ]

    def test_a_changed_publication_choice_shows_at_once_on_the_public_page(self, survey, client):
        from consultation.models import Question

        url = survey.consultation.url + "results/"
        Question.objects.filter(pk=survey.e.single.pk).update(publish_results=True)
        shown = [r.question.pk for r in client.get(url).context["results"]]
        assert survey.e.single.pk in shown
        Question.objects.filter(pk=survey.e.single.pk).update(publish_results=False)
        shown = [r.question.pk for r in client.get(url).context["results"]]
        assert survey.e.single.pk not in shown


class TestChartMarkup:
    """The chart's bars and table rows, written by consultation_tags for many answers at once."""

    def render(self, rows):
        from django.template import Context, Template

        result = results.QuestionResult(question=None, answered=10, rows=rows)
        template = Template(
            "{% load consultation_tags %}{% chart_bars chart %}|{% result_rows result %}"
        )
        return template.render(Context({"chart": result.chart, "result": result}))

    def test_each_bar_has_its_label_length_and_share(self):
        bars, table = self.render(
            [results.Row("Camden", 3, 30), results.Row("Hackney", 0, 0)]
        ).split("|")
        span = results.CHART_WIDTH - results.CHART_LABEL_WIDTH - 60
        first_width = round(span * 30 / 100)
        label_x = results.CHART_LABEL_WIDTH - 8
        assert f'x="{label_x}" y="17" text-anchor="end">Camden</text>' in bars
        assert f'x="{results.CHART_LABEL_WIDTH}" y="0" width="{first_width}"' in bars
        value_x = results.CHART_LABEL_WIDTH + first_width + 6
        assert f'<text class="hub-chart__value" x="{value_x}" y="17">30%</text>' in bars
        # An answer no one chose has no bar at all, and its figures still show.
        assert 'y="32" width="0"' in bars
        assert '<th scope="row" class="govuk-table__header">Hackney</th>' in table
        assert table.count("<tr") == 2

    def test_a_long_answer_is_cut_short_beside_its_bar_and_whole_in_the_table(self):
        label = "Somewhere else in London or beyond it"
        bars, table = self.render([results.Row(label, 1, 100)]).split("|")
        assert f">{label[: results.CHART_LABEL_CHARS - 1]}…</text>" in bars
        assert label not in bars
        assert f">{label}</th>" in table

    def test_answers_are_escaped(self):
        bars, table = self.render([results.Row("<b>Bold</b> & co", 1, 100)]).split("|")
        assert "<b>" not in bars + table
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in table
