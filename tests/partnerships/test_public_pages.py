"""The partnership's public pages: its structure as a nested list, boards, published reports,
public action plans, published minutes and the monthly publication.

Only what is public may appear: a chair's name only with their consent, reports only once
published, action plans only when shown, minutes only once published and never a withheld item,
and never who owns an action.
"""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from hub.enums import MinutesStatus
from hub.models import HomePage
from partnerships.enums import ActionStatus, BoardKind
from partnerships.models import PartnershipPage, PublicationPage
from tests.hub.factories import OrganisationFactory, PersonFactory
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardFactory,
    BoardMeetingFactory,
    BoardMembershipFactory,
    BoardMinuteItemFactory,
    BoardReportFactory,
    InitiativeFactory,
    build_structure,
)

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
NAMES = {
    "executive board": "Executive board",
    "central project board": "Central project board",
    "youth operational group": "Youth operational group",
    "project board A": "Project board A",
    "project board B": "Project board B",
}
OWNER = "Ottoline Actionowner"
WITHHELD_BY = "Superintendent Example"


def add_partnership_page(home, partnership, slug="partnership"):
    page = home.add_child(
        instance=PartnershipPage(
            title="Voluntary sector and police partnership", slug=slug, partnership=partnership
        )
    )
    page.save_revision().publish()
    return page


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def html(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def s(db):
    return build_structure(names=NAMES)


@pytest.fixture
def partnership_page(home, s):
    return add_partnership_page(home, s.partnership)


@pytest.fixture
def owner(db):
    return PersonFactory(name=OWNER)


def board_tree(ul):
    """``[(link text, href, [...children])]`` from a nested ``<ul>``."""
    tree = []
    for li in ul.find_all("li", recursive=False):
        link = li.find("a", recursive=False)
        below = li.find("ul", recursive=False)
        tree.append((link.get_text(strip=True), link["href"], board_tree(below) if below else []))
    return tree


class TestStructurePage:
    def test_every_board_appears_as_a_nested_list_from_the_executive_board_down(
        self, client, s, partnership_page
    ):
        soup = BeautifulSoup(html(client.get(partnership_page.url)), "html.parser")
        tree = board_tree(soup.find(id="structure").find_next("ul"))

        def board(b, children=()):
            return (b.name, route(partnership_page, "board", b.slug), list(children))

        assert tree == [
            board(
                s.executive,
                [board(s.central, [board(s.youth), board(s.project_a), board(s.project_b)])],
            )
        ]

    def test_each_board_shows_its_kind_purpose_and_theme(self, client, s, partnership_page):
        body = html(client.get(partnership_page.url))
        for each in s.boards:
            assert f"({each.get_kind_display().lower()})" in body
            assert each.purpose in body
        assert "Theme: Youth" in body

    def test_a_chair_is_named_only_with_consent(self, client, s, partnership_page):
        s.chairs["project_a"].publish_name = False
        s.chairs["project_a"].save()
        body = html(client.get(partnership_page.url))
        assert f"Chair: {s.chairs['project_b'].person.name}" in body
        assert s.chairs["project_a"].person.name not in body
        for member in s.members.values():
            assert member.person.name not in body

    def test_a_chair_who_has_left_is_not_named(self, client, s, partnership_page):
        s.chairs["project_b"].left_on = timezone.localdate()
        s.chairs["project_b"].save()
        assert s.chairs["project_b"].person.name not in html(client.get(partnership_page.url))

    def test_partners_and_themes_are_listed(self, client, s, partnership_page):
        partner = OrganisationFactory(name="London Voluntary Service Council")
        s.partnership.partners.add(partner)
        s.partnership.save()
        body = html(client.get(partnership_page.url))
        assert "London Voluntary Service Council" in body
        assert "<li>Youth</li>" in body

    def test_progress_is_counted_by_status_in_the_order_of_the_statuses(
        self, client, s, partnership_page, owner
    ):
        plan = ActionPlanFactory(board=s.project_a)
        ActionFactory(plan=plan, owner=owner)
        ActionFactory.create_batch(2, plan=plan, owner=owner, status=ActionStatus.IN_PROGRESS)
        ActionFactory(plan=plan, owner=owner, done=True)
        soup = BeautifulSoup(html(client.get(partnership_page.url)), "html.parser")
        table = soup.find("caption", string=lambda text: text and plan.board.name in text).parent
        rows = [
            (row.th.get_text(strip=True), row.td.get_text(strip=True))
            for row in table.tbody.find_all("tr")
        ]
        assert rows == [
            ("Not started", "1"),
            ("In progress", "2"),
            ("Delayed", "0"),
            ("Done", "1"),
            ("Dropped", "0"),
        ]
        assert route(partnership_page, "action_plan", plan.pk) in str(soup)
        assert OWNER not in str(soup)

    def test_the_number_of_queries_does_not_grow_with_the_boards(self, client, home):
        def furnish(structure, extra_boards=0):
            for n in range(extra_boards):
                BoardFactory(
                    partnership=structure.partnership,
                    kind=BoardKind.PROJECT,
                    parent=structure.central,
                    name=f"{structure.partnership.name}: extra project board {n}",
                )
            boards = structure.partnership.boards.all()
            for board in boards:
                if board.memberships.chairs().count() == 0:
                    BoardMembershipFactory(board=board, chair=True)
                if not board.is_executive:
                    BoardReportFactory(board=board, published=True)
                plan = ActionPlanFactory(board=board)
                ActionFactory.create_batch(3, plan=plan, owner=PersonFactory())
                ActionFactory(plan=plan, done=True)
                BoardMeetingFactory(board=board, minutes_status=MinutesStatus.PUBLISHED)
            return boards.count()

        small, large = build_structure(), build_structure()
        assert (furnish(small), furnish(large, extra_boards=5)) == (5, 10)
        small_page = add_partnership_page(home, small.partnership, slug="small")
        large_page = add_partnership_page(home, large.partnership, slug="large")

        def count(page):
            html(client.get(page.url))  # caches warmed: site root paths, glossary terms
            with CaptureQueriesContext(connection) as queries:
                html(client.get(page.url))
            return len(queries)

        assert count(large_page) == count(small_page)


class TestReports:
    @pytest.fixture
    def reports(self, s):
        return {
            "published": BoardReportFactory(
                board=s.youth,
                published=True,
                summary="Ran two joint youth events.",
                progress_on_actions="Both events happened.\nA third is planned.",
                issues_for_board_above="Funding for the third event.",
            ),
            "submitted": BoardReportFactory(
                board=s.project_a, submitted=True, summary="Submitted, not yet published."
            ),
            "draft": BoardReportFactory(board=s.project_b, summary="Still a draft."),
        }

    def test_a_published_report_shows_each_part(self, client, s, partnership_page, reports):
        report = reports["published"]
        body = html(client.get(route(partnership_page, "report", report.pk)))
        assert "Ran two joint youth events." in body
        assert 'hub-pre-line">Both events happened.\nA third is planned.</p>' in body
        assert "Funding for the third event." in body
        assert f"Issues for the {s.central.name}" in body
        assert str(report.period) in body
        assert route(partnership_page, "board", s.central.slug) in body

    @pytest.mark.parametrize("state", ["submitted", "draft"])
    def test_an_unpublished_report_is_not_found(self, client, partnership_page, reports, state):
        assert client.get(route(partnership_page, "report", reports[state].pk)).status_code == 404

    def test_only_published_reports_are_listed(self, client, s, partnership_page, reports):
        pages = [
            partnership_page.url,
            route(partnership_page, "report_list"),
            route(partnership_page, "board", s.youth.slug),
            route(partnership_page, "board", s.project_a.slug),
            route(partnership_page, "board", s.project_b.slug),
        ]
        for url in pages:
            body = html(client.get(url))
            assert "Submitted, not yet published." not in body
            for state in ("submitted", "draft"):
                assert route(partnership_page, "report", reports[state].pk) not in body
        published = route(partnership_page, "report", reports["published"].pk)
        assert published in html(client.get(partnership_page.url))
        assert published in html(client.get(route(partnership_page, "report_list")))
        assert published in html(client.get(route(partnership_page, "board", s.youth.slug)))

    def test_a_report_of_another_partnership_is_not_found(self, client, partnership_page):
        other = build_structure()
        report = BoardReportFactory(board=other.central, published=True)
        assert client.get(route(partnership_page, "report", report.pk)).status_code == 404
        assert route(partnership_page, "report", report.pk) not in html(
            client.get(route(partnership_page, "report_list"))
        )


class TestActionPlans:
    @pytest.fixture
    def plans(self, s, owner):
        today = timezone.localdate()
        public = ActionPlanFactory(board=s.youth, summary="Youth work this year.")
        initiative = InitiativeFactory(board=s.project_a, title="Summer football league")
        ActionFactory(
            plan=public,
            owner=owner,
            title="Late and open",
            status=ActionStatus.IN_PROGRESS,
            due_on=today - datetime.timedelta(days=1),
        )
        ActionFactory(
            plan=public,
            owner=owner,
            title="Late but done",
            done=True,
            due_on=today - datetime.timedelta(days=10),
        )
        ActionFactory(
            plan=public, owner=owner, title="Due today", due_on=today, initiative=initiative
        )
        hidden = ActionPlanFactory(board=s.project_b, is_public=False)
        ActionFactory(plan=hidden, owner=owner, title="Hidden action")
        return {"public": public, "hidden": hidden}

    def test_the_plan_lists_its_actions_with_status_and_an_overdue_marker(
        self, client, partnership_page, plans
    ):
        soup = BeautifulSoup(
            html(client.get(route(partnership_page, "action_plan", plans["public"].pk))),
            "html.parser",
        )
        rows = {
            row.th.get_text(strip=True): [cell.get_text(" ", strip=True) for cell in row("td")]
            for row in soup.find("caption", string=lambda t: t and "Actions in" in t).parent("tr")[
                1:
            ]
        }
        assert set(rows) == {"Late and open", "Late but done", "Due today"}
        assert rows["Late and open"][0] == "In progress"
        assert rows["Late and open"][1].endswith("Overdue")
        assert "Overdue" not in rows["Late but done"][1]
        assert "Overdue" not in rows["Due today"][1]
        assert rows["Due today"][2] == "Summer football league"
        assert "Youth work this year." in str(soup)

    def test_a_plan_that_is_not_public_is_neither_shown_nor_found(
        self, client, s, partnership_page, plans
    ):
        hidden = plans["hidden"]
        assert client.get(route(partnership_page, "action_plan", hidden.pk)).status_code == 404
        for url in (partnership_page.url, route(partnership_page, "board", s.project_b.slug)):
            body = html(client.get(url))
            assert route(partnership_page, "action_plan", hidden.pk) not in body
            assert "Hidden action" not in body

    def test_a_plan_of_another_partnership_is_not_found(self, client, partnership_page):
        plan = ActionPlanFactory(board=build_structure().youth)
        assert client.get(route(partnership_page, "action_plan", plan.pk)).status_code == 404

    def test_no_page_names_who_owns_an_action(self, client, s, partnership_page, plans, owner):
        ActionFactory(
            plan=plans["public"], owner=owner, done=True, completed_on=timezone.localdate()
        )
        publication = partnership_page.add_child(
            instance=PublicationPage(title="This month", slug="this-month")
        )
        urls = [
            partnership_page.url,
            route(partnership_page, "action_plan", plans["public"].pk),
            publication.url,
            *(route(partnership_page, "board", board.slug) for board in s.boards),
        ]
        for url in urls:
            assert OWNER not in html(client.get(url)), url


class TestBoardAndMinutes:
    @pytest.fixture
    def meetings(self, s):
        published = BoardMeetingFactory(
            board=s.youth,
            date=datetime.date(2025, 5, 14),
            minutes_status=MinutesStatus.PUBLISHED,
        )
        BoardMinuteItemFactory(meeting=published, title="Youth club funding")
        BoardMinuteItemFactory(meeting=published, withheld=True, withheld_at_request_of=WITHHELD_BY)
        draft = BoardMeetingFactory(board=s.youth, date=datetime.date(2025, 6, 11))
        BoardMinuteItemFactory(meeting=draft, title="Draft item")
        return {"published": published, "draft": draft}

    def test_the_board_page(self, client, s, partnership_page, meetings):
        InitiativeFactory(board=s.project_a, title="Agreed", objectives="Fewer first offences.")
        InitiativeFactory(board=s.project_a, title="Not agreed", objectives_agreed_on=None)
        body = html(client.get(route(partnership_page, "board", s.project_a.slug)))
        assert s.project_a.purpose in body
        assert "Project board" in body
        assert route(partnership_page, "board", s.central.slug) in body
        assert s.chairs["project_a"].person.name in body
        assert "Agreed" in body and "Fewer first offences." in body
        assert "Not agreed" not in body

    def test_the_board_page_names_no_chair_without_consent(self, client, s, partnership_page):
        s.chairs["youth"].publish_name = False
        s.chairs["youth"].save()
        body = html(client.get(route(partnership_page, "board", s.youth.slug)))
        assert s.chairs["youth"].person.name not in body
        assert "The chair's name is not published." in body

    def test_only_published_minutes_are_listed(self, client, s, partnership_page, meetings):
        body = html(client.get(route(partnership_page, "board", s.youth.slug)))
        assert route(partnership_page, "minutes", s.youth.slug, meetings["published"].pk) in body
        assert route(partnership_page, "minutes", s.youth.slug, meetings["draft"].pk) not in body

    def test_published_minutes_never_show_a_withheld_item(
        self, client, s, partnership_page, meetings
    ):
        url = route(partnership_page, "minutes", s.youth.slug, meetings["published"].pk)
        body = html(client.get(url))
        assert "Youth club funding" in body
        assert WITHHELD_BY not in body
        assert "Not recorded" not in body
        assert "Confidential" not in body

    def test_draft_minutes_are_not_found(self, client, s, partnership_page, meetings):
        url = route(partnership_page, "minutes", s.youth.slug, meetings["draft"].pk)
        assert client.get(url).status_code == 404

    def test_minutes_are_not_reachable_through_another_board(
        self, client, s, partnership_page, meetings
    ):
        url = route(partnership_page, "minutes", s.central.slug, meetings["published"].pk)
        assert client.get(url).status_code == 404

    def test_a_board_of_another_partnership_is_not_found(self, client, partnership_page):
        other = build_structure()
        assert client.get(route(partnership_page, "board", other.youth.slug)).status_code == 404


class TestPublicationPage:
    ISSUE = datetime.date(2024, 3, 15)

    @pytest.fixture
    def publication(self, partnership_page):
        page = partnership_page.add_child(
            instance=PublicationPage(
                title="Voluntary Voice, March 2024", slug="march-2024", issue_date=self.ISSUE
            )
        )
        page.save_revision().publish()
        return page

    def test_it_lists_the_actions_done_in_its_month(self, client, s, publication):
        plan = ActionPlanFactory(board=s.youth, year=2024)
        hidden = ActionPlanFactory(board=s.project_a, year=2024, is_public=False)
        for title, completed_on in [
            ("Done on the first", datetime.date(2024, 3, 1)),
            ("Done on the last", datetime.date(2024, 3, 31)),
            ("Done the month before", datetime.date(2024, 2, 29)),
            ("Done the month after", datetime.date(2024, 4, 1)),
        ]:
            ActionFactory(plan=plan, title=title, done=True, completed_on=completed_on)
        ActionFactory(plan=plan, title="Still in progress", status=ActionStatus.IN_PROGRESS)
        ActionFactory(
            plan=hidden, title="Done in a hidden plan", done=True, completed_on=self.ISSUE
        )
        body = html(client.get(publication.url))
        assert "What the partnership delivered this month" in body
        assert "Done on the first" in body and "Done on the last" in body
        for absent in (
            "Done the month before",
            "Done the month after",
            "Still in progress",
            "Done in a hidden plan",
        ):
            assert absent not in body

    def test_it_lists_the_reports_published_in_its_month(self, client, s, publication):
        def published(board, when):
            return BoardReportFactory(board=board, published=True, published_at=when)

        # Summer time starts at 01:00 on 31 March 2024: the month ends at midnight in London.
        inside = [
            published(s.youth, datetime.datetime(2024, 3, 10, 12, tzinfo=LONDON)),
            published(s.central, datetime.datetime(2024, 3, 31, 23, 30, tzinfo=LONDON)),
        ]
        outside = [
            published(s.project_a, datetime.datetime(2024, 2, 29, 12, tzinfo=LONDON)),
            published(s.project_b, datetime.datetime(2024, 4, 1, 0, 30, tzinfo=LONDON)),
            BoardReportFactory(board=s.youth, quarter=2, submitted=True),
        ]
        page = publication.get_parent().specific
        body = html(client.get(publication.url))
        for report in inside:
            assert route(page, "report", report.pk) in body
        for report in outside:
            assert route(page, "report", report.pk) not in body

    def test_it_shows_its_month(self, client, publication):
        assert '<time datetime="2024-03">March 2024</time>' in html(client.get(publication.url))


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.structure = build_structure(names=NAMES)
        cls.page = add_partnership_page(cls.home, cls.structure.partnership)
        cls.publication = cls.page.add_child(
            instance=PublicationPage(title="Voluntary Voice", slug="voluntary-voice")
        )

    def test_the_partnership_page_sits_under_the_home_page(self):
        self.assertAllowedParentPageTypes(PartnershipPage, {HomePage})
        self.assertCanCreateAt(HomePage, PartnershipPage)

    def test_publications_sit_under_the_partnership_page_only(self):
        self.assertAllowedSubpageTypes(PartnershipPage, {PublicationPage})
        self.assertAllowedParentPageTypes(PublicationPage, {PartnershipPage})
        self.assertCanNotCreateAt(HomePage, PublicationPage)
        self.assertAllowedSubpageTypes(PublicationPage, set())

    def test_every_page_and_route_renders(self):
        self.assertPageIsRenderable(self.publication)
        for path in ("", "reports/", f"boards/{self.structure.youth.slug}/"):
            with self.subTest(path=path):
                self.assertPageIsRenderable(self.page, route_path=f"/{path}")
