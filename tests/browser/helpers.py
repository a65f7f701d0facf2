"""Steps the browser tests share."""

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

DEMO_PASSWORD = "hub-demo-password"  # the demo logins' published password

PICKER_OPEN = (
    "() => [...document.querySelectorAll('.xdsoft_datetimepicker')]"
    ".some(picker => picker.offsetParent !== null)"
)


def sign_in(page, base, username, password=DEMO_PASSWORD):
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/admin/")


def fill_date(page, selector, value):
    """Type a date into one of the admin's date fields and close its date picker, which
    otherwise stays open over the fields below it and takes their clicks. The picker opens a
    moment after the field has focus, so wait for it before closing it."""
    field = page.locator(selector)
    field.fill(value)
    with contextlib.suppress(PlaywrightTimeout):  # if it did not open, nothing to close
        page.wait_for_function(PICKER_OPEN, timeout=3000)
    # The picker is a jQuery plugin: ask it to close, as a click elsewhere would, and leave
    # the field so that it does not open again.
    page.evaluate(
        "selector => { window.jQuery(selector).datetimepicker('hide');"
        " document.activeElement.blur(); }",
        selector,
    )
    page.wait_for_function(f"() => !({PICKER_OPEN})()")


def describe(violations):
    """axe's violations, one line each, for an assertion message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


def tab_to(page, element_id, limit=150):
    """Press Tab until ``element_id`` has focus, as a keyboard user would; fail if it never
    does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} could not be reached with the Tab key")
