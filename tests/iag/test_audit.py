"""Every state change of a decided record writes a Wagtail audit-log entry, and nothing in the
hub edits or deletes one."""

import pytest
from django.urls import get_resolver
from wagtail.models import ModelLogEntry

from hub import services as minutes
from iag import services
from iag.models import Attendance
from tests.iag.factories import AdviceFactory, MeetingFactory, MembershipFactory, MinuteItemFactory

pytestmark = pytest.mark.django_db


def actions_for(instance):
    return list(
        ModelLogEntry.objects.for_instance(instance).order_by("pk").values_list("action", flat=True)
    )


def test_each_decision_is_in_the_audit_log(world):
    user = world.users["chair A"]
    advice = AdviceFactory(group=world.group_a)
    services.respond_to_advice(
        advice, user, outcome="not_followed", decision="No.", reasons="Because.",
        expected_version=0,
    )  # fmt: skip
    assert services.RESPOND in actions_for(advice)

    gold = services.request_gold_group(world.group_a, user, incident="I", reasons="R")
    services.answer_gold_group(gold, user, decision="not_convened", reasons="Not needed.")
    assert actions_for(gold) == [services.REQUEST_GOLD_GROUP, services.ANSWER_GOLD_GROUP]

    escalation = services.raise_escalation(world.group_a, user, difficulty="D")
    services.resolve_escalation(escalation, user, outcome="Resolved.")
    assert actions_for(escalation) == [services.RAISE_ESCALATION, services.RESOLVE_ESCALATION]

    meeting = MeetingFactory(group=world.group_a)
    Attendance.objects.create(meeting=meeting, membership=world.member_a, status="present")
    concerned = MembershipFactory(group=world.group_a)
    vote = services.open_removal_vote(meeting, concerned, user)
    services.cast_ballot(vote, user, voter=world.member_a, choice="for")
    services.close_removal_vote(vote, user)
    assert actions_for(vote) == [services.OPEN_VOTE, services.CAST_BALLOT, services.CLOSE_VOTE]
    assert actions_for(concerned) == [services.REMOVE_BY_VOTE]

    item = MinuteItemFactory(meeting=meeting)
    minutes.withhold_minute_item(item, "Superintendent Example", user)
    assert actions_for(item) == [minutes.WITHHOLD_MINUTE_ITEM]
    minutes.approve_minutes(meeting, user)
    minutes.publish_minutes(meeting, user)
    assert actions_for(meeting)[-2:] == [minutes.APPROVE_MINUTES, minutes.PUBLISH_MINUTES]
    assert ModelLogEntry.objects.filter(user=user).count() >= 12


def test_no_screen_edits_or_deletes_a_log_entry():
    names = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                names.append((prefix + str(pattern.pattern), pattern.name or ""))

    walk(get_resolver().url_patterns)
    assert len(names) > 200
    for route, name in names:
        lowered = f"{route} {name}".lower()
        if "log" in lowered and "login" not in lowered and "logout" not in lowered:
            assert not any(word in lowered for word in ("edit", "delete", "change")), route
