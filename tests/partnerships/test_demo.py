"""The partnership demo data tells the framework document's story, and keeps to its rules."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from hub.enums import MinuteItemKind, MinutesStatus
from hub.models import Organisation, Person
from hub.periods import quarter_of
from hub.roles import Role
from partnerships import demo as partnership_demo
from partnerships.enums import ActionStatus, BoardKind, ReportState
from partnerships.models import (
    Action,
    ActionPlan,
    Board,
    BoardMeeting,
    BoardMembership,
    BoardMinuteItem,
    BoardReport,
    Initiative,
    Partnership,
    PartnershipPage,
    PublicationPage,
)
from partnerships.rollup import build_rollup

pytestmark = pytest.mark.django_db

# Every test in this module sees the full demo (loaded once for the module).


@pytest.fixture
def partnership(demo):
    return Partnership.objects.get(name=partnership_demo.NAME)


def sits_on(board, person):
    return board.memberships.current().filter(person=person).exists()


def test_the_structure_matches_the_framework_document(partnership):
    boards = partnership.boards.all()
    kinds = sorted(boards.values_list("kind", flat=True))
    assert kinds == sorted(
        [BoardKind.EXECUTIVE, BoardKind.CENTRAL, BoardKind.OPERATIONAL] + [BoardKind.PROJECT] * 2
    )
    executive = boards.get(kind=BoardKind.EXECUTIVE)
    central = boards.get(kind=BoardKind.CENTRAL)
    youth = boards.get(kind=BoardKind.OPERATIONAL)
    assert executive.parent is None and central.parent == executive
    assert youth.parent == central and youth.theme.name == "Youth"
    assert {board.parent for board in boards.filter(kind=BoardKind.PROJECT)} == {central}
    # "The chair of the central project board will sit on the executive board."
    assert sits_on(executive, central.current_chair().person)
    # The operational group's nominated chair comes from the central project board.
    youth_chair = youth.current_chair()
    assert youth_chair.nominated_on and sits_on(central, youth_chair.person)
    assert partnership.objective in partnership_demo.OBJECTIVE
    assert "fear of crime" in partnership.objective
    assert set(partnership.partners.values_list("name", flat=True)) == {
        "London Voluntary Services Council",
        "3rd Sector Alliance",
        "Metropolitan Police Service",
    }
    assert {theme.name for theme in partnership.themes.all()} == {"Youth", "Diversity"}
    strategy = partnership.strategies.get()
    assert (strategy.first_year, strategy.years) == (timezone.localdate().year - 1, 5)


def test_every_record_passes_its_own_validation(partnership):
    for model in (Board, BoardMembership, Initiative, BoardReport, ActionPlan, Action):
        records = model.objects.all()
        assert records.exists(), model.__name__
        for record in records:
            record.full_clean()


def test_members_represent_the_partners_and_all_but_one_chair_may_be_named(partnership):
    partners = set(partnership.partners.all())
    seats = BoardMembership.objects.current().filter(board__partnership=partnership)
    assert seats.count() >= 15
    assert {seat.organisation for seat in seats} == partners
    for board in partnership.boards.all():
        represented = {seat.organisation.name for seat in seats.filter(board=board)}
        assert len(represented) >= 2, board
    chairs = seats.chairs()
    assert chairs.count() == 5
    assert chairs.filter(publish_name=False).count() == 1


def test_initiatives_are_owned_by_project_boards_with_agreed_objectives(partnership):
    initiatives = Initiative.objects.filter(board__partnership=partnership)
    assert {i.board.kind for i in initiatives} == {BoardKind.PROJECT}
    assert initiatives.filter(objectives_agreed_on__isnull=False).count() >= 3
    assert initiatives.values("board").distinct().count() == 2


def test_a_year_of_reports_with_one_late_and_one_missing(partnership):
    today = timezone.localdate()
    reporting = partnership.boards.reporting()
    assert not BoardReport.objects.filter(board__kind=BoardKind.EXECUTIVE).exists()
    period, states = quarter_of(today), []
    for _ in range(4):
        period = period.previous()
        rows = build_rollup(reporting, period, today).rows
        assert len(rows) == 4
        states += [row.state for row in rows]
        assert BoardReport.objects.for_period(period).count() >= 3
    assert states.count(ReportState.RECEIVED_LATE) == 1
    assert states.count(ReportState.LATE) == 1
    assert states.count(ReportState.RECEIVED) == 14
    # Every submitted report is on the public pages but one, awaiting its chair.
    assert BoardReport.objects.submitted().count() == 15
    assert BoardReport.objects.published().count() == 14
    # This quarter's reports are still being written.
    current = BoardReport.objects.for_period(quarter_of(today))
    assert current.exists() and not current.submitted().exists()
    current_rows = build_rollup(reporting, quarter_of(today), today).rows
    assert {row.state for row in current_rows} == {ReportState.NOT_YET_DUE}


def test_action_plans_with_actions_in_every_status(partnership):
    today = timezone.localdate()
    plans = ActionPlan.objects.filter(board__partnership=partnership)
    assert set(plans.values_list("year", flat=True)) == {today.year - 1, today.year}
    assert not plans.filter(board__kind=BoardKind.EXECUTIVE).exists()
    actions = Action.objects.filter(plan__in=plans)
    assert set(actions.values_list("status", flat=True)) == set(ActionStatus.values)
    this_year = actions.filter(plan__year=today.year)
    assert set(this_year.values_list("status", flat=True)) == set(ActionStatus.values)
    assert actions.overdue(today).count() >= 3
    assert not actions.filter(status=ActionStatus.DONE, completed_on__isnull=True).exists()
    for action in actions:
        assert sits_on(action.plan.board, action.owner), action


def test_minutes_in_every_state_and_one_item_withheld(partnership):
    meetings = BoardMeeting.objects.filter(board__partnership=partnership)
    for board in partnership.boards.all():
        assert meetings.filter(board=board).count() >= 3, board
    assert set(meetings.values_list("minutes_status", flat=True)) == set(MinutesStatus.values)
    assert meetings.filter(date__gt=timezone.localdate()).exists()
    withheld = BoardMinuteItem.objects.filter(kind=MinuteItemKind.CONFIDENTIAL)
    assert withheld.count() == 1
    item = withheld.get()
    assert (item.title, item.text) == ("", "") and item.withheld_at_request_of
    assert item.meeting.minutes_are_published
    assert not item.meeting.public_minute_items().filter(pk=item.pk).exists()


def test_the_public_pages(client, partnership):
    page = PartnershipPage.objects.live().get(slug="partnership")
    assert page.partnership == partnership and page.show_in_menus
    issues = PublicationPage.objects.live().child_of(page)
    assert issues.count() == 2
    assert all(issue.title.startswith("Voluntary Voice") for issue in issues)
    today = timezone.localdate()
    assert max(issue.issue_date for issue in issues) < today.replace(day=1)
    # Something was delivered in each issue's month.
    for issue in issues:
        first, last = issue.month
        assert Action.objects.filter(completed_on__range=(first, last)).exists(), issue


LOGIN_BOARDS = {
    "exec-chair": (BoardKind.EXECUTIVE, "chair"),
    "cpb-chair": (BoardKind.CENTRAL, "chair"),
    "youth-chair": (BoardKind.OPERATIONAL, "chair"),
    "project-member": (BoardKind.PROJECT, "member"),
}


@pytest.mark.parametrize("username", list(LOGIN_BOARDS))
def test_demo_logins_are_board_members_who_can_sign_in(client, demo, username):
    user = get_user_model().objects.get(username=username)
    assert set(user.groups.values_list("name", flat=True)) == {Role.BOARD_MEMBER.value}
    kind, role = LOGIN_BOARDS[username]
    assert user.person.board_memberships.current().filter(board__kind=kind, role=role).exists()
    assert username in demo
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_demo_people_are_invented(partnership):
    people = Person.objects.filter(board_memberships__board__partnership=partnership).distinct()
    assert people.count() >= 15
    for person in people:
        assert person.email.endswith("@example.org"), person.email
        # Ofcom's drama range for London: never a real line.
        assert re.fullmatch(r"020 7946 0\d{3}", person.phone), person.phone


def counts():
    return tuple(
        model.objects.count()
        for model in (
            Partnership,
            Organisation,
            Person,
            get_user_model(),
            Board,
            BoardMembership,
            Initiative,
            BoardReport,
            ActionPlan,
            Action,
            BoardMeeting,
            BoardMinuteItem,
            PartnershipPage,
            PublicationPage,
            BoardMembership.history.model,
            BoardReport.history.model,
        )
    )


def test_loading_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before
