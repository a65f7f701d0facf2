"""The advice register: recording advice, responses and their history, notifications, Gold
Group requests and escalations."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from iag import services
from iag.models import Advice, AdviceResponse, IAGSettings
from iag.rules import Quarter
from tests.hub.factories import UserFactory
from tests.iag.factories import AdviceFactory, AdvisoryGroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def user():
    return UserFactory(username="someone", email="someone@example.org")


def respond(advice, user, outcome="not_followed", version=0, **fields):
    return services.respond_to_advice(
        advice,
        user,
        outcome=outcome,
        decision=fields.get("decision", "Patrols instead of a meeting."),
        reasons=fields.get("reasons", "A meeting risked prejudicing the investigation."),
        expected_version=version,
    )


class TestRecordingAdvice:
    def test_the_due_date_comes_from_the_setting(self, user):
        settings = IAGSettings.load()
        settings.response_due_days = 14
        settings.save()
        advice = Advice(
            group=AdvisoryGroupFactory(), given_on=datetime.date(2026, 3, 1), subject="S",
            category="policy", advice="A",
        )  # fmt: skip
        services.record_advice(advice, user)
        assert advice.response_due_on == datetime.date(2026, 3, 15)
        assert advice.recorded_by == user
        assert advice.history.get().history_user == user
        assert advice.history.get().history_change_reason == "Advice recorded"
        entry = ModelLogEntry.objects.for_instance(advice).get()
        assert entry.action == services.RECORD_ADVICE

    def test_the_police_lead_is_emailed_once_it_is_committed(
        self, user, django_capture_on_commit_callbacks
    ):
        group = AdvisoryGroupFactory()
        group.police_lead.email = "lead@example.org"
        group.police_lead.save()
        advice = Advice(group=group, subject="S", category="policy", advice="Secret advice text")
        with django_capture_on_commit_callbacks(execute=True):
            services.record_advice(advice, user)
        assert [message.to for message in mail.outbox] == [["lead@example.org"]]
        assert "response due by" in mail.outbox[0].subject
        assert "Secret advice text" not in mail.outbox[0].body  # a link, not the advice itself

    def test_advice_cannot_change_once_decided(self, user):
        advice = AdviceFactory(followed=True)
        with pytest.raises(ValidationError, match="no longer change"):
            services.amend_advice(advice, user)


class TestResponses:
    def test_reasons_are_required_for_partly_and_not_followed(self, user):
        for outcome in ("partly_followed", "not_followed"):
            advice = AdviceFactory()
            with pytest.raises(ValidationError, match="required unless"):
                respond(advice, user, outcome=outcome, reasons="  ")
            assert not AdviceResponse.objects.filter(advice=advice).exists()

    def test_followed_needs_a_decision_but_no_reasons(self, user):
        advice = AdviceFactory()
        response = respond(advice, user, outcome="followed", reasons="")
        assert response.version == 1 and response.is_decided
        with pytest.raises(ValidationError, match="what was decided"):
            respond(AdviceFactory(), user, outcome="followed", decision="", reasons="")

    def test_pending_needs_neither(self, user):
        response = respond(AdviceFactory(), user, outcome="pending", decision="", reasons="")
        assert not response.is_decided

    def test_the_database_refuses_reasons_missing_on_not_followed(self):
        advice = AdviceFactory(not_followed=True)
        with pytest.raises(IntegrityError), transaction.atomic():
            AdviceResponse.objects.filter(advice=advice).update(reasons="")

    def test_a_stale_edit_is_refused_not_saved(self, user):
        advice = AdviceFactory()
        respond(advice, user, outcome="pending", decision="", reasons="")
        first = respond(advice, user, outcome="followed", version=1, reasons="")
        with pytest.raises(services.ResponseConflict) as conflict:
            respond(advice, UserFactory(username="other"), outcome="not_followed", version=1)
        assert conflict.value.current == first
        advice.response.refresh_from_db()
        assert (advice.response.outcome, advice.response.version) == ("followed", 2)

    def test_every_change_is_kept_with_who_and_why(self, user):
        advice = AdviceFactory()
        respond(advice, user, outcome="pending", decision="", reasons="")
        other = UserFactory(username="lead2")
        respond(advice, other, outcome="not_followed", version=1)
        history = list(advice.response.history.order_by("history_date"))
        assert [(h.outcome, h.history_user, h.history_change_reason) for h in history] == [
            ("pending", user, "Response recorded"),
            ("not_followed", other, "Response changed"),
        ]

    def test_the_chair_is_emailed_when_the_police_lead_responds(
        self, user, django_capture_on_commit_callbacks
    ):
        chair = MembershipFactory(chair=True)
        chair.person.email = "chair@example.org"
        chair.person.save()
        advice = AdviceFactory(group=chair.group)
        with django_capture_on_commit_callbacks(execute=True):
            respond(advice, user)
        assert [message.to for message in mail.outbox] == [["chair@example.org"]]
        assert "not followed" in mail.outbox[0].body
        assert "prejudicing" not in mail.outbox[0].body


class TestRegisterQueries:
    def test_overdue_means_no_decision_after_the_due_date(self):
        due_today = AdviceFactory(given_on=TODAY - datetime.timedelta(days=28))
        late = AdviceFactory(given_on=TODAY - datetime.timedelta(days=29))
        late_but_pending = AdviceFactory(given_on=TODAY - datetime.timedelta(days=29), pending=True)
        answered = AdviceFactory(given_on=TODAY - datetime.timedelta(days=60), followed=True)
        overdue = set(Advice.objects.overdue(TODAY))
        assert overdue == {late, late_but_pending}
        assert due_today not in overdue and answered not in overdue

    def test_a_quarter_includes_its_first_and_last_days(self):
        first = AdviceFactory(given_on=datetime.date(2026, 4, 1))
        last = AdviceFactory(given_on=datetime.date(2026, 6, 30))
        AdviceFactory(given_on=datetime.date(2026, 3, 31))
        AdviceFactory(given_on=datetime.date(2026, 7, 1))
        assert set(Advice.objects.in_quarter(Quarter(2026, 2))) == {first, last}


class TestOverdueNotification:
    @time_machine.travel(datetime.datetime(2026, 5, 1, 9, tzinfo=datetime.UTC))
    def test_the_central_team_is_told_once(self, django_capture_on_commit_callbacks):
        from django.contrib.auth.models import Group

        central = UserFactory(username="central", email="central@example.org")
        central.groups.add(Group.objects.get(name="Central team"))
        AdviceFactory(given_on=datetime.date(2026, 3, 1), subject="Late one")
        AdviceFactory(given_on=datetime.date(2026, 4, 20), subject="Not yet due")
        with django_capture_on_commit_callbacks(execute=True):
            assert services.notify_overdue_responses(datetime.date(2026, 5, 1)) == 1
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["central@example.org"]
        with django_capture_on_commit_callbacks(execute=True):
            assert services.notify_overdue_responses(datetime.date(2026, 5, 2)) == 0
        assert len(mail.outbox) == 1


class TestGoldGroupsAndEscalation:
    def test_a_request_is_answered_once_and_the_time_measured(self, user):
        group = AdvisoryGroupFactory()
        with time_machine.travel(datetime.datetime(2026, 5, 1, 9, tzinfo=datetime.UTC)):
            gold = services.request_gold_group(
                group, user, incident="An incident", reasons="Why it matters"
            )
        with time_machine.travel(datetime.datetime(2026, 5, 1, 15, 30, tzinfo=datetime.UTC)):
            services.answer_gold_group(gold, user, decision="convened", reasons="Agreed.")
        gold.refresh_from_db()
        assert gold.time_to_answer == datetime.timedelta(hours=6, minutes=30)
        with pytest.raises(ValidationError, match="already been answered"):
            services.answer_gold_group(gold, user, decision="not_convened", reasons="No.")
        assert [h.history_change_reason for h in gold.history.order_by("history_date")] == [
            "Gold Group requested",
            "Gold Group request answered",
        ]

    def test_an_answer_needs_reasons(self, user):
        gold = services.request_gold_group(
            AdvisoryGroupFactory(), user, incident="An incident", reasons="Why"
        )
        with pytest.raises(ValidationError):
            services.answer_gold_group(gold, user, decision="not_convened", reasons=" ")

    def test_an_escalation_goes_to_the_named_point_and_is_resolved_once(self, user):
        group = AdvisoryGroupFactory(escalation_point_name="A Commander")
        escalation = services.raise_escalation(group, user, difficulty="No replies to letters.")
        assert escalation.raised_to.startswith("A Commander")
        services.resolve_escalation(escalation, user, outcome="Monthly meetings agreed.")
        with pytest.raises(ValidationError, match="already been resolved"):
            services.resolve_escalation(escalation, user, outcome="Again")


def test_the_daily_command_notifies_overdue_responses(django_capture_on_commit_callbacks):
    import io

    from django.contrib.auth.models import Group
    from django.core.management import call_command

    central = UserFactory(username="central", email="central@example.org")
    central.groups.add(Group.objects.get(name="Central team"))
    AdviceFactory(overdue=True)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_overdue_advice", stdout=out)
    assert "1 newly overdue" in out.getvalue()
    assert mail.outbox[0].to == ["central@example.org"]
