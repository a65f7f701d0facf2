"""The partnership's records: the shape of the board tree, who may chair, reports, initiatives,
action plans and actions, each checked by ``full_clean()`` and, where it must hold whatever
the path, by a database constraint."""

import datetime
from dataclasses import dataclass

import pytest
import time_machine
from django.contrib.auth import get_user
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone

from partnerships import rules
from partnerships.enums import ActionStatus, BoardKind, BoardRole, ReportState, ReportStatus
from partnerships.models import (
    Action,
    ActionPlan,
    Board,
    BoardMembership,
    BoardReport,
    Partnership,
    Strategy,
)
from tests.hub.factories import PersonFactory
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardFactory,
    BoardMembershipFactory,
    BoardReportFactory,
    InitiativeFactory,
    PartnershipFactory,
    StrategyFactory,
    ThemeFactory,
    build_structure,
)
from tests.partnerships.test_rules import ALLOWED, EVERY_PAIR

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
K = BoardKind


def errors_of(instance, method="full_clean"):
    """The ``message_dict`` of the ValidationError that ``method`` raises, or {} if it passes."""
    try:
        getattr(instance, method)()
    except ValidationError as error:
        return error.message_dict
    return {}


@dataclass
class Tree:
    """The four kinds of board and nobody on them yet."""

    partnership: Partnership
    executive: Board
    central: Board
    operational: Board
    project: Board

    def by_kind(self, kind):
        return {
            None: None,
            K.EXECUTIVE: self.executive,
            K.CENTRAL: self.central,
            K.OPERATIONAL: self.operational,
            K.PROJECT: self.project,
        }[kind]


@pytest.fixture
def tree():
    partnership = PartnershipFactory()
    executive = BoardFactory(partnership=partnership, kind=K.EXECUTIVE, name="Executive board")
    central = BoardFactory(
        partnership=partnership, kind=K.CENTRAL, parent=executive, name="Central project board"
    )
    operational = BoardFactory(
        partnership=partnership, kind=K.OPERATIONAL, parent=central, name="Youth group"
    )
    project = BoardFactory(
        partnership=partnership, kind=K.PROJECT, parent=central, name="Mentoring project board"
    )
    return Tree(partnership, executive, central, operational, project)


@pytest.fixture
def structure():
    return build_structure()


def test_the_structure_the_factories_build_is_valid(structure):
    for board in structure.boards:
        assert errors_of(board) == {}
    for membership in BoardMembership.objects.filter(board__partnership=structure.partnership):
        assert errors_of(membership) == {}


class TestWhereEachBoardSits:
    @pytest.mark.parametrize(("kind", "parent_kind"), EVERY_PAIR)
    def test_each_kind_only_under_the_right_parent(self, tree, kind, parent_kind):
        board = BoardFactory.build(
            partnership=tree.partnership, kind=kind, parent=tree.by_kind(parent_kind)
        )
        errors = errors_of(board)
        if (kind, parent_kind) in ALLOWED:
            assert "parent" not in errors
        else:
            assert errors["parent"] == [rules.parent_problem(kind, parent_kind)]

    @pytest.mark.parametrize(
        ("board", "new_parent"),
        [
            ("executive", "executive"),
            ("executive", "central"),
            ("executive", "operational"),
            ("central", "central"),
            ("central", "operational"),
            ("central", "project"),
            ("project", "project"),
            ("operational", "operational"),
        ],
    )
    def test_a_cycle_is_refused(self, tree, board, new_parent):
        board, new_parent = getattr(tree, board), getattr(tree, new_parent)
        board.parent = new_parent
        errors = errors_of(board)
        assert errors["parent"] == [
            f"{board} cannot report to {new_parent}: {new_parent} already reports, through the "
            f"chain, to {board}."
        ]

    def test_a_project_board_may_not_report_to_a_board_below_it(self, tree):
        # Only a direct write could put a board under a project board; clean() still sees it.
        below = BoardFactory(partnership=tree.partnership, kind=K.OPERATIONAL, parent=tree.project)
        tree.project.parent = below
        assert "already reports, through the chain" in errors_of(tree.project)["parent"][0]

    def test_the_parent_is_of_the_same_partnership(self, tree):
        elsewhere = build_structure()
        tree.project.parent = elsewhere.central
        assert errors_of(tree.project)["parent"] == [
            "A board reports to a board of its own partnership."
        ]

    def test_the_theme_is_of_the_same_partnership(self, tree):
        tree.operational.theme = ThemeFactory()
        assert errors_of(tree.operational) == {
            "theme": ["Choose one of this partnership's themes."]
        }
        tree.operational.theme = ThemeFactory(partnership=tree.partnership)
        assert errors_of(tree.operational) == {}

    def test_changing_the_kind_is_refused_while_the_children_would_not_fit(self, tree):
        tree.central.kind = K.EXECUTIVE
        tree.central.parent = None
        errors = errors_of(tree.central)
        assert errors["kind"] == [
            f"{tree.operational} reports to this board and could not report to a executive "
            "board: move it first."
        ]

    def test_changing_the_kind_is_accepted_when_everything_still_fits(self, tree):
        tree.operational.kind = K.PROJECT
        assert errors_of(tree.operational) == {}

    @pytest.mark.parametrize(
        ("board", "kind"),
        [
            ("central", K.PROJECT),
            ("central", K.OPERATIONAL),
            ("executive", K.CENTRAL),
            ("project", K.EXECUTIVE),
        ],
    )
    def test_a_kind_that_no_longer_fits_where_the_board_sits_is_refused(self, tree, board, kind):
        board = getattr(tree, board)
        board.kind = kind
        assert "parent" in errors_of(board)


class TestBoardConstraints:
    @pytest.mark.parametrize("kind", [K.EXECUTIVE, K.CENTRAL])
    def test_one_executive_and_one_central_project_board_per_partnership(self, tree, kind):
        parent = tree.by_kind(rules.PARENT_KIND[kind])
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardFactory(partnership=tree.partnership, kind=kind, parent=parent)

    def test_full_clean_says_why(self, tree):
        second = BoardFactory.build(partnership=tree.partnership, kind=K.EXECUTIVE)
        assert errors_of(second)["__all__"] == [
            "The partnership already has this board: it works from one executive board and one "
            "central project board."
        ]

    def test_many_project_boards_and_operational_groups(self, tree):
        for kind in (K.PROJECT, K.OPERATIONAL):
            BoardFactory(partnership=tree.partnership, kind=kind, parent=tree.central)
        assert tree.central.children.count() == 4

    def test_another_partnership_has_its_own_executive_board(self, tree):
        BoardFactory(partnership=PartnershipFactory(), kind=K.EXECUTIVE)
        assert Board.objects.filter(kind=K.EXECUTIVE).count() == 2

    def test_the_executive_board_has_no_parent(self, tree):
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardFactory(partnership=PartnershipFactory(), kind=K.EXECUTIVE, parent=tree.executive)

    @pytest.mark.parametrize("kind", [K.CENTRAL, K.PROJECT, K.OPERATIONAL])
    def test_every_other_board_has_a_parent(self, kind):
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardFactory(partnership=PartnershipFactory(), kind=kind, parent=None)


class TestBoard:
    def test_the_slug_comes_from_the_name(self, tree):
        assert tree.central.slug == "central-project-board"

    def test_every_board_but_the_executive_board_reports(self, tree):
        assert set(Board.objects.reporting()) == {tree.central, tree.operational, tree.project}

    def test_the_chain_above_runs_to_the_top(self, tree):
        assert tree.operational.chain_above() == [tree.central.pk, tree.executive.pk]
        assert tree.executive.chain_above() == []

    def test_the_current_chair(self, structure):
        chair = structure.chairs["project_a"]
        assert structure.project_a.current_chair() == chair
        chair.left_on = timezone.localdate()
        chair.save()
        assert structure.project_a.current_chair() is None


def seat(board, person, **fields):
    """A membership not yet saved, to check with full_clean()."""
    return BoardMembershipFactory.build(board=board, person=person, **fields)


class TestWhoMayChair:
    """ "The chair of the central project board will sit on the executive board." "The
    operational groups will nominate a chair"; the group convenes "under the chair of a
    nominated individual from the central project board"."""

    def test_a_central_project_board_chair_off_the_executive_board_is_refused(self, tree):
        errors = errors_of(seat(tree.central, PersonFactory(), role=BoardRole.CHAIR))
        assert errors == {"role": [rules.chair_off_parent_message(K.CENTRAL, tree.executive.name)]}

    def test_the_same_chair_is_accepted_once_they_sit_on_the_executive_board(self, tree):
        person = PersonFactory()
        BoardMembershipFactory(board=tree.executive, person=person)
        assert errors_of(seat(tree.central, person, role=BoardRole.CHAIR)) == {}

    def test_a_seat_they_have_left_does_not_count(self, tree):
        person = PersonFactory()
        BoardMembershipFactory(board=tree.executive, person=person, left_on=timezone.localdate())
        assert "role" in errors_of(seat(tree.central, person, role=BoardRole.CHAIR))

    def test_a_seat_on_another_board_does_not_count(self, tree):
        person = PersonFactory()
        BoardMembershipFactory(board=tree.project, person=person)
        assert "role" in errors_of(seat(tree.central, person, role=BoardRole.CHAIR))

    @pytest.mark.parametrize("role", [BoardRole.VICE_CHAIR, BoardRole.SECRETARY, BoardRole.MEMBER])
    def test_other_roles_need_not_sit_above(self, tree, role):
        assert errors_of(seat(tree.central, PersonFactory(), role=role)) == {}
        assert errors_of(seat(tree.operational, PersonFactory(), role=role)) == {}

    def test_a_former_chair_is_not_checked(self, tree):
        membership = seat(
            tree.central, PersonFactory(), role=BoardRole.CHAIR, left_on=timezone.localdate()
        )
        assert errors_of(membership) == {}

    def test_an_operational_group_chair_off_the_central_project_board_is_refused(self, tree):
        membership = seat(
            tree.operational, PersonFactory(), role=BoardRole.CHAIR, nominated_on=D(2026, 1, 5)
        )
        assert errors_of(membership) == {
            "role": [rules.chair_off_parent_message(K.OPERATIONAL, tree.central.name)]
        }

    def test_a_seat_on_the_executive_board_is_not_a_seat_on_the_central_project_board(self, tree):
        person = PersonFactory()
        BoardMembershipFactory(board=tree.executive, person=person)
        membership = seat(
            tree.operational, person, role=BoardRole.CHAIR, nominated_on=D(2026, 1, 5)
        )
        assert "role" in errors_of(membership)

    def test_an_operational_group_chair_needs_the_date_the_group_nominated_them(self, tree):
        person = PersonFactory()
        BoardMembershipFactory(board=tree.central, person=person)
        assert errors_of(seat(tree.operational, person, role=BoardRole.CHAIR)) == {
            "nominated_on": ["The operational group nominates its own chair: give the date it did."]
        }

    def test_an_operational_group_chair_on_the_central_project_board_and_nominated(self, tree):
        person = PersonFactory()
        BoardMembershipFactory(board=tree.central, person=person)
        membership = seat(
            tree.operational, person, role=BoardRole.CHAIR, nominated_on=D(2026, 1, 5)
        )
        assert errors_of(membership) == {}

    @pytest.mark.parametrize("board", ["executive", "project"])
    def test_other_chairs_need_sit_nowhere_else(self, tree, board):
        membership = seat(getattr(tree, board), PersonFactory(), role=BoardRole.CHAIR)
        assert errors_of(membership) == {}


class TestLeaving:
    def test_leaving_the_executive_board_while_chairing_the_central_project_board(self, structure):
        chair = structure.chairs["central"]
        on_executive = BoardMembership.objects.get(board=structure.executive, person=chair.person)
        on_executive.left_on = timezone.localdate()
        assert errors_of(on_executive) == {
            "left_on": [
                f"{chair.person.name} chairs {structure.central.name}, whose chair sits on "
                f"{structure.executive.name}: choose a new chair there first."
            ]
        }

    def test_they_may_leave_once_someone_else_chairs(self, structure):
        chair = structure.chairs["central"]
        chair.left_on = timezone.localdate()
        chair.save()
        on_executive = BoardMembership.objects.get(board=structure.executive, person=chair.person)
        on_executive.left_on = timezone.localdate()
        assert errors_of(on_executive) == {}

    def test_leaving_the_central_project_board_while_chairing_an_operational_group(self, structure):
        person = structure.chairs["youth"].person
        on_central = BoardMembership.objects.get(board=structure.central, person=person)
        on_central.left_on = timezone.localdate()
        assert "left_on" in errors_of(on_central)

    def test_a_project_board_chair_may_leave_the_central_project_board(self, structure):
        chair = structure.chairs["project_a"]
        on_central = BoardMembershipFactory(board=structure.central, person=chair.person)
        on_central.left_on = timezone.localdate()
        assert errors_of(on_central) == {}

    def test_an_old_seat_may_be_edited_while_they_sit_again(self, structure):
        person = structure.chairs["central"].person
        old = BoardMembershipFactory(
            board=structure.executive,
            person=person,
            joined_on=D(2018, 1, 1),
            left_on=D(2019, 1, 1),
        )
        old.joined_on = D(2018, 2, 1)
        assert errors_of(old) == {}

    def test_they_cannot_leave_before_they_joined(self, tree):
        membership = BoardMembershipFactory(board=tree.project, joined_on=D(2026, 3, 2))
        membership.left_on = D(2026, 3, 1)
        assert errors_of(membership) == {"left_on": ["They cannot leave before they joined."]}
        membership.left_on = D(2026, 3, 2)
        assert errors_of(membership) == {}


class TestMembershipConstraints:
    def test_one_current_chair_per_board(self, structure):
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardMembershipFactory(board=structure.project_a, chair=True)

    def test_a_new_chair_once_the_old_one_has_left(self, structure):
        old = structure.chairs["project_a"]
        old.left_on = timezone.localdate()
        old.save()
        new = BoardMembershipFactory(board=structure.project_a, chair=True)
        assert structure.project_a.current_chair() == new
        assert set(BoardMembership.objects.chairs().filter(board=structure.project_a)) == {new}

    def test_one_current_seat_per_person_per_board(self, structure):
        member = structure.members["project_a"]
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardMembershipFactory(board=structure.project_a, person=member.person)

    def test_full_clean_says_why(self, structure):
        member = structure.members["project_a"]
        again = seat(structure.project_a, member.person)
        assert errors_of(again) == {"__all__": ["This person already sits on the board."]}

    def test_they_may_sit_again_after_leaving_and_on_other_boards(self, structure):
        member = structure.members["project_a"]
        member.left_on = timezone.localdate()
        member.save()
        BoardMembershipFactory(board=structure.project_a, person=member.person)
        BoardMembershipFactory(board=structure.project_b, person=member.person)
        assert BoardMembership.objects.filter(person=member.person).count() == 3
        assert BoardMembership.objects.filter(person=member.person).current().count() == 2


def signed_in(client):
    """Whether the client's session still signs its user in."""
    request = HttpRequest()
    request.session = client.session
    return get_user(request).is_authenticated


class TestSessionsFollowMembership:
    """Someone's sessions end when the membership that let them see records ends or changes."""

    def sign_in(self, boards, who):
        client = Client()
        client.force_login(boards.users[who])
        assert signed_in(client)
        return client

    def test_ending_a_membership_ends_the_members_sessions(self, boards):
        member = self.sign_in(boards, "youth member")
        other = self.sign_in(boards, "project A member")
        membership = boards.s.members["youth"]
        membership.left_on = timezone.localdate()
        membership.save()
        assert not signed_in(member)
        assert signed_in(other)

    def test_changing_the_role_ends_the_members_sessions(self, boards):
        chair = self.sign_in(boards, "youth chair")
        membership = boards.s.chairs["youth"]
        membership.role = BoardRole.MEMBER
        membership.save()
        assert not signed_in(chair)

    def test_moving_the_seat_to_another_board_ends_the_members_sessions(self, boards):
        member = self.sign_in(boards, "youth secretary")
        membership = boards.secretary_youth
        membership.board = boards.s.project_a
        membership.save()
        assert not signed_in(member)

    def test_deleting_a_membership_ends_the_members_sessions(self, boards):
        member = self.sign_in(boards, "youth member")
        boards.s.members["youth"].delete()
        assert not signed_in(member)

    def test_other_edits_end_nothing(self, boards):
        member = self.sign_in(boards, "youth member")
        membership = BoardMembership.objects.get(pk=boards.s.members["youth"].pk)
        membership.publish_name = True
        membership.joined_on = D(2020, 1, 1)
        membership.save()
        assert signed_in(member)

    def test_editing_a_seat_already_left_ends_nothing(self, boards):
        membership = boards.s.members["youth"]
        membership.left_on = timezone.localdate()
        membership.save()
        member = self.sign_in(boards, "youth member")
        membership.left_on = membership.left_on - datetime.timedelta(days=1)
        membership.save()
        assert signed_in(member)


class TestBoardReport:
    def test_the_executive_board_reports_to_no_board(self, structure):
        report = BoardReportFactory.build(board=structure.executive)
        assert errors_of(report, "clean") == {
            "board": ["The executive board is the accountable body: it reports to no board."]
        }

    @pytest.mark.parametrize("board", ["central", "youth", "project_a"])
    def test_every_other_board_reports(self, structure, board):
        report = BoardReportFactory.build(board=getattr(structure, board))
        assert errors_of(report) == {}

    def test_one_report_per_board_per_quarter(self, structure):
        BoardReportFactory(board=structure.youth, year=2026, quarter=2)
        BoardReportFactory(board=structure.youth, year=2026, quarter=3)
        BoardReportFactory(board=structure.project_a, year=2026, quarter=2)
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardReportFactory(board=structure.youth, year=2026, quarter=2)

    def test_only_a_submitted_report_is_published(self, structure):
        with pytest.raises(IntegrityError), transaction.atomic():
            BoardReportFactory(
                board=structure.youth, status=ReportStatus.DRAFT, published_at=timezone.now()
            )

    @pytest.mark.parametrize(
        ("submitted_at", "state"),
        [
            # 30 June is in British Summer Time: 22:59 UTC is 23:59 on the last day...
            (datetime.datetime(2024, 6, 30, 22, 59, tzinfo=UTC), ReportState.RECEIVED),
            # ...and 23:30 UTC is already 00:30 on 1 July, the day after.
            (datetime.datetime(2024, 6, 30, 23, 30, tzinfo=UTC), ReportState.RECEIVED_LATE),
            (datetime.datetime(2024, 7, 1, 8, 0, tzinfo=UTC), ReportState.RECEIVED_LATE),
        ],
    )
    def test_the_day_it_was_submitted_is_the_local_date(self, structure, submitted_at, state):
        report = BoardReportFactory(
            board=structure.youth, year=2024, quarter=2, submitted=True, submitted_at=submitted_at
        )
        assert report.state(today=D(2024, 8, 1)) == state

    @pytest.mark.parametrize(
        ("now", "state"),
        [
            # Clocks went forward at 01:00 UTC on 31 March 2024.
            (datetime.datetime(2024, 3, 31, 22, 59, tzinfo=UTC), ReportState.NOT_YET_DUE),
            (datetime.datetime(2024, 3, 31, 23, 30, tzinfo=UTC), ReportState.LATE),
        ],
    )
    def test_today_is_the_local_date(self, structure, now, state):
        report = BoardReportFactory(board=structure.youth, year=2024, quarter=1)
        with time_machine.travel(now, tick=False):
            assert report.state() == state

    def test_the_report_knows_its_period_and_querysets_find_it(self, structure):
        draft = BoardReportFactory(board=structure.youth, year=2026, quarter=2)
        sent = BoardReportFactory(board=structure.central, year=2026, quarter=2, submitted=True)
        public = BoardReportFactory(board=structure.project_a, year=2026, quarter=1, published=True)
        assert str(draft.period) == "April to June 2026"
        assert draft.is_draft and not sent.is_draft
        assert public.is_published and not sent.is_published
        assert set(BoardReport.objects.submitted()) == {sent, public}
        assert set(BoardReport.objects.published()) == {public}
        assert set(BoardReport.objects.for_period(draft.period)) == {draft, sent}


class TestInitiative:
    """ "Each joint initiative will have their own project board"."""

    @pytest.mark.parametrize("board", ["executive", "central", "youth"])
    def test_only_a_project_board_owns_an_initiative(self, structure, board):
        initiative = InitiativeFactory.build(board=getattr(structure, board))
        assert errors_of(initiative, "clean") == {
            "board": ["A joint initiative is owned by its own project board."]
        }
        assert "board" in errors_of(initiative)

    def test_a_project_board_owns_one(self, structure):
        assert errors_of(InitiativeFactory.build(board=structure.project_a)) == {}

    @pytest.mark.parametrize(
        ("starts_on", "ends_on", "refused"),
        [
            (D(2026, 5, 1), D(2026, 4, 30), True),
            (D(2026, 5, 1), D(2026, 5, 1), False),
            (D(2026, 5, 1), D(2026, 5, 2), False),
            (D(2026, 5, 1), None, False),
            (None, D(2026, 4, 30), False),
        ],
    )
    def test_it_cannot_end_before_it_starts(self, structure, starts_on, ends_on, refused):
        initiative = InitiativeFactory.build(
            board=structure.project_a, starts_on=starts_on, ends_on=ends_on
        )
        expected = {"ends_on": ["It cannot end before it starts."]} if refused else {}
        assert errors_of(initiative) == expected


class TestActionPlan:
    @pytest.fixture
    def strategy(self, structure):
        return StrategyFactory(partnership=structure.partnership, first_year=2024, years=5)

    def test_a_strategy_runs_its_years(self, strategy):
        assert strategy.last_year == 2028
        assert str(strategy) == "Youth strategy (2024 to 2028)"
        assert Strategy._meta.get_field("years").default == 5

    @pytest.mark.parametrize(
        ("year", "refused"), [(2023, True), (2024, False), (2028, False), (2029, True)]
    )
    def test_the_year_is_one_of_the_strategys(self, structure, strategy, year, refused):
        plan = ActionPlanFactory.build(board=structure.project_a, strategy=strategy, year=year)
        expected = {"year": ["Youth strategy (2024 to 2028) runs from 2024 to 2028."]}
        assert errors_of(plan) == (expected if refused else {})

    def test_one_plan_per_board_per_year(self, structure, strategy):
        ActionPlanFactory(board=structure.project_a, strategy=strategy, year=2025)
        ActionPlanFactory(board=structure.project_b, strategy=strategy, year=2025)
        with pytest.raises(IntegrityError), transaction.atomic():
            ActionPlanFactory(board=structure.project_a, strategy=strategy, year=2025)

    def test_status_counts_include_every_status(self, structure, strategy):
        plan = ActionPlanFactory(board=structure.project_a, strategy=strategy, year=2025)
        ActionFactory(plan=plan, status=ActionStatus.IN_PROGRESS)
        ActionFactory(plan=plan, status=ActionStatus.IN_PROGRESS)
        ActionFactory(plan=plan, done=True)
        assert plan.status_counts() == {
            ActionStatus.NOT_STARTED: 0,
            ActionStatus.IN_PROGRESS: 2,
            ActionStatus.DELAYED: 0,
            ActionStatus.DONE: 1,
            ActionStatus.DROPPED: 0,
        }
        assert list(plan.status_counts()) == list(ActionStatus)


NOW = datetime.datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
TODAY = D(2026, 5, 1)


class TestAction:
    @pytest.fixture
    def plan(self, structure):
        return ActionPlanFactory(board=structure.project_a, year=2026)

    @pytest.mark.parametrize(
        ("status", "completed_on", "error"),
        [
            (ActionStatus.DONE, None, "Give the date it was done."),
            (ActionStatus.DONE, TODAY, None),
            (ActionStatus.DONE, TODAY - datetime.timedelta(days=30), None),
            (
                ActionStatus.DONE,
                TODAY + datetime.timedelta(days=1),
                "A date in the future: record it on the day it is done.",
            ),
            *[
                (status, TODAY, "Only a done action has a completion date.")
                for status in ActionStatus
                if status != ActionStatus.DONE
            ],
            *[(status, None, None) for status in ActionStatus if status != ActionStatus.DONE],
        ],
    )
    @time_machine.travel(NOW, tick=False)
    def test_completion_date(self, plan, status, completed_on, error):
        action = ActionFactory.build(plan=plan, status=status, completed_on=completed_on)
        assert errors_of(action) == ({"completed_on": [error]} if error else {})

    def test_the_completion_date_is_checked_against_the_local_date(self, plan):
        # 23:30 UTC on 1 May is 00:30 on 2 May in London.
        with time_machine.travel(datetime.datetime(2026, 5, 1, 23, 30, tzinfo=UTC), tick=False):
            action = ActionFactory.build(
                plan=plan, status=ActionStatus.DONE, completed_on=D(2026, 5, 2)
            )
            assert errors_of(action) == {}

    @pytest.mark.parametrize("status", list(ActionStatus))
    def test_overdue_records_agree_with_the_rule(self, plan, status):
        completed_on = TODAY - datetime.timedelta(days=60) if status == ActionStatus.DONE else None
        due_today = ActionFactory(plan=plan, status=status, due_on=TODAY, completed_on=completed_on)
        due_yesterday = ActionFactory(
            plan=plan,
            status=status,
            due_on=TODAY - datetime.timedelta(days=1),
            completed_on=completed_on,
        )
        no_date = ActionFactory(plan=plan, status=status, due_on=None, completed_on=completed_on)
        open_ = status not in (ActionStatus.DONE, ActionStatus.DROPPED)
        assert not due_today.is_overdue(TODAY)
        assert due_yesterday.is_overdue(TODAY) is open_
        assert not no_date.is_overdue(TODAY)
        expected = {due_yesterday} if open_ else set()
        assert set(Action.objects.overdue(TODAY)) == expected

    def test_is_overdue_defaults_to_the_local_date(self, plan):
        action = ActionFactory(plan=plan, due_on=D(2026, 4, 30))
        with time_machine.travel(datetime.datetime(2026, 4, 30, 22, 59, tzinfo=UTC), tick=False):
            assert not action.is_overdue()
        with time_machine.travel(datetime.datetime(2026, 4, 30, 23, 30, tzinfo=UTC), tick=False):
            assert action.is_overdue()

    def test_public_actions_are_those_of_public_plans(self, structure, plan):
        hidden = ActionPlanFactory(board=structure.project_b, year=2026, is_public=False)
        shown = ActionFactory(plan=plan)
        ActionFactory(plan=hidden)
        assert list(Action.objects.public()) == [shown]
        assert ActionPlan.objects.filter(is_public=False).get() == hidden


def test_an_action_plan_belongs_to_a_strategy_of_its_own_partnership(structure):
    from tests.partnerships.factories import ActionPlanFactory, StrategyFactory

    other = StrategyFactory()  # of another partnership
    plan = ActionPlanFactory.build(board=structure.youth, strategy=other, year=other.first_year)
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert "strategy" in refused.value.message_dict
    plan.strategy = StrategyFactory(partnership=structure.partnership)
    plan.year = plan.strategy.first_year
    plan.full_clean()


@pytest.mark.parametrize(("days_ahead", "refused"), [(-1, False), (0, False), (1, True)])
def test_leaving_is_recorded_on_the_day_not_before(structure, days_ahead, refused):
    seat = structure.members["project_a"]
    seat.left_on = timezone.localdate() + datetime.timedelta(days=days_ahead)
    if refused:
        with pytest.raises(ValidationError) as error:
            seat.full_clean()
        assert "left_on" in error.value.message_dict
    else:
        seat.full_clean()
