"""Every listing and results page answers in the same number of SQL queries whatever the data
size (the performance budget): a row must never cost a query of its own.

``PAGES`` is the whole coverage, in one table: for each page, how to reach it and how to make
the i-th record it lists (with its related records, different for each row: another borough,
group, board or person, so that a related record read row by row shows as extra queries). Each
page is asked for by a user entitled to every record (a superuser), with 3 records and again
with 15, and must take as many queries for both. ``test_every_project_listing_is_in_the_table``
fails when a viewset of the project has a listing that the table does not cover.

The counts measured are recorded as JUnit properties (``--junitxml``), never printed.
"""

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.admin.viewsets import viewsets as admin_viewsets

from consultation.enums import Channel
from consultation.models import Finding, Response
from hub.enums import MinutesStatus
from hub.models import (
    Borough,
    GlossaryPage,
    GlossaryTerm,
    NewsIndexPage,
    Organisation,
    Person,
    StandardPage,
)
from hub.volunteering.enums import Responsibility
from hub.volunteering.models import (
    ExpenseClaim,
    RoleProfile,
    SteeringGroup,
    SteeringGroupMember,
    Volunteer,
    VolunteerRolesPage,
    VolunteerSession,
)
from iag.enums import GoldGroupDecision, VoteResult, VoteStatus
from iag.models import (
    Advice,
    AdvisoryGroup,
    DifferingView,
    Escalation,
    GoldGroupRequest,
    IAGDirectoryPage,
    Meeting,
    Membership,
    RemovalVote,
)
from iag.rules import quarter_of
from partnerships.enums import ActionStatus, BoardKind
from partnerships.models import (
    Action,
    ActionPlan,
    Board,
    BoardMeeting,
    BoardMembership,
    BoardReport,
    Initiative,
    Partnership,
    PartnershipPage,
    PublicationPage,
)
from tests.consultation.conftest import EveryKind
from tests.consultation.factories import (
    AnswerFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    OutcomePageFactory,
    QuestionnaireFactory,
    ResponseFactory,
)
from tests.hub.factories import (
    GlossaryTermFactory,
    NewsPageFactory,
    OrganisationFactory,
    PersonFactory,
    StandardPageFactory,
    UserFactory,
)
from tests.iag.factories import (
    AdviceFactory,
    AdvisoryGroupFactory,
    MeetingFactory,
    MembershipFactory,
    QuarterlyFeedbackFactory,
)
from tests.partnerships.factories import (
    ActionFactory,
    ActionPlanFactory,
    BoardFactory,
    BoardMeetingFactory,
    BoardMembershipFactory,
    BoardReportFactory,
    InitiativeFactory,
    PartnershipFactory,
    ThemeFactory,
)
from tests.volunteering.factories import (
    RoleProfileFactory,
    SteeringGroupFactory,
    SteeringGroupMemberFactory,
)
from tests.volunteering.record_factories import (
    ExpenseClaimFactory,
    PlacedVolunteerFactory,
    VolunteerSessionFactory,
)

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 15
PROJECT_APPS = ("hub", "iag", "partnerships", "consultation")
# The URL names of a listing: a model viewset's, a snippet viewset's, a chooser's.
LISTING_NAMES = {"index", "index_results", "list", "list_results", "choose", "choose_results"}


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


class Data:
    """The records the pages list, made on demand, and the pages (hosts) that list them.

    ``borough(i)``, ``group(i)``, ``board(i)`` and ``person(label, i)`` give the i-th row a
    borough, IAG, board and person of its own; hosts (the IAG directory, a partnership page, a
    consultation...) are made once per test."""

    def __init__(self, home):
        self.home = home

    # --- Shared records ----------------------------------------------------------------------

    @cached_property
    def boroughs(self):
        return list(Borough.objects.policed_by_mps().order_by("name"))

    def borough(self, i):
        return self.boroughs[i % len(self.boroughs)]

    def person(self, label, i):
        return PersonFactory(name=f"{label} Example {i:02d}")

    def user(self, label, i):
        return UserFactory(username=f"{label.lower()}-{i:02d}")

    def group(self, i):
        return AdvisoryGroupFactory(
            borough=self.borough(i), police_lead=self.person("Police lead", i)
        )

    @cached_property
    def trees(self):
        """Two partnerships, each with its executive and central project boards, so that
        boards, plans and reports belong to different ones (and few boards are there before
        the rows are made)."""
        trees = []
        for n in (1, 2):
            partnership = PartnershipFactory(name=f"Partnership {n}")
            executive = BoardFactory(
                partnership=partnership, kind=BoardKind.EXECUTIVE, name=f"Executive board {n}"
            )
            central = BoardFactory(
                partnership=partnership,
                kind=BoardKind.CENTRAL,
                parent=executive,
                name=f"Central project board {n}",
            )
            trees.append(SimpleNamespace(partnership=partnership, central=central))
        return trees

    def board(self, i, tree=None):
        tree = tree or self.trees[i % 2]
        return BoardFactory(
            partnership=tree.partnership,
            kind=BoardKind.PROJECT,
            parent=tree.central,
            name=f"{tree.partnership.name}: project board {i:02d}",
        )

    def plan(self, i, tree=None, **extra):
        return ActionPlanFactory(board=self.board(i, tree), **extra)

    @cached_property
    def consultations(self):
        return [
            ConsultationPageFactory(
                parent=self.consultation_index,
                title=f"Consultation {n}",
                questionnaire=self.every_kind.questionnaire,
            )
            for n in (1, 2)
        ]

    def volunteer(self, i):
        return PlacedVolunteerFactory(borough=self.borough(i), name=f"Volunteer Example {i:02d}")

    # --- Hosts: the pages whose listing grows ------------------------------------------------

    def publish(self, page, parent=None):
        (parent or self.home).add_child(instance=page)
        page.save_revision().publish()
        return page

    @cached_property
    def directory(self):
        return self.publish(IAGDirectoryPage(title="Independent Advisory Groups", slug="iag"))

    @cached_property
    def host_group(self):
        """The group whose page lists its meetings and advice (a borough no row uses)."""
        group = AdvisoryGroupFactory(borough=self.boroughs[-1])
        MembershipFactory(group=group, chair=True)
        return group

    @cached_property
    def live_london_feedback(self):
        """Makes advice given today public: London-wide feedback for this quarter, published."""
        period = quarter_of(timezone.localdate())
        return QuarterlyFeedbackFactory(
            group=None, year=period.year, quarter=period.number, live=True
        )

    def published_advice(self, group, i):
        self.live_london_feedback  # noqa: B018 (made on first use)
        advice = AdviceFactory(
            group=group,
            given_on=timezone.localdate(),
            subject=f"Published advice {i:02d}",
            outcome=["followed", "partly_followed", "not_followed", None][i % 4],
        )
        DifferingView.objects.create(advice=advice, held_by=f"Member {i}", view=f"View {i}")
        return advice

    @cached_property
    def partnership_page(self):
        partnership = self.trees[0].partnership
        return self.publish(
            PartnershipPage(title="The partnership", slug="partnership", partnership=partnership)
        )

    @cached_property
    def host_board(self):
        return self.board(99, self.trees[0])

    @cached_property
    def host_plan(self):
        return ActionPlanFactory(board=self.host_board, is_public=True)

    @cached_property
    def publication(self):
        page = PublicationPage(title="This month", slug="this-month")
        page.issue_date = timezone.localdate()
        return self.publish(page, self.partnership_page)

    @cached_property
    def consultation_index(self):
        return ConsultationIndexPageFactory(parent=self.home)

    @cached_property
    def every_kind(self):
        return EveryKind()

    @cached_property
    def consultation(self):
        return ConsultationPageFactory(
            parent=self.consultation_index,
            title="Youth safety consultation",
            questionnaire=self.every_kind.questionnaire,
        )

    def response(self, i, consultation=None):
        """A response to every counted question of ``self.consultation``, from another
        borough and with other answers each time."""
        kind = self.every_kind
        response = ResponseFactory(
            consultation=consultation or self.consultation,
            channel=Channel.PAPER if i % 2 else Channel.ONLINE,
            entered_by=self.user("Clerk", i) if i % 2 else None,
        )
        AnswerFactory(response=response, question=kind.short, text=f"Organisation {i:02d}")
        AnswerFactory(response=response, question=kind.long, text=f"Written answer {i:02d}")
        AnswerFactory(response=response, question=kind.single, choice=["High", "Low"][i % 2])
        AnswerFactory(response=response, question=kind.boroughs, borough=self.borough(i))
        AnswerFactory(response=response, question=kind.scale, number=1 + i % 5)
        return response

    @cached_property
    def outcome_page(self):
        return OutcomePageFactory(parent=self.consultation)

    @cached_property
    def roles_page(self):
        return self.publish(VolunteerRolesPage(title="Volunteer roles", slug="volunteer-roles"))

    @cached_property
    def news_index(self):
        return self.publish(NewsIndexPage(title="News", slug="news"))

    @cached_property
    def glossary_page(self):
        return self.publish(GlossaryPage(title="Jargon buster", slug="jargon-buster"))

    @cached_property
    def section(self):
        return self.publish(StandardPage(title="Get involved", slug="get-involved"))


# --- Making the i-th record of each listing ------------------------------------------------------


def make_person(d, i):
    return PersonFactory(name=f"Aaron Listed {i:02d}", user=d.user("Person", i) if i % 2 else None)


def make_organisation(d, i):
    return OrganisationFactory(
        name=f"Aardvark Trust {i:02d}", boroughs=[d.borough(i), d.borough(i + 1)]
    )


def make_borough(d, i):
    return Borough.objects.create(
        name=f"Aardvale {i:02d}",
        slug=f"aardvale-{i:02d}",
        gss_code=f"X{i:08d}",
        policed_by_mps=False,
    )


def make_glossary_term(d, i):
    return GlossaryTermFactory(acronym=f"AAA{i:02d}", expansion=f"Acronym number {i}")


def make_advisory_group(d, i):
    return d.group(i)


def make_membership(d, i):
    return MembershipFactory(group=d.group(i), person=d.person("Member", i))


def make_meeting(d, i):
    statuses = list(MinutesStatus)
    return MeetingFactory(
        group=d.group(i), date=days_ago(i + 1), minutes_status=statuses[i % len(statuses)]
    )


def make_advice(d, i):
    outcomes = [None, "followed", "partly_followed", "not_followed", "pending"]
    return AdviceFactory(group=d.group(i), given_on=days_ago(i + 1), outcome=outcomes[i % 5])


def make_gold_group_request(d, i):
    answered = bool(i % 2)
    return GoldGroupRequest.objects.create(
        group=d.group(i),
        incident=f"Incident {i:02d}",
        reasons="Community confidence is at risk.",
        requested_by=d.user("Requester", i),
        requested_at=timezone.now() - datetime.timedelta(days=i + 1),
        decision=GoldGroupDecision.CONVENED if answered else "",
        answered_by=d.user("Lead", i) if answered else None,
        answered_at=timezone.now() if answered else None,
    )


def make_removal_vote(d, i):
    group = d.group(i)
    closed = bool(i % 2)
    return RemovalVote.objects.create(
        meeting=MeetingFactory(group=group, date=days_ago(i + 1)),
        member=MembershipFactory(group=group, person=d.person("Member", i)),
        opened_at=timezone.now() - datetime.timedelta(days=i + 1),
        opened_by=d.user("Chair", i),
        status=VoteStatus.CLOSED if closed else VoteStatus.OPEN,
        result=VoteResult.NOT_CARRIED if closed else "",
        closed_at=timezone.now() if closed else None,
    )


def make_escalation(d, i):
    return Escalation.objects.create(
        group=d.group(i),
        difficulty=f"Difficulty {i:02d}",
        raised_by=d.user("Raiser", i),
        raised_to="Commander, Territorial Policing",
        raised_at=timezone.now() - datetime.timedelta(days=i + 1),
        resolved_at=timezone.now() if i % 2 else None,
    )


def make_quarterly_feedback(d, i):
    period = quarter_of(days_ago(100 + 92 * (i % 3)))
    return QuarterlyFeedbackFactory(group=d.group(i), year=period.year, quarter=period.number)


def make_partnership(d, i):
    return PartnershipFactory(name=f"Aardvark partnership {i:02d}")


def make_board(d, i):
    return d.board(i)


def make_board_membership(d, i):
    return BoardMembershipFactory(
        board=d.board(i),
        person=d.person("Board member", i),
        organisation=OrganisationFactory(name=f"Member organisation {i:02d}"),
    )


def make_board_meeting(d, i):
    statuses = list(MinutesStatus)
    return BoardMeetingFactory(
        board=d.board(i), date=days_ago(i + 1), minutes_status=statuses[i % len(statuses)]
    )


def make_initiative(d, i):
    return InitiativeFactory(
        board=d.board(i),
        title=f"Aardvark initiative {i:02d}",
        theme=ThemeFactory(partnership=d.trees[i % 2].partnership),
    )


def make_board_report(d, i):
    return BoardReportFactory(board=d.board(i), quarter=1 + i % 4, submitted=bool(i % 2))


def make_action_plan(d, i):
    return d.plan(i)


def make_action(d, i):
    return ActionFactory(
        plan=d.plan(i),
        title=f"Aardvark action {i:02d}",
        owner=d.person("Owner", i),
        theme=ThemeFactory(partnership=d.trees[i % 2].partnership),
        status=list(ActionStatus)[i % len(ActionStatus)],
    )


def make_response(d, i):
    return d.response(i, d.consultations[i % 2])


def make_questionnaire(d, i):
    return QuestionnaireFactory(title=f"Aardvark questionnaire {i:02d}")


def make_steering_group(d, i):
    return SteeringGroupFactory(borough=d.borough(i))


def make_steering_member(d, i):
    """Business managers in pairs, one group each: the second of a pair deputises."""
    group = SteeringGroupFactory(borough=d.borough(i // 2))
    principal = None
    if i % 2:
        principal = group.members.get(person__name=d.person("Steering", i - 1).name)
    return SteeringGroupMemberFactory(
        group=group,
        person=d.person("Steering", i),
        responsibility=Responsibility.BUSINESS_MANAGER,
        deputy_for=principal,
    )


def make_role_profile(d, i):
    return RoleProfileFactory(
        borough=d.borough(i), title=f"Aardvark role {i:02d}", approved=bool(i % 2)
    )


def make_volunteer(d, i):
    return d.volunteer(i)


def make_session(d, i):
    return VolunteerSessionFactory(volunteer=d.volunteer(i), day=days_ago(1 + i % 5))


def make_claim(d, i):
    return ExpenseClaimFactory(volunteer=d.volunteer(i), description=f"Bus fares {i:02d}")


# --- How a page shows that it lists what was made ------------------------------------------------


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


# Each check asserts that the page lists the records made, and returns how many rows it shows.


def lists_the_records(response, body, made):
    """An admin listing: every record made is among the rows on the page."""
    listed = {row.pk for row in response.context["object_list"]}
    assert {record.pk for record in made} <= listed
    return len(listed)


CHOOSER_PAGE = 10  # as Wagtail pages its choosers


def offers_the_records(response, body, made):
    """A chooser: a page of the records made, and nothing else."""
    listed = {row.pk for row in response.context["results"]}
    assert listed <= {record.pk for record in made}
    assert len(listed) == min(len(made), CHOOSER_PAGE)
    return len(listed)


def csv_rows(body):
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))[1:]


def exports_every_record(records):
    """A list's export: a row for each of ``records()``, among them every record made."""

    def check(response, body, made):
        rows = len(csv_rows(body))
        assert rows == records().count() >= len(made)
        return rows

    return check


def shows(text_of):
    """A page showing ``text_of(record)`` for every record made (HTML-escaped, unless the
    body is CSV or JSON)."""

    def check(response, body, made):
        html = response.get("Content-Type", "").startswith("text/html")
        for record in made:
            text = text_of(record)
            assert (escape(text) if html else text) in body, text
        return len(made)

    return check


def counts(total):
    """A results page: ``total(response)`` is the number of records made."""

    def check(response, body, made):
        assert total(response) == len(made)
        return len(made)

    return check


@dataclass(frozen=True)
class Page:
    key: str  # the URL name (with its namespace), or the public page
    url: Callable  # Data -> the address to ask for
    make: Callable  # (Data, i) -> the i-th record
    check: Callable  # (response, body, records made) -> rows shown; asserts they are listed
    per_page: int | None = None  # a paged listing shows at most this many

    def __str__(self):
        return self.key


@dataclass(frozen=True)
class Listing:
    """A viewset's listing: its index, its results-only partial, its CSV export."""

    namespace: str
    make: Callable
    model: type | None = None  # exported as CSV when given
    snippet: bool = False
    query: str = ""  # a filter, where the records already there would fill the first page
    exported: Callable | None = None  # the records the export holds: all, unless filtered

    def pages(self):
        index, results = ("list", "list_results") if self.snippet else ("index", "index_results")
        for name in (index, results):
            yield Page(f"{self.namespace}:{name}", self._url(name), self.make, lists_the_records)
        if self.model is not None:
            yield Page(
                f"{self.namespace}:{index}?export=csv",
                self._url(index, "export=csv"),
                self.make,
                exports_every_record(self.exported or self.model._default_manager.all),
            )

    def _url(self, name, *query):
        query = "&".join(part for part in (self.query, *query) if part)
        return lambda d: reverse(f"{self.namespace}:{name}") + (f"?{query}" if query else "")


def snippet(app_model, make, model, **options):
    return Listing(f"wagtailsnippets_{app_model}", make, model, snippet=True, **options)


def chooser(app_model, make):
    """A snippet chooser's listing and its results-only partial."""
    namespace = f"wagtailsnippetchoosers_{app_model}"
    return [
        Page(
            f"{namespace}:{name}",
            lambda d, name=name: reverse(f"{namespace}:{name}"),
            make,
            offers_the_records,
        )
        for name in ("choose", "choose_results")
    ]


LISTINGS = [
    snippet("hub_person", make_person, Person),
    snippet("hub_organisation", make_organisation, Organisation),
    # The 33 boroughs would fill the first page: the list shows those made, outside London.
    snippet(
        "hub_borough",
        make_borough,
        Borough,
        query="policed_by_mps=false",
        exported=lambda: Borough.objects.filter(policed_by_mps=False),
    ),
    snippet("hub_glossaryterm", make_glossary_term, GlossaryTerm),
    Listing("iag_groups", make_advisory_group, AdvisoryGroup),
    Listing("iag_members", make_membership, Membership),
    Listing("iag_meetings", make_meeting, Meeting),
    Listing("iag_advice", make_advice, Advice),
    Listing("iag_gold_groups", make_gold_group_request, GoldGroupRequest),
    Listing("iag_votes", make_removal_vote, RemovalVote),
    Listing("iag_escalations", make_escalation, Escalation),
    snippet("iag_quarterlyfeedback", make_quarterly_feedback, None),
    Listing("partnerships", make_partnership, Partnership),
    Listing("partnership_boards", make_board, Board),
    Listing("partnership_members", make_board_membership, BoardMembership),
    Listing("partnership_meetings", make_board_meeting, BoardMeeting),
    Listing("partnership_initiatives", make_initiative, Initiative),
    Listing("partnership_reports", make_board_report, BoardReport),
    Listing("partnership_plans", make_action_plan, ActionPlan),
    Listing("partnership_actions", make_action, Action),
    Listing("consultation_responses", make_response, Response),
    Listing("consultation_questionnaires", make_questionnaire, None),
    Listing("volunteering_steering_groups", make_steering_group, SteeringGroup),
    Listing("volunteering_steering_members", make_steering_member, SteeringGroupMember),
    snippet("volunteering_roleprofile", make_role_profile, RoleProfile),
    Listing("volunteering_volunteers", make_volunteer, Volunteer),
    Listing("volunteering_sessions", make_session, VolunteerSession),
    Listing("volunteering_claims", make_claim, ExpenseClaim),
]


# --- The screens that are not a model's listing --------------------------------------------------


def make_compliance_row(d, i):
    group = d.group(i)
    chair = MembershipFactory(group=group, chair=True, person=d.person("Chair", i))
    MembershipFactory(group=group, person=d.person("Member", i), unsigned=bool(i % 2))
    MeetingFactory(group=group, police_lead_attended=True, date=days_ago(10 + i))
    return chair.person.name


def make_rollup_row(d, i):
    board = d.board(i)
    period = quarter_of(timezone.localdate())
    BoardReportFactory(board=board, year=period.year, quarter=period.number, submitted=True)
    ActionFactory(plan=ActionPlanFactory(board=board), owner=d.person("Owner", i))
    return board.name


def make_consultation(d, i):
    return ConsultationPageFactory(
        parent=d.consultation_index,
        title=f"Consultation {i:02d}",
        questionnaire=QuestionnaireFactory(title=f"Questionnaire {i:02d}"),
        opens_on=days_ago(10 + i),
    ).title


def make_consultation_response(d, i):
    return d.response(i)


def make_report_session(d, i):
    today = timezone.localdate()
    return VolunteerSessionFactory(volunteer=d.volunteer(i), day=today.replace(day=1))


def results_url(name, *args):
    """A results screen of ``Data.consultation``; ``args(d)`` give its address's arguments."""
    return lambda d: reverse(f"consultation_results:{name}", args=[arg(d) for arg in args])


def consultation_pk(d):
    return d.consultation.pk


def long_question_pk(d):
    return d.every_kind.long.pk


def exports_the_responses(response, body, made):
    assert len(csv_rows(body)) == len(made)
    return len(made)


SCREENS = [
    Page(
        "iag_compliance:index",
        lambda d: reverse("iag_compliance:index"),
        make_compliance_row,
        shows(lambda name: name),
    ),
    Page(
        "iag_compliance:index?export=csv",
        lambda d: reverse("iag_compliance:index") + "?export=csv",
        make_compliance_row,
        shows(lambda name: name),
    ),
    Page(
        "partnership_rollup:index",
        lambda d: reverse("partnership_rollup:index"),
        make_rollup_row,
        shows(lambda name: name),
    ),
    Page(
        "consultation_results:index",
        lambda d: reverse("consultation_results:index"),
        make_consultation,
        shows(lambda title: title),
    ),
    Page(
        "consultation_paper:index",
        lambda d: reverse("consultation_paper:index"),
        make_consultation,
        shows(lambda title: title),
    ),
    Page(
        "consultation_results:consultation",
        results_url("consultation", consultation_pk),
        make_consultation_response,
        counts(lambda response: response.context["total"]),
    ),
    Page(
        "consultation_results:text_answers",
        results_url("text_answers", consultation_pk, long_question_pk),
        make_consultation_response,
        counts(lambda response: response.context["answers"].paginator.count),
    ),
    Page(
        "consultation_results:export (csv)",
        results_url("export", consultation_pk, lambda d: "csv"),
        make_consultation_response,
        exports_the_responses,
    ),
    Page(
        "volunteering_report:index",
        lambda d: reverse("volunteering_report:index"),
        make_report_session,
        counts(lambda response: sum(row["sessions"] for row in response.context["rows"])),
    ),
]


# --- The public pages -----------------------------------------------------------------------------


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def make_directory_row(d, i):
    group = d.group(i)
    return route(d.directory, "group", group.borough.slug)


def make_group_page_row(d, i):
    group = d.host_group
    MeetingFactory(group=group, date=days_ago(30 + i), minutes_status=MinutesStatus.PUBLISHED)
    return d.published_advice(group, i).subject


def make_live_feedback(d, i):
    feedback = make_quarterly_feedback(d, i)
    feedback.live = True
    feedback.save()
    return str(feedback.group)


def make_open_data_row(d, i):
    return d.published_advice(d.group(i), i).subject


def make_structure_row(d, i):
    board = d.board(i, d.trees[0])
    BoardMembershipFactory(board=board, chair=True, person=d.person("Chair", i))
    BoardReportFactory(board=board, quarter=1 + i % 4, published=True)
    plan = ActionPlanFactory(board=board, is_public=True)
    ActionFactory(plan=plan, owner=d.person("Owner", i))
    return board.name


def make_published_report(d, i):
    board = d.board(i, d.trees[0])
    BoardReportFactory(board=board, published=True)
    return board.name


def make_board_page_row(d, i):
    board = d.host_board
    BoardMeetingFactory(board=board, date=days_ago(i + 1), minutes_status=MinutesStatus.PUBLISHED)
    BoardReportFactory(board=board, year=2000 + i, published=True)
    ActionPlanFactory(board=board, year=2000 + i, is_public=True)
    return InitiativeFactory(
        board=board,
        title=f"Initiative {i:02d}",
        theme=ThemeFactory(partnership=board.partnership),
    ).title


def make_plan_action(d, i):
    board = d.host_board
    return ActionFactory(
        plan=d.host_plan,
        title=f"Public action {i:02d}",
        owner=d.person("Owner", i),
        theme=ThemeFactory(partnership=board.partnership),
        initiative=InitiativeFactory(board=board),
    ).title


def make_delivered_action(d, i):
    plan = d.plan(i, d.trees[0], is_public=True)
    return ActionFactory(
        plan=plan, title=f"Delivered action {i:02d}", done=True, completed_on=timezone.localdate()
    ).title


def make_finding(d, i):
    finding = Finding.objects.create(
        page=d.outcome_page, you_said=f"You said {i:02d}", we_did=f"We did {i:02d}"
    )
    plan = d.plan(i, is_public=True)
    finding.actions.set([ActionFactory(plan=plan, title=f"Answering action {i:02d}")])
    return finding.you_said


def make_open_role(d, i):
    return RoleProfileFactory(borough=d.borough(i), title=f"Open role {i:02d}", approved=True).title


def make_found_page(d, i):
    return StandardPageFactory(parent=d.home, title=f"Quokka notice {i:02d}").title


def make_section_page(d, i):
    return StandardPageFactory(parent=d.section, title=f"Quokka section page {i:02d}").title


def make_sitemap_entry(d, i):
    return StandardPageFactory(parent=d.home, slug=f"quokka-entry-{i:02d}").full_url


def make_news(d, i):
    return NewsPageFactory(parent=d.news_index, title=f"News item {i:02d}", date=days_ago(i)).title


def make_term(d, i):
    return GlossaryTermFactory(acronym=f"QQ{i:02d}").acronym


PUBLIC = [
    Page("IAG directory", lambda d: d.directory.url, make_directory_row, shows(str)),
    Page(
        "IAG group page",
        lambda d: route(d.directory, "group", d.host_group.borough.slug),
        make_group_page_row,
        shows(str),
    ),
    Page(
        "IAG quarterly feedback list",
        lambda d: route(d.directory, "feedback_list"),
        make_live_feedback,
        shows(str),
    ),
    Page(
        "iag_open_data_json",
        lambda d: reverse("iag_open_data_json"),
        make_open_data_row,
        shows(str),
    ),
    Page(
        "iag_open_data_csv", lambda d: reverse("iag_open_data_csv"), make_open_data_row, shows(str)
    ),
    Page(
        "partnership page (structure)",
        lambda d: d.partnership_page.url,
        make_structure_row,
        shows(str),
    ),
    Page(
        "partnership reports",
        lambda d: route(d.partnership_page, "report_list"),
        make_published_report,
        shows(str),
    ),
    Page(
        "partnership board page",
        lambda d: route(d.partnership_page, "board", d.host_board.slug),
        make_board_page_row,
        shows(str),
    ),
    Page(
        "partnership action plan page",
        lambda d: route(d.partnership_page, "action_plan", d.host_plan.pk),
        make_plan_action,
        shows(str),
    ),
    Page(
        "partnership publication page",
        lambda d: d.publication.url,
        make_delivered_action,
        shows(str),
    ),
    Page(
        "consultations index",
        lambda d: d.consultation_index.url,
        make_consultation,
        shows(str),
    ),
    Page(
        "consultation public results",
        lambda d: route(d.consultation, "results"),
        make_consultation_response,
        counts(lambda response: response.context["total"]),
    ),
    Page(
        "consultation outcome page",
        lambda d: d.outcome_page.url,
        make_finding,
        shows(str),
    ),
    Page("volunteer roles page", lambda d: d.roles_page.url, make_open_role, shows(str)),
    Page(
        "search",
        lambda d: reverse("search") + "?q=Quokka",
        make_found_page,
        counts(lambda response: response.context["results"].paginator.count),
    ),
    Page("home page (its sections)", lambda d: d.home.url, make_found_page, shows(str)),
    Page("standard page (its pages)", lambda d: d.section.url, make_section_page, shows(str)),
    Page("sitemap", lambda d: reverse("sitemap"), make_sitemap_entry, shows(str)),
    Page("news index", lambda d: d.news_index.url, make_news, shows(str), per_page=10),
    Page("jargon buster", lambda d: d.glossary_page.url, make_term, shows(str)),
]


CHOOSERS = [
    *chooser("hub_person", make_person),
    *chooser("hub_organisation", make_organisation),
    *chooser("hub_glossaryterm", make_glossary_term),
    *chooser("iag_quarterlyfeedback", make_quarterly_feedback),
    *chooser("volunteering_roleprofile", make_role_profile),
]

PAGES = [page for listing in LISTINGS for page in listing.pages()] + SCREENS + CHOOSERS + PUBLIC


@pytest.fixture
def data(home):
    return Data(home)


def measure(client, url):
    """(queries, response, body) of one request, the body read inside the count (exports
    stream, and their rows are queried as they are written)."""
    client.get(url)  # caches warmed: the site, its settings, the glossary terms
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        body = body_of(response)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), response, body


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_the_same_number_of_queries_for_3_records_as_for_15(
    client, data, superuser, page, record_testsuite_property
):
    client.force_login(superuser)
    url = page.url(data)
    made = [page.make(data, i) for i in range(SMALL)]
    few, response, body = measure(client, url)
    rows_for_few = page.check(response, body, made)
    made += [page.make(data, i) for i in range(SMALL, LARGE)]
    many, response, body = measure(client, url)
    rows_for_many = page.check(response, body, made[: page.per_page] if page.per_page else made)
    record_testsuite_property(f"queries: {page}", f"{few} for {SMALL}, {many} for {LARGE}")
    assert rows_for_many > rows_for_few  # more rows shown, or the counts could not differ
    assert many == few, f"{page}: {few} queries for {SMALL} records, {many} for {LARGE}"


def project_listings():
    """The URL names of every listing of the viewsets the project registers."""
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 (loading the URLs registers the admin viewsets)
    namespaces = {
        viewset.url_namespace
        for viewset in admin_viewsets.viewsets
        if type(viewset).__module__.split(".")[0] in PROJECT_APPS
    }
    return {
        f"{namespace}:{name}"
        for namespace in namespaces
        for name in LISTING_NAMES
        if name in resolver.namespace_dict[namespace][1].reverse_dict
    }


# Listings that cannot show more rows for more records, and why.
NOT_GROWING = {
    # The 33 boroughs (a migration's reference data) fill the chooser's first page, and it has
    # no filter or search; the list itself is covered, filtered.
    "wagtailsnippetchoosers_hub_borough:choose": "reference data fills the first page",
    "wagtailsnippetchoosers_hub_borough:choose_results": "reference data fills the first page",
}


def test_every_project_listing_is_in_the_table():
    covered = {page.key.split("?")[0] for page in PAGES}
    listings = project_listings()
    assert len(listings) > 50  # the walk found the viewsets
    assert listings - covered == set(NOT_GROWING)
