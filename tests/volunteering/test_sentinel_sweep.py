"""A sentinel in every confidential place of the volunteer programme, and every programme screen,
export, download and public page crawled as every role: a role not entitled to a sentinel
receives it in no response, no export, no download, no search result, no e-mail and no log line.

What is confidential follows ``hub/volunteering/permissions.py``: emergency contacts are the
volunteer's borough programme manager's alone; volunteers' details, sessions, expense claims
and receipts are that manager's and the central team's; a role profile's risk assessment is read
by its borough's steering group, its manager and the central team, and the job-substitution
test by those who open profiles, never by the public; another borough's steering group and
profiles are that borough's (and the central team's). The roles and allow-tables are those of
tests/volunteering/test_permissions.py.
"""

import datetime
import logging

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hub.volunteering import rules, services
from hub.volunteering.models import VolunteerRolesPage
from tests.helpers import crawl_for_sentinels, report_sweep
from tests.hub.factories import PersonFactory
from tests.volunteering.factories import (
    RoleProfileFactory,
    SteeringGroupMemberFactory,
    borough,
)
from tests.volunteering.record_factories import PDF, PlacedVolunteerFactory, receipt, receipts_in
from tests.volunteering.test_permissions import ALL_ROLES, HERE_READERS, screens

pytestmark = pytest.mark.django_db

MANAGER = {"programme manager"}
# A volunteer's records: their borough's manager and the central team.
RECORDS = {"programme manager", "central team"}
# Camden's steering group and profiles: Camden's own roles and the central team.
ELSEWHERE = {"central team", "other borough's manager", "other borough's member"}
# The job-substitution test, shown with every profile's form and page: never to the public.
SUBSTITUTION = rules.SUBSTITUTION_QUESTIONS["legal_obligation"][:60]


@pytest.fixture(autouse=True)
def _private_receipts(tmp_path):
    with receipts_in(tmp_path):
        yield


def plant(programme):
    """Put a sentinel in each confidential place, through the services where there is one;
    return ``({sentinel: entitled roles}, records)``."""
    manager, places = programme.manager, {}
    today = timezone.localdate()

    volunteer = PlacedVolunteerFactory(name="Sentinel Vvolunteer")
    places["Sentinel Vvolunteer"] = RECORDS
    services.save_emergency_contact(
        volunteer, manager, name="Sentinel Vcontactname", phone="020 7946 0931",
        relationship="Sentinel-Vrelation",
    )  # fmt: skip
    places["Sentinel Vcontactname"] = MANAGER
    places["020 7946 0931"] = MANAGER
    places["Sentinel-Vrelation"] = MANAGER

    session = services.record_session(
        volunteer, day=today - datetime.timedelta(days=1), starts_at=datetime.time(9),
        ends_at=datetime.time(13), user=manager, notes="SENTINEL-VNOTES what they did",
    )  # fmt: skip
    places["SENTINEL-VNOTES"] = RECORDS

    content = PDF.replace(b"\n", b"\n% SENTINEL-VRECEIPT\n", 1)
    claim = services.submit_claim(
        volunteer, spent_on=today - datetime.timedelta(days=1),
        description="SENTINEL-VCLAIM bus fares", amount="4.80",
        receipt=receipt("sentinel-vfilename.pdf", content), user=manager, session=session,
    )  # fmt: skip
    refused = services.submit_claim(
        volunteer, spent_on=today - datetime.timedelta(days=2), description="Taxi",
        amount="30.00", receipt=receipt(), user=manager,
    )  # fmt: skip
    services.decide_claim(refused, manager, approve=False, reason="SENTINEL-VREASON no taxis")
    places["SENTINEL-VCLAIM"] = RECORDS
    places["SENTINEL-VRECEIPT"] = RECORDS
    places["SENTINEL-VREASON"] = RECORDS
    places["sentinel-vfilename"] = set()  # the uploader's file name is never used again

    # A profile waiting for the steering group (its submission e-mails the group), and an
    # approved one on the public pages: their risk assessments are internal.
    waiting = RoleProfileFactory(
        title="Station greeter", drafted_by=manager,
        risk_findings="SENTINEL-VRISK lone working", risk_assessed_by="Sentinel Vassessor",
    )  # fmt: skip
    waiting.save_revision(user=manager, clean=False)
    # The e-mail links to the profile's admin screens, which exist once the admin's URLs are
    # loaded (as they are for every request); without them Wagtail drops the e-mail silently.
    reverse("wagtailadmin_home")
    waiting.get_workflow().start(waiting, manager)
    live = RoleProfileFactory(
        approved=True, title="Ward newsletter editor", risk_findings="SENTINEL-VLIVERISK stairs"
    )
    places["SENTINEL-VRISK"] = HERE_READERS
    places["Sentinel Vassessor"] = HERE_READERS
    places["SENTINEL-VLIVERISK"] = HERE_READERS
    places[SUBSTITUTION] = ALL_ROLES

    # Camden's steering group, a member of it and a profile of Camden's.
    other_group = programme.other_group
    other_group.purpose = "<p>SENTINEL-VCAMDEN purpose of the group</p>"
    other_group.save()
    camden_seat = SteeringGroupMemberFactory(
        group=other_group, person=PersonFactory(name="Sentinel Vcamdenmember")
    )
    camden_profile = RoleProfileFactory(
        borough=borough("Camden"), title="Archive helper", risk_findings="SENTINEL-VCAMDENRISK"
    )
    places["SENTINEL-VCAMDEN"] = ELSEWHERE
    places["Sentinel Vcamdenmember"] = ELSEWHERE
    places["SENTINEL-VCAMDENRISK"] = ELSEWHERE

    records = {
        "volunteer": volunteer,
        "session": session,
        "claims": [claim, refused],
        "profiles": [waiting, live, camden_profile],
        "camden seat": camden_seat,
    }
    return places, records


def public_pages(home, records):
    page = home.add_child(instance=VolunteerRolesPage(title="Volunteer roles", slug="roles"))
    page.save_revision().publish()
    urls = [page.url, page.url + "?borough=islington", page.url + "?borough=camden"]
    urls += [
        page.url + page.reverse_subpage("role", args=[profile.slug])
        for profile in records["profiles"]
    ]
    return urls + [reverse("search") + "?q=SENTINEL", reverse("search") + "?q=Vassessor"]


def admin_urls(programme, records):
    waiting = records["profiles"][0]
    member = programme.group.members.get(person__user=programme.union_rep)
    urls = [url for url, _allowed in screens(programme, waiting, member).values()]
    urls += [reverse("wagtailadmin_home"), reverse("wagtailadmin_reports:site_history")]
    urls += [
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
    ]
    for name in ("steering_groups", "steering_members", "volunteers", "sessions", "claims"):
        index = reverse(f"volunteering_{name}:index")
        urls += [index, f"{index}?export=csv", f"{index}?export=xlsx", f"{index}?q=Sentinel"]
    profiles = "wagtailsnippets_volunteering_roleprofile"
    index = reverse(f"{profiles}:list")
    # (Searching this list is tested on its own, below.)
    urls += [f"{index}?export=csv", f"{index}?export=xlsx"]
    for profile in records["profiles"]:
        for view in ("inspect", "edit", "history", "usage", "workflow_history"):
            urls.append(reverse(f"{profiles}:{view}", args=[profile.pk]))
        revision = profile.latest_revision or profile.save_revision(clean=False)
        urls.append(reverse(f"{profiles}:revisions_view", args=[profile.pk, revision.pk]))
        urls.append(
            reverse(f"{profiles}:revisions_compare", args=[profile.pk, "earliest", "latest"])
        )
    state = waiting.current_workflow_state
    urls += [
        reverse(f"{profiles}:workflow_history_detail", args=[waiting.pk, state.pk]),
        reverse(
            f"{profiles}:workflow_preview", args=[waiting.pk, waiting.current_workflow_task.pk]
        ),
    ]
    for group in (programme.group, programme.other_group):
        for view in ("inspect", "edit", "history", "usage"):
            urls.append(reverse(f"volunteering_steering_groups:{view}", args=[group.pk]))
    for view in ("inspect", "edit", "history", "usage"):
        urls.append(
            reverse(f"volunteering_steering_members:{view}", args=[records["camden seat"].pk])
        )
    volunteer = records["volunteer"]
    for view in ("inspect", "edit", "history", "usage", "place", "emergency_contact"):
        urls.append(reverse(f"volunteering_volunteers:{view}", args=[volunteer.pk]))
    for view in ("inspect", "history", "delete"):
        urls.append(reverse(f"volunteering_sessions:{view}", args=[records["session"].pk]))
    for claim in records["claims"]:
        for view in ("inspect", "history", "decide", "receipt"):
            urls.append(reverse(f"volunteering_claims:{view}", args=[claim.pk]))
    report = reverse("volunteering_report:index")
    urls += [report, f"{report}?month={timezone.localdate():%Y-%m}"]
    people = "wagtailsnippets_hub_person"
    urls += [reverse(f"{people}:list"), reverse(f"{people}:list") + "?export=csv"]
    urls.append(reverse(f"{people}:inspect", args=[records["camden seat"].person_id]))
    return urls


def test_no_confidential_sentinel_reaches_anyone_not_entitled(
    client, programme, home, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        places, records = plant(programme)
    assert mail.outbox, "submitting the profile e-mailed Islington's steering group"
    urls = admin_urls(programme, records) + public_pages(home, records)

    leaks, tried, unseen = crawl_for_sentinels(client, programme.users, urls, places)
    leaks = report_sweep("volunteer programme", places, tried, leaks, mail.outbox, caplog.text)
    assert leaks == [], "\n".join(leaks)
    # The sweep would notice: each entitled role found each of its sentinels somewhere.
    assert unseen == set()
    assert tried > 800


def test_the_role_profile_list_can_be_searched_by_every_reader(client, programme):
    """The sweep found the list's search failing for everyone: the list narrows the search to
    the profiles the user may see, by id, which the search index could not filter on. Each
    reader finds only the profiles they may see."""
    RoleProfileFactory(title="Station greeter")
    RoleProfileFactory(title="Archive greeter", borough=borough("Camden"))
    url = reverse("wagtailsnippets_volunteering_roleprofile:list") + "?q=greeter"
    found = {}
    for role in ("central team", "programme manager", "steering group member",
                 "other borough's member"):  # fmt: skip
        client.force_login(programme.users[role])
        response = client.get(url)
        assert response.status_code == 200, role
        body = response.content.decode()
        found[role] = {title for title in ("Station greeter", "Archive greeter") if title in body}
    assert found == {
        "central team": {"Station greeter", "Archive greeter"},
        "programme manager": {"Station greeter"},
        "steering group member": {"Station greeter"},
        "other borough's member": {"Archive greeter"},
    }
