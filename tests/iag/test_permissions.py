"""Access follows membership: every role against every IAG screen, for its own borough's records
and another's, compared with an explicit table of what is allowed."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from iag import services
from iag.enums import CountingMethod
from tests.helpers import is_refused, report_figure, response_body
from tests.iag.factories import AdviceFactory, MembershipFactory, MinuteItemFactory

pytestmark = pytest.mark.django_db


def screens(world):
    """Screen name -> URL, for group A's records and group B's."""
    item_a = MinuteItemFactory(meeting=world.meeting_a)
    item_b = MinuteItemFactory(meeting=world.meeting_b)
    records = {
        side: {
            "advice": AdviceFactory(group=group),
            "gold": services.request_gold_group(group, None, incident="I", reasons="R"),
            "escalation": services.raise_escalation(group, None, difficulty="D"),
            **{
                counting: services.open_removal_vote(
                    meeting, MembershipFactory(group=group), None, counting=counting
                )
                for counting in CountingMethod.values
            },
        }
        for side, group, meeting in (
            ("A", world.group_a, world.meeting_a),
            ("B", world.group_b, world.meeting_b),
        )
    }
    urls = {
        "advice list": reverse("iag_advice:index"),
        "advice add": reverse("iag_advice:add"),
        "advice export": reverse("iag_advice:index") + "?export=csv",
        "gold list": reverse("iag_gold_groups:index"),
        "gold add": reverse("iag_gold_groups:add"),
        "escalation list": reverse("iag_escalations:index"),
        "escalation add": reverse("iag_escalations:add"),
        "feedback list": reverse("wagtailsnippets_iag_quarterlyfeedback:list"),
        "groups list": reverse("iag_groups:index"),
        "groups add": reverse("iag_groups:add"),
        "groups export": reverse("iag_groups:index") + "?export=csv",
        "members list": reverse("iag_members:index"),
        "members add": reverse("iag_members:add"),
        "members export": reverse("iag_members:index") + "?export=csv",
        "meetings list": reverse("iag_meetings:index"),
        "meetings add": reverse("iag_meetings:add"),
        "meetings export": reverse("iag_meetings:index") + "?export=csv",
        "votes list": reverse("iag_votes:index"),
        "votes add": reverse("iag_votes:add"),
        "votes export": reverse("iag_votes:index") + "?export=csv",
        "compliance": reverse("iag_compliance:index"),
        "compliance export": reverse("iag_compliance:index") + "?export=csv",
    }
    for side, group, member, meeting, item in (
        ("A", world.group_a, world.member_a, world.meeting_a, item_a),
        ("B", world.group_b, world.member_b, world.meeting_b, item_b),
    ):
        for view in ("inspect", "edit", "history"):
            urls[f"group {view} {side}"] = reverse(f"iag_groups:{view}", args=[group.pk])
        for view in ("inspect", "edit", "history", "delete"):
            urls[f"member {view} {side}"] = reverse(f"iag_members:{view}", args=[member.pk])
            urls[f"meeting {view} {side}"] = reverse(f"iag_meetings:{view}", args=[meeting.pk])
        urls[f"attendance {side}"] = reverse("iag_meetings:attendance", args=[meeting.pk])
        urls[f"approve {side}"] = reverse(
            "iag_meetings:minutes_action", args=[meeting.pk, "approve"]
        )
        urls[f"withhold {side}"] = reverse("iag_meetings:withhold_item", args=[meeting.pk, item.pk])
        advice = records[side]["advice"].pk
        for view in ("inspect", "edit", "history", "respond", "versions"):
            urls[f"advice {view} {side}"] = reverse(f"iag_advice:{view}", args=[advice])
        gold = records[side]["gold"].pk
        for view in ("inspect", "history", "answer"):
            urls[f"gold {view} {side}"] = reverse(f"iag_gold_groups:{view}", args=[gold])
        escalation = records[side]["escalation"].pk
        for view in ("inspect", "history", "resolve"):
            urls[f"escalation {view} {side}"] = reverse(
                f"iag_escalations:{view}", args=[escalation]
            )
        by_ballot, by_hands = records[side][CountingMethod.BALLOTS], records[side]["hands"]
        for view in ("inspect", "history", "proxy", "ballots", "my_vote", "close"):
            urls[f"vote {view} {side}"] = reverse(f"iag_votes:{view}", args=[by_ballot.pk])
        urls[f"vote totals {side}"] = reverse("iag_votes:totals", args=[by_hands.pk])
    return urls


def side(names, letter):
    return {f"{name} {letter}" for name in names}


LISTS = {
    *("groups list", "groups export", "members list", "members export"),
    *("meetings list", "meetings export", "advice list", "advice export"),
    *("gold list", "escalation list", "votes list", "votes export"),
}
# Removal votes (P12): the chair runs them; members cast their own vote; everyone in the group
# and the police lead sees the vote and its result. Who voted how (the inspect screen's ballots,
# tests/iag/test_votes.py) and the audit trail are for the chair and the central team only.
SEE_VOTE = ["vote inspect"]
RUN_VOTE = [
    *SEE_VOTE,
    "vote history",
    "vote proxy",
    "vote ballots",
    "vote my_vote",
    "vote totals",
    "vote close",
]
READ_ONE = ["group inspect", "member inspect", "meeting inspect"]
CHAIR_ONE = [
    *READ_ONE,
    "advice inspect",
    "advice edit",
    "advice history",
    "advice versions",
    "gold inspect",
    "gold history",
    "escalation inspect",
    "escalation history",
    "escalation resolve",
    "group edit",
    "group history",
    "member edit",
    "member history",
    "meeting edit",
    "meeting history",
    "meeting delete",
    "attendance",
    "approve",
    "withhold",
    *RUN_VOTE,
]

CHAIR_ADDS = {"members add", "meetings add", "advice add", "gold add", "escalation add",
              "votes add"}  # fmt: skip
READ_RECORDS = [
    *READ_ONE,
    "advice inspect",
    "advice versions",
    "gold inspect",
    "escalation inspect",
]
CENTRAL_ONE = [*READ_RECORDS, *SEE_VOTE, "vote history", "group edit", "group history",
               "member edit", "member history", "escalation resolve"]  # fmt: skip
MEMBER_ONE = [*READ_RECORDS, *SEE_VOTE, "vote my_vote", "gold history"]
LEAD_ONE = [*READ_RECORDS, *SEE_VOTE, "advice respond", "gold answer", "escalation history",
            "escalation resolve"]  # fmt: skip

ALLOWED = {
    "anonymous": set(),
    "no role": set(),
    # The central team sets groups up and records vetting on any membership.
    "central team": LISTS
    | {"groups add", "compliance", "compliance export", "feedback list"}
    | side(CENTRAL_ONE, "A")
    | side(CENTRAL_ONE, "B"),
    "chair A": LISTS | CHAIR_ADDS | side(CHAIR_ONE, "A"),
    "member A": LISTS | {"gold add"} | side(MEMBER_ONE, "A"),
    # Without both agreements in force: the roster and the group, but no unpublished meeting,
    # advice, Gold Group request or escalation.
    # A removal vote is not confidential material: an unsigned member still sees it and votes.
    "unsigned member A": LISTS
    | side(["group inspect", "member inspect", *SEE_VOTE, "vote my_vote"], "A"),
    "police lead A": LISTS | {"escalation add"} | side(LEAD_ONE, "A"),
    "chair B": LISTS | CHAIR_ADDS | side(CHAIR_ONE, "B"),
}


def test_every_role_on_every_screen_matches_the_allow_table(client, world):
    urls = screens(world)
    unexpected = []
    for role, user in world.users.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for screen, url in urls.items():
            response = client.get(url)
            allowed = screen in ALLOWED[role]
            if allowed and response.status_code != 200:
                unexpected.append(f"{role} refused {screen} ({response.status_code})")
            if not allowed and not is_refused(response):
                unexpected.append(f"{role} reached {screen} ({response.status_code})")
    tried = len(urls) * len(world.users)
    report_figure(
        f"authorisation matrix (IAG screens): {tried} requests, {len(unexpected)} unexpected"
    )
    assert unexpected == []
    assert tried > 500


@pytest.mark.parametrize("role", ["chair A", "member A", "police lead A"])
def test_lists_and_exports_hold_only_the_users_own_group(client, world, role):
    client.force_login(world.users[role])
    other = world.member_b.person.name
    for name in ("members", "meetings"):
        for suffix in ("", "?export=csv"):
            body = response_body(client.get(reverse(f"iag_{name}:index") + suffix)).decode()
            assert other not in body
            assert "Camden" not in body, f"{name}{suffix}"
    listing = client.get(reverse("iag_members:index")).content.decode()
    assert escape(world.member_a.person.name) in listing


def test_an_unsigned_member_sees_published_minutes_only(client, world):
    from hub.enums import MinutesStatus

    world.meeting_a.minutes_status = MinutesStatus.PUBLISHED
    world.meeting_a.save()
    client.force_login(world.users["unsigned member A"])
    inspect = client.get(reverse("iag_meetings:inspect", args=[world.meeting_a.pk]))
    assert inspect.status_code == 200


def test_posting_to_another_groups_meeting_changes_nothing(client, world):
    client.force_login(world.users["chair A"])
    url = reverse("iag_meetings:edit", args=[world.meeting_b.pk])
    before = world.meeting_b.place
    response = client.post(url, {"place": "Hijacked", "group": world.group_a.pk})
    assert is_refused(response)
    world.meeting_b.refresh_from_db()
    assert world.meeting_b.place == before


def test_a_chair_cannot_change_the_groups_police_lead_by_tampering(client, world):
    """Fields a chair may not write are not in their form, so posting them changes nothing."""
    client.force_login(world.users["chair A"])
    group = world.group_a
    lead = group.police_lead_id
    url = reverse("iag_groups:edit", args=[group.pk])
    response = client.post(
        url,
        {
            "police_lead_rank": "chief_superintendent",
            "escalation_point_name": "Tampered",
            "police_lead": "",
            "induction_prologue": '{"blocks":[],"entityMap":{}}',
            "we_can_help_you_with": "Changed by the chair",
            "you_can_help_us_with": "",
        },
    )
    assert response.status_code in (200, 302)
    group.refresh_from_db()
    assert group.police_lead_id == lead
    assert group.escalation_point_name != "Tampered"
    assert group.we_can_help_you_with == "Changed by the chair"


def test_vetting_notes_and_contact_details_are_for_the_chair_lead_and_central_team(client, world):
    world.chair_a.vetting_notes = "Vetting note sentinel"
    world.chair_a.save()
    url = reverse("iag_members:inspect", args=[world.chair_a.pk])
    email = escape(world.chair_a.person.email)
    seen = {}
    for role in ("central team", "chair A", "member A", "police lead A"):
        client.force_login(world.users[role])
        body = client.get(url).content.decode()
        seen[role] = ("Vetting note sentinel" in body, email in body)
    assert seen == {
        "central team": (True, True),
        "chair A": (True, True),
        "member A": (False, False),
        "police lead A": (True, False),
    }


def post_membership(client, membership, **fields):
    """Post the membership's edit form with every field the form could hold, plus ``fields``."""
    data = {
        "person_name": membership.person.name,
        "person_email": membership.person.email,
        "person_phone": membership.person.phone,
        "role": membership.role,
        "connection": membership.connection,
        "joined_on": membership.joined_on.isoformat(),
        "status": membership.status,
        "left_on": "",
        "left_reason": "",
        "confidentiality_agreement_signed_on": "",
        "information_sharing_agreement_signed_on": "",
        "vetted_on": "",
        "official_secrets_act_signed_on": "",
        "risk_assessment_on": "",
        "risk_assessment_by": "",
        "vetting_notes": "",
    }
    data.update(fields)
    return client.post(reverse("iag_members:edit", args=[membership.pk]), data)


def test_a_chair_cannot_certify_vetting_even_their_own(client, world):
    client.force_login(world.users["chair A"])
    form = client.get(reverse("iag_members:edit", args=[world.chair_a.pk])).content.decode()
    assert 'name="vetted_on"' not in form and 'name="role"' in form
    before = world.chair_a.vetted_on
    post_membership(
        client, world.chair_a, vetting_notes="Self-certified", vetted_on="2026-01-01",
        confidentiality_agreement_signed_on=world.chair_a.confidentiality_agreement_signed_on,
        information_sharing_agreement_signed_on=world.chair_a.information_sharing_agreement_signed_on,
    )  # fmt: skip
    world.chair_a.refresh_from_db()
    assert world.chair_a.vetted_on == before
    assert world.chair_a.vetting_notes == ""


def test_the_central_team_records_vetting_and_nothing_else(client, world):
    client.force_login(world.users["central team"])
    form = client.get(reverse("iag_members:edit", args=[world.member_b.pk])).content.decode()
    assert 'name="vetted_on"' in form and 'name="role"' not in form
    response = post_membership(
        client, world.member_b, vetted_on="2026-01-02", official_secrets_act_signed_on="2026-01-02",
        role="chair", person_name="Renamed", status="removed",
    )  # fmt: skip
    assert response.status_code == 302
    world.member_b.refresh_from_db()
    assert world.member_b.vetted_on.isoformat() == "2026-01-02"
    assert (world.member_b.role, world.member_b.status) == ("member", "active")
    assert world.member_b.person.name != "Renamed"


def test_a_chair_cannot_rename_someone_who_also_sits_elsewhere(client, world):
    from tests.iag.factories import MembershipFactory

    shared = MembershipFactory(group=world.group_b, person=world.member_a.person)
    client.force_login(world.users["chair A"])
    post_membership(
        client, world.member_a, person_name="Renamed by A", person_email="a@example.org",
        confidentiality_agreement_signed_on=world.member_a.confidentiality_agreement_signed_on,
        information_sharing_agreement_signed_on=world.member_a.information_sharing_agreement_signed_on,
    )  # fmt: skip
    shared.person.refresh_from_db()
    assert shared.person.name != "Renamed by A"


def test_the_people_chooser_is_for_the_central_team_only(client, world):
    urls = [
        reverse("wagtailsnippetchoosers_hub_person:choose"),
        reverse("wagtailsnippetchoosers_hub_person:choose_results") + "?q=a",
        reverse("wagtailsnippetchoosers_hub_person:chosen", args=[world.member_b.person.pk]),
    ]
    for role in ("chair A", "member A", "police lead A", "unsigned member A"):
        client.force_login(world.users[role])
        for url in urls:
            assert is_refused(client.get(url)), (role, url)
    client.force_login(world.users["central team"])
    assert all(client.get(url).status_code == 200 for url in urls)


def test_the_site_history_shows_only_records_the_user_may_see(client, world):
    from wagtail.log_actions import log

    log(instance=world.member_b, action="wagtail.create", user=world.users["chair B"])
    log(instance=world.member_a, action="wagtail.create", user=world.users["chair A"])
    name_b, name_a = escape(world.member_b.person.name), escape(world.member_a.person.name)
    url = reverse("wagtailadmin_reports:site_history")
    for role, sees_b in (("chair A", False), ("member A", False), ("central team", True)):
        client.force_login(world.users[role])
        for suffix in ("", "results/", "?export=csv"):
            body = response_body(client.get(url + suffix)).decode()
            assert (name_b in body or world.member_b.person.name in body) is sees_b, (role, suffix)
        if role == "chair A":
            assert name_a in response_body(client.get(url)).decode()
            assert "chair-b" not in response_body(client.get(url)).decode()
