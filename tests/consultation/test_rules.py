"""The consultation's rules at their edges (pure functions, no database)."""

import datetime

import pytest

from consultation import rules
from consultation.enums import ConsultationStatus, QuestionKind

D = datetime.date
S = ConsultationStatus
OPENS = D(2026, 6, 1)
CLOSES = D(2026, 7, 31)


class TestWhenAConsultationTakesAnswers:
    @pytest.mark.parametrize(
        ("today", "status"),
        [
            (D(2026, 1, 1), S.NOT_YET_OPEN),
            (D(2026, 5, 31), S.NOT_YET_OPEN),  # the day before opening
            (D(2026, 6, 1), S.OPEN),  # the opening day
            (D(2026, 7, 1), S.OPEN),
            (D(2026, 7, 31), S.OPEN),  # the closing day
            (D(2026, 8, 1), S.CLOSED),  # the day after closing
            (D(2027, 1, 1), S.CLOSED),
        ],
    )
    def test_open_from_the_opening_day_to_the_end_of_the_closing_day(self, today, status):
        assert rules.status_on(OPENS, CLOSES, today) == status

    @pytest.mark.parametrize(
        ("today", "status"),
        [(D(2026, 5, 31), S.NOT_YET_OPEN), (OPENS, S.OPEN), (D(2026, 6, 2), S.CLOSED)],
    )
    def test_a_one_day_consultation(self, today, status):
        assert rules.status_on(OPENS, OPENS, today) == status

    @pytest.mark.parametrize(
        ("received_on", "counts"),
        [
            (D(2026, 5, 31), False),
            (OPENS, True),
            (CLOSES, True),
            (D(2026, 8, 1), False),
        ],
    )
    def test_a_paper_return_counts_if_it_arrived_while_open(self, received_on, counts):
        assert rules.received_in_time(received_on, OPENS, CLOSES) is counts


class TestContactDetailsRetention:
    @pytest.mark.parametrize(
        ("days", "last_day"),
        [(0, CLOSES), (1, D(2026, 8, 1)), (30, D(2026, 8, 30)), (365, D(2027, 7, 31))],
    )
    def test_kept_for_the_retention_period_after_closing(self, days, last_day):
        assert rules.contact_details_expire_after(CLOSES, days) == last_day
        assert rules.contact_details_expired(CLOSES, days, last_day) is False
        assert rules.contact_details_expired(CLOSES, days, last_day + datetime.timedelta(1))

    @pytest.mark.parametrize("days", [0, 1, 30, 365])
    @pytest.mark.parametrize("offset", [-1, 0, 1])
    def test_the_rule_over_many_consultations_agrees_with_the_rule_for_one(self, days, offset):
        today = rules.contact_details_expire_after(CLOSES, days) + datetime.timedelta(offset)
        closed_before = rules.contact_details_expire_if_closed_before(today, days)
        expired_by_date = closed_before > CLOSES
        assert expired_by_date is rules.contact_details_expired(CLOSES, days, today)
        assert expired_by_date is (offset == 1)

    def test_a_year_by_default(self):
        assert rules.DEFAULT_CONTACT_RETENTION_DAYS == 365


class TestChoices:
    @pytest.mark.parametrize(
        ("text", "choices"),
        [
            ("", []),
            (None, []),
            ("High\nMedium\nLow", ["High", "Medium", "Low"]),
            ("  High  \r\n\r\n Low\n\n", ["High", "Low"]),
            ("\n   \n", []),
        ],
    )
    def test_one_choice_a_line_blank_lines_ignored(self, text, choices):
        assert rules.parse_choices(text) == choices

    def test_two_different_choices_are_enough(self):
        assert rules.choice_problems(["Yes", "No"]) == []

    @pytest.mark.parametrize("choices", [[], ["Only one"]])
    def test_fewer_than_two_choices(self, choices):
        assert rules.choice_problems(choices) == ["Give at least 2 choices, one on each line."]

    @pytest.mark.parametrize("choices", [["Yes", "Yes"], ["Yes", "No", "yes"]])
    def test_choices_must_differ_whatever_their_case(self, choices):
        assert rules.choice_problems(choices) == ["Each choice must be different."]

    def test_choice_length_at_its_edge(self):
        assert rules.choice_problems(["a" * 100, "b"]) == []
        assert rules.choice_problems(["a" * 101, "b"]) == [
            "Keep each choice to 100 characters or fewer."
        ]


@pytest.mark.parametrize(
    ("count", "total", "percent"),
    [(0, 0, 0), (3, 0, 0), (0, 5, 0), (1, 3, 33), (2, 3, 67), (1, 8, 12), (3, 8, 38), (5, 5, 100)],
)
def test_percentages_are_whole_numbers_of_the_total(count, total, percent):
    assert rules.percentage(count, total) == percent


class TestRobots:
    @pytest.mark.parametrize(
        ("seconds", "too_fast"),
        [(0, True), (2.9, True), (2.999, True), (3, False), (3.001, False), (600, False)],
    )
    def test_a_form_sent_back_within_three_seconds_is_too_fast(self, seconds, too_fast):
        assert rules.fill_too_fast(datetime.timedelta(seconds=seconds)) is too_fast

    @pytest.mark.parametrize(
        ("elapsed", "expired"),
        [
            (datetime.timedelta(hours=23, minutes=59), False),
            (datetime.timedelta(days=1), False),
            (datetime.timedelta(days=1, seconds=1), True),
            (datetime.timedelta(days=3), True),
        ],
    )
    def test_a_form_token_lasts_a_day(self, elapsed, expired):
        assert rules.form_token_expired(elapsed) is expired


@pytest.mark.parametrize(
    ("phone", "valid"),
    [
        ("020 7946 0000", True),
        ("+44 20 7946 0000", True),
        ("+44 (0)20 7946-0000", True),
        ("02079460000", True),
        ("0207946000", True),  # ten characters: the shortest accepted
        ("020794600", False),  # nine
        ("+44 20 7946 0000 00 0", True),  # 20 after the plus: the longest accepted
        ("+44 20 7946 0000 000 0", False),  # 21
        ("020 7946 000x", False),
        ("phone me", False),
        ("", False),
        ("++44 20 7946 0000", False),
        ("020 7946 0000\n", False),  # a trailing line break is not part of a number
    ],
)
def test_phone_numbers(phone, valid):
    assert bool(rules.PHONE_PATTERN.match(phone)) is valid


class TestKindsOfQuestion:
    def test_counted_kinds_are_the_ones_with_fixed_answers(self):
        counted = {
            QuestionKind.SINGLE_CHOICE,
            QuestionKind.MULTIPLE_CHOICE,
            QuestionKind.BOROUGHS,
            QuestionKind.SCALE,
        }
        assert counted == rules.COUNTED_KINDS

    def test_free_text_and_contact_details_are_never_counted(self):
        assert not (
            {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.CONTACT}
            & rules.COUNTED_KINDS
        )

    def test_limits(self):
        assert (rules.SHORT_TEXT_MAX_LENGTH, rules.LONG_TEXT_MAX_LENGTH) == (200, 5000)
        assert (rules.SCALE_LOWEST, rules.SCALE_HIGHEST) == (0, 10)
        assert rules.MINIMUM_FILL_SECONDS == 3
