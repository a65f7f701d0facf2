"""Principle 12 as pure rules: who may vote, how votes are counted, and the casting vote.

Property-based (hypothesis): for any group, attendance, proxies and ballots, every counted vote
comes from a member present or a valid proxy, nobody is counted twice, a casting vote is taken
only on a tie, the result does not depend on the order of ballots, and removed members and
non-members cannot vote.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iag.rules import (
    Totals,
    VoteError,
    casting_vote_allowed,
    check_show_of_hands,
    count_ballots,
    electorate,
    proxy_problem,
    removal_result,
)

CONCERNED = 0
CHOICES = ["for", "against", "abstain"]


@st.composite
def meetings(draw):
    """A group of up to 12 members (0 is the member concerned), some removed, some present,
    proxies between any two people (valid or not), and ballots (allowed or not)."""
    members = list(range(draw(st.integers(min_value=1, max_value=12))))
    active = {m for m in members if draw(st.booleans()) or m == CONCERNED}
    present = {m for m in members if draw(st.booleans())}
    outsiders = [100, 101]  # not members of the group at all
    people = members + outsiders
    proxies = draw(
        st.lists(st.tuples(st.sampled_from(people), st.sampled_from(people)), max_size=8)
    )
    ballots = draw(
        st.lists(
            st.tuples(st.sampled_from(people), st.sampled_from(people), st.sampled_from(CHOICES)),
            max_size=16,
        )
    )
    return active, present, proxies, ballots


def lawful(electorate_, ballots):
    """Keep the ballots the rules accept, in order: what the services let through."""
    kept, seen = [], set()
    for voter, cast_by, choice in ballots:
        if voter not in seen and electorate_.may_cast(voter, cast_by):
            kept.append((voter, cast_by, choice))
            seen.add(voter)
    return kept


@settings(max_examples=400, deadline=None)
@given(meetings())
def test_every_counted_vote_is_from_someone_present_or_a_valid_proxy(meeting):
    active, present, proxies, ballots = meeting
    voters = electorate(active, present, CONCERNED, proxies)
    # The electorate itself obeys P12.
    assert CONCERNED not in voters.present
    assert voters.present <= active & present
    for giver, holder in voters.proxies.items():
        assert giver in active and giver not in present and giver != CONCERNED
        assert holder in voters.present
    assert not set(voters.proxies) & voters.present
    # Counting accepts exactly the lawful ballots, each voter once.
    kept = lawful(voters, ballots)
    totals = count_ballots(voters, kept)
    assert totals.cast == len(kept) == len({voter for voter, _, _ in kept})
    assert totals.cast <= voters.size
    for voter, cast_by, _ in kept:
        assert voter in active  # removed members and non-members never vote
        assert (voter == cast_by and voter in voters.present) or voters.proxies[voter] == cast_by


@settings(max_examples=300, deadline=None)
@given(meetings(), st.data())
def test_the_result_does_not_depend_on_the_order_of_ballots(meeting, data):
    active, present, proxies, ballots = meeting
    voters = electorate(active, present, CONCERNED, proxies)
    kept = lawful(voters, ballots)
    shuffled = data.draw(st.permutations(kept))
    first, second = count_ballots(voters, kept), count_ballots(voters, shuffled)
    assert first == second
    casting = data.draw(st.sampled_from([None, "for", "against"])) if first.is_tie else None
    assert removal_result(first, casting) == removal_result(second, casting)


@settings(max_examples=300, deadline=None)
@given(meetings())
def test_no_one_is_counted_twice_and_no_one_unentitled_counts(meeting):
    active, present, proxies, ballots = meeting
    voters = electorate(active, present, CONCERNED, proxies)
    for voter, cast_by, choice in ballots:
        if not voters.may_cast(voter, cast_by):
            with pytest.raises(VoteError):
                count_ballots(voters, [(voter, cast_by, choice)])
    kept = lawful(voters, ballots)
    if kept:
        with pytest.raises(VoteError, match="counted once"):
            count_ballots(voters, [*kept, kept[0]])


@given(st.integers(0, 20), st.integers(0, 20), st.integers(0, 20))
def test_a_casting_vote_only_on_a_tie(for_, against, abstain):
    totals = Totals(for_, against, abstain)
    assert casting_vote_allowed(totals) is (for_ == against)
    for casting in ("for", "against"):
        if for_ == against:
            expected = "carried" if casting == "for" else "not_carried"
            assert removal_result(totals, casting) == expected
        else:
            with pytest.raises(VoteError, match="only on a tie"):
                removal_result(totals, casting)


@pytest.mark.parametrize(
    ("for_", "against", "abstain", "casting", "result"),
    [
        (3, 2, 0, None, "carried"),  # a simple majority of votes cast
        (2, 3, 0, None, "not_carried"),
        (2, 2, 5, None, "not_carried"),  # abstentions count neither way; a tie without casting
        (2, 2, 0, "for", "carried"),
        (2, 2, 0, "against", "not_carried"),
        (0, 0, 4, None, "not_carried"),
        (1, 0, 9, None, "carried"),
    ],
)
def test_simple_majority_of_votes_cast(for_, against, abstain, casting, result):
    assert removal_result(Totals(for_, against, abstain), casting) == result


@pytest.mark.parametrize(
    ("giver", "holder", "problem"),
    [
        (0, 2, "member concerned"),
        (2, 0, "member concerned"),
        (3, 3, "their own proxy"),
        (9, 2, "Only active members"),
        (2, 1, "votes in person"),  # the giver is present
        (3, 4, "must be present"),  # the holder is absent
    ],
)
def test_proxy_problems_are_named(giver, holder, problem):
    found = proxy_problem(giver, holder, active={0, 1, 2, 3, 4}, present={1, 2}, member_concerned=0)
    assert problem in found


def test_one_proxy_per_absent_member():
    voters = electorate({1, 2, 3}, {1, 2}, 0, [(3, 1), (3, 2)])
    assert voters.proxies == {3: 1}
    assert "only one proxy" in voters.void[0][2]


def test_a_proxy_giver_who_turns_up_votes_in_person():
    voters = electorate({1, 2, 3}, {1, 2, 3}, 0, [(3, 1)])
    assert voters.proxies == {} and 3 in voters.present


def test_a_show_of_hands_cannot_count_more_votes_than_voters():
    voters = electorate({1, 2, 3, 4}, {1, 2}, 0, [(3, 1)])
    check_show_of_hands(voters, Totals(2, 1, 0))
    with pytest.raises(VoteError, match="only 3 members may vote"):
        check_show_of_hands(voters, Totals(2, 1, 1))
