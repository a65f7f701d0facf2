"""The roll-up of reports for one quarter: which boards reported, which are late, and their
actions by status. Three queries whatever the size of the tree."""

from dataclasses import dataclass, field

from django.utils import timezone

from hub.periods import Quarter
from partnerships import rules
from partnerships.enums import ReportState
from partnerships.models import Action, BoardReport
from partnerships.models.structure import board_tree
from partnerships.models.work import no_actions


@dataclass
class RollupRow:
    board: object
    depth: int
    state: ReportState | None  # None for the executive board, which reports to no one
    report: BoardReport | None
    actions: dict = field(default_factory=dict)  # {ActionStatus: count}

    @property
    def is_late(self):
        return self.state in (ReportState.LATE, ReportState.RECEIVED_LATE)


@dataclass
class Rollup:
    period: Quarter
    rows: list[RollupRow]

    def states(self):
        counts = dict.fromkeys(ReportState, 0)
        for row in self.rows:
            if row.state is not None:
                counts[row.state] += 1
        return counts

    def action_totals(self):
        totals = no_actions()
        for row in self.rows:
            for status, count in row.actions.items():
                totals[status] += count
        return totals


def tree_order(boards):
    """``[(board, depth)]``, depth-first down the board tree."""
    ordered = []

    def walk(branches, depth):
        for board, children in branches:
            ordered.append((board, depth))
            walk(children, depth + 1)

    walk(board_tree(boards), 0)
    return ordered


def build_rollup(boards, period: Quarter, today=None) -> Rollup:
    """The roll-up of ``boards`` (a queryset the user may read) for ``period``."""
    today = today or timezone.localdate()
    boards = list(boards)
    reports = {
        report.board_id: report
        for report in BoardReport.objects.submitted().for_period(period).filter(board__in=boards)
    }
    actions = Action.objects.filter(plan__board__in=boards, plan__year=period.year)
    counts = actions.status_counts_by("plan__board_id")
    rows = []
    for board, depth in tree_order(boards):
        report = reports.get(board.pk)
        state = None
        if board.parent_id is not None:
            state = rules.report_state(period, report.submitted_on if report else None, today)
        rows.append(RollupRow(board, depth, state, report, counts.get(board.pk, no_actions())))
    return Rollup(period, rows)
