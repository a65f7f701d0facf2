"""The volunteer programme in a real browser: the borough's programme manager drafts a role
profile in the admin and sends it to the steering group, a member of the group approves it, and
the public role page shows it; the public pages pass axe (WCAG 2.2 A and AA), the borough filter
works with the keyboard alone, and everything works without JavaScript."""

import datetime
import re

import pytest
from django.utils import timezone

from hub.models import Borough
from hub.volunteering import demo as volunteering_demo
from hub.volunteering.models import RoleProfile, VolunteerRolesPage
from tests.browser.helpers import describe, fill_date, sign_in, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Property office assistant"
PURPOSE = "To help the property office keep found property safe and return it to its owners."
TASKS = ["Log found property handed in at the front counter", "Tag and shelve property"]
FINDINGS = "Sharp objects in found property: gloves provided."
ASSESSOR = "Inspector Ottoline Assessorworth"


@pytest.fixture
def programme_site(site_with_content):
    """The public pages and the volunteer programme's demo: steering groups, logins, roles."""
    volunteering_demo.load()
    return site_with_content


@pytest.fixture
def roles_page(programme_site):
    return VolunteerRolesPage.objects.get()


def role_url(base, roles_page, profile):
    return base + roles_page.url + roles_page.reverse_subpage("role", args=[profile.slug])


def open_profile():
    return RoleProfile.objects.open_to_volunteers(timezone.localdate()).first()


def test_a_profile_is_drafted_submitted_approved_and_published(
    programme_site, roles_page, page, settings
):
    base = programme_site
    # Wagtail's autosave would save a draft by itself, at a moment of its own choosing, while the
    # form is filled in; racing the manager's own "Submit", it can make a second profile. Off
    # here, so that the test drives only what the manager does.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    islington = Borough.objects.get(name="Islington")

    # The programme manager drafts the profile and sends it to the steering group.
    sign_in(page, base, "programme-manager")
    page.goto(f"{base}/admin/snippets/volunteering/roleprofile/add/")
    # The manager keeps one borough's programme, so the form fixes the borough to it.
    assert page.locator("#id_borough").input_value() == str(islington.pk)
    page.locator("#id_unit").fill("Property office")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_purpose").fill(PURPOSE)
    page.locator("#id_tasks").fill("\n".join(TASKS))
    page.locator("#id_training").fill("The property system, given by the property officer.")
    page.locator("#id_time_commitment").fill("3 hours a week, weekday mornings")
    page.locator("#id_involves_lifting").check()
    assessed = timezone.localdate() - datetime.timedelta(days=10)
    fill_date(page, "#id_risk_assessed_on", assessed.isoformat())
    page.locator("#id_risk_assessed_by").fill(ASSESSOR)
    page.locator("#id_risk_findings").fill(FINDINGS)
    for question in ("legal_obligation", "paid_overtime", "in_job_description"):
        page.locator(f"input[name='{question}'][value='False']").check()
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Submit to Role profile approval")).click()
    profile = RoleProfile.objects.get(title=TITLE)
    assert profile.workflow_in_progress and not profile.live
    assert page.request.get(role_url(base, roles_page, profile)).status == 404

    # A member of the steering group, who did not draft it, approves it from their dashboard.
    page.context.clear_cookies()
    sign_in(page, base, "steering-group")
    row = page.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    assert page.get_by_role("row").filter(has_text=TITLE).count() == 0
    profile.refresh_from_db()
    assert profile.live

    # The public role page shows it, without the risk assessment.
    page.context.clear_cookies()
    page.goto(base + roles_page.url)
    page.get_by_role("link", name=re.compile(TITLE)).click()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert page.get_by_text(PURPOSE).is_visible()
    for task in TASKS:
        assert page.get_by_role("listitem").filter(has_text=task).is_visible()
    text = page.locator("main").inner_text()
    assert FINDINGS not in text and ASSESSOR not in text
    assert "Manual handling training" in text


def test_the_public_pages_pass_axe(programme_site, roles_page, page, axe):
    base = programme_site
    for url in (
        base + roles_page.url,
        role_url(base, roles_page, open_profile()),
        f"{base}{roles_page.url}?borough=islington",
        f"{base}{roles_page.url}?borough=nowhere",
    ):
        page.goto(url)
        violations = axe(page)
        assert violations == [], f"{url}\n{describe(violations)}"


def test_the_borough_filter_works_with_the_keyboard_alone(programme_site, roles_page, page):
    base = programme_site
    page.goto(base + roles_page.url)
    tab_to(page, "borough")
    # On a closed select, the arrow keys move through the options: Hackney, then Islington.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#borough").input_value() == "islington"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Show roles"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*\?borough=islington$"))
    heading = page.get_by_role("heading", name=re.compile(r"open roles? in Islington"))
    assert heading.is_visible()
    links = page.locator("main li h3 a")
    assert (
        links.count()
        == RoleProfile.objects.open_to_volunteers(timezone.localdate())
        .filter(borough__slug="islington")
        .count()
    )

    # And on to a role, still by keyboard.
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf".*{re.escape(roles_page.url)}[a-z0-9-]+/$"))
    assert page.get_by_role("heading", name="How to apply").is_visible()


def test_the_public_pages_work_without_javascript(programme_site, roles_page, no_js_page):
    base, page = programme_site, no_js_page
    page.goto(base + roles_page.url)
    page.locator("#borough").select_option("hackney")
    page.get_by_role("button", name="Show roles").click()
    page.wait_for_url(re.compile(r".*\?borough=hackney$"))
    assert page.get_by_role("heading", name=re.compile("in Hackney")).is_visible()
    page.locator("main li h3 a").first.click()
    assert page.get_by_role("heading", name="What you would do").is_visible()
    assert page.get_by_role("heading", name="Before you start").is_visible()
    page.get_by_role("link", name="All volunteer roles").click()
    page.wait_for_url(base + roles_page.url)
