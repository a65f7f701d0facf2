"""The partnership framework's rules at their edges (pure functions, no database)."""

import datetime
import itertools

import pytest

from hub.periods import Quarter
from partnerships import rules
from partnerships.enums import ActionStatus, BoardKind, ReportState

D = datetime.date
K = BoardKind

# "The partnership will work from two levels, an executive board and a project board. The
# project board will oversee the operational theme groups." The executive board is "the
# accountable body"; the operational groups "report back to the central project board, who's
# chair will report back to the executive board". Written out here, not read from the code.
ALLOWED = {
    (K.EXECUTIVE, None),
    (K.CENTRAL, K.EXECUTIVE),
    (K.PROJECT, K.CENTRAL),
    (K.OPERATIONAL, K.CENTRAL),
}
EVERY_PAIR = list(itertools.product(BoardKind, [None, *BoardKind]))


class TestWhereEachBoardSits:
    @pytest.mark.parametrize(("kind", "parent_kind"), EVERY_PAIR)
    def test_each_kind_only_under_the_right_parent(self, kind, parent_kind):
        problem = rules.parent_problem(kind, parent_kind)
        if (kind, parent_kind) in ALLOWED:
            assert problem is None
        else:
            assert problem

    @pytest.mark.parametrize("parent_kind", list(BoardKind))
    def test_the_executive_board_reports_to_no_board(self, parent_kind):
        assert rules.parent_problem(K.EXECUTIVE, parent_kind) == (
            "The executive board is the accountable body: it reports to no other board."
        )

    @pytest.mark.parametrize(
        ("kind", "message"),
        [
            (
                K.CENTRAL,
                "A central project board reports to the executive board: choose it as the parent.",
            ),
            (
                K.PROJECT,
                "A project board reports to the central project board: choose it as the parent.",
            ),
            (
                K.OPERATIONAL,
                "A operational group reports to the central project board: choose it as the "
                "parent.",
            ),
        ],
    )
    def test_every_other_board_needs_its_parent(self, kind, message):
        assert rules.parent_problem(kind, None) == message

    def test_the_message_names_the_wrong_parent(self):
        assert rules.parent_problem(K.OPERATIONAL, K.PROJECT) == (
            "A operational group reports to the central project board, not to a project board."
        )


class TestCycles:
    @pytest.mark.parametrize(
        ("board_id", "chain", "cycle"),
        [
            (None, [], False),
            (None, [1, 2], False),  # a new board cannot be above anything
            (1, [], False),
            (1, [2, 3], False),
            (1, [1], True),  # its own parent
            (1, [3, 2, 1], True),  # a board below it
        ],
    )
    def test_a_board_may_not_report_to_itself_through_the_chain(self, board_id, chain, cycle):
        assert rules.makes_cycle(board_id, chain) is cycle


class TestChairMessages:
    def test_the_central_project_board_chair(self):
        message = rules.chair_off_parent_message(K.CENTRAL, "Executive board")
        assert message.startswith("The chair of the central project board will sit on the")
        assert message.endswith("add them to Executive board first.")

    def test_the_operational_group_chair(self):
        message = rules.chair_off_parent_message(K.OPERATIONAL, "Central project board")
        assert "nominated individual from the central project board" in message
        assert message.endswith("add them to Central project board first.")


class TestReportLateness:
    """A report is due by the last day of its quarter and late from the next day."""

    @pytest.mark.parametrize(
        ("period", "due"),
        [
            (Quarter(2024, 1), D(2024, 3, 31)),
            (Quarter(2024, 2), D(2024, 6, 30)),
            (Quarter(2024, 3), D(2024, 9, 30)),
            (Quarter(2024, 4), D(2024, 12, 31)),
        ],
    )
    def test_due_on_the_last_day_of_the_quarter(self, period, due):
        assert rules.report_due_on(period) == due

    @pytest.mark.parametrize(
        ("period", "submitted_on", "today", "state"),
        [
            # Submitted: the day it came in decides, whatever today is.
            (Quarter(2026, 1), D(2026, 2, 1), D(2026, 2, 1), ReportState.RECEIVED),
            (Quarter(2026, 1), D(2026, 3, 31), D(2026, 3, 31), ReportState.RECEIVED),
            (Quarter(2026, 1), D(2026, 3, 31), D(2026, 9, 1), ReportState.RECEIVED),
            (Quarter(2026, 1), D(2026, 4, 1), D(2026, 4, 1), ReportState.RECEIVED_LATE),
            (Quarter(2026, 4), D(2026, 12, 31), D(2027, 1, 5), ReportState.RECEIVED),
            (Quarter(2026, 4), D(2027, 1, 1), D(2027, 1, 1), ReportState.RECEIVED_LATE),
            # Not submitted: late from the day after the last day of the quarter.
            (Quarter(2026, 1), None, D(2026, 1, 1), ReportState.NOT_YET_DUE),
            (Quarter(2026, 1), None, D(2026, 3, 31), ReportState.NOT_YET_DUE),
            (Quarter(2026, 1), None, D(2026, 4, 1), ReportState.LATE),
            (Quarter(2026, 4), None, D(2026, 12, 31), ReportState.NOT_YET_DUE),
            (Quarter(2026, 4), None, D(2027, 1, 1), ReportState.LATE),
        ],
    )
    def test_report_state(self, period, submitted_on, today, state):
        assert rules.report_state(period, submitted_on, today) == state


DUE = D(2026, 6, 30)
DAY_AFTER = DUE + datetime.timedelta(days=1)
OVERDUE_CASES = [
    (ActionStatus.NOT_STARTED, DUE, False),
    (ActionStatus.NOT_STARTED, DAY_AFTER, True),
    (ActionStatus.IN_PROGRESS, DUE, False),
    (ActionStatus.IN_PROGRESS, DAY_AFTER, True),
    (ActionStatus.DELAYED, DUE, False),
    (ActionStatus.DELAYED, DAY_AFTER, True),
    (ActionStatus.DONE, DUE, False),
    (ActionStatus.DONE, DAY_AFTER, False),
    (ActionStatus.DONE, DUE + datetime.timedelta(days=400), False),
    (ActionStatus.DROPPED, DUE, False),
    (ActionStatus.DROPPED, DAY_AFTER, False),
    (ActionStatus.DROPPED, DUE + datetime.timedelta(days=400), False),
]


class TestOverdueActions:
    @pytest.mark.parametrize(("status", "today", "overdue"), OVERDUE_CASES)
    def test_overdue_from_the_day_after_it_was_due_unless_closed(self, status, today, overdue):
        assert rules.action_is_overdue(DUE, status, today) is overdue

    def test_every_status_is_in_the_table_on_both_days(self):
        for status in ActionStatus:
            days = {today for each, today, _ in OVERDUE_CASES if each == status}
            assert {DUE, DAY_AFTER} <= days

    @pytest.mark.parametrize("status", list(ActionStatus))
    def test_an_action_with_no_due_date_is_never_overdue(self, status):
        assert rules.action_is_overdue(None, status, D(2100, 1, 1)) is False


def test_a_strategy_runs_five_years():
    """ "The MPS Youth Strategy is a 5-year strategy with an annual action plan." """
    assert rules.STRATEGY_YEARS == 5
