"""Principle 29 at its edges: when a response is due, when it is overdue, when reasons are
required."""

import datetime

import pytest

from iag import rules

D = datetime.date
GIVEN = D(2026, 3, 1)


@pytest.mark.parametrize(
    ("days", "requested_by", "due"),
    [
        (28, None, D(2026, 3, 29)),
        (1, None, D(2026, 3, 2)),
        (28, D(2026, 3, 10), D(2026, 3, 10)),  # the group asked for an answer sooner
        (28, D(2026, 4, 30), D(2026, 3, 29)),  # a later request does not extend the period
        (28, D(2026, 3, 29), D(2026, 3, 29)),
    ],
)
def test_a_response_is_due_within_the_period_or_sooner_if_asked(days, requested_by, due):
    assert rules.response_due_on(GIVEN, days, requested_by) == due


@pytest.mark.parametrize(
    ("today", "decided", "overdue"),
    [
        (D(2026, 3, 28), False, False),  # the day before it is due
        (D(2026, 3, 29), False, False),  # the due date itself is on time
        (D(2026, 3, 30), False, True),  # the day after
        (D(2026, 3, 30), True, False),  # a decision stops the clock
    ],
)
def test_overdue_from_the_day_after_the_due_date(today, decided, overdue):
    assert rules.response_is_overdue(D(2026, 3, 29), decided, today) is overdue


@pytest.mark.parametrize(
    ("outcome", "required"),
    [
        ("followed", False),
        ("partly_followed", True),
        ("not_followed", True),
        ("pending", False),
    ],
)
def test_reasons_are_required_unless_followed(outcome, required):
    assert rules.reasons_required(outcome) is required


def test_pending_is_not_a_decision():
    assert "pending" not in rules.DECIDED_OUTCOMES
    assert {"followed", "partly_followed", "not_followed"} == rules.DECIDED_OUTCOMES
