"""Who may see and change which partnership records. Access follows board membership.

- the central team (the partnership unit that facilitates the boards) sets boards up and reads
  every record;
- a board's members keep their own board's meetings, reports, initiatives and action plan;
- its chair and secretary also keep its membership, run its meetings (approve and publish the
  minutes) and publish its submitted reports;
- a board reads the submitted reports, initiatives and action plans of every board below it, so
  the executive board sees the whole tree; it never reads their meetings or drafts.

The ``*_scope`` functions return a ``Q`` over the model for one action; the permission policies
registered in ``wagtail_hooks.py`` use them for every admin screen, export and chooser.
"""

from functools import cached_property

from django.db.models import Q

from hub.enums import MinutesStatus
from hub.permissions import BaseStanding, ScopedPermissionPolicy
from hub.roles import Role, user_has_role
from partnerships.enums import BoardKind, BoardRole, ReportStatus
from partnerships.models import Board, BoardMembership

NOTHING = Q(pk__in=[])
KEEPERS = frozenset({BoardRole.CHAIR, BoardRole.SECRETARY})


class BoardStanding(BaseStanding):
    """A user's relation to every board, worked out once per request."""

    cache_attribute = "_board_standing"

    @cached_property
    def seats(self):
        if not (self.active and user_has_role(self.user, Role.BOARD_MEMBER)):
            return []
        return list(BoardMembership.objects.current().filter(person__user=self.user))

    @cached_property
    def member_of(self) -> set[int]:
        return {seat.board_id for seat in self.seats}

    @cached_property
    def keeps(self) -> set[int]:
        """Boards whose membership, meetings and publications this user runs."""
        return {seat.board_id for seat in self.seats if seat.role in KEEPERS}

    @cached_property
    def below(self) -> set[int]:
        """Every board under the boards this user sits on, however far down."""
        if not self.member_of:
            return set()
        children = {}
        for pk, parent_id in Board.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, frontier = set(), list(self.member_of)
        while frontier:
            for child in children.get(frontier.pop(), []):
                if child not in found and child not in self.member_of:
                    found.add(child)
                    frontier.append(child)
        return found

    @cached_property
    def reads(self) -> set[int]:
        return self.member_of | self.below


def standing(user) -> BoardStanding:
    return BoardStanding.for_user(user)


class BoardPermissionPolicy(ScopedPermissionPolicy):
    """Adding needs a board to add to: a board member who keeps no board's membership is not
    offered the "add a member" screen, nor is a member of no project board offered "add an
    initiative"."""

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        return action != "add" or self.scope(user, "add") != NOTHING


def _boards(field, ids):
    return Q(**{f"{field}__in": ids}) if ids else NOTHING


def board_scope(user, action):
    """Boards are set up by the central team; a chair or secretary keeps their board's purpose."""
    who = standing(user)
    if who.sees_everything:
        return Q() if action in ("view", "add", "change") else NOTHING
    if action == "view":
        return _boards("pk", who.reads)
    if action == "change":
        return _boards("pk", who.keeps)
    return NOTHING


def membership_scope(user, action):
    who = standing(user)
    if who.sees_everything:
        return Q() if action in ("view", "add", "change") else NOTHING
    if action == "view":
        return _boards("board", who.member_of)
    if action in ("add", "change"):
        return _boards("board", who.keeps)
    return NOTHING


def meeting_scope(user, action):
    """A board's meetings are its own: boards above read its reports, not its minutes."""
    who = standing(user)
    if action == "view":
        return Q() if who.sees_everything else _boards("board", who.member_of)
    # Approved and published minutes are settled: nobody edits or deletes those meetings.
    editable = Q(minutes_status=MinutesStatus.DRAFT)
    if who.is_superuser:
        return editable
    if action in ("add", "change", "delete"):
        return _boards("board", who.member_of) & editable
    return NOTHING


def report_scope(user, action):
    """Drafts are the board's own; once submitted, every board above reads them."""
    who = standing(user)
    if action == "view":
        if who.sees_everything:
            return Q()
        return _boards("board", who.member_of) | (
            _boards("board", who.below) & Q(status=ReportStatus.SUBMITTED)
        )
    draft = Q(status=ReportStatus.DRAFT)
    if who.is_superuser:
        return draft if action == "change" else Q()
    if action == "add":
        return report_add_scope(user)
    if action == "change":
        return _boards("board", who.member_of) & draft
    return NOTHING


def board_work_scope(field):
    """Initiatives, action plans and actions: kept by the board, read by every board above."""

    def scope(user, action):
        who = standing(user)
        if action == "view":
            return Q() if who.sees_everything else _boards(field, who.reads)
        if who.is_superuser:
            return Q() if action in ("add", "change") else NOTHING
        if action in ("add", "change"):
            return _boards(field, who.member_of)
        return NOTHING

    return scope


def initiative_scope(user, action):
    """Initiatives are owned by project boards: only their members add them."""
    if action != "add":
        return board_work_scope("board")(user, action)
    who = standing(user)
    if who.is_superuser:
        return Q()
    project_boards = Board.objects.filter(pk__in=who.member_of, kind=BoardKind.PROJECT)
    return _boards("board", set(project_boards.values_list("pk", flat=True)))


def report_add_scope(user):
    """The executive board is the accountable body: it writes no report to a board above."""
    who = standing(user)
    reporting = Board.objects.reporting().filter(pk__in=who.member_of)
    return _boards("board", set(reporting.values_list("pk", flat=True)))


def boards_user_keeps_records_for(user):
    """The boards offered when a user adds a meeting, report, initiative or plan."""
    who = standing(user)
    if who.sees_everything:
        return Board.objects.all()
    return Board.objects.filter(pk__in=who.member_of)


def boards_user_keeps_members_of(user):
    """The boards offered when a user seats someone: their chair's or secretary's boards."""
    who = standing(user)
    if who.sees_everything:
        return Board.objects.all()
    return Board.objects.filter(pk__in=who.keeps)


def user_can_run_meeting(user, meeting) -> bool:
    """Approving and publishing the minutes: the board's chair or secretary."""
    who = standing(user)
    return who.is_superuser or meeting.board_id in who.keeps


def user_can_see_withheld_items(user, meeting) -> bool:
    """That an item was withheld, and at whose request, is itself confidential."""
    who = standing(user)
    return who.sees_everything or meeting.board_id in who.member_of


def user_can_submit_report(user, report) -> bool:
    return (
        report.is_draft
        and user.has_perm("partnerships.change_boardreport")
        and (report.board_id in standing(user).member_of or user.is_superuser)
    )


def user_can_publish_report(user, report) -> bool:
    who = standing(user)
    return (
        report.status == ReportStatus.SUBMITTED
        and not report.is_published
        and (who.is_superuser or report.board_id in who.keeps)
    )


def user_can_see_rollup(user) -> bool:
    who = standing(user)
    return who.sees_everything or bool(who.member_of)


def rollup_boards(user):
    """The boards a user's roll-up covers: their boards and everything below, or every board."""
    who = standing(user)
    boards = Board.objects.select_related("parent")
    return boards if who.sees_everything else boards.filter(pk__in=who.reads)
