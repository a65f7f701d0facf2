"""The IAG principles' rules at their edges."""

import datetime

import pytest

from iag import rules
from iag.rules import Quarter, quarter_of

D = datetime.date


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (D(2026, 1, 1), Quarter(2026, 1)),
        (D(2026, 3, 31), Quarter(2026, 1)),
        (D(2026, 4, 1), Quarter(2026, 2)),
        (D(2026, 6, 30), Quarter(2026, 2)),
        (D(2026, 7, 1), Quarter(2026, 3)),
        (D(2026, 9, 30), Quarter(2026, 3)),
        (D(2026, 10, 1), Quarter(2026, 4)),
        (D(2026, 12, 31), Quarter(2026, 4)),
    ],
)
def test_a_quarter_is_a_calendar_quarter(day, quarter):
    assert quarter_of(day) == quarter
    assert day in quarter


def test_quarters_run_on_across_years():
    assert Quarter(2026, 4).next() == Quarter(2027, 1)
    assert Quarter(2027, 1).previous() == Quarter(2026, 4)
    assert Quarter(2024, 1).last_day == D(2024, 3, 31)
    assert Quarter(2026, 4).last_day == D(2026, 12, 31)
    assert str(Quarter(2026, 2)) == "April to June 2026"


class TestMeetingCadence:
    """P24: "The MPS lead will meet with the IAG at least every quarter." """

    since = D(2020, 1, 1)

    @pytest.mark.parametrize(
        ("last_meeting", "today", "overdue"),
        [
            # A meeting on the last day of a quarter covers that quarter...
            (D(2026, 3, 31), D(2026, 6, 30), False),
            (D(2026, 3, 31), D(2026, 7, 1), True),
            # ...and one on the first day of the next covers the next.
            (D(2026, 4, 1), D(2026, 9, 30), False),
            (D(2026, 4, 1), D(2026, 10, 1), True),
            (D(2026, 12, 31), D(2027, 3, 31), False),
            (D(2026, 12, 31), D(2027, 4, 1), True),
        ],
    )
    def test_overdue_once_a_whole_quarter_passes_without_a_meeting(
        self, last_meeting, today, overdue
    ):
        assert rules.is_overdue_for_meeting(last_meeting, self.since, today) is overdue

    def test_the_next_meeting_is_due_by_the_end_of_the_following_quarter(self):
        assert rules.next_meeting_due_by(D(2026, 3, 31), self.since) == D(2026, 6, 30)
        assert rules.next_meeting_due_by(D(2026, 4, 1), self.since) == D(2026, 9, 30)

    def test_a_new_group_counts_from_when_it_was_set_up(self):
        assert rules.next_meeting_due_by(None, D(2026, 2, 10)) == D(2026, 6, 30)
        assert not rules.is_overdue_for_meeting(None, D(2026, 2, 10), D(2026, 6, 30))
        assert rules.is_overdue_for_meeting(None, D(2026, 2, 10), D(2026, 7, 1))


@pytest.mark.parametrize(
    ("vetted", "secrets_act", "risk_assessment", "cleared"),
    [
        (D(2026, 1, 1), D(2026, 1, 1), None, True),
        (D(2026, 1, 1), None, None, False),  # vetted but not signed
        (None, D(2026, 1, 1), None, False),  # signed but not vetted
        (None, None, D(2026, 1, 1), True),  # "a risk assessment will be carried out"
        (None, None, None, False),
    ],
)
def test_a_chair_is_vetted_and_signed_or_else_risk_assessed(
    vetted, secrets_act, risk_assessment, cleared
):
    assert rules.chair_is_cleared(vetted, secrets_act, risk_assessment) is cleared


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2026, 11, 15), 2, D(2027, 1, 15)),
        (D(2026, 3, 15), -3, D(2025, 12, 15)),
    ],
)
def test_adding_months_keeps_the_day_or_the_months_last(day, months, expected):
    assert rules.add_months(day, months) == expected


class TestAgreements:
    today = D(2026, 11, 23)

    @pytest.mark.parametrize(
        ("signed_on", "in_force"),
        [
            (D(2026, 11, 23), True),  # signed today
            (D(2026, 11, 24), False),  # a future date is not a signature
            (None, False),  # not at all
            (D(2025, 11, 24), True),  # the last day of its 12 months
            (D(2025, 11, 23), False),  # lapsed on its anniversary
        ],
    )
    def test_an_agreement_is_in_force_from_signing_for_its_term(self, signed_on, in_force):
        assert rules.agreement_in_force(signed_on, self.today, 12) is in_force

    @pytest.mark.parametrize(
        ("signed_on", "due"),
        [
            (D(2025, 12, 24), False),  # lapses in 31 days
            (D(2025, 12, 23), True),  # lapses in 30 days
            (D(2025, 11, 23), True),  # lapsed today
            (D(2026, 11, 23), False),
            (None, False),
        ],
    )
    def test_renewal_is_due_in_the_last_30_days(self, signed_on, due):
        assert rules.agreement_due_for_renewal(signed_on, self.today, 12) is due
