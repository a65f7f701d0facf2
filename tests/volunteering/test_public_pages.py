"""The public volunteer-role pages: the roles the steering groups have approved and whose risk
assessment is in date, by borough, and a page for each role.

Only what the steering group approved may appear: never a draft, a profile waiting for the group
or one whose risk assessment is past its yearly review; for a live profile with a changed
version waiting, the approved version. Never the risk assessment, the job-substitution answers,
who drafted the profile, or anything about volunteers.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from hub.models import FAQPage, HomePage, NewsIndexPage, StandardPage
from hub.volunteering.enums import Step
from hub.volunteering.models import VolunteerRolesPage
from tests.hub.factories import StandardPageFactory, UserFactory
from tests.volunteering.factories import (
    RoleProfileFactory,
    VolunteerFactory,
    borough,
    days_ago,
)

pytestmark = pytest.mark.django_db

SENTINEL = "Zanzibarquux"  # one word, so that the site search would find it if it were indexed
HIDDEN = {
    "risk_findings": f"{SENTINEL} findings: lone working in the basement.",
    "risk_assessed_by": f"Inspector {SENTINEL}",
}


def add_roles_page(parent, slug="volunteer-roles"):
    page = parent.add_child(instance=VolunteerRolesPage(title="Volunteer roles", slug=slug))
    page.save_revision().publish()
    return page


def route(page, *args):
    name = "role" if args else "index"
    return page.url + page.reverse_subpage(name, args=args)


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def main_text(response):
    return BeautifulSoup(html(response), "html.parser").find("main").get_text(" ", strip=True)


def listed_titles(response):
    soup = BeautifulSoup(html(response), "html.parser")
    return [a.find(string=True, recursive=False).strip() for a in soup.select("main li h3 a")]


@pytest.fixture
def roles_page(home):
    return add_roles_page(home)


@pytest.fixture
def profiles(db):
    """One profile in each state, in Islington, and an approved one in Camden."""
    islington, camden = borough("Islington"), borough("Camden")
    manager = UserFactory(username="drafter-of-roles")
    waiting = RoleProfileFactory(borough=islington, title="Survey recorder", drafted_by=manager)
    waiting.save_revision(user=manager)
    waiting.get_workflow().start(waiting, manager)
    return {
        "newsletter": RoleProfileFactory(
            approved=True,
            drafted_by=manager,
            borough=islington,
            title="Ward newsletter editor",
            unit="Safer Neighbourhoods",
            time_commitment="4 hours once a fortnight",
            involves_lifting=True,
            public_interface=True,
            tasks="Collect news from the team\n- Edit the newsletter\n\nSend it to subscribers",
            **HIDDEN,
        ),
        "counter": RoleProfileFactory(
            approved=True, borough=camden, title="Front counter volunteer", unit="Front counter"
        ),
        "draft": RoleProfileFactory(borough=islington, title="Switchboard cover"),
        "waiting": waiting,
        "past_review": RoleProfileFactory(
            approved=True, past_review=True, borough=islington, title="Market stall helper"
        ),
    }


class TestTheRolesList:
    def test_lists_the_open_roles_with_their_unit_borough_and_time(
        self, client, roles_page, profiles
    ):
        response = client.get(roles_page.url)
        assert listed_titles(response) == ["Front counter volunteer", "Ward newsletter editor"]
        soup = BeautifulSoup(html(response), "html.parser")
        item = soup.select("main li")[1]
        link = item.find("a")
        assert link["href"] == route(roles_page, profiles["newsletter"].slug)
        assert "Safer Neighbourhoods, Islington" in link.get_text()  # for screen readers
        text = item.get_text(" ", strip=True)
        assert "Unit Safer Neighbourhoods" in text
        assert "Borough Islington" in text
        assert "Time commitment 4 hours once a fortnight" in text
        assert "2 open roles" in main_text(response)

    def test_drafts_profiles_waiting_for_the_group_and_past_review_are_not_listed(
        self, client, roles_page, profiles
    ):
        text = main_text(client.get(roles_page.url))
        for key in ("draft", "waiting", "past_review"):
            assert profiles[key].title not in text

    def test_says_so_when_there_are_no_open_roles(self, client, roles_page):
        response = client.get(roles_page.url)
        assert "No open roles" in main_text(response)
        assert "<select" not in html(response)  # no boroughs to choose between


class TestTheBoroughFilter:
    def test_is_a_plain_get_form_with_a_label_a_select_and_a_button(
        self, client, roles_page, profiles
    ):
        soup = BeautifulSoup(html(client.get(roles_page.url)), "html.parser")
        form = soup.select_one("main form")
        assert form["method"] == "get" and form["action"] == roles_page.url
        select = form.find("select")
        assert select["name"] == "borough"
        assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True) == "Borough"
        assert form.find("button", attrs={"type": "submit"}).get_text(strip=True) == "Show roles"
        options = [(o["value"], o.get_text(strip=True)) for o in select.find_all("option")]
        # Only the boroughs with open roles, after "All boroughs".
        assert options == [("", "All boroughs"), ("camden", "Camden"), ("islington", "Islington")]
        assert not soup.find("script")

    def test_shows_one_boroughs_roles_and_keeps_it_chosen(self, client, roles_page, profiles):
        response = client.get(roles_page.url, {"borough": "islington"})
        assert listed_titles(response) == ["Ward newsletter editor"]
        soup = BeautifulSoup(html(response), "html.parser")
        assert soup.select_one("option[selected]")["value"] == "islington"
        assert "1 open role in Islington" in main_text(response)
        assert "Contact the Islington volunteer programme manager" in main_text(response)
        assert soup.title.get_text().startswith("Volunteer roles in Islington")

    @pytest.mark.parametrize(
        "chosen",
        ["atlantis", "hackney", "<script>alert(1)</script>"],
        ids=["unknown", "no open roles there", "markup"],
    )
    def test_a_borough_it_cannot_show_falls_back_to_every_borough(
        self, client, roles_page, profiles, chosen
    ):
        response = client.get(roles_page.url, {"borough": chosen})
        assert listed_titles(response) == ["Front counter volunteer", "Ward newsletter editor"]
        assert "There are no open roles in the borough you chose" in main_text(response)
        soup = BeautifulSoup(html(response), "html.parser")
        assert soup.select_one("option[selected]")["value"] == ""
        assert "<script>alert" not in html(response)

    def test_all_boroughs_is_the_same_as_no_choice(self, client, roles_page, profiles):
        response = client.get(roles_page.url, {"borough": ""})
        assert len(listed_titles(response)) == 2
        assert "borough you chose" not in main_text(response)


class TestARolePage:
    def test_shows_what_the_role_is_and_how_to_apply(self, client, roles_page, profiles):
        profile = profiles["newsletter"]
        response = client.get(route(roles_page, profile.slug))
        soup = BeautifulSoup(html(response), "html.parser")
        main = soup.find("main")
        assert main.find("h1").get_text(strip=True) == "Ward newsletter editor"
        headings = [h.get_text(strip=True) for h in main.find_all("h2")]
        assert headings == [
            "What the role is for",
            "What you would do",
            "Training for the role",
            "Skills and experience",
            "Before you start",
            "How to apply",
        ]
        text = main.get_text(" ", strip=True)
        assert profile.purpose in text
        assert profile.training in text
        assert profile.skills in text
        tasks = main.find("h2", string="What you would do").find_next("ul")
        assert [li.get_text(strip=True) for li in tasks.find_all("li")] == [
            "Collect news from the team",
            "Edit the newsletter",
            "Send it to subscribers",
        ]
        steps = main.find("h2", string="Before you start").find_next("ol")
        assert [li.get_text(strip=True) for li in steps.find_all("li")] == [
            Step.SECURITY_CLEARANCE.label,
            Step.REFERENCES.label,
            Step.INTERVIEW.label,
            Step.INDUCTION.label,
            Step.MANUAL_HANDLING.label,
            Step.EMERGENCY_LIFE_SAVING.label,
            Step.ROLE_TRAINING.label,
        ]
        assert "Contact the Islington volunteer programme manager" in text

    def test_a_role_without_lifting_or_the_public_needs_only_the_usual_steps(
        self, client, roles_page, profiles
    ):
        text = main_text(client.get(route(roles_page, profiles["counter"].slug)))
        assert Step.INDUCTION.label in text
        assert Step.MANUAL_HANDLING.label not in text
        assert Step.EMERGENCY_LIFE_SAVING.label not in text

    def test_has_breadcrumbs_back_to_the_roles_page(self, client, home, profiles):
        section = StandardPageFactory(parent=home, title="Volunteer programme", slug="mvp")
        roles_page = add_roles_page(section)
        response = client.get(route(roles_page, profiles["counter"].slug))
        soup = BeautifulSoup(html(response), "html.parser")
        crumbs = [a.get_text(strip=True) for a in soup.select(".govuk-breadcrumbs a")]
        assert crumbs == ["Home", "Volunteer programme", "Volunteer roles"]
        assert soup.title.get_text().startswith("Front counter volunteer, Camden")

    @pytest.mark.parametrize("key", ["draft", "waiting", "past_review"])
    def test_a_profile_that_is_not_open_is_not_found(self, client, roles_page, profiles, key):
        assert client.get(route(roles_page, profiles[key].slug)).status_code == 404

    @pytest.mark.parametrize(
        "path", ["no-such-role/", "islington-ward-newsletter-editor-2/", "a/b/", "Not A Slug/"]
    )
    def test_another_path_is_not_found(self, client, roles_page, profiles, path):
        assert client.get(roles_page.url + path).status_code == 404

    @pytest.mark.parametrize(("assessed", "open_"), [(364, True), (365, True), (366, False)])
    def test_a_role_leaves_the_pages_when_its_assessment_is_past_its_yearly_review(
        self, client, roles_page, assessed, open_
    ):
        profile = RoleProfileFactory(approved=True, risk_assessed_on=days_ago(assessed))
        assert (client.get(route(roles_page, profile.slug)).status_code == 200) is open_
        assert (profile.title in listed_titles(client.get(roles_page.url))) is open_


class TestWhatIsNeverShown:
    def pages(self, client, roles_page, profile):
        yield client.get(roles_page.url)
        yield client.get(roles_page.url, {"borough": "islington"})
        yield client.get(route(roles_page, profile.slug))
        yield client.get(reverse("search"), {"q": "volunteer roles"})
        yield client.get(reverse("search"), {"q": profile.title})

    def test_no_risk_assessment_substitution_answers_drafter_or_volunteer(
        self, client, roles_page, profiles
    ):
        profile = profiles["newsletter"]
        assessed = profile.risk_assessed_on
        volunteer = VolunteerFactory(name=f"Volunteer {SENTINEL}")
        volunteer.role_profile, volunteer.placed_on = profile, days_ago(10)
        volunteer.save()
        for response in self.pages(client, roles_page, profile):
            page = html(response)
            assert SENTINEL not in page
            assert profile.drafted_by.username not in page
            for shown in (f"{assessed:%Y-%m-%d}", f"{assessed:%-d %B %Y}", f"{assessed:%d/%m/%Y}"):
                assert shown not in page
            for question in ("legal, moral", "overtime", "job description", "substitution"):
                assert question not in page

    def test_the_site_search_finds_nothing_from_a_profile(self, client, roles_page, profiles):
        response = client.get(reverse("search"), {"q": SENTINEL})
        assert response.context["results"].paginator.count == 0


class TestALiveProfileWithAChangeWaiting:
    """What the steering group approved stays on the public pages until they approve the
    change."""

    def test_shows_the_approved_version_not_the_draft(self, client, roles_page, programme):
        profile = RoleProfileFactory(
            drafted_by=programme.manager, purpose="To produce the approved newsletter."
        )
        profile.save_revision(user=programme.manager)
        profile.get_workflow().start(profile, programme.manager)
        profile.refresh_from_db()
        task_state = profile.current_workflow_task_state
        task_state.task.specific.on_action(task_state, programme.union_rep, "approve")
        profile.refresh_from_db()
        assert profile.live
        approved_title = profile.title

        edited = profile.get_latest_revision_as_object()
        edited.purpose = "To produce the changed newsletter."
        edited.tasks += "\nAnswer the team's phone"
        edited.title = "Changed title"
        edited.save_revision(user=programme.manager)
        profile.get_workflow().start(profile, programme.manager)

        listed = client.get(roles_page.url)
        assert listed_titles(listed) == [approved_title]
        text = main_text(client.get(route(roles_page, profile.slug)))
        assert "To produce the approved newsletter." in text
        assert "changed newsletter" not in text
        assert "Answer the team's phone" not in text
        assert "Changed title" not in text


class TestTheAdminPreview:
    def test_renders_the_draft_without_anything_internal(self, profiles):
        profile = profiles["draft"]
        profile.risk_findings = HIDDEN["risk_findings"]
        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        response = profile.serve_preview(request, profile.default_preview_mode)
        page = response.render().content.decode()
        assert "Switchboard cover" in page
        assert "Preview:" in page
        assert SENTINEL not in page
        assert "govuk-breadcrumbs" not in page


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.page = add_roles_page(cls.home)
        cls.profile = RoleProfileFactory(approved=True)

    def test_the_roles_page_has_no_children_and_sits_nowhere_else(self):
        self.assertAllowedSubpageTypes(VolunteerRolesPage, set())
        self.assertCanNotCreateAt(VolunteerRolesPage, StandardPage)
        for parent in (NewsIndexPage, FAQPage):
            self.assertCanNotCreateAt(parent, VolunteerRolesPage)

    def test_it_sits_under_the_home_page_or_in_a_section(self):
        self.assertAllowedParentPageTypes(VolunteerRolesPage, {HomePage, StandardPage})
        self.assertCanCreateAt(StandardPage, VolunteerRolesPage)

    def test_there_is_only_one(self):
        self.assertEqual(VolunteerRolesPage.max_count, 1)
        self.assertFalse(VolunteerRolesPage.can_create_at(self.home))
        self.assertCanCreateAt(HomePage, VolunteerRolesPage)
        self.page.delete()
        self.assertTrue(VolunteerRolesPage.can_create_at(self.home))

    def test_the_page_and_its_routes_render(self):
        self.assertPageIsRenderable(self.page)
        self.assertPageIsRenderable(self.page, query_data={"borough": "islington"})
        self.assertPageIsRenderable(self.page, route_path=f"/{self.profile.slug}/")
        self.assertPageIsRenderable(self.page, route_path="/no-such-role/", accept_404=True)
