"""The IAG demo data shows the dashboard every state it looks for; ``--advice N`` adds advice
across every IAG for load work."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from hub.enums import MinuteItemKind, MinutesStatus
from hub.models import Borough
from iag import demo as iag_demo
from iag import rules
from iag.compliance import compliance_rows
from iag.enums import ResponseOutcome
from iag.models import (
    Advice,
    AdviceResponse,
    AdvisoryGroup,
    DifferingView,
    IAGSettings,
    Meeting,
    Membership,
    MinuteItem,
    QuarterlyFeedback,
)

pytestmark = pytest.mark.django_db

# Every test in this module sees the full demo (loaded once for the module). TOTAL is small but
# more than the showcase's 22 pieces of advice and one for each of the 25 other IAGs.
TOTAL = 60
KINDS = ["followed", "partly_followed", "not_followed", "pending", "awaiting", "unanswered"]


def test_the_dashboard_shows_real_variety(demo):
    rows = {row.borough: row for row in compliance_rows(timezone.localdate(), 12)}
    assert rows["Camden"].overdue_for_meeting
    assert rows["Hackney"].chair_name == ""
    assert rows["Lambeth"].members_without_agreements == 1
    assert rows["Brent"].agreements_due_for_renewal == 2
    assert not rows["Sutton"].has_iag
    assert rows["Islington"].shortfalls == []
    assert rows["Islington"].minutes_awaiting_publication == 1
    assert sum(1 for row in rows.values() if not row.shortfalls) >= 25


def test_minutes_in_every_state_and_withheld_items(demo):
    assert {status for status, _ in MinutesStatus.choices} <= set(
        MinuteItem.objects.values_list("meeting__minutes_status", flat=True)
    )
    withheld = MinuteItem.objects.filter(kind=MinuteItemKind.CONFIDENTIAL)
    assert withheld.exists()
    assert not withheld.exclude(text="").exists()


def test_demo_logins_for_each_iag_role(demo):
    users = get_user_model().objects.filter(
        username__in=["central", "iag-chair", "iag-member", "police-lead"]
    )
    roles = {user.username: set(user.groups.values_list("name", flat=True)) for user in users}
    assert roles == {
        "central": {"Central team"},
        "iag-chair": {"IAG chairs"},
        "iag-member": {"IAG members"},
        "police-lead": {"Police leads"},
    }
    assert users.get(username="iag-chair").person.iag_memberships.get().is_chair


def test_a_year_of_advice_in_every_state(demo):
    from iag.enums import ResponseOutcome
    from iag.models import Advice, GoldGroupRequest, QuarterlyFeedback

    outcomes = {advice.outcome for advice in Advice.objects.all()}
    assert set(ResponseOutcome.values) <= outcomes
    assert Advice.objects.overdue(timezone.localdate()).exists()
    assert Advice.objects.filter(confidential=True).exists()
    assert GoldGroupRequest.objects.count() == 2
    assert GoldGroupRequest.objects.filter(decision="").count() == 1
    live = QuarterlyFeedback.objects.filter(live=True).get()
    assert live.snapshot["total"] > 0
    assert live.snapshot["not_followed"]


def test_a_removal_vote_that_carried(demo):
    from iag.models import RemovalVote

    vote = RemovalVote.objects.get()
    assert (vote.meeting.group.borough.name, vote.status, vote.result) == (
        "Croydon",
        "closed",
        "carried",
    )
    assert vote.frozen["proxies"] and vote.member.status == "removed"
    assert vote.meeting.minute_items.filter(title="Vote on the removal of a member").exists()


# --- The load-work option: ``load_demo --advice N`` ---------------------------------------------


def advice_counts():
    return tuple(
        model.objects.count()
        for model in (
            Advice, Advice.history.model, AdviceResponse, AdviceResponse.history.model,
            DifferingView, DifferingView.history.model, AdvisoryGroup, Membership, Meeting,
            QuarterlyFeedback, Revision, ModelLogEntry,
        )
    )  # fmt: skip


def test_without_the_option_the_register_holds_only_the_showcase(demo):
    boroughs = set(Advice.objects.values_list("group__borough__name", flat=True))
    assert boroughs == set(iag_demo.ADVICE_BOROUGHS)
    assert QuarterlyFeedback.objects.count() == 1
    assert AdvisoryGroup.objects.count() == 31
    assert "generated for load work" not in demo
    before = advice_counts()
    call_command("load_demo", stdout=io.StringIO())
    assert advice_counts() == before


def test_the_advice_option_tops_the_register_up_across_every_iag(demo):
    today = timezone.localdate()
    shortfalls = {row.borough: row.shortfalls for row in compliance_rows(today, 12)}
    showcase = set(Advice.objects.values_list("pk", flat=True))
    out = io.StringIO()
    call_command("load_demo", advice=TOTAL, stdout=out)

    assert Advice.objects.count() == TOTAL
    added = TOTAL - len(showcase)
    assert f"{TOTAL} pieces of advice ({added} generated for load work)" in out.getvalue()
    new = list(Advice.objects.exclude(pk__in=showcase).select_related("group__borough", "response"))
    # Every borough's IAG gives advice; Sutton still has none, and the dashboard its story.
    assert {advice.group_id for advice in Advice.objects.all()} == set(
        AdvisoryGroup.objects.values_list("pk", flat=True)
    )
    assert AdvisoryGroup.objects.count() == 31
    assert {row.borough: row.shortfalls for row in compliance_rows(today, 12)} == shortfalls
    # Over several years, in published quarters and not.
    assert len({advice.given_on.year for advice in new}) >= 3
    published = set(Advice.objects.published().values_list("pk", flat=True))
    assert any(advice.pk in published for advice in new)
    assert any(advice.pk not in published for advice in new)
    # Every outcome: decided, acknowledged as pending, unanswered in time and overdue.
    assert {ResponseOutcome(advice.outcome) for advice in new} == set(ResponseOutcome)
    acknowledged = [
        a for a in new if a.current_response and a.current_response.outcome == "pending"
    ]
    assert acknowledged
    unanswered = [advice for advice in new if advice.current_response is None]
    assert any(advice.is_overdue(today) for advice in unanswered)
    assert any(not advice.is_overdue(today) for advice in unanswered)
    assert all(
        advice.response.reasons
        for advice in new
        if advice.outcome in (ResponseOutcome.PARTLY_FOLLOWED, ResponseOutcome.NOT_FOLLOWED)
    )
    # Valid rows, as the services and forms would have made them.
    due_days = IAGSettings.load().response_due_days
    for advice in new:
        advice.full_clean(exclude=["recorded_by"])  # set by the service, not the form
        assert advice.response_due_on == rules.response_due_on(
            advice.given_on, due_days, advice.response_requested_by
        )
        assert advice.given_on < today
        response = advice.current_response
        if response is not None:
            response.full_clean(exclude=["advice", "responded_by"])
            assert advice.given_on <= response.responded_at.date() < today
            versions = list(response.history.order_by("history_date"))
            assert [v.version for v in versions] == list(range(1, response.version + 1))
        assert advice.history.get().history_change_reason == "Advice recorded"
        logged = ModelLogEntry.objects.filter(
            object_id=str(advice.pk), content_type__model="advice"
        )
        assert logged.filter(action="iag.advice.record").count() == 1
        assert logged.filter(action="iag.advice.respond").count() == (
            response.version if response else 0
        )

    # Asking again for the same total adds nothing; a smaller one removes nothing.
    before = advice_counts()
    call_command("load_demo", advice=TOTAL, stdout=io.StringIO())
    call_command("load_demo", advice=30, stdout=io.StringIO())
    assert advice_counts() == before


def test_the_seed_invents_the_same_advice_every_time(demo):
    today = timezone.localdate()
    groups = list(AdvisoryGroup.objects.select_related("borough", "police_lead"))

    def invented():
        maker = iag_demo.AdviceMaker(7, today, 28)
        made = [maker.make(groups[n % len(groups)], kind) for n, kind in enumerate(KINDS * 5)]
        return [
            (plan.advice.group_id, plan.advice.given_on, plan.advice.subject, plan.advice.advice,
             plan.recorded_at, plan.responses, plan.differing_view)
            for plan in made
        ]  # fmt: skip

    assert invented() == invented()


def test_the_option_gives_every_borough_an_iag_but_sutton(demo):
    Borough.objects.create(name="New Borough", slug="new-borough", gss_code="E09000099")
    out = io.StringIO()
    call_command("load_demo", advice=1, stdout=out)  # the register already holds more
    assert "32 IAGs (1 new)" in out.getvalue()
    group = AdvisoryGroup.objects.get(borough__name="New Borough")
    assert group.chair_membership is not None and group.police_lead is not None
    assert group.memberships.active().count() == 7
    assert group.meetings.with_police_lead(timezone.localdate()).exists()
    assert not AdvisoryGroup.objects.filter(borough__name="Sutton").exists()
