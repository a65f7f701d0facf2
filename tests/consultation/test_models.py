"""The consultation's models: a question's rules (before and after it has been answered), the
consultation's dates, the rows a response may hold and the database constraints behind them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.test.utils import WagtailPageTestCase

from consultation import rules
from consultation.enums import Channel, ContactRemoval, QuestionKind
from consultation.models import (
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSettings,
    ContactDetails,
    OutcomePage,
    Question,
    Response,
)
from consultation.models.responses import REFERENCE_ALPHABET
from hub.models import Borough, HomePage
from tests.consultation.factories import (
    AnswerFactory,
    ContactDetailsFactory,
    QuestionFactory,
    ResponseFactory,
)
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

NOT_CHOICE_KINDS = [k for k in QuestionKind if k not in rules.CHOICE_KINDS]
UNCOUNTED_KINDS = [QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.CONTACT]


def problems(question):
    """The fields ``Question.clean`` complains about, with their messages."""
    try:
        question.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


class TestAQuestionsChoices:
    @pytest.mark.parametrize("kind", sorted(rules.CHOICE_KINDS))
    @pytest.mark.parametrize("choices", ["", "Only one", "\n  \n"])
    def test_a_choice_question_needs_at_least_two_choices(self, kind, choices):
        question = QuestionFactory.build(kind=kind, choices=choices)
        assert problems(question) == {"choices": ["Give at least 2 choices, one on each line."]}

    @pytest.mark.parametrize("kind", sorted(rules.CHOICE_KINDS))
    def test_two_choices_are_enough(self, kind):
        assert problems(QuestionFactory.build(kind=kind, choices="Yes\nNo")) == {}

    @pytest.mark.parametrize("kind", sorted(rules.CHOICE_KINDS))
    def test_choices_may_not_repeat(self, kind):
        question = QuestionFactory.build(kind=kind, choices="Yes\nNo\nYES")
        assert problems(question) == {"choices": ["Each choice must be different."]}

    @pytest.mark.parametrize("kind", NOT_CHOICE_KINDS)
    def test_other_kinds_have_no_choices(self, kind):
        question = QuestionFactory.build(kind=kind, choices="Yes\nNo")
        assert problems(question) == {
            "choices": ["Only single and multiple choice questions have choices."]
        }

    @pytest.mark.parametrize("kind", NOT_CHOICE_KINDS)
    def test_other_kinds_are_fine_without_choices(self, kind):
        assert problems(QuestionFactory.build(kind=kind, choices="  ")) == {}


class TestAQuestionsScale:
    @pytest.mark.parametrize(
        ("lowest", "highest", "fine"),
        [
            (0, 10, True),
            (1, 5, True),
            (9, 10, True),
            (5, 5, False),
            (6, 5, False),
            (0, 11, False),
            (-1, 5, False),
        ],
    )
    def test_a_scale_runs_upwards_within_0_to_10(self, lowest, highest, fine):
        question = QuestionFactory.build(scale=True, scale_lowest=lowest, scale_highest=highest)
        expected = {} if fine else {"scale_highest": ["A scale runs upwards from 0 to at most 10."]}
        assert problems(question) == expected

    def test_the_database_refuses_a_scale_that_does_not_run_upwards(self, every_kind):
        with pytest.raises(IntegrityError), transaction.atomic():
            Question.objects.filter(pk=every_kind.scale.pk).update(scale_lowest=5, scale_highest=5)

    def test_scale_points(self):
        question = QuestionFactory.build(scale=True, scale_lowest=0, scale_highest=3)
        assert question.scale_points == [0, 1, 2, 3]


class TestPublishingResults:
    @pytest.mark.parametrize("kind", UNCOUNTED_KINDS)
    def test_free_text_and_contact_details_cannot_be_published(self, kind):
        question = QuestionFactory.build(kind=kind, publish_results=True)
        assert problems(question) == {"publish_results": [rules.NOT_PUBLISHABLE]}

    @pytest.mark.parametrize(
        "traits", [{"single": True}, {"multiple": True}, {"boroughs": True}, {"scale": True}]
    )
    def test_counted_answers_can_be_published(self, traits):
        assert problems(QuestionFactory.build(publish_results=True, **traits)) == {}

    def test_only_published_counted_questions_are_published(self, every_kind):
        Question.objects.filter(pk=every_kind.short.pk).update(publish_results=True)  # old row
        questions = every_kind.questionnaire.questions
        assert set(questions.counted()) == {
            every_kind.single,
            every_kind.multiple,
            every_kind.boroughs,
            every_kind.scale,
        }
        Question.objects.filter(pk=every_kind.scale.pk).update(publish_results=False)
        assert set(questions.published()) == {
            every_kind.single,
            every_kind.multiple,
            every_kind.boroughs,
        }


class TestAnAnsweredQuestion:
    """Once answered, a question keeps its kind, every choice someone chose and every point of
    its scale that was given."""

    def test_an_unanswered_question_may_change_kind(self, every_kind):
        question = every_kind.single
        question.kind, question.choices, question.publish_results = (
            QuestionKind.SHORT_TEXT,
            "",
            False,
        )
        assert problems(question) == {}

    def test_an_answered_question_keeps_its_kind(self, every_kind):
        question = every_kind.single
        AnswerFactory(question=question, choice="High")
        question.kind = QuestionKind.MULTIPLE_CHOICE
        assert problems(question) == {
            "kind": ["This question has been answered, so its kind cannot change."]
        }

    def test_a_chosen_choice_cannot_be_removed(self, every_kind):
        question = every_kind.single
        AnswerFactory(question=question, choice="High")
        AnswerFactory(question=question, choice="Low")
        question.choices = "Medium\nLow\nNone"
        assert problems(question) == {
            "choices": ["These choices have been chosen in responses, so they must stay: High"]
        }

    def test_a_choice_nobody_chose_can_be_removed_and_new_ones_added(self, every_kind):
        question = every_kind.multiple
        AnswerFactory(question=question, choice="Schools")
        question.choices = "Schools\nKnife crime\nParks"
        assert problems(question) == {}

    @pytest.mark.parametrize(
        ("lowest", "highest", "fine"),
        [(1, 5, True), (2, 4, True), (0, 10, True), (3, 5, False), (1, 3, False)],
    )
    def test_the_scale_cannot_shrink_below_the_answers_given(
        self, every_kind, lowest, highest, fine
    ):
        question = every_kind.scale  # 1 to 5
        AnswerFactory(question=question, number=2)
        AnswerFactory(question=question, number=4)
        question.scale_lowest, question.scale_highest = lowest, highest
        expected = (
            {}
            if fine
            else {
                "scale_highest": [
                    "Answers from 2 to 4 have been given, so the scale must still include them."
                ]
            }
        )
        assert problems(question) == expected


class TestConsultationPage:
    @pytest.mark.parametrize(
        ("opens_on", "closes_on", "fine"),
        [
            (datetime.date(2026, 6, 1), datetime.date(2026, 7, 31), True),
            (datetime.date(2026, 6, 1), datetime.date(2026, 6, 1), True),
            (datetime.date(2026, 6, 1), datetime.date(2026, 5, 31), False),
        ],
    )
    def test_it_cannot_close_before_it_opens(self, consultation, opens_on, closes_on, fine):
        consultation.opens_on, consultation.closes_on = opens_on, closes_on
        if fine:
            consultation.clean()
        else:
            with pytest.raises(ValidationError) as caught:
                consultation.clean()
            assert caught.value.message_dict == {
                "closes_on": ["The closing date must be on or after the opening date."]
            }

    @pytest.mark.parametrize(
        ("today", "status"),
        [
            (datetime.date(2026, 5, 31), "not_yet_open"),
            (datetime.date(2026, 6, 1), "open"),
            (datetime.date(2026, 7, 31), "open"),
            (datetime.date(2026, 8, 1), "closed"),
        ],
    )
    def test_status_on(self, consultation, today, status):
        assert consultation.status_on(today) == status

    def test_its_questions_are_in_the_questionnaires_order(self, consultation, every_kind):
        every_kind.short.sort_order = 99
        every_kind.short.save()
        assert consultation.questions == every_kind.questions[1:] + [every_kind.short]


class TestPageTree(WagtailPageTestCase):
    def test_where_each_page_may_go(self):
        self.assertAllowedParentPageTypes(ConsultationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedParentPageTypes(ConsultationPage, {ConsultationIndexPage})
        self.assertAllowedSubpageTypes(ConsultationPage, {OutcomePage})
        self.assertAllowedSubpageTypes(OutcomePage, set())


class TestResponseRows:
    def test_a_reference_is_easy_to_read_aloud(self, consultation):
        references = {ResponseFactory(consultation=consultation).reference for _ in range(20)}
        assert len(references) == 20
        for reference in references:
            assert len(reference) == 9 and reference[4] == "-"
            assert set(reference.replace("-", "")) <= set(REFERENCE_ALPHABET)
            assert not set(reference) & set("01OIL")

    def test_an_online_response_is_typed_in_by_no_one(self, consultation):
        with pytest.raises(IntegrityError), transaction.atomic():
            ResponseFactory(consultation=consultation, entered_by=UserFactory())

    def test_a_paper_return_records_who_typed_it_in(self, consultation):
        user = UserFactory()
        response = ResponseFactory(
            consultation=consultation, channel=Channel.PAPER, entered_by=user
        )
        assert response.entered_by == user

    def test_one_row_per_choice(self, consultation, every_kind):
        response = ResponseFactory(consultation=consultation)
        AnswerFactory(response=response, question=every_kind.multiple, choice="Schools")
        with pytest.raises(IntegrityError), transaction.atomic():
            AnswerFactory(response=response, question=every_kind.multiple, choice="Schools")

    def test_one_row_per_borough(self, consultation, every_kind):
        response = ResponseFactory(consultation=consultation)
        AnswerFactory(response=response, question=every_kind.boroughs, borough=every_kind.camden)
        with pytest.raises(IntegrityError), transaction.atomic():
            AnswerFactory(
                response=response, question=every_kind.boroughs, borough=every_kind.camden
            )

    def test_naming_borough(self, consultation, every_kind):
        named = ResponseFactory(consultation=consultation)
        AnswerFactory(response=named, question=every_kind.boroughs, borough=every_kind.camden)
        AnswerFactory(response=named, question=every_kind.boroughs, borough=every_kind.hackney)
        other = ResponseFactory(consultation=consultation)
        AnswerFactory(response=other, question=every_kind.boroughs, borough=every_kind.hackney)
        assert list(Response.objects.naming_borough(every_kind.camden)) == [named]
        assert set(Response.objects.naming_borough(every_kind.hackney)) == {named, other}

    @pytest.mark.parametrize(
        ("answer", "value"),
        [
            ({"text": "Some words"}, "Some words"),
            ({"choice": "High"}, "High"),
            ({"number": 0}, "0"),
        ],
    )
    def test_an_answers_value(self, answer, value):
        assert Answer(**answer).value == value

    def test_a_borough_answers_value_is_the_boroughs_name(self):
        camden = Borough.objects.get(name="Camden")
        assert Answer(borough=camden).value == "Camden"


class TestExpiredContactDetails:
    @pytest.mark.parametrize(
        ("today", "expired"),
        [(datetime.date(2026, 8, 30), False), (datetime.date(2026, 8, 31), True)],
    )
    def test_expired_from_the_day_after_the_retention_period(self, consultation, today, expired):
        kept = ContactDetailsFactory(response=ResponseFactory(consultation=consultation))
        ResponseFactory(consultation=consultation)  # no details: nothing to remove
        found = list(Response.objects.with_contact_details_expired(today, 30))
        assert found == ([kept.response] if expired else [])


class TestSettings:
    def test_contact_details_are_kept_a_year_by_default(self, site):
        assert ConsultationSettings.current().contact_retention_days == 365
        assert ConsultationSettings.for_site(site).contact_retention_days == 365


class TestRuleBreaks:
    """``Response.rule_breaks`` checks stored rows against the questionnaire's rules: nothing for
    a response the form let through, and each kind of broken row named."""

    @pytest.fixture
    def response(self, consultation, every_kind):
        from consultation import services
        from consultation.forms import ResponseForm

        form = ResponseForm(every_kind.questions, every_kind.valid_data())
        assert form.is_valid(), form.errors
        response, _ = services.take_response(
            consultation, form.answers(), form.contact_details(), today=consultation.opens_on
        )
        return response

    def answer(self, response, question):
        return response.answers.get(question=question)

    def test_a_response_the_form_let_through_breaks_nothing(self, response):
        assert response.answers.count() == 9
        assert response.rule_breaks() == []

    def test_an_answer_to_another_questionnaires_question(self, response):
        stranger = QuestionFactory(single=True)
        AnswerFactory(response=response, question=stranger, choice="High")
        assert response.rule_breaks() == [
            f"answers question {stranger.pk} of another questionnaire"
        ]

    def test_a_required_question_left_unanswered(self, response, every_kind):
        self.answer(response, every_kind.short).delete()
        assert response.rule_breaks() == [f"{every_kind.short}: required but not answered"]

    def test_two_answers_to_a_one_answer_question(self, response, every_kind):
        AnswerFactory(response=response, question=every_kind.single, choice="Low")
        assert response.rule_breaks() == [
            f"{every_kind.single}: 2 answers to a one-answer question"
        ]

    def test_an_answer_holding_the_wrong_part(self, response, every_kind):
        answer = self.answer(response, every_kind.single)
        answer.number = 3
        answer.save()
        assert response.rule_breaks() == [f"{every_kind.single}: holds choice, number"]

    def test_a_borough_answer_without_a_borough(self, response, every_kind):
        AnswerFactory(response=response, question=every_kind.boroughs, text="Camden")
        assert response.rule_breaks() == [f"{every_kind.boroughs}: holds text"]

    @pytest.mark.parametrize(
        ("field", "text"), [("short", "x" * 201), ("short", "   "), ("long", "y" * 5001)]
    )
    def test_text_empty_or_too_long(self, response, every_kind, field, text):
        question = getattr(every_kind, field)
        answer = self.answer(response, question)
        answer.text = text
        answer.save()
        assert response.rule_breaks() == [f"{question}: text empty or too long"]

    @pytest.mark.parametrize(("field", "text"), [("short", "x" * 200), ("long", "y" * 5000)])
    def test_text_at_its_limit_is_fine(self, response, every_kind, field, text):
        answer = self.answer(response, getattr(every_kind, field))
        answer.text = text
        answer.save()
        assert response.rule_breaks() == []

    def test_a_choice_that_is_not_one_of_the_choices(self, response, every_kind):
        answer = self.answer(response, every_kind.single)
        answer.choice = "Very high"
        answer.save()
        assert response.rule_breaks() == [
            f"{every_kind.single}: “Very high” is not one of the choices"
        ]

    @pytest.mark.parametrize(("number", "fine"), [(0, False), (1, True), (5, True), (6, False)])
    def test_a_point_off_the_scale(self, response, every_kind, number, fine):
        answer = self.answer(response, every_kind.scale)
        answer.number = number
        answer.save()
        breaks = [] if fine else [f"{every_kind.scale}: {number} is off the scale"]
        assert response.rule_breaks() == breaks

    def test_consent_that_is_neither_yes_nor_no(self, response, every_kind):
        answer = self.answer(response, every_kind.contact)
        answer.choice = "maybe"
        answer.save()
        assert response.rule_breaks() == [
            f"{every_kind.contact}: consent is neither yes nor no",
            "contact details kept without consent",
        ]

    def test_contact_details_kept_without_consent(self, response, every_kind):
        answer = self.answer(response, every_kind.contact)
        answer.choice = rules.NOT_CONSENTED
        answer.save()
        assert response.rule_breaks() == ["contact details kept without consent"]

    @pytest.mark.parametrize(("name", "phone"), [("  ", "020 7946 0123"), ("Ada", "call me")])
    def test_contact_details_without_a_name_or_a_valid_phone(self, response, name, phone):
        ContactDetails.objects.filter(response=response).update(name=name, phone=phone)
        assert response.rule_breaks() == ["contact details without a name or a valid phone number"]

    def test_consent_recorded_but_no_details_kept(self, response):
        ContactDetails.objects.filter(response=response).delete()
        assert response.rule_breaks() == ["consent recorded but no contact details kept"]

    def test_consent_with_details_removed_since_is_fine(self, response):
        ContactDetails.objects.filter(response=response).delete()
        response.contact_removal = ContactRemoval.ERASED
        response.save()
        assert response.rule_breaks() == []

    def test_a_required_contact_question_without_consent(self, response, every_kind):
        Question.objects.filter(pk=every_kind.contact.pk).update(required=True)
        assert response.rule_breaks() == []
        ContactDetails.objects.filter(response=response).delete()
        answer = self.answer(response, every_kind.contact)
        answer.choice = rules.NOT_CONSENTED
        answer.save()
        assert response.rule_breaks() == [
            f"{every_kind.contact}: required contact details not given"
        ]
