"""The advice register in a real browser: the police lead responds "not followed" with reasons,
the chair sees it, the central team compiles, approves and publishes the quarter, and the public
page and PDF show it."""

import io
import re

import pytest
from pypdf import PdfReader

from iag import services
from iag.models import Advice, AdvisoryGroup, IAGDirectoryPage, QuarterlyFeedback
from iag.rules import quarter_of
from tests.browser.test_iag import sign_in
from tests.iag.factories import days_ago

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBJECT = "Dispersal orders outside the mosque at Friday prayers"
REASONS = "The order was needed for one week to stop a planned disturbance."


def test_a_response_travels_from_police_lead_to_public_feedback(site_with_demo, page, axe):
    base = site_with_demo
    quarter = quarter_of(days_ago(100))
    islington = AdvisoryGroup.objects.get(borough__name="Islington")
    advice = Advice(
        group=islington, given_on=quarter.first_day, subject=SUBJECT, category="operation",
        advice="Do not use dispersal orders at prayer times.",
    )  # fmt: skip
    services.record_advice(advice, None)

    # The police lead responds: not followed, with reasons.
    sign_in(page, base, "police-lead")
    page.goto(f"{base}/admin/iag_advice/{advice.pk}/respond/")
    page.get_by_label("Not followed").check()
    page.locator("#id_decision").fill("The dispersal order stayed in place for one week.")
    page.locator("#id_reasons").fill(REASONS)
    page.get_by_role("button", name="Save the response").click()
    page.wait_for_url(re.compile(rf".*/admin/iag_advice/inspect/{advice.pk}/$"))

    # The chair sees it.
    page.context.clear_cookies()
    sign_in(page, base, "iag-chair")
    page.goto(f"{base}/admin/iag_advice/inspect/{advice.pk}/")
    assert page.get_by_text("Not followed").first.is_visible()
    assert page.get_by_text(REASONS).is_visible()

    # The central team compiles the quarter, submits it and approves it.
    page.context.clear_cookies()
    sign_in(page, base, "central")
    page.goto(f"{base}/admin/snippets/iag/quarterlyfeedback/add/")
    page.locator("#id_group").select_option(str(islington.pk))
    page.locator("#id_year").fill(str(quarter.year))
    page.locator("#id_quarter").select_option(str(quarter.number))
    page.locator("#id_summary").fill("Feedback for Islington.")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/$"))
    feedback = QuarterlyFeedback.objects.get(group=islington, year=quarter.year)
    page.goto(f"{base}/admin/snippets/iag/quarterlyfeedback/compile/{feedback.pk}/")
    page.get_by_role("button", name="Compile from the register").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/$"))
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Submit to Quarterly feedback approval")).click()
    page.wait_for_load_state()
    feedback.refresh_from_db()
    task_state = feedback.current_workflow_task_state
    assert task_state is not None
    page.goto(f"{base}/admin/snippets/iag/quarterlyfeedback/edit/{feedback.pk}/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Approve").first.click()
    dialog = page.get_by_role("dialog")
    if dialog.count():
        dialog.get_by_role("button", name=re.compile("Approve")).click()
    page.wait_for_load_state()
    feedback.refresh_from_db()
    assert feedback.live

    # The public page and its PDF show the response.
    page.context.clear_cookies()
    directory = IAGDirectoryPage.objects.get()
    url = f"{base}{directory.url}feedback/{quarter.year}/{quarter.number}/islington/"
    page.goto(url)
    assert page.get_by_role("heading", name=f"Not followed: {SUBJECT}").is_visible()
    assert page.get_by_text(REASONS).is_visible()
    assert axe(page) == []
    pdf = page.request.get(url + "pdf/")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert REASONS in text.replace("\n", " ")

    page.get_by_role("link", name=re.compile(f"changes since.*{SUBJECT[:20]}")).click()
    assert page.get_by_role("heading", name=SUBJECT).is_visible()
    assert axe(page) == []
    page.goto(f"{base}{directory.url}feedback/")
    assert axe(page) == []
