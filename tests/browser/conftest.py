"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser).

Where Chromium is missing the tests are skipped with a message saying how to install it; CI sets
HUB_REQUIRE_BROWSER_TESTS=1 so that a missing browser fails the run instead of passing quietly.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

CHROMIUM = Path(os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("HUB_REQUIRE_BROWSER_TESTS") == "1"
MISSING = (
    f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium) "
    "to run the browser tests."
)
# Flags for a headless Chromium on a machine with no outside network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def browser(monkeypatch):
    """A fresh Chromium per test.

    Not session-wide on purpose: while Playwright's event loop is alive, Django's per-context
    connection handling hands the test a different connection object, which lacks the serialized
    snapshot that restores the migrations' data after each transactional test.
    """
    if not CHROMIUM.exists():
        if REQUIRED:
            pytest.fail(MISSING, pytrace=False)
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in the test thread; Django would otherwise
    # refuse database access from it. Set only for the browser tests, never beyond them.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Inside Playwright's event loop Django hands out context-local connections; close
        # them here, or PostgreSQL refuses to drop the test database at the end of the run.
        connections.close_all()


def new_tab(browser, **context_options):
    context = browser.new_context(**context_options)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return context, tab


@pytest.fixture
def page(browser):
    context, tab = new_tab(browser)
    yield tab
    context.close()


@pytest.fixture
def no_js_page(browser):
    context, tab = new_tab(browser, java_script_enabled=False)
    yield tab
    context.close()


# Browser test modules are marked ``django_db(transaction=True, serialized_rollback=True)`` so
# that the boroughs, roles and home page that migrations create come back after each test's flush.


@pytest.fixture
def site_with_content(live_server):
    """The live server with the public pages, glossary and people (the shared core's demo)."""
    from hub.demo import load

    load()
    return live_server.url


@pytest.fixture
def site_with_demo(live_server):
    """The live server with every app's demo content (slower)."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    engine = Axe()

    def check(page):
        results = engine.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        return results.response["violations"]

    return check
