"""Search returns only live pages the visitor may see; a restricted page's title never leaks."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.hub.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Quarterwyrm restricted briefing"


@pytest.fixture
def insiders():
    return Group.objects.create(name="Briefing readers")


@pytest.fixture
def restricted_page(home, insiders):
    page = StandardPageFactory(parent=home, title=SECRET_TITLE, show_in_menus=True)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([insiders])
    return page


@pytest.fixture
def public_page(home):
    return StandardPageFactory(parent=home, title="Quarterwyrm public notice", show_in_menus=True)


def search(client, query):
    return client.get(reverse("search"), {"q": query})


class TestRestrictedPages:
    def test_an_anonymous_visitor_finds_nothing(self, client, restricted_page, public_page):
        response = search(client, "Quarterwyrm")
        assert response.status_code == 200
        assert [p.pk for p in response.context["results"]] == [public_page.pk]
        assert SECRET_TITLE not in response.content.decode()

    def test_a_logged_in_user_outside_the_group_finds_nothing(
        self, client, restricted_page, public_page
    ):
        client.force_login(UserFactory())
        response = search(client, "Quarterwyrm")
        assert restricted_page.pk not in [p.pk for p in response.context["results"]]
        assert SECRET_TITLE not in response.content.decode()

    def test_a_member_of_the_group_finds_it(self, client, restricted_page, insiders):
        member = UserFactory()
        member.groups.add(insiders)
        client.force_login(member)
        response = search(client, "Quarterwyrm restricted briefing")
        assert restricted_page.pk in [p.pk for p in response.context["results"]]

    def test_pages_below_a_restricted_page_are_hidden_too(self, client, restricted_page):
        StandardPageFactory(parent=restricted_page, title="Quarterwyrm annex")
        response = search(client, "annex")
        assert list(response.context["results"]) == []
        assert "Quarterwyrm annex" not in response.content.decode()

    def test_the_title_is_absent_from_navigation_and_listings_for_outsiders(
        self, client, home, restricted_page, public_page
    ):
        client.force_login(UserFactory())
        for url in (home.url, public_page.url, reverse("search")):
            body = client.get(url).content.decode()
            assert SECRET_TITLE not in body, url
        assert "Quarterwyrm public notice" in client.get(home.url).content.decode()

    def test_a_login_restriction_hides_pages_from_anonymous_visitors_only(self, client, home):
        page = StandardPageFactory(parent=home, title="Quarterwyrm members page")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        assert list(search(client, "Quarterwyrm").context["results"]) == []
        client.force_login(UserFactory())
        assert [p.pk for p in search(client, "Quarterwyrm").context["results"]] == [page.pk]

    def test_a_password_restriction_hides_pages_from_search(self, client, home):
        page = StandardPageFactory(parent=home, title="Quarterwyrm password page")
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="opensesame123"
        )
        assert list(search(client, "Quarterwyrm").context["results"]) == []


class TestSearchPage:
    def test_without_a_query_it_shows_only_the_form(self, client):
        response = client.get(reverse("search"))
        assert response.context["results"] is None
        assert b'name="q"' in response.content
        assert b"results-heading" not in response.content
        assert b"No results for" not in response.content

    def test_drafts_are_not_found(self, client, home):
        draft = StandardPageFactory(parent=home, title="Quarterwyrm draft", live=False)
        assert draft.pk not in [p.pk for p in search(client, "Quarterwyrm").context["results"]]

    def test_no_results_says_so(self, client, public_page):
        response = search(client, "nothingmatchesthis")
        assert b"No results for" in response.content

    def test_results_are_paged(self, client, home):
        for n in range(12):
            StandardPageFactory(parent=home, title=f"Quarterwyrm page {n}")
        first = search(client, "Quarterwyrm")
        assert first.context["results"].paginator.count == 12
        assert len(first.context["results"]) == 10
        second = client.get(reverse("search"), {"q": "Quarterwyrm", "page": 2})
        assert len(second.context["results"]) == 2
        assert b"q=Quarterwyrm" in first.content  # the next link keeps the query

    def test_punctuation_in_a_query_is_ignored_not_an_error(self, client, home):
        StandardPageFactory(parent=home, title="Quarterwyrm punctuation")
        for query in ('<script>"Quarterwyrm"', "Quarterwyrm)(*", '"', "<>"):
            response = search(client, query)
            assert response.status_code == 200, query
        assert len(search(client, '"Quarterwyrm"').context["results"]) == 1
        assert b"&lt;script&gt;" in search(client, "<script>").content

    def test_a_long_query_is_cut_short_not_refused(self, client):
        response = search(client, "x" * 5000)
        assert response.status_code == 200
        assert len(response.context["query"]) == 200
