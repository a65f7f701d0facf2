"""A sentinel in every confidential place of an IAG's records, and every screen crawled as every
role that is not entitled to it: it appears in no response, no export, no search result, no
e-mail and no log line.

Each place names the roles entitled to read it (from the allow-table of
tests/iag/test_permissions.py); everyone else is "not entitled". Withheld minute items, whose
words are not stored at all, are swept by tests/iag/test_confidentiality.py.
"""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from hub.enums import AttendanceStatus
from iag import services
from iag.models import Attendance, IAGDirectoryPage
from tests.helpers import crawl_for_sentinels, report_sweep, response_body
from tests.iag.factories import AdviceFactory, MeetingFactory, MembershipFactory
from tests.iag.test_permissions import screens

pytestmark = pytest.mark.django_db

A_READERS = {"central team", "chair A", "member A", "police lead A"}


def plant(world):
    """Put a sentinel in each confidential place; return {sentinel: roles entitled to it}."""
    group = world.group_a
    places = {}

    world.chair_a.vetting_notes = "SENTINEL-VETTING note on the chair"
    world.chair_a.save()
    places["SENTINEL-VETTING"] = {"central team", "chair A", "police lead A"}

    person = world.member_a.person
    person.email, person.phone = "sentinel-contact@example.org", "020 7946 0999"
    person.save()
    places["sentinel-contact@example.org"] = {"central team", "chair A"}
    places["020 7946 0999"] = {"central team", "chair A"}

    services.request_gold_group(
        group, None, incident="SENTINEL-GOLD incident", reasons="SENTINEL-GOLD reasons"
    )
    places["SENTINEL-GOLD"] = A_READERS

    pending = AdviceFactory(group=group)
    services.respond_to_advice(
        pending, None, outcome="pending", decision="SENTINEL-PENDING decision", reasons="",
        expected_version=0,
    )  # fmt: skip
    places["SENTINEL-PENDING"] = A_READERS

    # Recorded through the service, which e-mails the police lead (a link, not the words).
    services.record_advice(
        AdviceFactory.build(group=group, advice="SENTINEL-ADVICE unpublished words"),
        world.users["chair A"],
    )
    places["SENTINEL-ADVICE"] = A_READERS

    # Who voted how: a ballot (the vote's "Individual votes" table shows it).
    meeting = MeetingFactory(group=group)
    voter = MembershipFactory(group=group, person__name="Sentinel Ballotvoter")
    for membership in (world.chair_a, voter):
        Attendance.objects.create(
            meeting=meeting, membership=membership, status=AttendanceStatus.PRESENT
        )
    vote = services.open_removal_vote(meeting, MembershipFactory(group=group), None)
    services.cast_ballot(vote, None, voter=voter, choice="against")
    return places, vote


def test_no_confidential_sentinel_reaches_anyone_not_entitled(
    client, world, home, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    directory = IAGDirectoryPage(title="IAGs", slug="iags")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        places, vote = plant(world)
    assert mail.outbox, "the services e-mailed the police lead and the chair"

    urls = list(screens(world).values())
    urls += [
        reverse("iag_votes:inspect", args=[vote.pk]),
        reverse("iag_votes:history", args=[vote.pk]),
        reverse("iag_votes:index") + "?export=csv",
        reverse("iag_advice:index") + "?export=xlsx",
        reverse("iag_members:index") + "?export=xlsx",
        reverse("iag_open_data_json"),
        reverse("iag_open_data_csv"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_home"),
        directory.url,
        f"{directory.url}islington/",
        f"{directory.url}islington/induction-pack/",
        reverse("search") + "?q=SENTINEL",
    ]

    def ballots(role, url, body):
        # Who voted how: the chair and the central team only, and only on the vote's screen.
        if role not in {"chair A", "central team"} and b"Individual votes" in body:
            return [("a ballot", role, url)]
        return []

    leaks, tried, _ = crawl_for_sentinels(client, world.users, urls, places, also=ballots)
    leaks = report_sweep("IAG", places, tried, leaks, mail.outbox, caplog.text)
    assert leaks == [], "\n".join(leaks)
    assert tried > 700


def test_the_sweep_sees_a_sentinel_where_it_is_allowed(client, world, home):
    """The sweep would notice: the entitled do see each sentinel somewhere."""
    _, vote = plant(world)
    client.force_login(world.users["chair A"])
    seen = b"".join(
        response_body(client.get(url))
        for url in [
            reverse("iag_members:inspect", args=[world.chair_a.pk]),
            reverse("iag_members:inspect", args=[world.member_a.pk]),
            reverse("iag_gold_groups:index"),
            reverse("iag_votes:inspect", args=[vote.pk]),
            reverse("iag_advice:index"),
        ]
    )
    assert b"SENTINEL-VETTING" in seen and b"sentinel-contact@example.org" in seen
    assert b"Individual votes" in seen and b"Sentinel Ballotvoter" in seen
