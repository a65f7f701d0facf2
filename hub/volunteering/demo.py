"""Volunteer programme demo data: two boroughs' steering groups, role profiles in every state the
approval workflow knows, and volunteers who have given time and claimed expenses.

- Steering groups for Islington and Hackney, each with a member for every responsibility the
  terms of reference suggest and one deputy. Everyone is invented.
- Islington's role profiles, each drafted by the programme manager and sent to the steering group
  through the "Role profile approval" workflow, as the admin does it: three approved by a member
  who did not draft them; one waiting for the group; one draft that fails the job-substitution
  test; one approved a little over a year ago whose risk assessment is now past its yearly
  review (so it has left the public pages and takes no new volunteers); and one approved profile
  with a changed version waiting for the group, while the approved version stays live.
  Hackney has one approved role, so the public pages have two boroughs to choose between.
- Volunteers at every stage before they start; some placed in roles through the services, with
  sessions over the last two months (one volunteer close to the 40-hour cap last month, and
  sessions of four hours or more, which earn the meal subsidy) and expense claims with receipts,
  one of them decided by the programme manager.

Every step happens on the day it would have: the demo sets the clock back for each (with
time-machine, the tests' own clock) so that revisions, workflow history, placements, sessions
and claims carry believable dates. That is also how a profile can be approved and then go past
its review: it was approved, in date, thirteen months ago. Dates are relative to today, so the
story is the same whenever it is loaded.

Idempotent: each group, person, profile and volunteer is found by its natural key (borough,
name, title) and made, with everything that happens to it, only when missing.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.models import Page, WorkflowState

from hub.demo import DemoLogin, DemoSummary, ensure_login
from hub.demo.content import volunteer_programme
from hub.demo.loader import child_by_slug, ensure_page, home_page
from hub.models import Borough, Person
from hub.roles import Role
from hub.volunteering import services
from hub.volunteering.enums import ClaimStatus, Responsibility
from hub.volunteering.models import (
    EmergencyContact,
    ExpenseClaim,
    RoleProfile,
    SteeringGroup,
    SteeringGroupMember,
    Volunteer,
    VolunteerRolesPage,
    VolunteerSession,
)

ISLINGTON = "Islington"
HACKNEY = "Hackney"

ROLES_PAGE = {
    "title": "Volunteer roles",
    "slug": "volunteer-roles",
    "intro": (
        "The volunteer roles open now in London’s boroughs: what each involves, the training it "
        "comes with, the time it asks for and how to apply."
    ),
}

LOGINS = {
    "manager": DemoLogin(
        "programme-manager",
        f"Volunteer programme manager ({ISLINGTON}): drafts role profiles, volunteers' records",
    ),
    "steering": DemoLogin(
        "steering-group", f"Steering group member ({ISLINGTON}): approves role profiles"
    ),
    "deputy": DemoLogin(
        "steering-deputy", f"Steering group member ({ISLINGTON}): a deputy, approves in their place"
    ),
    "hackney_manager": DemoLogin("hackney-manager", f"Volunteer programme manager ({HACKNEY})"),
    "hackney_steering": DemoLogin("hackney-steering", f"Steering group member ({HACKNEY})"),
}

# (responsibility, name, login key or None), in the terms of reference's order; then the deputy
# as (whose place they take, name, login key).
SEATS = {
    ISLINGTON: [
        (Responsibility.PROGRAMME_MANAGER, "Morwenna Achterberg", "manager"),
        (Responsibility.BUSINESS_MANAGER, "Desmond Fairweather", None),
        (Responsibility.PARTNERSHIP_CHIEF_INSPECTOR, "Ingrid Calloway", None),
        (Responsibility.UNION_REP, "Tobias Quennell", "steering"),
        (Responsibility.FEDERATION_REP, "Priyanka Holloway-Marsh", None),
        (Responsibility.PARTNERSHIP_ORGANISATION, "Bartholomew Ikeji", None),
        (Responsibility.CADETS_COORDINATOR, "Siobhan Featherstone", None),
        (Responsibility.SPECIAL_CONSTABULARY_LEAD, "Ravindra Pemberton", None),
        (Responsibility.ACTIVE_VOLUNTEER, "Hortense Blakemore", None),
    ],
    HACKNEY: [
        (Responsibility.PROGRAMME_MANAGER, "Cressida Vandermolen", "hackney_manager"),
        (Responsibility.BUSINESS_MANAGER, "Lucian Agbaje-Frost", None),
        (Responsibility.PARTNERSHIP_CHIEF_INSPECTOR, "Wilhelmina Strachan", None),
        (Responsibility.UNION_REP, "Eamon Kettleborough", "hackney_steering"),
        (Responsibility.FEDERATION_REP, "Yasmin Ravenscroft", None),
        (Responsibility.PARTNERSHIP_ORGANISATION, "Percival Anand-Lowe", None),
        (Responsibility.CADETS_COORDINATOR, "Genevieve Osei-Hartley", None),
        (Responsibility.SPECIAL_CONSTABULARY_LEAD, "Ambrose Tiwari", None),
        (Responsibility.ACTIVE_VOLUNTEER, "Delphine Harcourt-Ojo", None),
    ],
}
DEPUTIES = {
    ISLINGTON: (Responsibility.BUSINESS_MANAGER, "Oluwaseun Trevelyan", "deputy"),
    HACKNEY: (Responsibility.UNION_REP, "Magnus Adeyemi-Thorne", None),
}
SEATED_DAYS_AGO = 3 * 365
GROUP_PURPOSE = (
    "<p>To support the Borough MVP Manager with the development of the MVP and make "
    "recommendations as to how the programme can have the most beneficial and wide reaching "
    "effects for the MPS on borough.</p>"
)
GROUP_TERMS = (
    "<ul><li>To consider and approve all volunteer roles, major plans and any significant "
    "changes.</li><li>To advise on the direction and implementation of the MVP on borough.</li>"
    "</ul>"
)


# --- Role profiles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileStory:
    """A role profile and what happens to it, in days before today."""

    key: str
    borough: str
    fields: dict
    drafted: int  # days ago the manager drafted it
    submitted: int | None = None  # ... sent it to the steering group
    approved: int | None = None  # ... a member approved it
    approver: str = "steering"  # login key of the member who approves it
    assessed: int | None = None  # ... risk assessed (default: two days before the draft)
    # A changed version: (days ago saved and sent to the group, extra task).
    change: tuple[int, str] | None = None


def role(unit, title, purpose, tasks, training, skills, time, **extra):
    return {
        "unit": unit,
        "title": title,
        "purpose": purpose,
        "tasks": "\n".join(tasks),
        "training": training,
        "skills": skills,
        "time_commitment": time,
        "risk_assessed_by": extra.pop("assessed_by", "Borough volunteer programme manager"),
        "risk_findings": extra.pop(
            "findings", "Office based; no lone working; a named member of staff on duty."
        ),
        "legal_obligation": False,
        "paid_overtime": False,
        "in_job_description": False,
        **extra,
    }


NEWSLETTER = ProfileStory(
    "newsletter",
    ISLINGTON,
    role(
        "Safer Neighbourhoods",
        "Ward newsletter editor",
        "To produce the ward newsletter, so that residents hear what their Safer Neighbourhoods "
        "team is doing and how to reach it.",
        [
            "Collect news and dates from the ward team",
            "Write and edit the newsletter in the unit's template",
            "Send the newsletter to subscribers by e-mail from the team office",
        ],
        "The unit's newsletter template and house style, given by the ward sergeant.",
        "Good written English; some experience of writing for the public would help.",
        "4 hours once a fortnight, weekday mornings",
    ),
    drafted=150,
    submitted=146,
    approved=140,
)
FRONT_COUNTER = ProfileStory(
    "front_counter",
    ISLINGTON,
    role(
        "Front counter",
        "Front counter welcome volunteer",
        "To welcome visitors to the police station's front counter, help them find the right "
        "form or person, and keep the waiting area tidy and informed.",
        [
            "Greet visitors and explain how the front counter works",
            "Help visitors find and complete the right form",
            "Keep the leaflets in the waiting area up to date",
            "Record each visit in the front counter log book",
        ],
        "The front counter's procedures and log book, given by the front office supervisor.",
        "Patience and a friendly manner; other languages are welcome.",
        "5 hours a week, on an agreed rota including some Saturdays",
        public_interface=True,
        findings="Public area: always alongside a member of front counter staff; panic alarm "
        "and the station's emergency procedure shown on the first day.",
    ),
    drafted=145,
    submitted=141,
    approved=133,
    approver="deputy",
)
ARCHIVE = ProfileStory(
    "archive",
    ISLINGTON,
    role(
        "Borough Support Unit",
        "Records archiving assistant",
        "To check and box closed files so that they can go to the archive, freeing the unit's "
        "shelves and staff time.",
        [
            "Check each closed file against the archiving checklist",
            "Box files and label the boxes",
            "Record each box on the archive list",
        ],
        "The archiving checklist and how to label boxes, given by the unit's office manager.",
        "Care and attention to detail.",
        "3 hours twice a week, weekday afternoons",
        involves_lifting=True,
        findings="Boxes up to 10 kg: manual handling training before starting; a trolley is "
        "provided.",
    ),
    drafted=140,
    submitted=137,
    approved=128,
)
SURVEYS = ProfileStory(
    "surveys",
    ISLINGTON,
    role(
        "Safer Neighbourhoods",
        "Survey recorder",
        "To record the answers residents give on the ward's paper questionnaires, so that the "
        "ward panel sees what its residents said.",
        [
            "Type the answers from paper questionnaires into the survey database",
            "Check each batch and file the paper copies",
        ],
        "The survey database, given by the ward team's researcher.",
        "Accurate typing.",
        "3 hours a week, at a time to suit you",
    ),
    drafted=12,
    submitted=9,
)
SWITCHBOARD = ProfileStory(
    "switchboard",
    ISLINGTON,
    role(
        "Communications room",
        "Switchboard cover",
        "To answer the switchboard when the communications room is short of staff.",
        [
            "Answer and put through calls to the switchboard",
            "Take messages for officers on duty",
        ],
        "The switchboard and call-handling procedure.",
        "A clear telephone manner.",
        "Evening shifts as needed",
        paid_overtime=True,
        in_job_description=True,
        findings="Lone working in the evenings.",
    ),
    drafted=6,
)
STALL = ProfileStory(
    "stall",
    ISLINGTON,
    role(
        "Safer Neighbourhoods",
        "Crime prevention stall helper",
        "To help the ward team run its crime prevention stall at markets and fairs.",
        [
            "Set up and pack away the stall with the team",
            "Hand out crime prevention leaflets and property marking kits",
        ],
        "The crime prevention leaflets and property marking kits, given by the ward team.",
        "Happy to talk to people you do not know.",
        "3 hours about once a month, mostly Saturdays",
        public_interface=True,
        involves_lifting=True,
        findings="Outdoor public events: always with two officers from the ward team.",
    ),
    drafted=390,
    submitted=386,
    approved=380,
    assessed=392,
)
MINUTES = ProfileStory(
    "minutes",
    ISLINGTON,
    role(
        "Safer Neighbourhoods",
        "Ward panel minute taker",
        "To record and send out the minutes of the ward panel's meetings, so that residents who "
        "could not come know what was agreed.",
        [
            "Take the minutes at the ward panel's evening meetings",
            "Type up the minutes and agree them with the panel's chair",
            "Send out the agendas and minutes from the Safer Neighbourhoods office",
        ],
        "Minute taking and the team's templates, given by the ward sergeant.",
        "Good listening and note-taking.",
        "3 hours once a month, one weekday evening",
    ),
    drafted=120,
    submitted=116,
    approved=110,
    approver="deputy",
    change=(4, "Record new members of the Key Individual Network on the team's database"),
)
HACKNEY_ROLE = ProfileStory(
    "hackney",
    HACKNEY,
    role(
        "Safer Neighbourhoods",
        "Community contact recorder",
        "To keep the ward team's list of community contacts up to date, so that the team can "
        "tell local people quickly about what affects them.",
        [
            "Record new community contacts on the team's database",
            "Send the team's e-mail updates to the contacts who asked for them",
        ],
        "The team's database and data protection, given by the ward sergeant.",
        "Confident with computers; discretion.",
        "4 hours a week, weekday mornings",
    ),
    drafted=100,
    submitted=97,
    approved=90,
    approver="hackney_steering",
)
STORIES = [NEWSLETTER, FRONT_COUNTER, ARCHIVE, SURVEYS, SWITCHBOARD, STALL, MINUTES, HACKNEY_ROLE]
DRAFTED_BY = {ISLINGTON: "manager", HACKNEY: "hackney_manager"}


# --- Volunteers -------------------------------------------------------------------------------

STEP_DAYS = {
    # Days before placement each step was done, for a volunteer who has done them all.
    "security_cleared_on": 40,
    "first_reference_on": 36,
    "second_reference_on": 33,
    "interviewed_on": 30,
    "inducted_on": 20,
    "manual_handling_on": 18,
    "emergency_life_saving_on": 17,
    "role_trained_on": 10,
}


@dataclass(frozen=True)
class VolunteerStory:
    name: str
    borough: str
    born_years_ago: int
    resident_years: int
    contact: tuple[str, str]  # emergency contact's name and relationship
    steps_done: tuple[str, ...] = tuple(STEP_DAYS)
    applied: int = 120  # days ago they applied (the steps count back from placement or today)
    placed_in: str | None = None  # a ProfileStory key
    placed: int = 75  # days ago
    sessions: str | None = None  # the kind of ``session_plan``
    session_notes: str = ""  # what they did, as the report form after each session says
    claims: tuple = field(default_factory=tuple)


VOLUNTEERS = [
    VolunteerStory(
        "Florence Ashby-Nwachukwu",
        ISLINGTON,
        34,
        34,
        ("Aldous Ashby", "Partner"),
        placed_in="newsletter",
        sessions="weekly",
        session_notes="Newsletter: news from the ward team collected and edited.",
        # (session number, description, amount, decided: None, True or False)
        claims=(
            (0, "Bus fares to and from the station", "3.40", True),
            (2, "Bus fares to and from the station", "3.40", None),
        ),
    ),
    VolunteerStory(
        "Jasper Okonkwo-Reid",
        ISLINGTON,
        61,
        40,
        ("Beverley Reid", "Wife"),
        placed_in="front_counter",
        placed=80,
        sessions="near_cap",
        session_notes="Front counter rota.",
        claims=((4, "Overground fares for the Saturday rota", "5.60", None),),
    ),
    VolunteerStory(
        "Marguerite Lindqvist",
        ISLINGTON,
        27,
        6,
        ("Henrik Lindqvist", "Brother"),
        placed_in="archive",
        placed=70,
        sessions="twice_monthly",
        session_notes="Closed files checked and boxed for the archive.",
    ),
    VolunteerStory(
        "Tariq Hollingsworth",
        ISLINGTON,
        45,
        45,
        ("Amira Hollingsworth", "Sister"),
        steps_done=tuple(name for name in STEP_DAYS if name != "role_trained_on"),
        applied=60,
    ),
    VolunteerStory(
        "Beatrix Olusanya-Grant",
        ISLINGTON,
        22,
        22,
        ("Comfort Olusanya", "Mother"),
        steps_done=("security_cleared_on", "first_reference_on", "second_reference_on"),
        applied=50,
    ),
    VolunteerStory(
        "Cormac Delahaye",
        ISLINGTON,
        68,
        30,
        ("Noreen Delahaye", "Wife"),
        steps_done=(),
        applied=5,
    ),
    VolunteerStory(
        "Imogen Adebayo-Ward",
        HACKNEY,
        39,
        12,
        ("Felix Ward", "Husband"),
        placed_in="hackney",
        placed=60,
        sessions="twice_monthly",
        session_notes="New community contacts recorded; the week's e-mail update sent.",
    ),
]


def days_ago(today, days):
    return today - datetime.timedelta(days=days)


def first_of_previous_month(today):
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def session_plan(kind, today, notes):
    """``(day, starts_at, ends_at, notes)`` for each session, all before today."""
    t = datetime.time
    if kind == "weekly":
        days = [days_ago(today, n) for n in (57, 50, 43, 36, 29, 22, 15, 8, 1)]
        plan = [(day, t(9, 30), t(13, 0), notes) for day in days]
        # One long session, for the newsletter's special edition: it earns the meal subsidy.
        plan[4] = (days[4], t(9, 30), t(14, 0), "Special edition on the ward panel's priorities.")
        return plan
    if kind == "near_cap":
        # 38 hours last month: close to the 40-hour cap.
        first = first_of_previous_month(today)
        hours = [(t(9, 0), t(14, 0))] * 4 + [(t(9, 0), t(15, 0))] * 3
        plan = [
            (first + datetime.timedelta(days=2 + 3 * n), start, end, notes)
            for n, (start, end) in enumerate(hours)
        ]
        # And a session each week this month so far.
        plan += [
            (days_ago(today, n), t(10, 0), t(13, 0), notes)
            for n in (7, 1)
            if days_ago(today, n) >= today.replace(day=1)
        ]
        return plan
    if kind == "twice_monthly":
        return [(days_ago(today, n), t(13, 0), t(16, 0), notes) for n in (55, 41, 27, 13, 3)]
    raise ValueError(kind)


def receipt_pdf(text):
    """A one-page PDF receipt, made in memory (no file from outside)."""
    content = f"BT /F1 12 Tf 20 60 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 120] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- Helpers ----------------------------------------------------------------------------------


@contextmanager
def on(day, hour=10):
    """Do what follows as if it were ``day`` at ``hour`` o'clock (never later than now)."""
    import time_machine

    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    with time_machine.travel(min(moment, timezone.now()), tick=True):
        yield


def phone(number):
    from tests.hub.factories import drama_phone

    return drama_phone(number)


def person(name, number):
    from tests.hub.factories import PersonFactory

    address = name.lower().replace(" ", ".").replace("'", "")
    return PersonFactory(name=name, email=f"{address}@example.org", phone=phone(500 + number))


# --- Steering groups and logins ---------------------------------------------------------------


def ensure_group(borough, today):
    group, created = SteeringGroup.objects.get_or_create(
        borough=borough, defaults={"purpose": GROUP_PURPOSE, "terms_of_reference": GROUP_TERMS}
    )
    if group.members.exists():
        return group, created
    seated = days_ago(today, SEATED_DAYS_AGO)
    offset = 20 if borough.name == HACKNEY else 0
    seats = {}
    for number, (responsibility, name, _login) in enumerate(SEATS[borough.name]):
        seats[responsibility] = SteeringGroupMember.objects.create(
            group=group,
            person=person(name, offset + number),
            responsibility=responsibility,
            joined_on=seated,
        )
    for_whom, name, _login = DEPUTIES[borough.name]
    SteeringGroupMember.objects.create(
        group=group,
        person=person(name, offset + 10),
        responsibility=for_whom,
        deputy_for=seats[for_whom],
        joined_on=seated,
    )
    return group, created


def load_logins():
    """Each login, linked (once) to the person in the seat it stands for."""
    people = {}
    for borough, seats in SEATS.items():
        for _responsibility, name, login in [*seats, DEPUTIES[borough]]:
            if login:
                people[login] = Person.objects.filter(name=name).first()
    roles = {
        "manager": Role.PROGRAMME_MANAGER,
        "hackney_manager": Role.PROGRAMME_MANAGER,
        "steering": Role.STEERING_GROUP,
        "deputy": Role.STEERING_GROUP,
        "hackney_steering": Role.STEERING_GROUP,
    }
    users = {}
    for key, login in LOGINS.items():
        linked = Person.objects.filter(user__username=login.username).exists()
        users[key] = ensure_login(login, roles=[roles[key]], person=None if linked else people[key])
    return users


# --- The role profiles, through the workflow ---------------------------------------------------


def submit(profile, user):
    profile.get_workflow().start(profile, user)


def approve(profile, user):
    """As the steering group member does it in the admin: the task's approve action."""
    profile.refresh_from_db()
    task_state = profile.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, "approve")
    profile.refresh_from_db()


def make_profile(story, users, boroughs, today):
    manager = users[DRAFTED_BY[story.borough]]
    drafted_on = days_ago(today, story.drafted)
    assessed = story.assessed if story.assessed is not None else story.drafted + 2
    with on(drafted_on):
        profile = RoleProfile(
            borough=boroughs[story.borough],
            drafted_by=manager,
            risk_assessed_on=days_ago(today, assessed),
            **story.fields,
        )
        # The admin's create view: saved as a draft, its first revision, a log entry.
        profile = CreateAction(profile, user=manager).execute()
    if story.submitted is not None:
        with on(days_ago(today, story.submitted)):
            submit(profile, manager)
    if story.approved is not None:
        with on(days_ago(today, story.approved), hour=15):
            approve(profile, users[story.approver])
    if story.change is not None:
        changed_days, task = story.change
        with on(days_ago(today, changed_days)):
            edited = profile.get_latest_revision_as_object()
            edited.tasks = f"{edited.tasks}\n{task}"
            EditAction(edited, user=manager).execute()
            submit(profile, manager)
    profile.refresh_from_db()
    return profile


def load_profiles(users, boroughs, today):
    profiles, created = {}, 0
    for story in STORIES:
        existing = RoleProfile.objects.filter(
            borough=boroughs[story.borough], title=story.fields["title"]
        ).first()
        if existing is None:
            existing = make_profile(story, users, boroughs, today)
            created += 1
        profiles[story.key] = existing
    return profiles, created


# --- Volunteers, placements, sessions and claims ---------------------------------------------


def make_volunteer(story, number, profiles, users, boroughs, today):
    manager = users[DRAFTED_BY[story.borough]]
    start = days_ago(today, story.placed) if story.placed_in else today
    steps = {name: start - datetime.timedelta(days=STEP_DAYS[name]) for name in story.steps_done}
    with on(days_ago(today, story.applied)):
        volunteer = Volunteer(
            borough=boroughs[story.borough],
            name=story.name,
            born_on=days_ago(today, story.born_years_ago * 365 + 40),
            resident_since=days_ago(today, story.resident_years * 365 + 40),
        )
        volunteer.full_clean()
        volunteer.save()
        contact_name, relationship = story.contact
        EmergencyContact.objects.create(
            volunteer=volunteer, name=contact_name, relationship=relationship,
            phone=phone(700 + number),
        )  # fmt: skip
    for name, day in steps.items():
        setattr(volunteer, name, day)
    if steps:
        volunteer._change_reason = "Demo data: the steps before starting, as each was done"
        volunteer.save()
    if not story.placed_in:
        return volunteer

    with on(start):
        services.place_volunteer(volunteer, profiles[story.placed_in], manager, today=start)
    volunteer.refresh_from_db()
    sessions = []
    for day, starts_at, ends_at, notes in session_plan(story.sessions, today, story.session_notes):
        with on(day, hour=18):
            sessions.append(
                services.record_session(
                    volunteer, day=day, starts_at=starts_at, ends_at=ends_at, user=manager,
                    notes=notes,
                )
            )  # fmt: skip
    for index, description, amount, decision in story.claims:
        session = sessions[index]
        with on(session.day + datetime.timedelta(days=1)):
            claim = services.submit_claim(
                volunteer,
                spent_on=session.day,
                description=description,
                amount=Decimal(amount),
                receipt=SimpleUploadedFile(
                    f"receipt-{session.day:%Y-%m-%d}.pdf",
                    receipt_pdf(f"{description}: GBP {amount}"),
                    content_type="application/pdf",
                ),
                user=manager,
                session=session,
            )
        if decision is not None:
            with on(session.day + datetime.timedelta(days=4), hour=11):
                services.decide_claim(claim, manager, approve=decision)
    return volunteer


def load_volunteers(profiles, users, boroughs, today):
    created = 0
    for number, story in enumerate(VOLUNTEERS):
        if Volunteer.objects.filter(borough=boroughs[story.borough], name=story.name).exists():
            continue
        make_volunteer(story, number, profiles, users, boroughs, today)
        created += 1
    return created


# --- The public page --------------------------------------------------------------------------


def ensure_roles_page():
    """The one roles page: under the volunteer programme's section where the page tree allows
    it, otherwise under the home page (and in the main menu, so that people find it)."""
    existing = VolunteerRolesPage.objects.first()
    if existing is not None:
        return existing, False
    home = home_page()
    section = child_by_slug(home, volunteer_programme.PAGE["slug"])
    if section is not None and VolunteerRolesPage.can_exist_under(section):
        return ensure_page(section, VolunteerRolesPage, ROLES_PAGE)
    return ensure_page(home, VolunteerRolesPage, ROLES_PAGE, show_in_menus=True)


# --- Load ---------------------------------------------------------------------------------------


def load(**options):
    today = timezone.localdate()
    boroughs = {name: Borough.objects.get(name=name) for name in SEATS}
    roles_page, page_created = ensure_roles_page()
    for borough in boroughs.values():
        ensure_group(borough, today)
    users = load_logins()
    profiles, profiles_created = load_profiles(users, boroughs, today)
    volunteers_created = load_volunteers(profiles, users, boroughs, today)

    all_profiles = RoleProfile.objects.filter(borough__in=boroughs.values())
    waiting = WorkflowState.objects.active().filter(
        base_content_type__app_label="volunteering",
        object_id__in=[str(pk) for pk in all_profiles.values_list("pk", flat=True)],
    )
    volunteers = Volunteer.objects.filter(borough__in=boroughs.values())
    claims = ExpenseClaim.objects.filter(volunteer__in=volunteers)
    return DemoSummary(
        lines=[
            f"Volunteer programme: {SteeringGroup.objects.count()} steering groups "
            f"({SteeringGroupMember.objects.current().count()} members), "
            f"{all_profiles.count()} role profiles ({profiles_created} new; "
            f"{all_profiles.open_to_volunteers(today).count()} open to volunteers, "
            f"{waiting.count()} waiting for the steering group), "
            f"{volunteers.count()} volunteers ({volunteers_created} new, "
            f"{volunteers.filter(role_profile__isnull=False).count()} placed), "
            f"{VolunteerSession.objects.filter(volunteer__in=volunteers).count()} sessions, "
            f"{claims.count()} expense claims "
            f"({claims.filter(status=ClaimStatus.SUBMITTED).count()} waiting); "
            f"roles at {Page.objects.get(pk=roles_page.pk).url}"
            f"{' (new)' if page_created else ''}"
        ],
        logins=list(LOGINS.values()),
    )
