"""Partnership demo data: the framework document's partnership, as it might look a year in.

Source: Appendix 1 of ``youth-consultation-and-voluntary-sector-partnership.txt``, "Partnership
between the voluntary sector and the Metropolitan Police: a framework document for the
Partnership". The partner organisations are the ones the document names; every person is
invented.

- The structure: an executive board; a central project board whose chair sits on it; the first
  operational group, on youth, whose nominated chair sits on the central project board; and a
  project board for each of two joint initiatives. Every chair but one (on the safer schools
  project board) agrees to their name being published.
- A year of quarterly reports up the chain: the last four complete quarters, mostly on time and
  published; one received late, one missing (the roll-up shows it late), one awaiting
  publication; the current quarter's in draft or not yet due.
- Action plans for last year and this year within the 5-year Youth Strategy, with actions in
  every status and some overdue.
- Meetings with minutes draft, approved and published, and one item withheld.
- The public partnership page and two issues of "Voluntary Voice".

Dates are relative to today, so the roll-up shows the same story whenever it is loaded. Made once:
if the partnership exists, only missing pages and logins are added.
"""

import datetime

import factory.random
from django.utils import timezone
from wagtail.models import Page

from hub.demo import DemoLogin, DemoSummary, ensure_login
from hub.demo.blocks import bullets, heading, para
from hub.demo.loader import DEMO_SEED, ensure_page, home_page
from hub.enums import MinutesStatus, OrganisationKind
from hub.models import Person
from hub.periods import add_months, quarter_of
from hub.roles import Role
from partnerships import services
from partnerships.enums import ActionStatus, BoardKind, BoardRole, InitiativeKind
from partnerships.models import (
    Action,
    ActionPlan,
    BoardMeeting,
    BoardMembership,
    BoardReport,
    Initiative,
    Partnership,
    PartnershipPage,
    PublicationPage,
)

NAME = "Voluntary Sector and Police Partnership"
# The terms of reference, word for word.
OBJECTIVE = (
    "The overall objective for the partnership is to establish a strong working relationship "
    "between the LVSC, 3rd Sector Alliance and the Metropolitan Police to reduce crime, disorder "
    "and the fear of crime by adding value to existing activity. This will be achieved by the "
    "delivery of joint events, initiatives and pilot projects with specific objectives agreed by "
    "all partners."
)

LVSC = "London Voluntary Services Council"
ALLIANCE = "3rd Sector Alliance"
MPS = "Metropolitan Police Service"
# (name, kind, description), in the document's words.
PARTNERS = [
    (LVSC, OrganisationKind.NETWORK,
     "Helps voluntary organisations to understand the complexities of working in London, and "
     "works to ensure that the views of organisations speaking for marginalised groups are "
     "listened to."),
    (ALLIANCE, OrganisationKind.NETWORK,
     "The regional network of voluntary and community organisations, with a membership of over "
     "150 networks."),
    (MPS, OrganisationKind.POLICE, "The police service for London."),
]  # fmt: skip

THEMES = ["Youth", "Diversity"]
STRATEGY = "Youth Strategy"

# build_structure's keys, and the names and purposes the boards get here.
BOARDS = {
    "executive": (
        "executive board",
        "Executive board",
        "Senior representatives from the voluntary sector and the police. The board provides "
        "strategic direction to the partnership and is the accountable body for it. It "
        "determines the theme the partnership works towards.",
    ),
    "central": (
        "central project board",
        "Central project board",
        "Practitioners from the LVSC, the 3rd Sector Alliance and the Metropolitan Police. The "
        "board oversees the operational theme groups and the project boards, identifies suitable "
        "voluntary sector agencies to take part in each theme, and reports to the executive "
        "board through its chair, who sits on it.",
    ),
    "youth": (
        "youth operational group",
        "Youth operational group",
        "The partnership's first operational group, focusing on youth issues. It convenes under "
        "a chair nominated from the central project board, determines its objectives, and "
        "delivers the requirements from the executive board, reporting back to the central "
        "project board.",
    ),
    "project_a": (
        "project board A",
        "Youth clubs consultation project board",
        "The project board for the joint initiative to consult young people through youth "
        "clubs across London. It determines a realistic action plan for the initiative and "
        "reports to the central project board.",
    ),
    "project_b": (
        "project board B",
        "Safer schools project board",
        "The project board for the joint initiative with the Safer Schools Partnership, "
        "engaging young people in schools. It determines a realistic action plan for the "
        "initiative and reports to the central project board.",
    ),
}
REPORTING = ["central", "youth", "project_a", "project_b"]

# Who represents whom: the organisation of each seat made by build_structure, and the seats added
# here as (organisation, role).
SEAT_ORGANISATIONS = {
    "executive": {"chair": MPS, "member": ALLIANCE},
    "central": {"chair": LVSC, "member": MPS},
    "youth": {"chair": ALLIANCE, "member": MPS},
    "project_a": {"chair": LVSC, "member": MPS},
    "project_b": {"chair": MPS, "member": ALLIANCE},
}
EXTRA_SEATS = {
    "executive": [(LVSC, BoardRole.MEMBER)],
    "central": [(MPS, BoardRole.MEMBER), (ALLIANCE, BoardRole.SECRETARY)],
    "youth": [(LVSC, BoardRole.SECRETARY), (LVSC, BoardRole.MEMBER)],
    "project_a": [(ALLIANCE, BoardRole.MEMBER)],
    "project_b": [(LVSC, BoardRole.MEMBER)],
}
PRIVATE_CHAIR = "project_b"  # the one chair who does not agree to their name being published

LOGINS = {
    "executive": DemoLogin("exec-chair", "Partnership board member: chair of the executive board"),
    "central": DemoLogin(
        "cpb-chair", "Partnership board member: chair of the central project board"
    ),
    "youth": DemoLogin(
        "youth-chair", "Partnership board member: chair of the youth operational group"
    ),
    "project": DemoLogin(
        "project-member", "Partnership board member: youth clubs consultation project board"
    ),
}

INITIATIVES = [
    # (board key, title, kind, theme, objectives, agreed days ago or None, starts, ends)
    ("project_a", "Consulting young people through youth clubs", InitiativeKind.INITIATIVE,
     "Youth",
     "Sign off a protocol for consulting youth clubs across London; consult up to 15,000 young "
     "people through the clubs; feed their views into the following year's action plan.",
     320, -300, 240),
    ("project_a", "Police cadets' views on the Youth Strategy", InitiativeKind.PILOT, "Youth",
     "Consult a selection of the 500 police cadets aged 15 to 19 on the Youth Strategy, and "
     "compare what they say with what young people say through the youth clubs.",
     150, -120, 60),
    ("project_b", "Consultation and review in safer schools", InitiativeKind.PILOT, "Youth",
     "Agree with head teachers how young people in schools with a Safer Schools officer are "
     "consulted; reduce the number of incidents and crimes in schools and their wider "
     "communities; help young people remain in education.",
     260, -230, 130),
    ("project_b", "Joint event for diversity networks", InitiativeKind.EVENT, "Diversity",
     "Bring the 3rd Sector Alliance's networks for black and minority ethnic groups, faith "
     "groups and disabled people together with borough officers to share good practice.",
     None, 45, 45),
]  # fmt: skip

# A report's text for each reporting board.
REPORT_TEXT = {
    "central": (
        "The board met once in the quarter and read the reports of the youth operational group "
        "and both project boards. Voluntary sector agencies for the youth theme were confirmed.",
        "Most actions are on track; the joint press strategy is behind.",
        "The executive board is asked to confirm diversity as the next theme.",
    ),
    "youth": (
        "The group met with representatives of youth clubs and the police cadets and agreed "
        "what it will ask young people next.",
        "The consultation protocol is agreed; publishing what young people said is delayed.",
        "",
    ),
    "project_a": (
        "Youth clubs in six more boroughs agreed to take part in the consultation.",
        "Training for youth workers is behind; the sessions are on track.",
        "Help from the central project board to find youth workers in the outer boroughs.",
    ),
    "project_b": (
        "The board met head teachers from two schools with a Safer Schools officer to agree how "
        "pupils will be consulted.",
        "On track.",
        "",
    ),
}
LATE = ("project_a", 2)  # (board, quarters back): received after its quarter's last day
MISSING = ("project_b", 1)  # never submitted: the roll-up shows it late
AWAITING_PUBLICATION = ("youth", 1)  # submitted on time, not yet on the public pages
NOT_STARTED_THIS_QUARTER = ["project_b"]  # the current quarter's report is not yet begun

# Action plans: {year offset: {board: [(title, status, due, done, progress, theme, initiative)]}}.
# This year's dates are days from today; last year's are (month, day) of last year. ``done``
# is days from today, "last month" or "month before" (the 15th, for the publication issues).
ACTIONS = {
    0: {
        "central": [
            ("Identify voluntary sector agencies to join the youth theme", ActionStatus.DONE,
             -150, -140, "Eleven agencies agreed to take part.", "Youth", None),
            ("Agree a joint press strategy with the LVSC press officers and DPA",
             ActionStatus.IN_PROGRESS, -20, None, "A first draft is with the partners.", "",
             None),
            ("Pass good practice from the youth group to borough crime and disorder partnerships",
             ActionStatus.NOT_STARTED, 60, None, "", "Youth", None),
            ("Set up a second operational group on diversity", ActionStatus.DROPPED, 30, None,
             "The executive board asked the partnership to learn from the youth group first.",
             "Diversity", None),
            ("Report the partnership's progress in Voluntary Voice", ActionStatus.DONE, 10,
             "last month", "An article appears every month.", "", None),
        ],
        "youth": [
            ("Agree the consultation protocol with youth clubs", ActionStatus.DONE, -30,
             "month before", "Signed off by every partner.", "Youth", None),
            ("Consult a selection of police cadets on the Youth Strategy",
             ActionStatus.IN_PROGRESS, 45, None, "Two cadet units have been visited.", "Youth",
             None),
            ("Feed young people's views into next year's action plan", ActionStatus.NOT_STARTED,
             40, None, "", "Youth", None),
            ("Publish what young people told the partnership", ActionStatus.DELAYED, -10, None,
             "Waiting for the youth clubs' returns.", "Youth", None),
        ],
        "project_a": [
            ("Sign off the protocol for consulting youth clubs", ActionStatus.DONE, -25,
             "last month", "", "Youth", "Consulting young people through youth clubs"),
            ("Run consultation sessions in youth clubs across London", ActionStatus.IN_PROGRESS,
             75, None, "Sessions held in nine clubs so far.", "Youth",
             "Consulting young people through youth clubs"),
            ("Train youth workers to run the sessions", ActionStatus.DELAYED, -35, None,
             "Too few trainers in the outer boroughs.", "Youth",
             "Consulting young people through youth clubs"),
            ("Ask the police cadets the same questions", ActionStatus.NOT_STARTED, 20, None, "",
             "Youth", "Police cadets' views on the Youth Strategy"),
        ],
        "project_b": [
            ("Agree consultation and review mechanisms with head teachers and the DfES",
             ActionStatus.IN_PROGRESS, 30, None, "Two head teachers have agreed so far.",
             "Youth", "Consultation and review in safer schools"),
            ("Ask young people in schools what makes them feel safe", ActionStatus.NOT_STARTED,
             90, None, "", "Youth", "Consultation and review in safer schools"),
            ("Survey every pupil in the pilot schools", ActionStatus.DROPPED, 15, None,
             "Replaced by group discussions, which the schools preferred.", "Youth",
             "Consultation and review in safer schools"),
            ("Share the lessons of the first three stages with the central project board",
             ActionStatus.DONE, -60, -50, "", "Youth",
             "Consultation and review in safer schools"),
        ],
    },
    -1: {
        "central": [
            ("Agree the terms of reference with all partners", ActionStatus.DONE, (3, 31),
             (3, 20), "", "", None),
            ("Set up the youth operational group", ActionStatus.DONE, (6, 30), (6, 12), "",
             "Youth", None),
            ("Launch the partnership at a joint event", ActionStatus.DELAYED, (11, 30), None,
             "Moved to follow the first consultation results.", "", None),
        ],
        "youth": [
            ("Nominate a chair from the central project board", ActionStatus.DONE, (7, 31),
             (7, 8), "", "Youth", None),
            ("Ask voluntary youth organisations about their work with the police",
             ActionStatus.DONE, (10, 31), (10, 24), "The questionnaire had 84 replies.", "Youth",
             None),
            ("Hold an open consultation meeting for voluntary youth organisations",
             ActionStatus.DROPPED, (12, 15), None, "The questionnaire covered it.", "Youth",
             None),
        ],
        "project_a": [
            ("Draft the protocol for consulting youth clubs", ActionStatus.DONE, (9, 30), (9, 26),
             "", "Youth", "Consulting young people through youth clubs"),
            ("Find a youth club in each of the first ten boroughs", ActionStatus.IN_PROGRESS,
             (12, 15), None, "Seven of the ten found.", "Youth",
             "Consulting young people through youth clubs"),
        ],
        "project_b": [
            ("Meet the Safer Schools Partnership's officers", ActionStatus.DONE, (10, 31),
             (10, 17), "", "Youth", "Consultation and review in safer schools"),
            ("Meet head teachers in the first pilot schools", ActionStatus.DONE, (12, 15),
             (12, 1), "", "Youth", "Consultation and review in safer schools"),
        ],
    },
}  # fmt: skip
PLAN_SUMMARIES = {
    "central": "How the partnership delivers the Youth Strategy's annual action plan.",
    "youth": "What the youth operational group delivers for the executive board this year.",
    "project_a": "A realistic action plan for consulting young people through youth clubs.",
    "project_b": "A realistic action plan for consultation and review in safer schools.",
}
PRIVATE_PLAN = ("central", -1)  # an action plan whose progress is not shown on the public pages

TOPICS = {
    BoardKind.EXECUTIVE: [
        ("The partnership's theme",
         "The board confirmed youth as the first theme, with diversity to follow."),
        ("Report from the central project board",
         "The chair of the central project board reported progress against the action plan."),
        ("Communications",
         "The board agreed to report the partnership's work in Voluntary Voice every month."),
    ],
    BoardKind.CENTRAL: [
        ("Reports from the groups",
         "The board read the reports of the youth operational group and both project boards."),
        ("Voluntary sector agencies",
         "Members proposed agencies to take part in the youth theme."),
        ("Joint press strategy",
         "The LVSC press officers and DPA described the draft press strategy."),
    ],
    BoardKind.OPERATIONAL: [
        ("Consultation protocol",
         "The group went through the protocol for consulting youth clubs line by line."),
        ("Police cadets", "Members agreed which questions to put to the cadets."),
        ("What young people said",
         "Members described what young people had said at the first sessions."),
    ],
    BoardKind.PROJECT: [
        ("Action plan", "The board reviewed its action plan and agreed realistic dates."),
        ("Risks", "Members discussed what could delay the initiative and who would act."),
        ("Agreement of the partners",
         "Every partner confirmed the initiative's objectives."),
    ],
}  # fmt: skip
# Minutes of each board's last three meetings, oldest first.
MINUTES = {
    "central": [MinutesStatus.PUBLISHED, MinutesStatus.APPROVED, MinutesStatus.DRAFT],
    "youth": [MinutesStatus.PUBLISHED, MinutesStatus.APPROVED, MinutesStatus.DRAFT],
}
USUAL_MINUTES = [MinutesStatus.PUBLISHED, MinutesStatus.PUBLISHED, MinutesStatus.DRAFT]
WITHHELD_AT = ("central", 0)  # (board, meeting): an item not recorded at the police's request

PAGE = {
    "title": "Voluntary sector and police partnership",
    "slug": "partnership",
    "intro": (
        "The London Voluntary Services Council, the 3rd Sector Alliance and the Metropolitan "
        "Police working together to reduce crime, disorder, and the fear of crime."
    ),
    "body": (
        "<p>The partnership works from two levels, an executive board and a project board. The "
        "project board oversees the operational theme groups; each joint initiative has its own "
        "project board. The first operational group focuses on youth issues.</p>"
        "<p>It delivers joint events, initiatives and pilot projects with specific objectives "
        "agreed by all partners, and focuses on its core themes, youth and diversity.</p>"
    ),
}


def at(day, hour=10):
    """``day`` at ``hour`` o'clock, never later than now."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


def mid_month(today, months_back):
    return add_months(today.replace(day=15), -months_back)


def save(instance, reason="Demo data"):
    instance._change_reason = reason
    instance.save()


# --- The partnership and its structure --------------------------------------------------------


def make_partnership(today):
    from tests.hub.factories import OrganisationFactory
    from tests.partnerships.factories import PartnershipFactory, StrategyFactory, ThemeFactory

    partnership = PartnershipFactory(name=NAME, objective=OBJECTIVE)
    organisations = {
        name: OrganisationFactory(name=name, kind=kind, description=description)
        for name, kind, description in PARTNERS
    }
    partnership.partners.set(organisations.values())
    save(partnership)
    # build_structure makes the Youth theme; the other core themes are made here.
    for name in THEMES[1:]:
        ThemeFactory(partnership=partnership, name=name)
    StrategyFactory(partnership=partnership, name=STRATEGY, first_year=today.year - 1, years=5)
    return partnership, organisations


def make_structure(partnership, organisations):
    from tests.partnerships.factories import BoardMembershipFactory, build_structure

    names = {key: name for key, name, _ in BOARDS.values()}
    structure = build_structure(partnership, names=names)
    boards = {
        "executive": structure.executive,
        "central": structure.central,
        "youth": structure.youth,
        "project_a": structure.project_a,
        "project_b": structure.project_b,
    }
    for key, board in boards.items():
        board.purpose = BOARDS[key][2]
        save(board)
        chair = structure.chairs[key]
        chair.organisation = organisations[SEAT_ORGANISATIONS[key]["chair"]]
        chair.publish_name = key != PRIVATE_CHAIR
        save(chair)
        member = structure.members[key]
        member.organisation = organisations[SEAT_ORGANISATIONS[key]["member"]]
        save(member)
        for name, role in EXTRA_SEATS[key]:
            BoardMembershipFactory(board=board, organisation=organisations[name], role=role)
    # The seats build_structure adds so that a chair sits on the board above.
    for seat in BoardMembership.objects.filter(board__partnership=partnership, organisation=None):
        chaired = seat.person.board_memberships.filter(role=BoardRole.CHAIR).first()
        seat.organisation = chaired.organisation if chaired else organisations[MPS]
        save(seat)
    return boards


def find_boards(partnership):
    """The demo's boards by key, found by name (as made) or else by kind."""
    by_name = {board.name: board for board in partnership.boards.all()}
    boards = {}
    for key, (_, name, _) in BOARDS.items():
        boards[key] = by_name.get(name)
    boards["executive"] = boards["executive"] or partnership.boards.get(kind=BoardKind.EXECUTIVE)
    boards["central"] = boards["central"] or partnership.boards.get(kind=BoardKind.CENTRAL)
    return boards


# --- Logins -------------------------------------------------------------------------------------


def login_people(boards):
    def chair(key):
        board = boards.get(key)
        seat = board.current_chair() if board else None
        return seat.person if seat else None

    member = None
    if boards.get("project_a"):
        seat = (
            boards["project_a"].memberships.current().filter(role=BoardRole.MEMBER).order_by("pk")
        ).first()
        member = seat.person if seat else None
    return {
        "executive": chair("executive"),
        "central": chair("central"),
        "youth": chair("youth"),
        "project": member,
    }


def load_logins(boards):
    users = {}
    for key, person in login_people(boards).items():
        login = LOGINS[key]
        # Link the login to a person only once: never move it from a person an editor chose.
        linked = Person.objects.filter(user__username=login.username).exists()
        users[key] = ensure_login(
            login, roles=[Role.BOARD_MEMBER], person=None if linked else person
        )
    return users


# --- The boards' work ---------------------------------------------------------------------------


def make_initiatives(partnership, boards, today):
    from tests.partnerships.factories import InitiativeFactory

    themes = {theme.name: theme for theme in partnership.themes.all()}
    for key, title, kind, theme, objectives, agreed, starts, ends in INITIATIVES:
        InitiativeFactory(
            board=boards[key], title=title, kind=kind, theme=themes[theme],
            objectives=objectives,
            objectives_agreed_on=today - datetime.timedelta(days=agreed) if agreed else None,
            starts_on=today + datetime.timedelta(days=starts),
            ends_on=today + datetime.timedelta(days=ends),
        )  # fmt: skip


def make_reports(boards, users, today):
    """Each reporting board's report for the last four complete quarters and this one."""
    from tests.partnerships.factories import BoardReportFactory

    current = quarter_of(today)
    quarters = [current]
    for _ in range(4):
        quarters.append(quarters[-1].previous())
    reporters = {"central": users["central"], "youth": users["youth"],
                 "project_a": users["project"], "project_b": None}  # fmt: skip
    publishers = {"central": users["central"], "youth": users["youth"]}
    for back, quarter in reversed(list(enumerate(quarters))):
        for index, key in enumerate(REPORTING):
            if (key, back) == MISSING or (back == 0 and key in NOT_STARTED_THIS_QUARTER):
                continue
            summary, progress, issues = REPORT_TEXT[key]
            report = BoardReportFactory(
                board=boards[key], year=quarter.year, quarter=quarter.number, summary=summary,
                progress_on_actions=progress, issues_for_board_above=issues,
            )  # fmt: skip
            if back == 0:
                continue  # this quarter's: still in draft
            late = (key, back) == LATE
            submitted_on = quarter.last_day + datetime.timedelta(
                days=9 if late else -(3 + index)
            )  # fmt: skip
            # Through the services, as a board would; then dated to when it happened.
            report = services.submit_report(report, reporters[key])
            report.submitted_at = at(submitted_on, 15)
            save(report, "Demo data: dated to when it was submitted")
            if (key, back) == AWAITING_PUBLICATION:
                continue
            report = services.publish_report(report, publishers.get(key))
            report.published_at = at(submitted_on + datetime.timedelta(days=7 + index), 11)
            save(report, "Demo data: dated to when it was published")


def done_on(today, year, done):
    if done is None:
        return None
    if done == "last month":
        return mid_month(today, 1)
    if done == "month before":
        return mid_month(today, 2)
    if isinstance(done, tuple):
        return datetime.date(year, *done)
    return today + datetime.timedelta(days=done)


def make_action_plans(partnership, boards, today):
    from tests.partnerships.factories import ActionFactory, ActionPlanFactory

    strategy = partnership.strategies.get(name=STRATEGY)
    themes = {theme.name: theme for theme in partnership.themes.all()}
    initiatives = {i.title: i for i in Initiative.objects.filter(board__partnership=partnership)}
    for offset, plans in sorted(ACTIONS.items()):
        year = today.year + offset
        for key, actions in plans.items():
            board = boards[key]
            plan = ActionPlanFactory(
                board=board, strategy=strategy, year=year, summary=PLAN_SUMMARIES[key],
                is_public=(key, offset) != PRIVATE_PLAN,
            )  # fmt: skip
            owners = [
                seat.person for seat in board.memberships.current().order_by("role", "pk")
            ]  # fmt: skip
            for number, (title, status, due, done, progress, theme, initiative) in enumerate(
                actions
            ):
                due_on = (
                    datetime.date(year, *due)
                    if isinstance(due, tuple)
                    else today + datetime.timedelta(days=due)
                )
                ActionFactory(
                    plan=plan, title=title, status=status, due_on=due_on,
                    completed_on=done_on(today, year, done), progress=progress,
                    owner=owners[number % len(owners)], theme=themes.get(theme),
                    initiative=initiatives.get(initiative),
                )  # fmt: skip


def make_meetings(boards, organisations, today):
    from tests.partnerships.factories import BoardMeetingFactory, BoardMinuteItemFactory

    quarter = quarter_of(today)
    dates = []
    for _ in range(3):
        quarter = quarter.previous()
        dates.append(quarter.first_day + datetime.timedelta(days=40))
    dates.reverse()
    for key, board in boards.items():
        for number, (date, status) in enumerate(
            zip(dates, MINUTES.get(key, USUAL_MINUTES), strict=True)
        ):
            meeting = BoardMeetingFactory(board=board, date=date, start_time=datetime.time(14))
            for order, (title, text) in enumerate(TOPICS[board.kind]):
                BoardMinuteItemFactory(meeting=meeting, title=title, text=text, sort_order=order)
            if (key, number) == WITHHELD_AT:
                police = board.memberships.current().filter(organisation=organisations[MPS])
                asked = police.order_by("pk").first().person.name
                BoardMinuteItemFactory(
                    meeting=meeting, withheld=True, sort_order=len(TOPICS[board.kind]),
                    withheld_at_request_of=f"{asked} ({MPS})",
                )  # fmt: skip
            if status != MinutesStatus.DRAFT:
                meeting.minutes_status = status
                meeting.minutes_approved_at = at(date + datetime.timedelta(days=21))
                if status == MinutesStatus.PUBLISHED:
                    meeting.minutes_published_at = at(date + datetime.timedelta(days=28))
                save(meeting)
    BoardMeetingFactory(
        board=boards["central"], date=today + datetime.timedelta(days=14),
        start_time=datetime.time(14), agenda="1. Welcome\n2. Reports from the groups\n"
        "3. Next year's action plan",
    )  # fmt: skip


# --- Public pages -------------------------------------------------------------------------------


def issue_spec(month):
    """One issue of "Voluntary Voice", the LVSC's monthly publication for the voluntary sector."""
    return {
        "title": f"Voluntary Voice: {month:%B %Y}",
        "slug": f"voluntary-voice-{month:%B-%Y}".lower(),
        "intro": (
            f"What the partnership delivered in {month:%B %Y}, from the LVSC's monthly "
            "publication for the voluntary sector."
        ),
        "body": [
            heading("News from the partnership"),
            para(
                "The youth operational group and the project boards reported their progress to "
                "the central project board. Below are the actions completed this month and the "
                "reports the boards published.",
                "Voluntary organisations working with young people who would like to take part "
                "in the consultation through youth clubs can contact the partnership through "
                "their borough's voluntary sector council.",
            ),
            bullets(
                "Consulting young people through youth clubs",
                "Consultation and review in safer schools",
                intro="The joint initiatives under way:",
            ),
        ],
    }


def load_pages(partnership, today):
    page, created = ensure_page(
        home_page(), PartnershipPage, PAGE, show_in_menus=True, partnership=partnership
    )
    new = int(created)
    if not page.get_children().type(PublicationPage).exists():
        # Two issues: the month before last, then last month (the newest last in the menu).
        for back in (2, 1):
            month = mid_month(today, back).replace(day=1)
            new += ensure_page(page, PublicationPage, issue_spec(month), issue_date=month)[1]
    return page, new


def load(**options):
    today = timezone.localdate()
    partnership = Partnership.objects.filter(name=NAME).first()
    created = partnership is None
    if created:
        factory.random.reseed_random(DEMO_SEED + 2)
        partnership, organisations = make_partnership(today)
        boards = make_structure(partnership, organisations)
    else:
        boards = find_boards(partnership)
    users = load_logins(boards)
    if created:
        make_initiatives(partnership, boards, today)
        make_reports(boards, users, today)
        make_action_plans(partnership, boards, today)
        make_meetings(boards, organisations, today)
    page, pages_created = load_pages(partnership, today)

    in_partnership = {"board__partnership": partnership}
    return DemoSummary(
        lines=[
            f"Partnership {partnership.name!r} ({'new' if created else 'already there'}): "
            f"{partnership.boards.count()} boards, "
            f"{BoardMembership.objects.filter(**in_partnership).count()} board members, "
            f"{Initiative.objects.filter(**in_partnership).count()} initiatives, "
            f"{BoardReport.objects.filter(**in_partnership).count()} reports, "
            f"{ActionPlan.objects.filter(**in_partnership).count()} action plans with "
            f"{Action.objects.filter(plan__board__partnership=partnership).count()} actions, "
            f"{BoardMeeting.objects.filter(**in_partnership).count()} meetings; "
            f"pages at {Page.objects.get(pk=page.pk).url} ({pages_created} new)"
        ],
        logins=list(LOGINS.values()),
    )
