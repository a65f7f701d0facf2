"""Submitting a board's report up the chain and publishing it: one transaction each, recorded
in the report's history and in Wagtail's audit log, and refused without changing anything when
the report is not in the state the step needs."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from partnerships import services
from partnerships.enums import ReportState, ReportStatus
from partnerships.models import BoardReport
from tests.hub.factories import UserFactory
from tests.partnerships.factories import BoardReportFactory, build_structure

pytestmark = pytest.mark.django_db

SUBMITTED_AT = datetime.datetime(2026, 6, 30, 15, 0, tzinfo=datetime.UTC)
PUBLISHED_AT = datetime.datetime(2026, 7, 14, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def structure():
    return build_structure()


@pytest.fixture
def user():
    return UserFactory(username="youth-chair")


@pytest.fixture
def report(structure):
    return BoardReportFactory(board=structure.youth, year=2026, quarter=2)


def logged(report):
    return list(
        ModelLogEntry.objects.for_instance(report)
        .order_by("pk")
        .values_list("action", "user__username")
    )


def snapshot(report):
    """Everything a refused step must leave as it was."""
    stored = BoardReport.objects.get(pk=report.pk)
    return (
        stored.status,
        stored.summary,
        stored.submitted_at,
        stored.submitted_by_id,
        stored.published_at,
        stored.history.count(),
        len(logged(report)),
    )


def submit(report, user, when=SUBMITTED_AT):
    with time_machine.travel(when, tick=False):
        return services.submit_report(report, user)


def publish(report, user, when=PUBLISHED_AT):
    with time_machine.travel(when, tick=False):
        return services.publish_report(report, user)


class TestSubmitReport:
    def test_a_draft_is_sent_to_the_board_above(self, structure, report, user):
        returned = submit(report, user)
        report.refresh_from_db()
        assert returned == report
        assert report.status == ReportStatus.SUBMITTED
        assert report.submitted_at == SUBMITTED_AT
        assert report.submitted_by == user
        assert report.published_at is None
        assert report.state(today=datetime.date(2026, 7, 1)) == ReportState.RECEIVED

    def test_the_history_says_who_and_why(self, structure, report, user):
        submit(report, user)
        assert report.history.count() == 2
        latest = report.history.latest("history_id")
        assert latest.status == ReportStatus.SUBMITTED
        assert latest.history_user == user
        assert latest.history_change_reason == f"Submitted to {structure.central}"

    def test_the_audit_log_records_it(self, report, user):
        submit(report, user)
        assert logged(report) == [(services.SUBMIT_REPORT, user.username)]

    def test_a_second_submission_is_refused_and_changes_nothing(self, report, user):
        submit(report, user)
        before = snapshot(report)
        with pytest.raises(ValidationError, match="already been submitted"):
            submit(report, UserFactory(), when=SUBMITTED_AT + datetime.timedelta(days=1))
        assert snapshot(report) == before

    def test_a_stale_copy_of_the_draft_cannot_submit_it_again(self, report, user):
        stale = BoardReport.objects.get(pk=report.pk)
        submit(report, user)
        before = snapshot(report)
        with pytest.raises(ValidationError, match="already been submitted"):
            submit(stale, UserFactory())
        assert snapshot(report) == before

    @pytest.mark.parametrize("summary", ["", "   \n\t "])
    def test_an_empty_summary_is_refused_and_changes_nothing(self, report, user, summary):
        report.summary = summary
        report.save()
        before = snapshot(report)
        with pytest.raises(ValidationError, match="Write the summary"):
            submit(report, user)
        assert snapshot(report) == before
        assert before[0] == ReportStatus.DRAFT
        assert logged(report) == []


class TestPublishReport:
    def test_a_submitted_report_is_published(self, report, user):
        submit(report, user)
        publisher = UserFactory(username="central-team")
        publish(report, publisher)
        report.refresh_from_db()
        assert report.published_at == PUBLISHED_AT
        assert report.is_published
        assert report.submitted_by == user
        assert list(BoardReport.objects.published()) == [report]
        latest = report.history.latest("history_id")
        assert (latest.history_user, latest.history_change_reason) == (publisher, "Published")
        assert logged(report) == [
            (services.SUBMIT_REPORT, user.username),
            (services.PUBLISH_REPORT, publisher.username),
        ]

    def test_a_draft_cannot_be_published_and_nothing_changes(self, report, user):
        before = snapshot(report)
        with pytest.raises(ValidationError, match="Only a submitted report"):
            publish(report, user)
        assert snapshot(report) == before

    def test_publishing_twice_is_refused_and_changes_nothing(self, report, user):
        submit(report, user)
        publish(report, user)
        before = snapshot(report)
        with pytest.raises(ValidationError, match="already published"):
            publish(report, user, when=PUBLISHED_AT + datetime.timedelta(days=3))
        assert snapshot(report) == before
        assert BoardReport.objects.get(pk=report.pk).published_at == PUBLISHED_AT


def test_the_executive_board_submits_no_report(structure, user):
    report = BoardReportFactory(board=structure.executive)
    with pytest.raises(ValidationError, match="reports to no board"):
        services.submit_report(report, user)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
