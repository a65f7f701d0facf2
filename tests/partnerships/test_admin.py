"""The partnership's admin screens end to end: writing and submitting a report, the roll-up,
seating members under the structure rules, and what a form refuses."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from hub.periods import quarter_of
from partnerships.enums import BoardRole, ReportState, ReportStatus
from partnerships.models import BoardMembership, BoardReport
from tests.partnerships.factories import BoardReportFactory


@pytest.fixture
def as_user(client, boards):
    def sign_in(role):
        client.logout()
        client.force_login(boards.users[role])
        return client

    return sign_in


def report_form(board, period, **extra):
    return {
        "board": board.pk,
        "year": period.year,
        "quarter": period.number,
        "summary": "We met twice and ran the youth forum.",
        "progress_on_actions": "",
        "issues_for_board_above": "",
        **extra,
    }


def test_a_chair_writes_and_submits_a_report_and_the_executive_board_sees_it(as_user, boards):
    period = quarter_of(timezone.localdate())
    youth = boards.s.youth
    client = as_user("youth chair")
    response = client.post(reverse("partnership_reports:add"), report_form(youth, period))
    assert response.status_code == 302, response.context and response.context["form"].errors
    report = BoardReport.objects.get(board=youth)
    assert report.status == ReportStatus.DRAFT

    # Not yet submitted: the executive board's roll-up shows it owed, with no report.
    rollup_url = reverse("partnership_rollup:index")
    executive = as_user("executive chair")
    rows = {row.board: row for row in executive.get(rollup_url).context["rollup"].rows}
    assert rows[youth].report is None
    assert rows[youth].state == ReportState.NOT_YET_DUE

    client = as_user("youth chair")
    response = client.post(reverse("partnership_reports:submit", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert ModelLogEntry.objects.filter(action="partnerships.report.submit").count() == 1

    executive = as_user("executive chair")
    response = executive.get(rollup_url)
    rows = {row.board: row for row in response.context["rollup"].rows}
    assert rows[youth].report == report
    assert rows[youth].state == ReportState.RECEIVED
    assert youth.name in response.content.decode()
    assert (
        executive.get(reverse("partnership_reports:inspect", args=[report.pk])).status_code == 200
    )


def test_a_report_that_cannot_be_saved_is_not_acknowledged(as_user, boards):
    youth = boards.s.youth
    BoardReportFactory(board=youth, year=2026, quarter=1)
    client = as_user("youth chair")
    data = report_form(youth, quarter_of(datetime.date(2026, 2, 1)))
    response = client.post(reverse("partnership_reports:add"), {**data, "summary": "Kept text"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "already has a report for this quarter" in body
    assert "Kept text" in body  # what was typed is kept
    assert BoardReport.objects.filter(board=youth).count() == 1


def test_a_member_cannot_file_a_report_for_another_board(as_user, boards):
    client = as_user("youth member")
    period = quarter_of(datetime.date(2026, 2, 1))
    response = client.post(
        reverse("partnership_reports:add"), report_form(boards.s.project_a, period)
    )
    assert response.status_code == 200  # re-shown with an error on the board
    assert "board" in response.context["form"].errors
    assert not BoardReport.objects.exists()


def test_an_edit_cannot_move_a_report_to_another_board(as_user, boards):
    report = BoardReportFactory(board=boards.s.youth, year=2026, quarter=1)
    client = as_user("youth member")
    data = report_form(boards.s.project_a, report.period, summary="Changed")
    response = client.post(reverse("partnership_reports:edit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (
        report.board == boards.s.youth
    )  # the board field is disabled: the posted value is ignored
    assert report.summary == "Changed"


def test_nobody_submits_another_boards_report(as_user, boards):
    report = BoardReportFactory(board=boards.s.youth, year=2026, quarter=1)
    for role in ("project A member", "executive chair", "central team"):
        client = as_user(role)
        client.post(reverse("partnership_reports:submit", args=[report.pk]))
        report.refresh_from_db()
        assert report.status == ReportStatus.DRAFT, role


def test_only_the_chair_or_secretary_publishes(as_user, boards):
    report = BoardReportFactory(board=boards.s.youth, year=2026, quarter=1, submitted=True)
    as_user("youth member").post(reverse("partnership_reports:publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.published_at is None
    as_user("youth secretary").post(reverse("partnership_reports:publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.published_at is not None


def seat_form(board, **extra):
    return {
        "board": board.pk,
        "existing_person": "",
        "person_name": "",
        "person_email": "",
        "person_phone": "",
        "organisation": "",
        "role": BoardRole.MEMBER,
        "nominated_on": "",
        "joined_on": "2026-01-05",
        "left_on": "",
        **extra,
    }


def test_a_central_project_board_chair_not_on_the_executive_board_is_refused(as_user, boards):
    s = boards.s
    chair = s.chairs["central"]
    chair.left_on = chair.joined_on
    chair.save()
    outsider = s.members["project_a"].person
    client = as_user("central team")
    data = seat_form(s.central, existing_person=outsider.pk, role=BoardRole.CHAIR)
    response = client.post(reverse("partnership_members:add"), data)
    assert response.status_code == 200
    assert "will sit on the executive board" in response.content.decode()
    assert not BoardMembership.objects.filter(board=s.central, person=outsider).exists()

    # Once they sit on the executive board, they may chair the central project board.
    client.post(
        reverse("partnership_members:add"), seat_form(s.executive, existing_person=outsider.pk)
    )
    response = client.post(reverse("partnership_members:add"), data)
    assert response.status_code == 302
    assert BoardMembership.objects.chairs().get(board=s.central).person == outsider


def test_a_chair_seats_a_new_person_on_their_board(as_user, boards):
    client = as_user("youth chair")
    data = seat_form(boards.s.youth, person_name="Ada Invented", person_email="ada@example.org")
    response = client.post(reverse("partnership_members:add"), data)
    assert response.status_code == 302
    seat = BoardMembership.objects.get(person__name="Ada Invented")
    assert seat.board == boards.s.youth


def test_a_seat_needs_someone(as_user, boards):
    client = as_user("youth chair")
    response = client.post(reverse("partnership_members:add"), seat_form(boards.s.youth))
    assert response.status_code == 200
    assert "Choose who is joining" in response.content.decode()


def test_the_rollup_counts_actions_by_status_in_a_constant_number_of_queries(as_user, boards):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.partnerships.factories import ActionFactory, ActionPlanFactory

    client = as_user("executive chair")
    url = reverse("partnership_rollup:index")
    plan = ActionPlanFactory(board=boards.s.youth)
    ActionFactory(plan=plan)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for board in [b for b in boards.s.boards if b != boards.s.youth]:
        other = ActionPlanFactory(board=board)
        for _ in range(3):
            ActionFactory(plan=other)
            BoardReportFactory(board=board, year=2020 + _, submitted=True)
    BoardReportFactory(board=boards.s.project_b, year=timezone.localdate().year,
                       quarter=quarter_of(timezone.localdate()).number, submitted=True)  # fmt: skip
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(large) == len(small)
    totals = response.context["totals"]
    assert sum(totals.values()) == 1 + 3 * 4
    assert response.context["states"][ReportState.RECEIVED] == 1
