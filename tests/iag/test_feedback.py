"""Quarterly feedback (P28): compiled from the register, approved by the central team through a
workflow, then published as a page and a PDF; and the open-data feed of what is published."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import Workflow

from iag import services
from iag.models import IAGDirectoryPage, QuarterlyFeedback
from iag.rules import quarter_of
from tests.helpers import is_refused, response_body
from tests.iag.factories import AdviceFactory, QuarterlyFeedbackFactory, days_ago

pytestmark = pytest.mark.django_db

LAST_QUARTER = quarter_of(days_ago(100))
IN_QUARTER = LAST_QUARTER.first_day + datetime.timedelta(days=3)


@pytest.fixture
def directory(home):
    page = IAGDirectoryPage(title="IAGs", slug="iags")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def register(world):
    """A quarter's advice in every state, including what must never be published."""
    day_after_the_quarter = LAST_QUARTER.last_day + datetime.timedelta(days=1)
    return {
        "followed": AdviceFactory(group=world.group_a, given_on=IN_QUARTER, followed=True),
        "not_followed": AdviceFactory(
            group=world.group_a, given_on=IN_QUARTER, not_followed=True, subject="Refused advice"
        ),
        "pending": AdviceFactory(group=world.group_b, given_on=IN_QUARTER, pending=True),
        "confidential": AdviceFactory(
            group=world.group_b,
            given_on=IN_QUARTER,
            not_followed=True,
            confidential=True,
            subject="Operation Nightjar",
        ),
        "other_quarter": AdviceFactory(
            group=world.group_a, given_on=day_after_the_quarter, followed=True
        ),
    }


def compile_and_publish(feedback, user=None):
    services.compile_quarterly_feedback(feedback, user).publish()
    feedback.refresh_from_db()
    return feedback


class TestCompiling:
    def test_counts_everything_but_lists_only_what_may_be_published(self, register, world):
        feedback = QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        services.compile_quarterly_feedback(feedback, None)
        figures = feedback.get_latest_revision_as_object().snapshot
        assert figures["total"] == 4
        assert figures["counts"] == {
            "followed": 1, "partly_followed": 0, "not_followed": 2, "pending": 1,
        }  # fmt: skip
        listed = [item["subject"] for item in figures["not_followed"]]
        assert listed == ["Refused advice"]  # the confidential one is counted, never listed
        assert figures["not_followed"][0]["reasons"] == "Why it was not followed in full."
        assert "Operation Nightjar" not in json.dumps(figures)

    def test_compiling_saves_a_draft_not_a_publication(self, register):
        feedback = QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        services.compile_quarterly_feedback(feedback, None)
        feedback.refresh_from_db()
        assert not feedback.live
        assert feedback.latest_revision is not None

    def test_group_feedback_holds_only_that_group(self, register, world):
        feedback = QuarterlyFeedbackFactory(
            group=world.group_b, year=LAST_QUARTER.year, quarter=LAST_QUARTER.number
        )
        services.compile_quarterly_feedback(feedback, None)
        figures = feedback.get_latest_revision_as_object().snapshot
        assert figures["total"] == 2
        assert figures["not_followed"] == []

    def test_feedback_cannot_be_for_a_quarter_not_yet_begun(self):
        future = quarter_of(days_ago(-200))
        feedback = QuarterlyFeedbackFactory.build(year=future.year, quarter=future.number)
        with pytest.raises(Exception, match="has begun"):
            feedback.full_clean()


class TestWorkflow:
    def test_the_central_team_compiles_submits_and_approves(self, client, world, register):
        assert QuarterlyFeedback().get_workflow() == Workflow.objects.get(
            name="Quarterly feedback approval"
        )
        feedback = QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        client.force_login(world.users["central team"])
        compile_url = reverse("wagtailsnippets_iag_quarterlyfeedback:compile", args=[feedback.pk])
        assert client.post(compile_url).status_code == 302

        edit_url = reverse("wagtailsnippets_iag_quarterlyfeedback:edit", args=[feedback.pk])
        response = client.post(
            edit_url,
            {"group": "", "year": feedback.year, "quarter": feedback.quarter,
             "summary": "What the police did.", "action-submit": "submit"},
        )  # fmt: skip
        assert response.status_code == 302, response.content.decode()[:2000]
        feedback.refresh_from_db()
        task_state = feedback.current_workflow_task_state
        assert task_state is not None and not feedback.live

        approve = reverse(
            "wagtailsnippets_iag_quarterlyfeedback:workflow_action",
            args=[feedback.pk, "approve", task_state.pk],
        )
        assert client.post(approve, {"comment": ""}).status_code in (200, 302)
        feedback.refresh_from_db()
        assert feedback.live
        assert feedback.snapshot["counts"]["not_followed"] == 2

    @pytest.mark.parametrize("role", ["chair A", "member A", "police lead A"])
    def test_only_the_central_team_handles_feedback(self, client, world, role):
        feedback = QuarterlyFeedbackFactory()
        client.force_login(world.users[role])
        for url in (
            reverse("wagtailsnippets_iag_quarterlyfeedback:list"),
            reverse("wagtailsnippets_iag_quarterlyfeedback:edit", args=[feedback.pk]),
            reverse("wagtailsnippets_iag_quarterlyfeedback:compile", args=[feedback.pk]),
        ):
            assert is_refused(client.get(url)), url


class TestPublicFeedback:
    def test_nothing_is_public_until_published(self, client, directory, register):
        feedback = QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        services.compile_quarterly_feedback(feedback, None)
        url = f"{directory.url}feedback/{LAST_QUARTER.year}/{LAST_QUARTER.number}/"
        assert client.get(url).status_code == 404
        compile_and_publish(feedback)
        body = client.get(url).content.decode()
        assert "Refused advice" in body and "Why it was not followed in full." in body
        assert "Operation Nightjar" not in body
        assert "All London" in body

    def test_the_pdf_says_the_same(self, client, directory, register):
        compile_and_publish(
            QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        )
        url = f"{directory.url}feedback/{LAST_QUARTER.year}/{LAST_QUARTER.number}/pdf/"
        response = client.get(url)
        assert response["Content-Type"] == "application/pdf"
        text = " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        ).replace("\n", " ")
        assert "Refused advice" in text and "Why it was not followed in full." in text
        assert "Operation Nightjar" not in text

    def test_a_published_response_that_changes_shows_when_and_what(
        self, client, directory, register, world
    ):
        compile_and_publish(
            QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        )
        advice = register["not_followed"]
        url = f"{directory.url}{world.group_a.borough.slug}/advice/{advice.pk}/"
        assert "has not changed since it was published" in client.get(url).content.decode()

        services.respond_to_advice(
            advice, world.users["police lead A"], outcome="partly_followed",
            decision="A smaller meeting after all.", reasons="Only the hall was free.",
            expected_version=advice.response.version,
        )  # fmt: skip
        body = client.get(url).content.decode()
        assert "Changed on" in body and "Partly followed" in body
        assert "Only the hall was free." in body
        assert str(world.users["police lead A"]) not in body  # not who

    def test_unpublished_and_confidential_advice_has_no_public_page(
        self, client, directory, register, world
    ):
        compile_and_publish(
            QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        )
        for key, group in (("confidential", world.group_b), ("other_quarter", world.group_a)):
            url = f"{directory.url}{group.borough.slug}/advice/{register[key].pk}/"
            assert client.get(url).status_code == 404, key


class TestOpenData:
    def test_the_feed_holds_published_items_and_public_fields_only(self, client, register):
        compile_and_publish(
            QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        )
        feed = client.get(reverse("iag_open_data_json")).json()
        subjects = {item["subject"] for item in feed["items"]}
        assert register["not_followed"].subject in subjects
        assert "Operation Nightjar" not in subjects
        assert register["other_quarter"].subject not in subjects
        pending = next(i for i in feed["items"] if i["id"] == register["pending"].pk)
        assert (pending["outcome"], pending["decision"], pending["reasons"]) == ("Pending", "", "")
        assert set(feed["items"][0]) == set(feed["fields"])

    def test_the_csv_matches_and_neutralises_formulas(self, client, register):
        register["followed"].subject = "=HYPERLINK(1)"
        register["followed"].save()
        compile_and_publish(
            QuarterlyFeedbackFactory(year=LAST_QUARTER.year, quarter=LAST_QUARTER.number)
        )
        rows = list(
            csv.DictReader(
                io.StringIO(response_body(client.get(reverse("iag_open_data_csv"))).decode())
            )
        )
        assert len(rows) == len(client.get(reverse("iag_open_data_json")).json()["items"]) == 3
        assert "'=HYPERLINK(1)" in {row["subject"] for row in rows}

    def test_the_addresses_are_stable(self):
        assert reverse("iag_open_data_json") == "/open-data/v1/iag-advice.json"
        assert reverse("iag_open_data_csv") == "/open-data/v1/iag-advice.csv"
