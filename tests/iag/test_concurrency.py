"""Two people saving the same response at the same moment, on PostgreSQL's row locks."""

import threading
from functools import partial

import pytest
from django.db import connection

from iag import services
from iag.models import Advice, AdviceResponse
from tests.iag.factories import AdviceFactory

pytestmark = [
    pytest.mark.postgres,
    # Committed for real, so the threads see it; the migrations' data come back afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 10


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks under concurrent requests are a PostgreSQL behaviour")


def race(advice, outcomes, expected_version):
    """Start one editor per outcome at exactly the same moment; return what each saw."""

    def editor(outcome):
        services.respond_to_advice(
            Advice.objects.get(pk=advice.pk), None, outcome=outcome,
            decision=f"Decision: {outcome}", reasons=f"Reasons: {outcome}",
            expected_version=expected_version,
        )  # fmt: skip

    results = []
    for outcome, (kind, value) in zip(
        outcomes, run_together(*(partial(editor, outcome) for outcome in outcomes)), strict=True
    ):
        if kind == "ok":
            results.append(("saved", outcome))
        elif isinstance(value, services.ResponseConflict):
            results.append(("conflict", outcome))
    return results


def test_editing_one_response_at_once_loses_no_update():
    for _ in range(ROUNDS):
        advice = AdviceFactory(pending=True)
        version = advice.response.version
        versions_before = AdviceResponse.history.filter(advice_id=advice.pk).count()
        results = race(advice, ["partly_followed", "not_followed"], expected_version=version)
        assert sorted(kind for kind, _ in results) == ["conflict", "saved"]
        saved = next(outcome for kind, outcome in results if kind == "saved")
        response = AdviceResponse.objects.get(advice=advice)
        assert (response.outcome, response.version) == (saved, version + 1)
        versions = AdviceResponse.history.filter(advice_id=advice.pk).count()
        assert versions == versions_before + 1


def test_two_first_responses_at_once_make_one_response():
    for _ in range(ROUNDS):
        advice = AdviceFactory()
        results = race(advice, ["followed", "not_followed"], expected_version=0)
        assert sorted(kind for kind, _ in results) == ["conflict", "saved"]
        assert AdviceResponse.objects.filter(advice=advice).count() == 1


def run_together(*jobs):
    """Start every job at the same moment in its own thread; return what each returned or
    raised."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            outcomes[index] = ("ok", job())
        except Exception as error:
            outcomes[index] = ("error", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def vote_with_proxy():
    from hub.enums import AttendanceStatus
    from iag.models import Attendance
    from tests.iag.factories import MeetingFactory, MembershipFactory

    chair = MembershipFactory(chair=True)
    meeting = MeetingFactory(group=chair.group)
    present = [chair, *(MembershipFactory(group=chair.group) for _ in range(6))]
    absent = MembershipFactory(group=chair.group)
    for member in present:
        Attendance.objects.create(
            meeting=meeting, membership=member, status=AttendanceStatus.PRESENT
        )
    vote = services.open_removal_vote(meeting, MembershipFactory(group=chair.group), None)
    services.record_proxy(vote, None, given_by=absent, held_by=present[1], method="email")
    return vote, present, absent


def test_a_proxy_vote_cast_twice_at_once_is_counted_once():
    from iag.models import Ballot

    for _ in range(ROUNDS):
        vote, present, absent = vote_with_proxy()
        cast = partial(services.cast_ballot, vote, None)
        outcomes = run_together(
            partial(cast, voter=absent, choice="for"),  # the proxy holder
            partial(cast, voter=absent, choice="against"),  # the chair, for the same member
            partial(cast, voter=present[1], choice="for"),  # the holder's own vote
        )
        assert Ballot.objects.filter(vote=vote, voter=absent).count() == 1
        assert Ballot.objects.filter(vote=vote, voter=present[1]).count() == 1
        assert sorted(kind for kind, _ in outcomes) == ["error", "ok", "ok"]


def test_no_ballot_slips_in_after_the_close():
    from iag.models import Ballot, RemovalVote

    for _ in range(ROUNDS):
        vote, present, absent = vote_with_proxy()
        voters = [*present[1:], absent]
        cast = partial(services.cast_ballot, vote, None, choice="against")
        outcomes = run_together(
            *(partial(cast, voter=voter) for voter in voters),
            partial(services.close_removal_vote, vote, None),
        )
        vote = RemovalVote.objects.get(pk=vote.pk)
        ballots = Ballot.objects.filter(vote=vote)
        assert vote.is_closed
        assert sum(vote.frozen["totals"].values()) == ballots.count()
        assert not ballots.filter(cast_at__gt=vote.closed_at).exists()
        refused = [error for kind, error in outcomes[:-1] if kind == "error"]
        assert len(refused) + ballots.count() == len(voters)
        assert all("closed" in str(error) for error in refused)
