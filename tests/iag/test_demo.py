"""The IAG demo data shows the dashboard every state it looks for."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from hub.enums import MinuteItemKind, MinutesStatus
from iag.compliance import compliance_rows
from iag.models import MinuteItem

pytestmark = pytest.mark.django_db


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
