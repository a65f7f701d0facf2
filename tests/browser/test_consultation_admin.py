"""A consultation end to end in a real browser: an organisation answers online, a volunteer
types in a paper return, and the consultation manager sees both in the results."""

import re

import pytest
from django.contrib.auth.models import Group

from consultation.enums import Channel
from consultation.models import Response
from hub.models import HomePage
from hub.roles import Role
from tests.browser.helpers import fill_date, sign_in
from tests.consultation.factories import consultation_under, youth_questionnaire
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery-staple"


def user_in(role, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role.value))
    return user


def test_online_and_paper_responses_both_reach_the_managers_results(site_with_content, page):
    base = site_with_content
    consultation = consultation_under(HomePage.objects.get(), questionnaire=youth_questionnaire())
    questions = {q.number or "name": q for q in consultation.questions}
    user_in(Role.DATA_ENTRY, "volunteer")
    user_in(Role.CONSULTATION_MANAGER, "manager")

    # Online.
    page.goto(base + consultation.url)
    page.locator(f"#q{questions['name'].pk}").fill("Hollybank Youth Forum")
    page.get_by_label("Camden", exact=True).check()
    page.get_by_label("High", exact=True).check()
    page.wait_for_timeout(3100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Send your answers").click()
    page.locator(".govuk-panel").wait_for()
    online = Response.objects.get(channel=Channel.ONLINE)
    assert online.reference in page.locator(".govuk-panel").inner_text()

    # A paper return, typed in by a volunteer.
    sign_in(page, base, "volunteer", PASSWORD)
    page.goto(f"{base}/admin/consultation_paper/")
    page.get_by_role("link", name=consultation.title).click()
    fill_date(page, "#id_received_on", consultation.opens_on.isoformat())
    page.locator(f"#id_q{questions['name'].pk}").fill("Meadowside Young People's Project")
    page.get_by_label("Hackney", exact=True).check()
    page.get_by_label("Low", exact=True).check()
    page.get_by_role("button", name="Save this return").click()
    page.get_by_text(re.compile(r"Return .* saved")).wait_for()
    paper = Response.objects.get(channel=Channel.PAPER)
    assert paper.entered_by.username == "volunteer"

    # The manager sees both.
    page.context.clear_cookies()
    sign_in(page, base, "manager", PASSWORD)
    page.goto(f"{base}/admin/consultation_results/")
    page.get_by_role("link", name=consultation.title).click()
    page.get_by_text("2 responses").wait_for()
    summary = page.locator("main").inner_text()
    assert "Online 1" in summary and "Paper 1" in summary
    involvement = page.locator("section").filter(has_text="Q4.")
    table = involvement.get_by_role("table").inner_text()
    assert re.search(r"High\s+1\s+50%", table) and re.search(r"Low\s+1\s+50%", table)
