"""An operational group's chair in a real browser: write a report, submit it up the chain; the
executive board's roll-up then shows it received."""

import re

import pytest
from django.utils import timezone

from hub.periods import quarter_of
from partnerships.enums import ReportStatus
from partnerships.models import Board, BoardReport
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUMMARY = "The youth forum met in three boroughs; forty young people took part."


def test_an_operational_group_chair_submits_and_the_executive_board_sees_it(
    site_with_demo, page, axe
):
    base = site_with_demo
    # A quarter the demo has no report for: the one after this.
    period = quarter_of(timezone.localdate()).next()
    youth = Board.objects.get(kind="operational")

    sign_in(page, base, "youth-chair")
    page.goto(base + "/admin/partnership_reports/new/")
    # The group's chair sits on the central project board too (the document's rule): choose.
    page.locator("#id_board").select_option(str(youth.pk))
    page.locator("#id_year").fill(str(period.year))
    page.locator("#id_quarter").select_option(str(period.number))
    page.locator("#id_summary").fill(SUMMARY)
    page.locator("#id_issues_for_board_above").fill("We need a venue in the south.")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r".*/admin/partnership_reports/$"))

    report = BoardReport.objects.get(board=youth, year=period.year, quarter=period.number)
    page.goto(f"{base}/admin/partnership_reports/inspect/{report.pk}/")
    page.get_by_role("link", name=re.compile("Submit to")).click()
    page.get_by_role("button", name="Submit the report").click()
    page.get_by_text("Report submitted").wait_for()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    page.context.clear_cookies()
    sign_in(page, base, "exec-chair")
    page.goto(f"{base}/admin/partnership_rollup/?year={period.year}&quarter={period.number}")
    row = page.get_by_role("row").filter(has_text=youth.name)
    assert "received" in row.inner_text().lower()
    row.get_by_role("link", name=re.compile("Read")).click()
    page.wait_for_url(re.compile(rf".*/admin/partnership_reports/inspect/{report.pk}/$"))
    page.get_by_text(SUMMARY).wait_for()
