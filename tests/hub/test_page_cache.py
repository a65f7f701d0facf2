"""The public page cache: anonymous visitors only, dropped when anything public changes, never
a page that carries a form token, a cookie or a signed-in user's view."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hub import page_cache
from hub.models import GlossaryTerm, ThrottleWindow
from tests.consultation.factories import consultation_under, youth_questionnaire
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

HIT = page_cache.HIT_HEADER


@pytest.fixture(autouse=True, params=[0, 1], ids=["asked-every-request", "held-in-process"])
def _cache_on(request, settings):
    """Every test here runs twice: with each request asking the shared cache, and with each
    process holding the pages it served and asking at most once a second. Both must behave the
    same for everything a single process sees."""
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = request.param


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get(HIT), response.content


def test_an_anonymous_visitor_gets_the_second_request_from_the_cache(client, page):
    first, body = served(client, page.url)
    with CaptureQueriesContext(connection) as queries:
        second, again = served(client, page.url)
    assert (first, second) == ("miss", "hit")
    assert again == body
    assert len(queries) == 0


def test_a_cached_page_keeps_todays_security_headers(client, page):
    served(client, page.url)
    response = client.get(page.url)
    assert response[HIT] == "hit"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_publishing_a_change_drops_the_cached_page(
    client, page, django_capture_on_commit_callbacks
):
    served(client, page.url)
    page.title = "Getting involved in your borough"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    state, body = served(client, page.url)
    assert state == "miss"
    assert b"Getting involved in your borough" in body


def test_unpublishing_drops_the_cached_page(client, page, django_capture_on_commit_callbacks):
    served(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_saved_draft_does_not_reach_the_public(client, page, django_capture_on_commit_callbacks):
    served(client, page.url)
    page.title = "An unpublished draft title"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    _state, body = served(client, page.url)
    assert b"An unpublished draft title" not in body


def test_changing_a_record_shown_on_public_pages_drops_every_cached_page(
    client, page, home, django_capture_on_commit_callbacks
):
    served(client, page.url)
    served(client, home.url)
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.create(acronym="IAG", expansion="Independent Advisory Group")
    assert client.get(page.url)[HIT] == "miss"
    assert client.get(home.url)[HIT] == "miss"


def test_bookkeeping_records_leave_the_cache_alone(
    client, page, django_capture_on_commit_callbacks
):
    served(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        ThrottleWindow.objects.create(scope="test", client="abc", window=1, hits=1)
        UserFactory(username="someone")
    assert client.get(page.url)[HIT] == "hit"


def test_a_rolled_back_change_drops_nothing(client, page):
    served(client, page.url)
    # Inside the test's transaction, nothing commits: the cache must not be dropped early,
    # before the change is visible to other visitors.
    GlossaryTerm.objects.create(acronym="CPB", expansion="Central project board")
    assert client.get(page.url)[HIT] == "hit"


def test_a_page_built_while_the_data_changed_is_never_served(rf, page, settings):
    """The generation is read before the page is built; a change committed meanwhile makes
    the stored copy stale at once."""

    def build_while_changing(request):
        page_cache.invalidate()
        return HttpResponse("built from old data")

    middleware = page_cache.AnonymousPageCacheMiddleware(build_while_changing)
    middleware(rf.get("/while-changing/"))
    served_next = page_cache.AnonymousPageCacheMiddleware(lambda r: HttpResponse("fresh"))
    response = served_next(rf.get("/while-changing/"))
    assert response.content == b"fresh"
    assert response[HIT] == "miss"


def test_a_cached_page_expires(client, page, settings):
    settings.HUB_PAGE_CACHE_SECONDS = 60
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        served(client, page.url)
        assert client.get(page.url)[HIT] == "hit"
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, 1, 1, tzinfo=datetime.UTC)):
        assert client.get(page.url)[HIT] == "miss"


def test_nothing_is_cached_when_switched_off(client, page, settings):
    settings.HUB_PAGE_CACHE_SECONDS = 0
    client.get(page.url)
    assert HIT not in client.get(page.url)


def test_a_signed_in_user_is_never_served_nor_stored(client, page, superuser):
    client.force_login(superuser)
    assert HIT not in client.get(page.url)
    client.logout()
    assert client.get(page.url)[HIT] == "miss", "the signed-in user's page was not stored"
    client.force_login(superuser)
    response = client.get(page.url)
    assert HIT not in response
    assert b"wagtail-userbar" in response.content, "the signed-in user sees their own page"


def test_a_page_with_a_form_token_is_never_stored(client, home):
    consultation = consultation_under(
        home,
        questionnaire=youth_questionnaire(),
        opens_on=datetime.date(2026, 6, 1),
        closes_on=datetime.date(2026, 7, 31),
    )
    with time_machine.travel(datetime.datetime(2026, 6, 10, 12, tzinfo=datetime.UTC)):
        first = client.get(consultation.url)
        second = client.get(consultation.url)
    assert b"csrfmiddlewaretoken" in first.content
    assert HIT not in first and HIT not in second


def test_the_query_string_is_part_of_the_address(client, page):
    served(client, page.url)
    assert client.get(page.url + "?borough=hackney")[HIT] == "miss"
    assert client.get(page.url + "?borough=hackney")[HIT] == "hit"
    assert client.get(page.url + "?x=" + "a" * 600).get(HIT) is None


ALLOWED, REFUSED = True, False


@pytest.mark.parametrize(
    "method, path, cookies, expected",
    [
        ("get", "/", {}, ALLOWED),
        ("get", "/", {"csrftoken": "x"}, ALLOWED),
        ("get", "/", {"sessionid": "x"}, REFUSED),
        ("get", "/", {"messages": "x"}, REFUSED),
        ("get", "/", {"csrftoken": "x", "sessionid": "x"}, REFUSED),
        ("post", "/", {}, REFUSED),
        ("head", "/", {}, REFUSED),
        ("get", "/admin/", {}, REFUSED),
        ("get", "/admin/login/", {}, REFUSED),
    ],
)
def test_which_requests_may_use_the_cache(method, path, cookies, expected):
    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies)
    assert page_cache.may_use_cache(request) is expected


def response_with(**headers):
    response = HttpResponse("page")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def with_cookie():
    response = HttpResponse("page")
    response.set_cookie("csrftoken", "x")
    return response


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda: HttpResponse("page"), ALLOWED),
        (lambda: response_with(Vary="Accept-Encoding"), ALLOWED),
        (lambda: response_with(Cache_Control="max-age=60, public"), ALLOWED),
        (lambda: HttpResponse("missing", status=404), REFUSED),
        (lambda: HttpResponse(status=302), REFUSED),
        (lambda: StreamingHttpResponse(iter([b"a", b"b"])), REFUSED),
        (with_cookie, REFUSED),
        (lambda: response_with(Vary="Accept-Encoding, Cookie"), ALLOWED),
        (lambda: response_with(Vary="Accept-Language"), REFUSED),
        (lambda: response_with(Vary="*"), REFUSED),
        (lambda: response_with(Cache_Control="private"), REFUSED),
        (lambda: response_with(Cache_Control="no-store"), REFUSED),
        (lambda: response_with(Cache_Control="max-age=0, no-cache"), REFUSED),
    ],
)
def test_which_responses_may_be_stored(make, expected):
    assert page_cache.may_store(make()) is expected


@pytest.mark.parametrize(
    "model, drops",
    [
        ("hub.GlossaryTerm", True),
        ("hub.Borough", True),
        ("wagtailcore.Page", True),
        ("iag.Advice", True),
        ("consultation.Questionnaire", True),
        ("consultation.Response", False),
        ("consultation.Answer", False),
        ("hub.User", False),
        ("hub.ThrottleWindow", False),
        ("sessions.Session", False),
        ("wagtailcore.Revision", False),
        ("wagtailimages.Rendition", False),
        ("iag.HistoricalAdvice", False),
    ],
)
def test_which_records_start_a_new_generation(model, drops):
    from django.apps import apps

    assert page_cache.shows_on_public_pages(apps.get_model(model)) is drops
