"""The database-backed rate limit: hits counted per scope, client and fixed window, so that every
server process sees the same count; the client stored only as a keyed hash."""

import datetime

import pytest
from django.test import override_settings

from hub import throttle
from hub.models import ThrottleWindow
from tests.helpers import database_rows_containing

pytestmark = pytest.mark.django_db

WINDOW = 600
# 1 June 2026 09:00:00 UTC is a multiple of ten minutes since the epoch: a window starts there.
START = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
ADDRESS = "198.51.100.23"


@pytest.fixture(autouse=True, params=["one statement", "portable"])
def counting(request, monkeypatch):
    """Every rule holds whichever way the database counts (see hub.throttle)."""
    if request.param == "portable":
        monkeypatch.setattr(throttle, "can_upsert", lambda connection: False)
    return request.param


def at(seconds):
    return START + datetime.timedelta(seconds=seconds)


def allow(client=ADDRESS, when=START, limit=3, scope="submit"):
    return throttle.allow(scope, client, limit, WINDOW, now=when)


def hits():
    return sorted(ThrottleWindow.objects.values_list("scope", "window", "hits"))


class TestCounting:
    def test_the_first_calls_up_to_the_limit_are_allowed(self):
        assert [allow() for _ in range(5)] == [True, True, True, False, False]
        assert hits() == [("submit", throttle.window_of(START, WINDOW), 5)]

    def test_each_client_has_its_own_count(self):
        assert [allow() for _ in range(4)] == [True, True, True, False]
        assert allow(client="203.0.113.9") is True
        assert ThrottleWindow.objects.count() == 2

    def test_each_scope_has_its_own_count(self):
        for _ in range(4):
            allow()
        assert allow(scope="login") is True

    def test_a_limit_of_zero_allows_nothing(self):
        assert allow(limit=0) is False

    def test_a_window_another_process_started_is_added_to(self):
        ThrottleWindow.objects.create(
            scope="submit",
            client=throttle.client_key(ADDRESS),
            window=throttle.window_of(START, WINDOW),
            hits=2,
        )
        assert [allow() for _ in range(2)] == [True, False]
        assert hits() == [("submit", throttle.window_of(START, WINDOW), 4)]


class TestWindows:
    @pytest.mark.parametrize(
        ("seconds", "same_window"), [(0, True), (599, True), (599.999, True), (600, False)]
    )
    def test_a_window_is_fixed_in_time(self, seconds, same_window):
        assert (throttle.window_of(at(seconds), WINDOW) == throttle.window_of(START, WINDOW)) is (
            same_window
        )

    def test_the_count_starts_again_in_the_next_window(self):
        assert [allow(when=at(s)) for s in (0, 10, 300, 599)] == [True, True, True, False]
        assert allow(when=at(600)) is True
        assert [window_hits for _, _, window_hits in hits()] == [4, 1]

    def test_old_windows_are_forgotten(self):
        allow(when=at(-601))
        allow(when=at(-1))
        allow(when=at(0))
        allow(when=at(-1200), scope="login")
        assert throttle.forget_before("submit", at(0), WINDOW) == 2
        assert hits() == [
            ("login", throttle.window_of(at(-1200), WINDOW), 1),
            ("submit", throttle.window_of(START, WINDOW), 1),
        ]
        assert throttle.forget_before("submit", at(599), WINDOW) == 0


class TestPrivacy:
    def test_the_address_itself_is_stored_nowhere(self):
        allow()
        stored = ThrottleWindow.objects.get()
        assert stored.client == throttle.client_key(ADDRESS)
        assert ADDRESS not in stored.client
        assert len(stored.client) == 64
        assert database_rows_containing(ADDRESS) == []

    def test_the_key_depends_on_the_secret_key(self):
        key = throttle.client_key(ADDRESS)
        assert throttle.client_key(ADDRESS) == key
        assert throttle.client_key("198.51.100.24") != key
        with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
            assert throttle.client_key(ADDRESS) != key
