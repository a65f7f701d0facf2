"""Pages found from the page tree each process remembers (hub.routing): the same answer as
Wagtail's routing for every address, never older than the public site, in fewer queries."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from hub import page_cache, routing
from hub.models import HubSettings
from hub.models.pages import StandardPage
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

ODD_ENDINGS = ["", "nope/", "results/", "print/", "receipt/ABC123/", "islington/", "a/b/"]


@pytest.fixture(autouse=True)
def _route_cache_on(settings):
    settings.HUB_ROUTE_CACHE = True


def publish(parent, title, slug, **fields):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, **fields))
    page.save_revision().publish()
    return page


def summary(result):
    """A route result as something comparable: the page, and the routable view and its args."""
    if result is None:
        return None
    page, args, kwargs = result
    if args:  # RoutablePageMixin: (view, args, kwargs)
        view, view_args, view_kwargs = args
        args = (getattr(view, "__name__", view), tuple(view_args), dict(view_kwargs))
    return (type(page), page.pk, args, kwargs)


def wagtails_answer(path):
    return summary(Page.route_for_request(RequestFactory().get("/" + path), path))


def maps_answer(path):
    return summary(routing.route(RequestFactory().get("/" + path), path))


@pytest.fixture
def odd_tree(demo, home):
    """Beside the demo: a draft, a live page under the draft, an alias, a restricted section."""
    section = publish(home, "A section", "a-section")
    draft = section.add_child(instance=StandardPage(title="Draft", slug="draft", live=False))
    below_draft = publish(draft, "Below a draft", "below-draft")
    alias = section.create_alias(parent=home, update_slug="alias-of-section")
    restricted = publish(home, "Members only", "members-only")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    publish(restricted, "Inside", "inside")
    return {"draft": draft, "below draft": below_draft, "alias": alias, "restricted": restricted}


def every_path(root):
    base = len(root.url_path)
    for page in Page.objects.descendant_of(root, inclusive=True).order_by("path"):
        own = page.url_path[base:]
        for ending in ODD_ENDINGS:
            yield own + ending


def test_every_address_routes_as_wagtail_routes_it(odd_tree, home):
    paths = list(every_path(home)) + ["", "no-such-page/", "a-section/draft/below-draft/x/"]
    differences = {path: (wagtails_answer(path), maps_answer(path)) for path in paths}
    differences = {path: pair for path, pair in differences.items() if pair[0] != pair[1]}
    assert len(paths) > 150
    assert differences == {}
    # The tree holds the cases that matter, so the comparison above covered them.
    assert maps_answer("a-section/draft/") is None
    assert maps_answer("a-section/draft/below-draft/")[1] == odd_tree["below draft"].pk
    assert maps_answer("alias-of-section/")[1] == odd_tree["alias"].pk


def test_every_page_gets_the_view_restrictions_wagtail_would_check(odd_tree, home):
    for page in Page.objects.descendant_of(home, inclusive=True).specific():
        request = RequestFactory().get(page.url or "/")
        tree = routing.tree(request)
        found = routing.view_restrictions(request).applying_to(tree, tree.by_id[page.pk])
        expected = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert {r.pk for r in found} == expected, page.url_path
    inside = routing.route(RequestFactory().get("/"), "members-only/inside/")[0]
    assert [r.page_id for r in inside.get_view_restrictions()] == [odd_tree["restricted"].pk]


def test_a_restricted_page_still_asks_the_visitor_to_sign_in(client, odd_tree):
    response = client.get("/members-only/inside/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]
    client.force_login(UserFactory(username="member"))
    assert client.get("/members-only/inside/").status_code == 200


def test_wagtails_own_utility_addresses_still_answer(client, home):
    assert client.get("/_util/login/").status_code == 200


def test_a_public_page_is_found_in_one_query_once_the_tree_is_remembered(client, home):
    page = publish(home, "Getting involved", "involved")
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    tables = [q["sql"] for q in queries if "wagtailcore_site" in q["sql"]]
    assert tables == []
    assert len(queries) <= 2  # the page itself; the glossary's terms are cached apart
    with CaptureQueriesContext(connection) as before:
        client.get(page.url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.HUB_ROUTE_CACHE", False)
        with CaptureQueriesContext(connection) as without:
            assert client.get(page.url).status_code == 200
    assert len(without) >= len(before) + 5


# --- never older than the public site ----------------------------------------------------------
def test_a_published_page_is_found_at_once(client, home, django_capture_on_commit_callbacks):
    assert client.get("/news-of-the-day/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        publish(home, "News of the day", "news-of-the-day")
    assert client.get("/news-of-the-day/").status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(home, "Short lived", "short-lived")
    assert client.get(page.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get("/short-lived/").status_code == 404


def test_a_new_slug_moves_the_page_and_its_children(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(home, "Old name", "old-name")
        publish(page, "Child", "child")
    assert client.get("/old-name/child/").status_code == 200
    page.slug = "new-name"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    # The old address now leads to the new one (Wagtail's redirects), which serves the page.
    assert client.get("/old-name/child/")["Location"] == "/new-name/child/"
    assert client.get("/new-name/child/").status_code == 200


def test_a_moved_page_is_found_at_its_new_address(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(home, "First", "first")
        second = publish(home, "Second", "second")
        moving = publish(first, "Moving", "moving")
    assert client.get("/first/moving/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        moving.move(second, pos="last-child")
    assert client.get("/first/moving/")["Location"] == "/second/moving/"
    assert client.get("/second/moving/").status_code == 200


def test_a_deleted_page_is_gone_at_once(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(home, "Deleted", "deleted")
    assert client.get("/deleted/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert client.get("/deleted/").status_code == 404


def test_a_new_restriction_applies_at_once(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(home, "Soon private", "soon-private", show_in_menus=True)
    response = client.get("/soon-private/")
    assert response.status_code == 200
    assert b"Soon private" in client.get("/").content
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get("/soon-private/").status_code == 302
    # Nor is it named in the navigation or the home page's sections any more.
    assert b"Soon private" not in client.get("/").content


def test_what_a_visitor_sees_follows_the_restrictions_they_pass(
    client, home, django_capture_on_commit_callbacks
):
    """The remembered navigation is kept apart for each set of restrictions a visitor fails."""
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(home, "Group room", "group-room", show_in_menus=True)
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
        group = Group.objects.create(name="Room members")
        restriction.groups.add(group)
    member = UserFactory(username="in-the-group")
    member.groups.add(group)
    outsider = UserFactory(username="outside-the-group")
    assert b"Group room" not in client.get("/").content
    client.force_login(member)
    assert b"Group room" in client.get("/").content
    client.force_login(outsider)
    assert b"Group room" not in client.get("/").content


def test_the_footer_follows_the_settings_at_once(client, site, django_capture_on_commit_callbacks):
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        found = HubSettings.for_site(site)
        found.contact_team = "Engagement desk"
        found.save()
    assert b"Engagement desk" in client.get("/").content


def test_breadcrumbs_follow_a_retitled_parent(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parent = publish(home, "Parent title", "parent")
        publish(parent, "Child", "child")
    assert b"Parent title" in client.get("/parent/child/").content
    parent.title = "Renamed parent"
    with django_capture_on_commit_callbacks(execute=True):
        parent.save_revision().publish()
    body = client.get("/parent/child/").content
    assert b"Renamed parent" in body and b"Parent title" not in body


def test_a_draft_never_reaches_what_is_remembered(client, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        parent = publish(home, "Parent", "parent")
        child = publish(parent, "Published title", "child")
    client.get("/parent/")
    child.title = "Draft title"
    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision()
    body = client.get("/parent/").content
    assert b"Published title" in body and b"Draft title" not in body


# --- the generation --------------------------------------------------------------------------
def test_nothing_is_remembered_without_the_setting(settings, rf):
    settings.HUB_ROUTE_CACHE = False
    built = []
    for _ in range(2):
        page_cache.remembered(rf.get("/"), "test.value", lambda: built.append(1))
    assert len(built) == 2


def test_a_value_is_built_once_per_generation(rf, django_capture_on_commit_callbacks):
    built = []
    for _ in range(3):
        page_cache.remembered(rf.get("/"), "test.value", lambda: built.append(1) or len(built))
    assert len(built) == 1
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.invalidate_on_commit(StandardPage)
    assert page_cache.remembered(rf.get("/"), "test.value", lambda: "rebuilt") == "rebuilt"


def test_a_generation_lost_with_the_cache_never_brings_back_an_older_value(rf):
    """A flushed or evicted count starts again from the clock, never from a number a process
    may still remember a value under."""
    page_cache.remembered(rf.get("/"), "test.value", lambda: "old")
    before = page_cache.cache().get(page_cache.GENERATION_KEY)
    page_cache.cache().clear()
    assert page_cache.remembered(rf.get("/"), "test.value", lambda: "new") == "new"
    assert page_cache.cache().get(page_cache.GENERATION_KEY) != before


def test_the_generation_is_read_once_per_request(rf):
    request = rf.get("/")
    first = page_cache.generation(request)
    page_cache.invalidate()
    assert page_cache.generation(request) == first
    assert page_cache.generation(rf.get("/")) == first + 1


# --- page addresses (RoutedPage.get_url_parts) ----------------------------------------------


def wagtails_url_parts(page, request=None):
    return Page.get_url_parts(page, request)


def test_every_page_has_the_address_wagtail_would_give_it(odd_tree, home):
    pages = [page.specific for page in Page.objects.descendant_of(home, inclusive=True)]
    assert len(pages) > 20
    request = RequestFactory().get("/")
    for page in pages:
        assert page.get_url_parts(request) == wagtails_url_parts(page, request), page.url_path
        assert page.get_url_parts() == wagtails_url_parts(page), page.url_path


def test_an_address_follows_the_script_prefix(home):
    from django.urls import set_script_prefix

    page = publish(home, "Under a prefix", "under-a-prefix")
    plain = page.get_url_parts()[2]
    set_script_prefix("/hub/")
    try:
        prefixed = page.get_url_parts()
        assert prefixed == wagtails_url_parts(page)
    finally:
        set_script_prefix("/")
    assert (plain, prefixed[2]) == ("/under-a-prefix/", "/hub/under-a-prefix/")


def test_a_page_on_two_sites_is_left_to_wagtail(home):
    from wagtail.models import Site

    page = publish(home, "Shared", "shared")
    Site.objects.create(hostname="other.example", root_page=page)
    request = RequestFactory().get("/", HTTP_HOST="other.example")
    assert page.get_url_parts(request) == wagtails_url_parts(page, request)
    assert page.get_url_parts(request)[1] == "http://other.example"


def test_a_page_outside_every_site_has_no_address(home):
    orphan = Page.get_first_root_node().add_child(
        instance=StandardPage(title="Outside", slug="outside")
    )
    assert orphan.get_url_parts() is None
    assert orphan.url is None


def test_an_address_that_does_not_reverse_is_none(home):
    page = publish(home, "Odd", "odd")
    page.url_path = page.url_path.replace("odd/", "not a slug!/")
    assert page.get_url_parts() == wagtails_url_parts(page)
    assert page.get_url_parts()[1:] == (None, None)
