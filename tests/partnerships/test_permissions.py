"""Access follows board membership: a matrix of roles and the partnership's admin screens."""

import pytest
from django.urls import reverse

from partnerships.enums import ReportStatus
from tests.helpers import is_refused
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardReportFactory,
    InitiativeFactory,
)


def get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def allowed(client, user, url):
    response = get(client, user, url)
    return response.status_code == 200 and not is_refused(response)


@pytest.fixture
def records(boards):
    s = boards.s
    return {
        "youth draft report": BoardReportFactory(board=s.youth, quarter=1),
        "youth submitted report": BoardReportFactory(board=s.youth, quarter=2, submitted=True),
        "project A submitted report": BoardReportFactory(
            board=s.project_a, quarter=2, submitted=True
        ),
        "central submitted report": BoardReportFactory(board=s.central, quarter=2, submitted=True),
        "other partnership's report": BoardReportFactory(
            board=boards.other.youth, quarter=2, submitted=True
        ),
        "youth action": ActionFactory(plan=ActionPlanFactory(board=s.youth)),
        "project A initiative": InitiativeFactory(board=s.project_a),
    }


# Who may read each report, by role. A board reads its own drafts; boards above read only what
# has been submitted; no board reads another partnership's reports (the central team reads all).
REPORT_READERS = {
    "youth draft report": {"central team", "youth chair", "youth secretary", "youth member"},
    "youth submitted report": {
        "central team", "executive chair", "central chair", "youth chair", "youth secretary",
        "youth member",
    },
    "project A submitted report": {
        "central team", "executive chair", "central chair", "project A member",
    },
    "central submitted report": {"central team", "executive chair", "central chair"},
    "other partnership's report": {"central team"},
}  # fmt: skip


@pytest.mark.parametrize("record", sorted(REPORT_READERS))
def test_who_reads_each_report(client, boards, records, record):
    report = records[record]
    url = reverse("partnership_reports:inspect", args=[report.pk])
    readers = {role for role, user in boards.users.items() if allowed(client, user, url)}
    # The youth group's chair also sits on the central project board (the document's rule), and
    # so reads what that board reads: the reports of every board under it.
    expected = set(REPORT_READERS[record])
    if "central chair" in expected:
        expected.add("youth chair")
    assert readers == expected


def test_reports_list_only_what_each_may_read(client, boards, records):
    url = reverse("partnership_reports:index")
    response = get(client, boards.users["project A member"], url)
    listed = {report.pk for report in response.context["object_list"]}
    assert listed == {records["project A submitted report"].pk}


# A board's records are its own: the central team reads them and keeps the membership, but does
# not write a board's reports or actions.
EDITORS = {"youth chair", "youth secretary", "youth member"}


ROLES = [
    "anonymous", "no role", "central team", "executive chair", "central chair", "youth chair",
    "youth secretary", "youth member", "project A member", "IAG chair",
]  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_only_the_board_edits_its_draft_report(client, boards, records, role):
    report = records["youth draft report"]
    url = reverse("partnership_reports:edit", args=[report.pk])
    assert allowed(client, boards.users[role], url) == (role in EDITORS)


def test_a_submitted_report_is_edited_by_no_one(client, boards, records):
    report = records["youth submitted report"]
    url = reverse("partnership_reports:edit", args=[report.pk])
    for role in ("youth chair", "youth member", "central team"):
        assert is_refused(get(client, boards.users[role], url)), role


def test_board_meetings_are_read_by_the_board_alone(client, boards):
    url = reverse("partnership_meetings:inspect", args=[boards.meeting_youth.pk])
    readers = {role for role, user in boards.users.items() if allowed(client, user, url)}
    assert readers == {"central team", "youth chair", "youth secretary", "youth member"}


def test_actions_are_read_up_the_chain_and_kept_by_the_board(client, boards, records):
    action = records["youth action"]
    inspect = reverse("partnership_actions:inspect", args=[action.pk])
    edit = reverse("partnership_actions:edit", args=[action.pk])
    readers = {role for role, user in boards.users.items() if allowed(client, user, inspect)}
    editors = {role for role, user in boards.users.items() if allowed(client, user, edit)}
    assert readers == {
        "central team", "executive chair", "central chair", "youth chair", "youth secretary",
        "youth member",
    }  # fmt: skip
    assert editors == EDITORS


def test_only_chair_or_secretary_keep_the_membership(client, boards):
    seat = boards.s.members["youth"]
    url = reverse("partnership_members:edit", args=[seat.pk])
    editors = {role for role, user in boards.users.items() if allowed(client, user, url)}
    assert editors == {"central team", "youth chair", "youth secretary"}


def test_boards_are_set_up_by_the_central_team(client, boards):
    add = reverse("partnership_boards:add")
    assert {role for role, user in boards.users.items() if allowed(client, user, add)} == {
        "central team"
    }


def test_the_rollup_is_for_board_members_and_the_central_team(client, boards):
    url = reverse("partnership_rollup:index")
    readers = {role for role, user in boards.users.items() if allowed(client, user, url)}
    assert readers == {
        "central team", "executive chair", "central chair", "youth chair", "youth secretary",
        "youth member", "project A member",
    }  # fmt: skip


def test_a_draft_report_is_not_in_the_boards_above_rollup(client, boards, records):
    url = reverse("partnership_rollup:index") + "?year={}&quarter=1".format(
        records["youth draft report"].year
    )
    response = get(client, boards.users["executive chair"], url)
    rows = {row.board.pk: row for row in response.context["rollup"].rows}
    assert rows[boards.s.youth.pk].report is None
    assert records["youth draft report"].status == ReportStatus.DRAFT
