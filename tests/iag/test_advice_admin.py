"""The advice register's screens, end to end through the admin."""

import datetime

import pytest
from django.core import mail
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hub import exports
from iag.models import Advice, Escalation, GoldGroupRequest
from tests.helpers import is_refused, response_body
from tests.iag.factories import AdviceFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def advice_form(group, **overrides):
    data = {
        "group": group.pk,
        "meeting": "",
        "given_on": TODAY.isoformat(),
        "response_requested_by": "",
        "subject": "Dispersal orders near the school",
        "category": "operation",
        "advice": "Consult the school before using dispersal powers at home time.",
        "differing_views": inline_formset(
            [{"held_by": "A member", "view": "Dispersal orders should not be used at all."}]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def respond_form(outcome="not_followed", version=0, **overrides):
    data = {
        "outcome": outcome,
        "decision": "Reassurance patrols instead.",
        "reasons": "The investigation was at a sensitive stage.",
        "version": version,
    }
    data.update(overrides)
    return data


class TestRecordingAdvice:
    def test_a_chair_records_advice_with_a_differing_view(
        self, client, world, django_capture_on_commit_callbacks
    ):
        world.group_a.police_lead.email = "lead-a@example.org"
        world.group_a.police_lead.save()
        client.force_login(world.users["chair A"])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("iag_advice:add"), advice_form(world.group_a))
        assert response.status_code == 302, response.content.decode()[:3000]
        advice = Advice.objects.get()
        assert advice.response_due_on == TODAY + datetime.timedelta(days=28)
        assert advice.differing_views.get().view == "Dispersal orders should not be used at all."
        assert advice.history.get().history_user == world.users["chair A"]
        assert mail.outbox[0].to == ["lead-a@example.org"]

    def test_a_chair_cannot_record_advice_for_another_group(self, client, world):
        client.force_login(world.users["chair A"])
        response = client.post(reverse("iag_advice:add"), advice_form(world.group_b))
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not Advice.objects.exists()

    def test_bad_input_is_shown_again_with_the_errors(self, client, world):
        client.force_login(world.users["chair A"])
        response = client.post(
            reverse("iag_advice:add"),
            advice_form(world.group_a, response_requested_by="2000-01-01", advice=""),
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "cannot be due before the advice was given" in body
        assert "Dispersal orders near the school" in body
        assert not Advice.objects.exists()


class TestResponding:
    def test_the_police_lead_responds_not_followed_with_reasons(self, client, world):
        advice = AdviceFactory(group=world.group_a)
        client.force_login(world.users["police lead A"])
        response = client.post(reverse("iag_advice:respond", args=[advice.pk]), respond_form())
        assert response.status_code == 302
        advice.refresh_from_db()
        assert advice.response.outcome == "not_followed"
        assert advice.response.responded_by == world.users["police lead A"]

    def test_reasons_left_out_are_asked_for_and_the_input_kept(self, client, world):
        advice = AdviceFactory(group=world.group_a)
        client.force_login(world.users["police lead A"])
        response = client.post(
            reverse("iag_advice:respond", args=[advice.pk]), respond_form(reasons="")
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "required unless the advice was followed" in body
        assert "Reassurance patrols instead." in body
        assert advice.current_response is None

    @pytest.mark.parametrize("role", ["police lead A", "chair A", "central team", "member A"])
    def test_only_the_boroughs_police_lead_may_respond(self, client, world, role):
        advice = AdviceFactory(group=world.group_b if role == "police lead A" else world.group_a)
        client.force_login(world.users[role])
        url = reverse("iag_advice:respond", args=[advice.pk])
        assert is_refused(client.get(url))
        assert is_refused(client.post(url, respond_form()))
        assert advice.current_response is None

    def test_two_editors_at_once_see_a_conflict_not_a_lost_update(self, client, world):
        advice = AdviceFactory(group=world.group_a)
        client.force_login(world.users["police lead A"])
        url = reverse("iag_advice:respond", args=[advice.pk])
        # Both open the form at version 0; the first saves.
        assert client.post(url, respond_form("followed", reasons="")).status_code == 302
        # The second, still at version 0, is shown both versions and nothing is overwritten.
        conflict = client.post(url, respond_form("not_followed", reasons="Mine"))
        assert conflict.status_code == 409
        body = conflict.content.decode()
        assert "Someone else changed this response" in body
        assert "Followed" in body and "Mine" in body
        advice.response.refresh_from_db()
        assert advice.response.outcome == "followed"
        # Saving "mine over theirs" carries the new version, so it goes through.
        again = client.post(url, respond_form("not_followed", version=1, reasons="Mine"))
        assert again.status_code == 302
        advice.response.refresh_from_db()
        assert (advice.response.outcome, advice.response.version) == ("not_followed", 2)


class TestRegister:
    def test_filters_for_outcome_quarter_and_overdue(self, client, world):
        not_followed = AdviceFactory(group=world.group_a, not_followed=True, subject="Refused one")
        late = AdviceFactory(group=world.group_a, overdue=True, subject="Late one")
        AdviceFactory(group=world.group_a, followed=True, subject="Followed one")
        client.force_login(world.users["central team"])
        index = reverse("iag_advice:index")

        def subjects(**params):
            body = client.get(index, params).content.decode()
            return {s for s in ("Refused one", "Late one", "Followed one") if s in body}

        assert subjects(outcome="not_followed") == {"Refused one"}
        assert subjects(overdue="true") == {"Late one"}
        quarter = f"{late.given_on.year}-{(late.given_on.month - 1) // 3 + 1}"
        assert "Late one" in subjects(quarter=quarter)
        assert not_followed.subject in subjects(group=world.group_a.pk)
        assert subjects(group=world.group_b.pk) == set()

    def test_the_export_holds_responses_and_neutralises_formulas(self, client, world):
        AdviceFactory(group=world.group_a, not_followed=True, subject="=2+2")
        client.force_login(world.users["central team"])
        csv = response_body(client.get(reverse("iag_advice:index") + "?export=csv")).decode()
        assert "Why it was not followed in full." in csv
        assert "'=2+2" in csv

    def test_advice_with_no_response_yet_exports_in_both_formats(self, client, world):
        AdviceFactory(group=world.group_a, subject="Awaiting a response")
        client.force_login(world.users["central team"])
        for export in ("csv", "xlsx"):
            response = client.get(reverse("iag_advice:index") + f"?export={export}")
            assert response.status_code == 200, export
            assert len(response_body(response)) > 100

    @pytest.mark.parametrize("export", ["csv", "xlsx"])
    def test_the_export_reads_the_register_a_chunk_at_a_time(
        self, client, world, monkeypatch, export
    ):
        """The rows are never all in memory at once: they are read a few at a time, filtered
        as the list is, and nothing reads them first (no table, no count)."""
        monkeypatch.setattr(exports, "CHUNK_ROWS", 2)
        chunks = []
        real_iterator = QuerySet.iterator

        def iterator(queryset, chunk_size=None):
            chunks.append(chunk_size)
            return real_iterator(queryset, chunk_size=chunk_size)

        monkeypatch.setattr(QuerySet, "iterator", iterator)
        evaluated = []
        real_fetch_all = QuerySet._fetch_all
        monkeypatch.setattr(
            QuerySet, "_fetch_all", lambda qs: evaluated.append(qs.model) or real_fetch_all(qs)
        )
        for number in range(5):
            AdviceFactory(group=world.group_a, not_followed=True, subject=f"Refused {number}")
        AdviceFactory(group=world.group_a, followed=True, subject="Followed one")
        client.force_login(world.users["central team"])
        url = reverse("iag_advice:index") + f"?export={export}&outcome=not_followed"
        evaluated.clear()
        body = response_body(client.get(url))
        assert chunks == [2]
        assert Advice not in evaluated
        if export == "csv":
            text = body.decode()
            assert all(f"Refused {number}" in text for number in range(5))
            assert "Followed one" not in text

    def test_members_without_agreements_see_only_published_advice(self, client, world):
        AdviceFactory(group=world.group_a, subject="Unpublished advice")
        client.force_login(world.users["unsigned member A"])
        assert "Unpublished advice" not in client.get(reverse("iag_advice:index")).content.decode()
        client.force_login(world.users["member A"])
        assert "Unpublished advice" in client.get(reverse("iag_advice:index")).content.decode()

    def test_every_version_is_shown_field_by_field_with_who(self, client, world):
        advice = AdviceFactory(group=world.group_a)
        client.force_login(world.users["police lead A"])
        url = reverse("iag_advice:respond", args=[advice.pk])
        client.post(url, respond_form("pending", decision="", reasons=""))
        client.post(url, respond_form("not_followed", version=1))
        client.force_login(world.users["chair A"])
        body = client.get(reverse("iag_advice:versions", args=[advice.pk])).content.decode()
        assert body.count("Response: changed") == 1 and "Response: created" in body
        assert "Not followed" in body and "Pending" in body
        assert escape(str(world.users["police lead A"])) in body  # who made the change


class TestGoldGroupsAndEscalation:
    def test_a_member_asks_and_the_police_lead_answers(self, client, world):
        client.force_login(world.users["member A"])
        response = client.post(
            reverse("iag_gold_groups:add"),
            {"group": world.group_a.pk, "incident": "A death in custody", "reasons": "Anger"},
        )
        assert response.status_code == 302
        gold = GoldGroupRequest.objects.get()
        assert gold.requested_by == world.users["member A"]

        client.force_login(world.users["chair B"])
        assert is_refused(client.get(reverse("iag_gold_groups:inspect", args=[gold.pk])))
        assert is_refused(client.get(reverse("iag_gold_groups:answer", args=[gold.pk])))

        client.force_login(world.users["police lead A"])
        response = client.post(
            reverse("iag_gold_groups:answer", args=[gold.pk]),
            {"decision": "convened", "decision_reasons": "Agreed."},
        )
        assert response.status_code == 302
        gold.refresh_from_db()
        assert gold.decision == "convened" and gold.time_to_answer is not None

    def test_an_unsigned_member_cannot_ask(self, client, world):
        client.force_login(world.users["unsigned member A"])
        assert is_refused(client.get(reverse("iag_gold_groups:add")))

    def test_a_chair_raises_a_difficulty_and_the_central_team_records_the_outcome(
        self, client, world
    ):
        client.force_login(world.users["chair A"])
        client.post(
            reverse("iag_escalations:add"),
            {"group": world.group_a.pk, "difficulty": "No replies to our letters."},
        )
        escalation = Escalation.objects.get()
        client.force_login(world.users["central team"])
        client.post(
            reverse("iag_escalations:resolve", args=[escalation.pk]),
            {"outcome": "Monthly meetings agreed."},
        )
        escalation.refresh_from_db()
        assert escalation.is_resolved
