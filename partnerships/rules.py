"""The partnership framework's rules as constants and pure functions, in the document's words.

Source: "Partnership between the voluntary sector and the Metropolitan Police: a framework
document for the Partnership" (Appendix 1 of the youth consultation report of 5 December 2002,
``youth-consultation-and-voluntary-sector-partnership.txt``); docs/rules.md maps each rule to its
code and tests.
"""

import datetime

from hub.periods import Quarter
from partnerships.enums import ActionStatus, BoardKind, ReportState

# --- Structure -----------------------------------------------------------------------------------
# "The executive board ... [is] the accountable body for the partnership." It reports to no one.
# "The operational groups will ... report back to the central project board, who's chair will
# report back to the executive board." Each joint initiative's project board is overseen by the
# central project board: "The project board will oversee the operational theme groups."

# Its reports: it writes none (there is no board to submit them to).
REPORTS_TO_NO_BOARD = "The executive board is the accountable body: it reports to no board."

PARENT_KIND = {
    BoardKind.EXECUTIVE: None,
    BoardKind.CENTRAL: BoardKind.EXECUTIVE,
    BoardKind.PROJECT: BoardKind.CENTRAL,
    BoardKind.OPERATIONAL: BoardKind.CENTRAL,
}

# "The partnership will work from two levels, an executive board and a project board": one of each.
ONE_PER_PARTNERSHIP = frozenset({BoardKind.EXECUTIVE, BoardKind.CENTRAL})

# "The chair of the central project board will sit on the executive board." The operational group
# "will convene under the chair of a nominated individual from the central project board": its
# chair, nominated by the group, sits on the central project board it reports back to.
CHAIR_SITS_ON_PARENT = frozenset({BoardKind.CENTRAL, BoardKind.OPERATIONAL})


def parent_problem(kind: str, parent_kind: str | None) -> str | None:
    """Why a board of ``kind`` may not report to a board of ``parent_kind`` (None if it may)."""
    wanted = PARENT_KIND[kind]
    label = BoardKind(kind).label.lower()
    if wanted is None:
        if parent_kind is not None:
            return f"The {label} is the accountable body: it reports to no other board."
        return None
    wanted_label = BoardKind(wanted).label.lower()
    if parent_kind is None:
        return f"A {label} reports to the {wanted_label}: choose it as the parent."
    if parent_kind != wanted:
        given = BoardKind(parent_kind).label.lower()
        return f"A {label} reports to the {wanted_label}, not to a {given}."
    return None


def makes_cycle(board_id, parent_chain) -> bool:
    """Whether ``board_id`` appears in the chain of boards above its proposed parent.

    ``parent_chain`` is the proposed parent's id followed by the ids of every board above it.
    """
    return board_id is not None and board_id in parent_chain


def chair_off_parent_message(kind: str, parent_name: str) -> str:
    if kind == BoardKind.CENTRAL:
        return (
            "The chair of the central project board will sit on the executive board: add them "
            f"to {parent_name} first."
        )
    return (
        "An operational group convenes under a nominated individual from the central project "
        f"board, and reports back to it: add them to {parent_name} first."
    )


# --- Reports up the chain ------------------------------------------------------------------------
# Each board reports to its parent every quarter. A report is due by the last day of its quarter;
# one not in by then is late from the next day.


def report_due_on(period: Quarter) -> datetime.date:
    return period.last_day


def report_state(
    period: Quarter, submitted_on: datetime.date | None, today: datetime.date
) -> ReportState:
    due = report_due_on(period)
    if submitted_on is not None:
        return ReportState.RECEIVED if submitted_on <= due else ReportState.RECEIVED_LATE
    return ReportState.LATE if today > due else ReportState.NOT_YET_DUE


# --- Action plans --------------------------------------------------------------------------------
# "The MPS Youth Strategy is a 5-year strategy with an annual action plan."

STRATEGY_YEARS = 5
CLOSED_ACTION_STATUSES = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})


def action_is_overdue(due_on: datetime.date | None, status: str, today: datetime.date) -> bool:
    """Past its due date and neither done nor dropped."""
    return due_on is not None and status not in CLOSED_ACTION_STATUSES and today > due_on
