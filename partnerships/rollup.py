"""The roll-up of reports for one quarter: which boards reported, which are late, and their
actions by status. Three queries whatever the size of the tree."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from hub.periods import Quarter
from partnerships import rules
from partnerships.enums import ActionStatus, ReportState
from partnerships.models import Action, BoardReport


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
        totals = dict.fromkeys(ActionStatus, 0)
        for row in self.rows:
            for status, count in row.actions.items():
                totals[status] += count
        return totals


def tree_order(boards):
    """``[(board, depth)]`` depth-first from the boards whose parent is not among them."""
    ids = {board.pk for board in boards}
    children = {}
    for board in boards:
        key = board.parent_id if board.parent_id in ids else None
        children.setdefault(key, []).append(board)
    ordered = []

    def walk(parent_id, depth):
        for board in sorted(children.get(parent_id, []), key=lambda b: (b.kind, b.name)):
            ordered.append((board, depth))
            walk(board.pk, depth + 1)

    walk(None, 0)
    return ordered


def build_rollup(boards, period: Quarter, today=None) -> Rollup:
    """The roll-up of ``boards`` (a queryset the user may read) for ``period``."""
    today = today or timezone.localdate()
    boards = list(boards)
    reports = {
        report.board_id: report
        for report in BoardReport.objects.submitted().for_period(period).filter(board__in=boards)
    }
    actions = {}
    counted = (
        Action.objects.filter(plan__board__in=boards, plan__year=period.year)
        .values_list("plan__board_id", "status")
        .annotate(n=Count("pk"))
    )
    for board_id, status, count in counted:
        actions.setdefault(board_id, {})[ActionStatus(status)] = count
    rows = []
    for board, depth in tree_order(boards):
        report = reports.get(board.pk)
        state = None
        if board.parent_id is not None:
            submitted_on = timezone.localdate(report.submitted_at) if report else None
            state = rules.report_state(period, submitted_on, today)
        counts = {status: actions.get(board.pk, {}).get(status, 0) for status in ActionStatus}
        rows.append(RollupRow(board, depth, state, report, counts))
    return Rollup(period, rows)
