"""A removal vote in a real browser (P12): the chair records attendance and a proxy, records the
votes, the vote ties, and the chair's casting vote settles it. The member is removed; the public
sees the result in the minutes and nothing of who voted how."""

import re

import pytest
from django.utils import timezone

from hub.enums import MinutesStatus
from iag.enums import MeetingKind, MembershipStatus
from iag.models import AdvisoryGroup, IAGDirectoryPage, Membership, RemovalVote
from iag.services import members_at
from tests.browser.test_iag import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def choose(page, name, value):
    page.locator(f"input[name='{name}'][value='{value}']").check()


def test_a_tie_settled_by_the_chairs_casting_vote_removes_the_member(site_with_demo, page, axe):
    base = site_with_demo
    group = AdvisoryGroup.objects.get(borough__name="Islington")
    meeting = group.meetings.filter(
        kind=MeetingKind.FULL, minutes_status=MinutesStatus.DRAFT, date__lte=timezone.localdate()
    ).latest("date")
    chair = group.chair_membership
    others = [m for m in members_at(meeting) if m.status == "active" and m.pk != chair.pk]
    concerned, giver, holder, *rest = others
    assert len(rest) == 3, "the demo Islington IAG has a chair and six members"

    sign_in(page, base, "iag-chair")

    # Attendance: the member giving the proxy sends apologies; everyone else is present.
    page.goto(f"{base}/admin/iag_meetings/{meeting.pk}/attendance/")
    for membership in members_at(meeting):
        choose(page, f"member_{membership.pk}", "apologies" if membership == giver else "present")
    page.get_by_role("button", name="Attendance").click()
    page.get_by_text("Attendance saved.").wait_for()

    # Open the vote.
    page.goto(f"{base}/admin/iag_votes/new/")
    page.get_by_label("Meeting").select_option(str(meeting.pk))
    page.get_by_label("The member concerned").select_option(str(concerned.pk))
    choose(page, "counting", "ballots")
    page.get_by_role("button", name="Open a removal vote").click()
    page.get_by_text("Vote opened.").wait_for()
    vote = RemovalVote.objects.get(meeting=meeting)

    # The absent member's proxy, given by e-mail to a member who is present.
    page.get_by_role("link", name="Record a proxy").click()
    page.get_by_label("Given by").select_option(str(giver.pk))
    page.get_by_label("Held by").select_option(str(holder.pk))
    choose(page, "method", "email")
    page.get_by_role("button", name="Record a proxy").click()
    page.get_by_text("Proxy recorded.").wait_for()
    assert "6 votes" in page.content()  # five present (the member concerned excepted), one proxy

    # The votes as given at the meeting: 2 for (one by proxy), 2 against, 2 abstentions.
    page.get_by_role("link", name="Record the votes").click()
    for voter, choice in (
        (holder, "for"), (giver, "for"), (rest[0], "against"), (rest[1], "against"),
        (rest[2], "abstain"), (chair, "abstain"),
    ):  # fmt: skip
        choose(page, f"voter_{voter.pk}", choice)
    page.get_by_role("button", name="Record the votes").click()
    page.get_by_text("Votes recorded.").wait_for()
    assert vote.ballots.count() == 6

    # A tie: the chair's casting vote settles it.
    page.get_by_role("link", name="Close the vote").click()
    page.get_by_text("The vote is tied.").wait_for()
    assert axe(page) == []
    choose(page, "casting_vote", "for")
    page.get_by_role("button", name="Close the vote").click()
    page.get_by_text("The vote is closed").wait_for()
    content = page.content()
    assert "Result: Carried" in content
    assert "settled by the chair's casting vote for removal" in content
    assert holder.person.name in content  # the chair sees the individual votes

    concerned.refresh_from_db()
    assert concerned.status == MembershipStatus.REMOVED
    assert concerned.left_reason == f"Removed by vote at the meeting of {meeting.date:%-d %B %Y}"
    assert concerned.history.first().status == MembershipStatus.REMOVED

    # The minutes record the result; published, the public sees it and no one's vote.
    page.goto(f"{base}/admin/iag_meetings/inspect/{meeting.pk}/")
    page.get_by_role("link", name="Approve the minutes").click()
    page.get_by_role("button", name="Approve the minutes").click()
    page.get_by_text("Minutes approved.").wait_for()
    page.get_by_role("link", name="Publish the minutes").click()
    page.get_by_role("button", name="Publish the minutes").click()
    page.get_by_text("Minutes published: they are").wait_for()

    page.context.clear_cookies()
    directory = IAGDirectoryPage.objects.get()
    page.goto(f"{base}{directory.url}islington/minutes/{meeting.pk}/")
    public = page.content()
    assert "For: 2; against: 2; abstentions: 2." in public
    assert "settled by the chair's casting vote" in public
    for membership in Membership.objects.filter(group=group).select_related("person"):
        assert membership.person.name not in public
    assert not re.search(r"proxy", public, re.I)
    assert axe(page) == []
