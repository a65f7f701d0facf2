"""The Content Security Policy in a real browser: the public site and the admin work with
scripts from this site only (no inline scripts, no eval), and nothing is refused."""

import re

import pytest

from tests.browser.test_iag import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REFUSED = re.compile(r"Content Security Policy|Refused to", re.I)


def watch_console(page):
    refused = []
    page.on("console", lambda message: REFUSED.search(message.text) and refused.append(
        f"{page.url}: {message.text[:300]}"))  # fmt: skip
    return refused


def test_no_page_breaks_the_content_security_policy(site_with_demo, page):
    base = site_with_demo
    refused = watch_console(page)
    for path in ("/", "/search/?query=IAG", "/independent-advisory-groups/islington/"):
        response = page.goto(base + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
    sign_in(page, base, "admin")
    for path in (
        "/admin/",
        "/admin/pages/",
        "/admin/pages/3/edit/",
        "/admin/iag_meetings/new/",
        "/admin/iag_advice/",
        "/admin/snippets/hub/glossaryterm/",
        "/admin/reports/site-history/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.goto(base + "/admin/iag_meetings/new/")
    page.get_by_role("button", name=re.compile("Add item", re.I)).click()
    page.locator("#id_minute_items-0-title").wait_for()  # the admin's scripts ran
    assert refused == []
