"""The partnership's public pages in a real browser: accessibility (axe, WCAG 2.2 A and AA) and
reaching a board from the structure with the keyboard alone."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from hub.enums import MinutesStatus
from partnerships.enums import ActionStatus
from partnerships.models import PartnershipPage, PublicationPage
from tests.browser.helpers import describe
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardMeetingFactory,
    BoardMinuteItemFactory,
    BoardReportFactory,
    InitiativeFactory,
    build_structure,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAMES = {
    "executive board": "Executive board",
    "central project board": "Central project board",
    "youth operational group": "Youth operational group",
    "project board A": "Project board A",
    "project board B": "Project board B",
}


@pytest.fixture
def partnership(live_server):
    """A partnership page with one of everything its routes show, and the paths to each."""
    s = build_structure(names=NAMES)
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = home.add_child(
        instance=PartnershipPage(
            title="Voluntary sector and police partnership",
            slug="partnership",
            partnership=s.partnership,
            intro="The voluntary sector and the police working together.",
        )
    )
    page.save_revision().publish()

    today = timezone.localdate()
    report = BoardReportFactory(
        board=s.youth,
        published=True,
        progress_on_actions="Both events happened.\nA third is planned.",
        issues_for_board_above="Funding for the third event.",
    )
    InitiativeFactory(board=s.project_a, title="Summer football league")
    plan = ActionPlanFactory(board=s.youth)
    ActionFactory(
        plan=plan,
        title="Hold a youth forum",
        status=ActionStatus.IN_PROGRESS,
        due_on=today - datetime.timedelta(days=3),
    )
    ActionFactory(plan=plan, title="Train youth workers", done=True, completed_on=today)
    ActionFactory(plan=plan, title="Open a drop-in")
    meeting = BoardMeetingFactory(board=s.youth, minutes_status=MinutesStatus.PUBLISHED)
    BoardMinuteItemFactory(meeting=meeting, title="Youth club funding")
    BoardMinuteItemFactory(meeting=meeting, withheld=True)
    publication = page.add_child(
        instance=PublicationPage(title="Voluntary Voice", slug="voluntary-voice", issue_date=today)
    )
    publication.save_revision().publish()

    def route(name, *args):
        return page.url + page.reverse_subpage(name, args=args)

    return {
        "structure": page.url,
        "board": route("board", s.youth.slug),
        "project board": route("board", s.project_a.slug),
        "report list": route("report_list"),
        "report": route("report", report.pk),
        "action plan": route("action_plan", plan.pk),
        "minutes": route("minutes", s.youth.slug, meeting.pk),
        "publication": publication.url,
    }


def test_partnership_pages_have_no_axe_violations(live_server, partnership, page, axe):
    found = {}
    for name, path in partnership.items():
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, name
        if violations := axe(page):
            found[name] = describe(violations)
    assert found == {}, "\n".join(f"{name}: {report}" for name, report in found.items())


def test_a_board_is_reached_from_the_structure_with_the_keyboard(live_server, partnership, page):
    page.goto(live_server.url + partnership["structure"])
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == partnership["board"]:
            break
    else:
        pytest.fail("The youth operational group's link could not be reached with the Tab key")
    assert page.evaluate("document.activeElement.closest('main li ul li') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + partnership["board"])
    assert page.get_by_role("heading", level=1, name="Youth operational group").is_visible()


def test_the_structure_works_without_javascript(live_server, partnership, no_js_page):
    page = no_js_page
    page.goto(live_server.url + partnership["structure"])
    page.get_by_role("link", name="Project board A").click()
    assert page.get_by_role("heading", name="Summer football league").is_visible()
    page.get_by_role("link", name="Central project board").first.click()
    assert page.get_by_role("heading", level=1, name="Central project board").is_visible()
