"""A sentinel in every confidential place of the partnership's records, and every partnership
screen, export and public page crawled as every role: a role not entitled to a sentinel receives
it in no response, no export, no search result, no e-mail and no log line.

What is confidential follows ``partnerships/permissions.py``: a board's drafts and meetings are
its own (and the central team's); a submitted report is read by the boards above it, and by the
public only once published; an action plan the board does not show is read up the chain only;
members' contact details are the central team's (the people directory); another partnership's
records are nobody else's. Each place names the roles entitled to read it, from the allow-tables
of tests/partnerships/test_permissions.py; everyone else is "not entitled".
"""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from hub import services as meeting_services
from partnerships import services
from partnerships.models import PartnershipPage, PublicationPage
from tests.helpers import crawl_for_sentinels, report_sweep
from tests.hub.factories import PersonFactory
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardMeetingFactory,
    BoardMembershipFactory,
    BoardMinuteItemFactory,
    BoardReportFactory,
)
from tests.partnerships.test_permissions import EDITORS, REPORT_READERS, ROLES

pytestmark = pytest.mark.django_db

# The youth group's own records: its members (EDITORS) and the central team.
YOUTH_ONLY = EDITORS | {"central team"}
# The youth group's submitted work: every board above it reads it too.
UP_THE_CHAIN = REPORT_READERS["youth submitted report"]
# Another partnership's records: the central team alone.
OTHER_PARTNERSHIP = REPORT_READERS["other partnership's report"]
# The people directory, with contact details, is the central team's.
DIRECTORY = {"central team"}


def plant(boards):
    """Put a sentinel in each confidential place; return ``({sentinel: entitled roles},
    records)``."""
    s, places = boards.s, {}
    youth_chair = boards.users["youth chair"]

    draft = BoardReportFactory(
        board=s.youth, quarter=1, summary="SENTINEL-PDRAFT summary of a draft report",
        issues_for_board_above="SENTINEL-PISSUES not yet sent up",
    )  # fmt: skip
    places["SENTINEL-PDRAFT"] = REPORT_READERS["youth draft report"]
    places["SENTINEL-PISSUES"] = REPORT_READERS["youth draft report"]

    # Submitted through the service (history and audit log), not published.
    submitted = services.submit_report(
        BoardReportFactory(board=s.youth, quarter=2, summary="SENTINEL-PSUBMITTED summary"),
        youth_chair,
    )
    places["SENTINEL-PSUBMITTED"] = UP_THE_CHAIN

    other_draft = BoardReportFactory(
        board=boards.other.youth, quarter=1, summary="SENTINEL-POTHERDRAFT summary"
    )
    other_submitted = services.submit_report(
        BoardReportFactory(
            board=boards.other.youth, quarter=2, summary="SENTINEL-POTHERSUBMITTED summary"
        ),
        None,
    )
    places["SENTINEL-POTHERDRAFT"] = OTHER_PARTNERSHIP
    places["SENTINEL-POTHERSUBMITTED"] = OTHER_PARTNERSHIP

    # The youth group's meetings: an agenda and a draft minute item.
    meeting = boards.meeting_youth
    meeting.agenda = "1. SENTINEL-PAGENDA item"
    meeting.save()
    BoardMinuteItemFactory(meeting=meeting, title="Item", text="SENTINEL-PMINUTES draft words")
    places["SENTINEL-PAGENDA"] = YOUTH_ONLY
    places["SENTINEL-PMINUTES"] = YOUTH_ONLY

    # Published minutes with an item withheld afterwards: who asked is confidential too.
    published = BoardMeetingFactory(board=s.youth)
    BoardMinuteItemFactory(meeting=published, title="Public item", text="Recorded words")
    withheld = BoardMinuteItemFactory(meeting=published, title="Item", text="Words to withhold")
    meeting_services.approve_minutes(published, youth_chair)
    meeting_services.publish_minutes(published, youth_chair)
    meeting_services.withhold_minute_item(withheld, "SENTINEL-PWITHHELDBY Inspector", youth_chair)
    places["SENTINEL-PWITHHELDBY"] = YOUTH_ONLY

    # An action plan the board does not show on the public pages.
    private_plan = ActionPlanFactory(
        board=s.youth, is_public=False, summary="SENTINEL-PPLAN private summary"
    )
    private_action = ActionFactory(
        plan=private_plan, title="SENTINEL-PACTION private action",
        description="SENTINEL-PACTION description", progress="SENTINEL-PACTION progress",
    )  # fmt: skip
    places["SENTINEL-PPLAN"] = UP_THE_CHAIN
    places["SENTINEL-PACTION"] = UP_THE_CHAIN

    # A public plan: its actions are public, never who owns them. The central project board's
    # work is read by its members (the youth group's chair sits on it) and the board above.
    public_plan = ActionPlanFactory(board=s.central, is_public=True)
    owner = PersonFactory(name="Sentinel Pactionowner")
    public_action = ActionFactory(plan=public_plan, title="Open the youth hub", owner=owner)
    places["Sentinel Pactionowner"] = REPORT_READERS["central submitted report"] | {"youth chair"}

    # A board member's contact details.
    seat = BoardMembershipFactory(
        board=s.youth,
        person=PersonFactory(
            name="Sentinel Pseated", email="sentinel-pcontact@example.org", phone="020 7946 0911"
        ),
    )
    places["sentinel-pcontact@example.org"] = DIRECTORY
    places["020 7946 0911"] = DIRECTORY

    records = {
        "reports": [draft, submitted, other_draft, other_submitted],
        "meetings": [meeting, published],
        "withheld": withheld,
        "plans": [private_plan, public_plan],
        "actions": [private_action, public_action],
        "seat": seat,
        "owner": owner,
    }
    return places, records


def public_pages(home, boards, records):
    """The partnership's public pages: its page, every route under it, and a publication."""
    page = home.add_child(
        instance=PartnershipPage(
            title="Partnership", slug="partnership", partnership=boards.s.partnership
        )
    )
    page.save_revision().publish()
    other = home.add_child(
        instance=PartnershipPage(
            title="Other partnership",
            slug="other-partnership",
            partnership=boards.other.partnership,
        )
    )
    other.save_revision().publish()
    issue = page.add_child(instance=PublicationPage(title="This month", slug="this-month"))
    issue.save_revision().publish()

    def route(on, name, *args):
        return on.url + on.reverse_subpage(name, args=args)

    urls = [issue.url]
    for on, structure in ((page, boards.s), (other, boards.other)):
        urls += [route(on, "structure"), route(on, "report_list")]
        urls += [route(on, "report", report.pk) for report in records["reports"]]
        urls += [route(on, "action_plan", plan.pk) for plan in records["plans"]]
        for board in structure.boards:
            urls.append(route(on, "board", board.slug))
            urls += [
                route(on, "minutes", board.slug, meeting.pk) for meeting in records["meetings"]
            ]
    return urls


VIEWSETS = [
    "partnership_reports", "partnership_actions", "partnership_plans", "partnership_meetings",
    "partnership_initiatives", "partnership_members", "partnership_boards", "partnerships",
]  # fmt: skip


def admin_urls(boards, records):
    urls = [reverse("wagtailadmin_home"), reverse("wagtailadmin_reports:site_history")]
    for viewset in VIEWSETS:
        index = reverse(f"{viewset}:index")
        urls += [index, f"{index}?export=csv", f"{index}?export=xlsx", f"{index}?q=SENTINEL"]
        urls.append(reverse(f"{viewset}:add"))
    on_records = {
        "partnership_reports": records["reports"],
        "partnership_meetings": records["meetings"],
        "partnership_plans": records["plans"],
        "partnership_actions": records["actions"],
        "partnership_members": [records["seat"]],
    }
    for viewset, objects in on_records.items():
        for obj in objects:
            for view in ("inspect", "edit", "history", "usage", "delete"):
                urls.append(reverse(f"{viewset}:{view}", args=[obj.pk]))
    for report in records["reports"]:
        urls += [reverse(f"partnership_reports:{step}", args=[report.pk]) for step in
                 ("submit", "publish")]  # fmt: skip
    for meeting in records["meetings"]:
        urls += [
            reverse("partnership_meetings:minutes_action", args=[meeting.pk, action])
            for action in ("approve", "publish")
        ]
    withheld = records["withheld"]
    urls.append(
        reverse("partnership_meetings:withhold_item", args=[withheld.meeting_id, withheld.pk])
    )
    year = records["reports"][0].year
    rollup = reverse("partnership_rollup:index")
    urls += [rollup] + [f"{rollup}?year={year}&quarter={quarter}" for quarter in (1, 2)]
    people = "wagtailsnippets_hub_person"
    urls += [reverse(f"{people}:list"), reverse(f"{people}:list") + "?export=csv"]
    urls += [reverse(f"{people}:list") + "?export=xlsx"]
    for person in (records["seat"].person, records["owner"]):
        for view in ("inspect", "edit", "history", "usage"):
            urls.append(reverse(f"{people}:{view}", args=[person.pk]))
    return urls


def test_no_confidential_sentinel_reaches_anyone_not_entitled(
    client, boards, home, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        places, records = plant(boards)
    urls = admin_urls(boards, records) + public_pages(home, boards, records)
    urls += [reverse("search") + "?q=SENTINEL", reverse("search") + "?q=Pactionowner"]

    assert set(boards.users) == set(ROLES)
    leaks, tried, unseen = crawl_for_sentinels(client, boards.users, urls, places)
    leaks = report_sweep("partnerships", places, tried, leaks, mail.outbox, caplog.text)
    assert leaks == [], "\n".join(leaks)
    # The sweep would notice: each entitled role found each of its sentinels somewhere.
    assert unseen == set()
    assert tried > 1000
