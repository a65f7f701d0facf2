"""An IAG chair in a real browser: record a meeting with a confidential item, approve and
publish the minutes; the public sees them without the confidential item."""

import re

import pytest
from django.utils import timezone

from iag.models import IAGDirectoryPage, Meeting
from tests.browser.helpers import fill_date, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECRET = "Kestrel surveillance details"


def test_a_chair_records_approves_and_publishes_minutes(site_with_demo, page, axe):
    base = site_with_demo
    sign_in(page, base, "iag-chair")
    page.goto(base + "/admin/iag_meetings/new/")
    fill_date(page, "#id_date", timezone.localdate().strftime("%Y-%m-%d"))
    page.locator("#id_place").fill("Browser test hall")

    add_item = page.get_by_role("button", name=re.compile("Add item", re.I))
    add_item.click()
    page.locator("#id_minute_items-0-title").fill("Youth club funding")
    page.locator("#id_minute_items-0-text").fill("Members asked about the youth club's funding.")
    add_item.click()
    page.locator("#id_minute_items-1-kind").select_option("confidential")
    page.locator("#id_minute_items-1-text").fill(SECRET)
    page.locator("#id_minute_items-1-withheld_at_request_of").fill("Superintendent Example")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url(re.compile(r".*/admin/iag_meetings/$"))

    meeting = Meeting.objects.get(place="Browser test hall")
    assert meeting.minute_items.count() == 2
    page.goto(f"{base}/admin/iag_meetings/inspect/{meeting.pk}/")
    assert "Not recorded at the request of the police lead" in page.content()
    assert SECRET not in page.content()

    page.get_by_role("link", name="Approve the minutes").click()
    page.get_by_role("button", name="Approve the minutes").click()
    page.get_by_role("link", name="Publish the minutes").click()
    page.get_by_role("button", name="Publish the minutes").click()
    meeting.refresh_from_db()
    assert meeting.minutes_status == "published"

    directory = IAGDirectoryPage.objects.get()
    page.context.clear_cookies()
    page.goto(f"{base}{directory.url}islington/")
    page.get_by_role("link", name=re.compile(meeting.date.strftime("%-d %B %Y"))).first.click()
    content = page.content()
    assert "Youth club funding" in content
    assert SECRET not in content
    assert "Not recorded" not in content
    assert axe(page) == []


def test_public_iag_pages_have_no_axe_violations(site_with_demo, page, axe):
    directory = IAGDirectoryPage.objects.get()
    published = Meeting.objects.filter(
        group__borough__name="Islington", minutes_status="published"
    ).first()
    found = {}
    for path in (
        directory.url,
        f"{directory.url}islington/",
        f"{directory.url}islington/minutes/{published.pk}/",
        f"{directory.url}islington/induction-pack/",
        f"{directory.url}hackney/",
    ):
        page.goto(site_with_demo + path)
        if violations := axe(page):
            found[path] = [v["id"] for v in violations]
    assert found == {}
