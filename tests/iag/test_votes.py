"""Removal votes through the services and the admin (P12)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from hub.enums import AttendanceStatus, MinuteItemKind
from iag import services
from iag.enums import MembershipStatus
from iag.models import Attendance, Ballot, Membership, RemovalVote
from tests.helpers import is_refused
from tests.iag.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


class Meeting:
    """A group's meeting: the chair, the member concerned, and ``n`` other members, of whom
    ``present`` are present (the chair too) and the rest absent."""

    def __init__(self, others=4, present=3, counting="ballots"):
        self.chair = MembershipFactory(chair=True)
        self.group = self.chair.group
        self.meeting = MeetingFactory(group=self.group, date=datetime.date(2026, 11, 10))
        self.concerned = MembershipFactory(group=self.group)
        self.others = [MembershipFactory(group=self.group) for _ in range(others)]
        attendance = {self.chair: "present", self.concerned: "present"}
        for index, member in enumerate(self.others):
            attendance[member] = "present" if index < present else "absent"
        for member, status in attendance.items():
            Attendance.objects.create(meeting=self.meeting, membership=member, status=status)
        self.present = [self.chair, *self.others[:present]]
        self.absent = self.others[present:]
        self.vote = services.open_removal_vote(
            self.meeting, self.concerned, None, counting=counting
        )

    def cast(self, member, choice):
        return services.cast_ballot(self.vote, None, voter=member, choice=choice)


class TestWhoMayVote:
    def test_members_present_vote_and_the_member_concerned_does_not(self):
        m = Meeting()
        for member in m.present:
            m.cast(member, "for")
        with pytest.raises(ValidationError, match="Only members present"):
            m.cast(m.concerned, "against")
        with pytest.raises(ValidationError, match="Only members present"):
            m.cast(m.absent[0], "against")

    def test_a_proxy_lets_an_absent_member_vote_through_the_holder(self):
        m = Meeting()
        services.record_proxy(
            m.vote, None, given_by=m.absent[0], held_by=m.present[1], method="email"
        )
        ballot = m.cast(m.absent[0], "against")
        assert ballot.cast_by == m.present[1] and ballot.by_proxy

    @pytest.mark.parametrize(
        ("giver", "holder", "message"),
        [
            ("present", "present", "votes in person"),
            ("absent", "absent", "must be present"),
            ("concerned", "present", "member concerned"),
            ("absent", "concerned", "member concerned"),
        ],
    )
    def test_proxies_that_break_the_rules_are_refused(self, giver, holder, message):
        m = Meeting(others=5, present=3)
        people = {"present": m.present[1], "absent": m.absent[0], "concerned": m.concerned}
        if giver == holder == "absent":
            people["absent_holder"] = m.absent[1]
            holder_member = m.absent[1]
        else:
            holder_member = people[holder] if holder != "present" else m.present[2]
        with pytest.raises(ValidationError, match=message):
            services.record_proxy(
                m.vote, None, given_by=people[giver], held_by=holder_member, method="writing"
            )

    def test_one_proxy_per_absent_member(self):
        m = Meeting()
        services.record_proxy(m.vote, None, given_by=m.absent[0], held_by=m.present[1],
                              method="email")  # fmt: skip
        with pytest.raises(ValidationError, match="only one proxy"):
            services.record_proxy(m.vote, None, given_by=m.absent[0], held_by=m.present[2],
                                  method="email")  # fmt: skip

    def test_each_member_votes_once(self):
        m = Meeting()
        m.cast(m.present[0], "for")
        with pytest.raises(ValidationError, match="already voted"):
            m.cast(m.present[0], "against")

    def test_removed_members_and_members_of_other_groups_cannot_vote(self):
        m = Meeting()
        removed = m.present[1]
        removed.status, removed.left_on = MembershipStatus.REMOVED, m.meeting.date
        removed.save()
        with pytest.raises(ValidationError, match="Only members present"):
            m.cast(removed, "for")
        with pytest.raises(ValidationError, match="Only members present"):
            m.cast(MembershipFactory(), "for")

    def test_the_chair_cannot_run_a_vote_on_their_own_removal(self):
        m = Meeting()
        with pytest.raises(ValidationError, match="own removal"):
            services.open_removal_vote(m.meeting, m.chair, None)


class TestClosing:
    def test_a_majority_carries_and_the_member_is_removed_with_the_reason(self):
        m = Meeting(others=4, present=3)
        for member, choice in zip(m.present, ["for", "for", "against", "abstain"], strict=True):
            m.cast(member, choice)
        vote = services.close_removal_vote(m.vote, None)
        assert vote.result == "carried"
        m.concerned.refresh_from_db()
        assert m.concerned.status == MembershipStatus.REMOVED
        assert m.concerned.left_reason == "Removed by vote at the meeting of 10 November 2026"
        assert m.concerned.history.first().history_change_reason == m.concerned.left_reason

    def test_a_tie_is_settled_by_the_chairs_casting_vote(self):
        m = Meeting(others=3, present=3)
        for member, choice in zip(m.present, ["for", "for", "against", "against"], strict=True):
            m.cast(member, choice)
        vote = services.close_removal_vote(m.vote, None, casting_vote="for")
        assert vote.result == "carried" and vote.frozen["tie"]

    def test_a_tie_the_chair_declines_to_break_does_not_carry(self):
        m = Meeting(others=1, present=1)
        m.cast(m.present[0], "for")
        m.cast(m.present[1], "against")
        vote = services.close_removal_vote(m.vote, None)
        assert vote.result == "not_carried"
        m.concerned.refresh_from_db()
        assert m.concerned.status == MembershipStatus.ACTIVE

    def test_a_casting_vote_without_a_tie_is_refused(self):
        m = Meeting()
        m.cast(m.present[0], "for")
        with pytest.raises(ValidationError, match="only on a tie"):
            services.close_removal_vote(m.vote, None, casting_vote="against")
        assert RemovalVote.objects.get().is_open

    def test_no_ballot_after_the_close(self):
        m = Meeting()
        m.cast(m.present[0], "against")
        services.close_removal_vote(m.vote, None)
        with pytest.raises(ValidationError, match="closed"):
            m.cast(m.present[1], "for")
        assert Ballot.objects.count() == 1

    def test_the_result_is_frozen_against_later_edits(self):
        m = Meeting()
        services.record_proxy(m.vote, None, given_by=m.absent[0], held_by=m.present[1],
                              method="writing")  # fmt: skip
        m.cast(m.present[0], "for")
        m.cast(m.absent[0], "for")
        vote = services.close_removal_vote(m.vote, None)
        frozen = dict(vote.frozen)
        Attendance.objects.filter(meeting=m.meeting).update(status=AttendanceStatus.ABSENT)
        m.present[0].status, m.present[0].left_on = "resigned", m.meeting.date
        m.present[0].save()
        vote.refresh_from_db()
        assert vote.frozen == frozen
        assert frozen["totals"] == {"for": 2, "against": 0, "abstain": 0}
        assert [p["given_by"] for p in frozen["proxies"]] == [m.absent[0].person.name]

    def test_the_minutes_record_the_result_not_who_voted_how(self):
        m = Meeting()
        m.cast(m.present[0], "for")
        services.close_removal_vote(m.vote, None)
        minute = m.meeting.minute_items.get(kind=MinuteItemKind.DECISION)
        assert "For: 1; against: 0" in minute.text
        assert m.concerned.person.name not in minute.text + minute.title
        assert m.present[0].person.name not in minute.text

    def test_a_show_of_hands_obeys_the_same_rules(self):
        m = Meeting(others=4, present=2, counting="hands")
        with pytest.raises(ValidationError, match="only 3 members may vote"):
            services.enter_show_of_hands(m.vote, None, for_removal=2, against=2, abstain=0)
        with pytest.raises(ValidationError, match="show of hands"):
            m.cast(m.present[0], "for")
        services.enter_show_of_hands(m.vote, None, for_removal=1, against=1, abstain=1)
        vote = services.close_removal_vote(m.vote, None, casting_vote="against")
        assert vote.result == "not_carried" and vote.frozen["counting"] == "hands"


@settings(max_examples=25)
@given(
    choices=st.lists(st.sampled_from(["for", "against", "abstain"]), min_size=4, max_size=4),
    proxy=st.booleans(),
    order=st.permutations(range(4)),
)
def test_the_services_count_what_the_rules_count(choices, proxy, order):
    """Through the database: whatever the votes and their order, the frozen totals are the
    ballots cast, each once, by those entitled."""
    with transaction.atomic():
        m = Meeting(others=4, present=3)
        if proxy:
            services.record_proxy(m.vote, None, given_by=m.absent[0], held_by=m.present[1],
                                  method="email")  # fmt: skip
        voters = [*m.present[:3], m.absent[0]]
        cast = 0
        for index in order:
            try:
                m.cast(voters[index], choices[index])
                cast += 1
            except ValidationError:
                assert voters[index] == m.absent[0] and not proxy
        totals = m.vote.ballots.count()
        tie = None
        counted = dict.fromkeys(("for", "against", "abstain"), 0)
        for ballot in m.vote.ballots.all():
            counted[ballot.choice] += 1
        if counted["for"] == counted["against"]:
            tie = "for"
        vote = services.close_removal_vote(m.vote, None, casting_vote=tie)
        assert sum(vote.frozen["totals"].values()) == totals == cast
        assert vote.frozen["totals"] == counted
        transaction.set_rollback(True)


class TestScreens:
    def test_the_chair_runs_a_vote_through_the_admin(self, client, world):
        from tests.iag.factories import MeetingFactory as MF

        meeting = MF(group=world.group_a)
        for member in (world.chair_a, world.member_a):
            Attendance.objects.create(meeting=meeting, membership=member, status="present")
        concerned = MembershipFactory(group=world.group_a)
        client.force_login(world.users["chair A"])
        response = client.post(
            reverse("iag_votes:add"),
            {"meeting": meeting.pk, "member": concerned.pk, "counting": "ballots"},
        )
        assert response.status_code == 302
        vote = RemovalVote.objects.get()
        client.post(
            reverse("iag_votes:ballots", args=[vote.pk]),
            {f"voter_{world.chair_a.pk}": "for", f"voter_{world.member_a.pk}": "against"},
        )
        assert vote.ballots.count() == 2
        client.post(reverse("iag_votes:close", args=[vote.pk]), {"casting_vote": "for"})
        vote.refresh_from_db()
        assert vote.result == "carried"

    def test_individual_votes_are_for_the_chair_and_central_team_only(self, client, world):
        meeting = MeetingFactory(group=world.group_a)
        for member in (world.chair_a, world.member_a):
            Attendance.objects.create(meeting=meeting, membership=member, status="present")
        vote = services.open_removal_vote(meeting, MembershipFactory(group=world.group_a), None)
        services.cast_ballot(vote, None, voter=world.member_a, choice="against")
        url = reverse("iag_votes:inspect", args=[vote.pk])
        seen = {}
        for role in ("chair A", "central team", "member A", "police lead A"):
            client.force_login(world.users[role])
            seen[role] = "Individual votes" in client.get(url).content.decode()
        assert seen == {
            "chair A": True, "central team": True, "member A": False, "police lead A": False,
        }  # fmt: skip
        client.force_login(world.users["chair B"])
        assert is_refused(client.get(url))

    def test_a_member_casts_their_own_vote(self, client, world):
        meeting = MeetingFactory(group=world.group_a)
        Attendance.objects.create(meeting=meeting, membership=world.member_a, status="present")
        vote = services.open_removal_vote(meeting, MembershipFactory(group=world.group_a), None)
        client.force_login(world.users["member A"])
        form = client.get(reverse("iag_votes:my_vote", args=[vote.pk])).content.decode()
        assert f"voter_{world.member_a.pk}" in form
        assert f"voter_{world.chair_a.pk}" not in form
        client.post(reverse("iag_votes:my_vote", args=[vote.pk]),
                    {f"voter_{world.member_a.pk}": "abstain"})  # fmt: skip
        assert vote.ballots.get().choice == "abstain"
        assert is_refused(client.get(reverse("iag_votes:close", args=[vote.pk])))

    def test_nothing_of_a_vote_reaches_the_public_pages(self, client, world, home):
        from iag.models import IAGDirectoryPage

        directory = IAGDirectoryPage(title="IAGs", slug="iags")
        home.add_child(instance=directory)
        directory.save_revision().publish()
        meeting = MeetingFactory(group=world.group_a)
        Attendance.objects.create(meeting=meeting, membership=world.member_a, status="present")
        concerned = MembershipFactory(group=world.group_a)
        vote = services.open_removal_vote(meeting, concerned, None)
        services.cast_ballot(vote, None, voter=world.member_a, choice="for")
        services.close_removal_vote(vote, None)
        from hub import services as minutes

        minutes.approve_minutes(meeting, None)
        minutes.publish_minutes(meeting, None)
        body = client.get(f"{directory.url}islington/minutes/{meeting.pk}/").content.decode()
        assert "A vote was held on the removal of a member" in body
        for name in (concerned.person.name, world.member_a.person.name):
            assert name not in body
        assert Membership.objects.get(pk=concerned.pk).status == "removed"


class TestBadInput:
    """A refused entry re-renders the form with the reason and records nothing."""

    @pytest.fixture
    def vote(self, world):
        meeting = MeetingFactory(group=world.group_a)
        for member, status in ((world.chair_a, "present"), (world.member_a, "present"),
                               (world.unsigned_a, "absent")):  # fmt: skip
            Attendance.objects.create(meeting=meeting, membership=member, status=status)
        concerned = MembershipFactory(group=world.group_a)
        return services.open_removal_vote(meeting, concerned, None, counting="hands")

    def test_a_show_of_hands_with_more_votes_than_voters_is_refused(self, client, world, vote):
        client.force_login(world.users["chair A"])
        url = reverse("iag_votes:totals", args=[vote.pk])
        response = client.post(url, {"for_removal": 2, "against": 1, "abstain": 0})
        assert response.status_code == 200
        assert "3 votes counted, but only 2 members may vote" in response.content.decode()
        vote.refresh_from_db()
        assert vote.hands_for is None
        response = client.post(url, {"for_removal": -1, "against": "x", "abstain": 0})
        assert response.status_code == 200
        assert "Enter a whole number." in response.content.decode()

    def test_a_proxy_for_a_member_who_is_present_is_refused(self, client, world, vote):
        client.force_login(world.users["chair A"])
        response = client.post(
            reverse("iag_votes:proxy", args=[vote.pk]),
            {"given_by": world.member_a.pk, "held_by": world.unsigned_a.pk, "method": "email"},
        )
        assert response.status_code == 200
        assert "A member who is present votes in person, not by proxy." in response.content.decode()
        assert not vote.proxies.exists()

    def test_a_casting_vote_is_not_offered_without_a_tie(self, client, world, vote):
        services.enter_show_of_hands(vote, None, for_removal=2, against=0, abstain=0)
        client.force_login(world.users["chair A"])
        url = reverse("iag_votes:close", args=[vote.pk])
        assert 'name="casting_vote"' not in client.get(url).content.decode()
        client.post(url, {"casting_vote": "against"})
        vote.refresh_from_db()
        assert (vote.result, vote.casting_vote) == ("carried", "")

    def test_the_screens_for_the_other_counting_method_send_the_chair_back(
        self, client, world, vote
    ):
        client.force_login(world.users["chair A"])
        response = client.get(reverse("iag_votes:ballots", args=[vote.pk]), follow=True)
        assert "This vote is counted by show of hands (totals)." in response.content.decode()


class TestTampering:
    """Posts a role may not make change nothing."""

    @pytest.fixture
    def vote(self, world):
        meeting = MeetingFactory(group=world.group_a)
        for member in (world.chair_a, world.member_a):
            Attendance.objects.create(meeting=meeting, membership=member, status="present")
        return services.open_removal_vote(meeting, MembershipFactory(group=world.group_a), None)

    def test_another_groups_chair_cannot_vote_proxy_or_close(self, client, world, vote):
        client.force_login(world.users["chair B"])
        posts = {
            "ballots": {f"voter_{world.member_a.pk}": "for"},
            "proxy": {
                "given_by": world.member_a.pk,
                "held_by": world.chair_a.pk,
                "method": "email",
            },
            "close": {"casting_vote": "for"},
        }
        for view, data in posts.items():
            assert is_refused(client.post(reverse(f"iag_votes:{view}", args=[vote.pk]), data))
        vote.refresh_from_db()
        assert (vote.status, vote.ballots.count(), vote.proxies.count()) == ("open", 0, 0)

    def test_a_member_cannot_cast_someone_elses_vote(self, client, world, vote):
        client.force_login(world.users["member A"])
        client.post(
            reverse("iag_votes:my_vote", args=[vote.pk]),
            {f"voter_{world.chair_a.pk}": "for", f"voter_{world.member_a.pk}": "against"},
        )
        assert list(vote.ballots.values_list("voter_id", "choice")) == [
            (world.member_a.pk, "against")
        ]

    def test_the_police_lead_cannot_open_a_vote(self, client, world):
        meeting = MeetingFactory(group=world.group_a)
        client.force_login(world.users["police lead A"])
        response = client.post(
            reverse("iag_votes:add"),
            {"meeting": meeting.pk, "member": world.member_a.pk, "counting": "ballots"},
        )
        assert is_refused(response)
        assert not RemovalVote.objects.exists()
