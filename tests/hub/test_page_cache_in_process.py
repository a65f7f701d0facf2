"""Pages held in each server process's memory (``HUB_PAGE_CACHE_RECHECK_SECONDS``): served
with no round trip to the shared cache, bounded, and dropped once the process learns of a new
generation. tests/hub/test_page_cache.py runs every page-cache test with them on and off."""

import time

import pytest

from hub import page_cache
from tests.hub.test_page_cache import served

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300


class CountingCache:
    """The shared cache, counting what is asked of it."""

    def __init__(self, store):
        self.store, self.calls = store, []

    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self.store, name)


@pytest.fixture
def shared(monkeypatch):
    counting = CountingCache(page_cache.cache())
    monkeypatch.setattr(page_cache, "cache", lambda: counting)
    return counting


def test_a_page_held_in_the_process_is_served_without_a_round_trip(client, page, settings, shared):
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = 60
    first, body = served(client, page.url)
    shared.calls.clear()
    second, again = served(client, page.url)
    assert (first, second) == ("miss", "hit")
    assert again == body
    assert shared.calls == []


def test_without_a_recheck_time_every_request_asks_the_shared_cache(client, page, settings, shared):
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = 0
    served(client, page.url)
    shared.calls.clear()
    assert served(client, page.url)[0] == "hit"
    assert shared.calls == ["get_many"]
    assert page_cache.local_pages.entries == {}


def test_a_change_made_in_another_process_shows_once_the_recheck_time_has_passed(
    client, page, settings
):
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = 0.2
    served(client, page.url)
    # Another server process starts a new generation in the shared cache: this one goes on
    # serving what it holds until it next asks, at most the recheck time later...
    page_cache.cache().incr(page_cache.GENERATION_KEY)
    assert served(client, page.url)[0] == "hit"
    time.sleep(0.2)
    # ... then it sees the new generation, and neither its own copy nor the shared one serves.
    assert served(client, page.url)[0] == "miss"
    assert served(client, page.url)[0] == "hit"


def test_a_page_held_in_the_process_is_served_again_after_a_recheck_that_finds_no_change(
    client, page, settings, shared
):
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = 0.2
    served(client, page.url)
    time.sleep(0.2)
    shared.calls.clear()
    assert served(client, page.url)[0] == "hit"
    assert shared.calls == ["get_many"], "the generation was asked for once, with the page"


def entry(content, generation=1, expires_in=60):
    return page_cache.StoredPage(generation, time.time() + expires_in, 200, [], content)


def test_the_pages_a_process_holds_are_bounded_least_recently_used_first(monkeypatch, settings):
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = 1
    monkeypatch.setattr(page_cache, "LOCAL_BYTES", 30)
    pages = page_cache.LocalPages()
    for key in "abc":
        pages.put(key, entry(b"x" * 10))
    assert pages.get("a", 1) is not None  # a is now the most recently used
    pages.put("d", entry(b"x" * 10))
    assert list(pages.entries) == ["c", "a", "d"]
    assert pages.size == 30
    pages.put("a", entry(b"y" * 20))  # replacing an entry counts its new size only
    assert list(pages.entries) == ["d", "a"]
    assert pages.size == 30
    pages.put("huge", entry(b"z" * 31))
    assert "huge" not in pages.entries


def test_a_process_holds_no_page_without_a_recheck_time(settings):
    settings.HUB_PAGE_CACHE_RECHECK_SECONDS = 0
    pages = page_cache.LocalPages()
    pages.put("a", entry(b"x"))
    assert pages.entries == {}


@pytest.mark.parametrize(
    ("stored", "served_now"),
    [
        # Made when the test runs: a copy made at collection could have expired by then.
        (lambda: entry(b"page"), True),
        (lambda: entry(b"page", generation=0), False),  # an older generation
        (lambda: entry(b"page", expires_in=-1), False),  # past the cache's timeout
        (lambda: (1, 200, [], b"page"), False),  # a copy in an earlier format, still in Redis
        (lambda: None, False),
    ],
    ids=["current", "older generation", "expired", "earlier format", "none"],
)
def test_which_stored_copies_may_be_served(stored, served_now):
    assert (page_cache.current_entry(stored(), 1) is not None) is served_now
