"""How the throttle counts a hit on each kind of database (the rules themselves, which hold
whichever way it counts, are in test_throttle.py)."""

import pytest
from django.db import connection

from hub import throttle
from hub.models import ThrottleWindow
from tests.hub.test_throttle import ADDRESS, START, WINDOW, allow, hits

pytestmark = pytest.mark.django_db


class TestCounting:
    def test_a_hit_is_one_statement_on_the_databases_the_hub_runs_on(
        self, django_assert_num_queries
    ):
        """SQLite (3.35 and later) and PostgreSQL both count a hit in one upsert."""
        assert throttle.can_upsert(connection)
        allow()
        with django_assert_num_queries(1):
            assert allow() is True

    def test_a_client_that_created_the_window_at_the_same_moment_is_counted_too(self, monkeypatch):
        """The portable count: another process created this window's row between our update
        and our insert: our insert is refused by the unique constraint and our hit is added to
        its row. (A single upsert leaves no such moment.)"""
        monkeypatch.setattr(throttle, "can_upsert", lambda connection: False)
        key = {
            "scope": "submit",
            "client": throttle.client_key(ADDRESS),
            "window": throttle.window_of(START, WINDOW),
        }
        ThrottleWindow.objects.create(**key, hits=1)  # the other process's hit
        manager = ThrottleWindow.objects
        real_filter = manager.filter
        calls = []

        class NotYetThere:
            def update(self, **kwargs):
                return 0

        def filter_missing_the_first_time(*args, **kwargs):
            calls.append(kwargs)
            return NotYetThere() if len(calls) == 1 else real_filter(*args, **kwargs)

        monkeypatch.setattr(manager, "filter", filter_missing_the_first_time)
        assert allow(limit=2) is True
        assert hits() == [("submit", key["window"], 2)]
        assert allow(limit=2) is False
