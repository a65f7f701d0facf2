"""The public site in a real browser: accessibility (axe, WCAG 2.2 A and AA), keyboard use,
and every public task without JavaScript."""

import re

import pytest

from tests.browser.helpers import describe

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = {
    "home": "/",
    "faq": "/volunteer-programme/frequently-asked-questions/",
    "standard page with a table": "/volunteer-programme/steering-group/",
    "news index": "/news/",
    "news page": "/news/information-update-october-2007/",
    "glossary": "/jargon-buster/",
    "search": "/search/",
    "search with results": "/search/?q=volunteer",
    "search without results": "/search/?q=zzzznothing",
    "not found": "/no-such-page/",
}


def test_public_pages_have_no_axe_violations(site_with_content, page, axe):
    found = {}
    for name, path in PAGES.items():
        page.goto(site_with_content + path)
        if violations := axe(page):
            found[name] = describe(violations)
    assert found == {}, "\n".join(f"{name}: {report}" for name, report in found.items())


def test_search_results_really_are_results(site_with_content, page):
    page.goto(site_with_content + "/search/?q=volunteer")
    assert page.locator(".hub-search-results__item").count() >= 3
    page.goto(site_with_content + "/search/?q=zzzznothing")
    assert page.get_by_role("heading", name="No results for “zzzznothing”").is_visible()


def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(site_with_content, page):
    page.goto(site_with_content + "/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    page.keyboard.press("Tab")
    focused_in_main = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused_in_main


def test_a_visitor_searches_using_only_the_keyboard(site_with_content, page):
    page.goto(site_with_content + "/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Search":
            break
    else:
        pytest.fail("The Search link could not be reached with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/")
    page.keyboard.press("Tab")  # skip link
    for _ in range(30):
        if page.evaluate("document.activeElement.id") == "search-query":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("The search box could not be reached with the Tab key")
    page.keyboard.type("steering group")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=steering+group")
    assert page.get_by_role("link", name="Steering group").first.is_visible()


def test_focus_is_visible_on_links(site_with_content, page):
    page.goto(site_with_content + "/")
    link = page.get_by_role("link", name="Volunteer programme").first
    link.focus()
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).getPropertyValue('box-shadow') + "
        "getComputedStyle(document.activeElement).getPropertyValue('outline-style') + "
        "getComputedStyle(document.activeElement).getPropertyValue('background-color')"
    )
    # GOV.UK's focus state: a yellow background (#ffdd00) with a black underline shadow.
    assert "rgb(255, 221, 0)" in outline


def test_every_public_task_works_without_javascript(site_with_content, no_js_page):
    page = no_js_page
    page.goto(site_with_content + "/")
    page.get_by_role("link", name="Volunteer programme").first.click()
    page.get_by_role("link", name="Frequently asked questions").first.click()
    assert page.get_by_role("heading", name="Are volunteers vetted?").is_visible()
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Search this site").fill("statement of expectation")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="Statement of expectation").first.is_visible()


def test_the_first_use_of_an_acronym_is_explained(site_with_content, page):
    page.goto(site_with_content + "/volunteer-programme/steering-group/")
    mvp = page.locator("main abbr").filter(has_text=re.compile(r"^MVP$"))
    assert mvp.count() == 1
    assert mvp.get_attribute("title") == "Met Volunteer Programme"
    # Later uses on the page are plain text.
    assert page.locator("main").inner_text().count("MVP") > 1


def test_the_accessibility_checker_does_report_violations(page, axe):
    """Guards the guard: a page with known faults must fail the same check."""
    page.set_content("<html><body><img src='x.png'><a href='/'></a></body></html>")
    found = {violation["id"] for violation in axe(page)}
    assert {"image-alt", "html-has-lang", "link-name"} <= found
