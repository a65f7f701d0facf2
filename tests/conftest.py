import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from hypothesis import settings as hypothesis_settings
from wagtail.models import Site

# Property-based tests explore the same examples on every run and every machine, so a failure in
# CI can be reproduced exactly; no example database is written into the working tree.
hypothesis_settings.register_profile("hub", derandomize=True, database=None, deadline=None)
hypothesis_settings.load_profile("hub")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached glossary terms must not outlive their rows.
    Nor does this process keep pages or a generation from one test to the next."""
    from hub import page_cache

    cache.clear()
    page_cache.forget_process_state()
    yield
    cache.clear()
    page_cache.forget_process_state()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def site_content(db):
    """The shared core's demo content only: the public pages, glossary and people (fast)."""
    from hub.demo import load

    return load()


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """Load the full demo once per test module, inside a transaction rolled back at the end.

    Each test still runs in its own savepoint (the ``db`` fixture), so tests cannot disturb
    one another, and nothing outlives the module.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_for_module, db):
    """The full demo content of every app, exactly as ``manage.py load_demo`` makes it.

    Loaded once per module, so every test in a module that uses it sees it: keep such tests in
    modules of their own. Not for transactional tests, whose flush would remove it."""
    return _demo_for_module


@pytest.fixture
def superuser(db):
    from tests.hub.factories import UserFactory

    return UserFactory(username="root", superuser=True)


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


def pytest_terminal_summary(terminalreporter):
    from tests.helpers import FIGURES

    if FIGURES:
        terminalreporter.section("figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
