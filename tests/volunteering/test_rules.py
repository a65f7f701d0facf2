"""The volunteer programme's rules at their edges, as pure functions: the 40 hours a month cap
(and how a session past midnight at the end of a month counts), the meal subsidy from four
hours, eligibility (18 and over, three years' UK residence), the steps each role needs, and the
yearly review of a role's risk assessment."""

import datetime
from decimal import Decimal

import pytest

from hub.volunteering import rules
from hub.volunteering.enums import Step

pytestmark = pytest.mark.django_db

MARCH = (2026, 3)
APRIL = (2026, 4)


def hours(h, m=0):
    return h * 60 + m


class TestTheMonthlyCap:
    @pytest.mark.parametrize(
        ("already", "adding", "allowed"),
        [
            (hours(36), hours(3, 30), True),  # 39.5 hours
            (hours(36), hours(4), True),  # exactly 40 hours: allowed
            (hours(36), hours(4, 30), False),  # 40.5 hours: refused
            (hours(40), 1, False),  # a minute past the cap
            (0, hours(40), True),
        ],
    )
    def test_forty_hours_a_month_is_the_most(self, already, adding, allowed):
        problems = rules.cap_problems({MARCH: already}, {MARCH: adding})
        assert (problems == []) is allowed

    def test_the_refusal_names_the_month_and_the_hours(self):
        [problem] = rules.cap_problems({MARCH: hours(36)}, {MARCH: hours(4, 30)})
        assert "40.5 hours in March 2026" in problem
        assert "they have 36 hours so far" in problem

    def test_minutes_in_another_month_do_not_count(self):
        assert rules.cap_problems({APRIL: hours(40)}, {MARCH: hours(4)}) == []

    def test_the_cap_is_forty_hours(self):
        assert rules.MONTHLY_CAP_MINUTES == 2400


class TestTheMidnightRule:
    """MIDNIGHT_RULE: hours count in the calendar month in which they are given; a session
    past midnight on the last day of a month is split at midnight, and refused if either
    month would pass 40 hours."""

    def test_the_rule_is_stated(self):
        assert "calendar month in which they are given" in rules.MIDNIGHT_RULE
        assert "either month would pass 40 hours" in rules.MIDNIGHT_RULE

    def test_a_session_past_midnight_on_the_last_day_of_a_month_is_split(self):
        split = rules.minutes_by_month(
            datetime.date(2026, 3, 31), datetime.time(22, 0), datetime.time(2, 0)
        )
        assert split == {MARCH: hours(2), APRIL: hours(2)}

    def test_a_session_past_midnight_within_a_month_stays_in_it(self):
        split = rules.minutes_by_month(
            datetime.date(2026, 3, 14), datetime.time(22, 0), datetime.time(2, 0)
        )
        assert split == {MARCH: hours(4)}

    def test_new_year_is_a_month_boundary_too(self):
        split = rules.minutes_by_month(
            datetime.date(2025, 12, 31), datetime.time(23, 0), datetime.time(1, 30)
        )
        assert split == {(2025, 12): 60, (2026, 1): 90}

    def test_allowed_when_both_months_stay_within_forty_hours(self):
        adding = {MARCH: hours(2), APRIL: hours(2)}
        assert rules.cap_problems({MARCH: hours(38), APRIL: hours(38)}, adding) == []

    def test_refused_when_the_earlier_month_would_pass_forty_hours(self):
        adding = {MARCH: hours(2, 30), APRIL: hours(1, 30)}
        problems = rules.cap_problems({MARCH: hours(38), APRIL: 0}, adding)
        assert len(problems) == 1
        assert "March 2026" in problems[0]

    def test_refused_when_the_later_month_would_pass_forty_hours(self):
        adding = {MARCH: hours(2), APRIL: hours(2)}
        problems = rules.cap_problems({MARCH: 0, APRIL: hours(39)}, adding)
        assert len(problems) == 1
        assert "April 2026" in problems[0]

    def test_an_end_at_or_before_the_start_is_the_next_day(self):
        day = datetime.date(2026, 3, 14)
        assert rules.session_minutes(day, datetime.time(9, 0), datetime.time(13, 0)) == 240
        assert rules.session_minutes(day, datetime.time(20, 0), datetime.time(1, 0)) == 300
        start, end = rules.session_span(day, datetime.time(20, 0), datetime.time(1, 0))
        assert (start.date(), end.date()) == (day, datetime.date(2026, 3, 15))


class TestTheMealSubsidy:
    @pytest.mark.parametrize(
        ("minutes", "expected"),
        [
            (hours(3, 59), Decimal("0.00")),  # less than four hours: none
            (hours(4), Decimal("3.00")),  # "four hours or more at one session"
            (hours(8), Decimal("3.00")),  # one subsidy a session, however long
        ],
    )
    def test_from_four_hours(self, minutes, expected):
        assert rules.meal_subsidy(minutes, Decimal("3.00")) == expected

    def test_the_amount_follows_the_setting(self):
        assert rules.meal_subsidy(hours(4), Decimal("2.50")) == Decimal("2.50")
        assert rules.meal_subsidy(hours(3, 59), Decimal("2.50")) == Decimal("0.00")

    def test_never_more_than_three_pounds(self):
        assert rules.meal_subsidy(hours(4), Decimal("5.00")) == Decimal("3.00")


class TestEligibility:
    TODAY = datetime.date(2026, 3, 15)

    @pytest.mark.parametrize(
        ("born_on", "eligible"),
        [
            (datetime.date(2008, 3, 16), False),  # 18th birthday tomorrow
            (datetime.date(2008, 3, 15), True),  # 18 today
            (datetime.date(2008, 3, 14), True),
        ],
    )
    def test_18_and_over(self, born_on, eligible):
        problems = rules.eligibility_problems(born_on, datetime.date(2000, 1, 1), self.TODAY)
        assert (problems == []) is eligible
        if not eligible:
            assert problems == ["Volunteers must be 18 or over."]

    @pytest.mark.parametrize(
        ("resident_since", "eligible"),
        [
            (datetime.date(2023, 3, 16), False),  # three years less a day
            (datetime.date(2023, 3, 15), True),  # exactly three years
        ],
    )
    def test_three_years_uk_residence(self, resident_since, eligible):
        problems = rules.eligibility_problems(datetime.date(1980, 1, 1), resident_since, self.TODAY)
        assert (problems == []) is eligible
        if not eligible:
            assert "at least 3 years" in problems[0]

    def test_born_on_29_february(self):
        leap = datetime.date(2008, 2, 29)
        assert rules.eligibility_problems(leap, None, datetime.date(2026, 2, 28)) != []
        assert rules.eligibility_problems(leap, None, datetime.date(2026, 3, 1)) == []


class TestRequiredSteps:
    COMMON = [
        Step.SECURITY_CLEARANCE,
        Step.REFERENCES,
        Step.INTERVIEW,
        Step.INDUCTION,
        Step.ROLE_TRAINING,
    ]

    @pytest.mark.parametrize(
        ("lifting", "public", "extra"),
        [
            (False, False, set()),
            (True, False, {Step.MANUAL_HANDLING}),
            (False, True, {Step.EMERGENCY_LIFE_SAVING}),
            (True, True, {Step.MANUAL_HANDLING, Step.EMERGENCY_LIFE_SAVING}),
        ],
    )
    def test_manual_handling_for_lifting_and_life_saving_for_the_public(
        self, lifting, public, extra
    ):
        assert set(rules.required_steps(lifting, public)) == {*self.COMMON, *extra}


class TestRiskAssessmentReview:
    TODAY = datetime.date(2026, 3, 15)

    @pytest.mark.parametrize(("age_in_days", "overdue"), [(364, False), (365, False), (366, True)])
    def test_reviewed_each_year(self, age_in_days, overdue):
        assessed_on = self.TODAY - datetime.timedelta(days=age_in_days)
        assert rules.risk_assessment_overdue(assessed_on, self.TODAY) is overdue

    def test_no_assessment_is_overdue(self):
        assert rules.risk_assessment_overdue(None, self.TODAY) is True


class TestHours:
    @pytest.mark.parametrize(
        ("minutes", "label"), [(2370, "39.5"), (2400, "40"), (2430, "40.5"), (239, "3.98")]
    )
    def test_hours_as_people_write_them(self, minutes, label):
        assert rules.hours_label(minutes) == label

    @pytest.mark.parametrize(("minutes", "near"), [(hours(36), False), (hours(36) + 1, True)])
    def test_near_the_cap_with_less_than_four_hours_left(self, minutes, near):
        assert rules.near_cap(minutes) is near
