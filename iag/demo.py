"""IAG demo data: groups across London in every state the compliance dashboard looks for.

- Camden: overdue, its last meeting with the police lead was two quarters ago;
- Hackney: no chair;
- Lambeth: a member who has not signed the agreements;
- Brent: two members whose agreements are due for renewal;
- Sutton: no IAG at all;
- Islington: the demo chair's, member's and police lead's group, fully in order, with minutes
  draft, approved and published, and an item withheld at the police lead's request.

Croydon held a removal vote at its latest meeting: one proxy, a majority for removal, the member
removed and the result in the draft minutes.

Advice for six boroughs over a year, with every outcome, responses overdue, one piece not for
publication, two Gold Group requests (one answered), an escalation, and the last complete
quarter's London-wide feedback published.

Dates are relative to today, so the dashboard shows the same story whenever it is loaded.

``manage.py load_demo --advice N`` tops the advice register up to N pieces of advice in all, for
load work: spread over every borough's IAG (any borough policed by the MPS that has none is given
one, except Sutton, which keeps its place on the dashboard as the borough with no IAG) and over
four years, with every outcome, responses on time, late and overdue, and the London-wide feedback
for the older quarters published (all but one, which awaits approval). It is stored in bulk, in
the rows ``services.record_advice`` and ``services.respond_to_advice`` make: the history records
and audit entries are dated to when the advice was given and answered. The e-mails those services
send are not sent for advice that is years old, and overdue advice is marked as already notified,
as the daily check would have done. Random choices come from fixed seeds, so the same advice is
made every time, and asking again for the same N adds nothing.
"""

import copy
import datetime
import random
from dataclasses import dataclass, field

import factory.random
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count
from django.utils import timezone
from faker import Faker
from simple_history.utils import bulk_create_with_history
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page

from hub.demo import DemoLogin, DemoSummary, ensure_login
from hub.demo.loader import DEMO_SEED, ensure_page, home_page
from hub.enums import MinutesStatus
from hub.models import Borough
from hub.roles import Role
from iag import rules
from iag.enums import AdviceCategory, MeetingKind, MemberRole, PoliceRank, ResponseOutcome
from iag.models import (
    Advice,
    AdviceResponse,
    AdvisoryGroup,
    DifferingView,
    IAGDirectoryPage,
    IAGSettings,
    Meeting,
    Membership,
    QuarterlyFeedback,
    RemovalVote,
)
from iag.rules import DEFAULT_AGREEMENT_RENEWAL_MONTHS, add_months, quarter_of

DIRECTORY = {
    "title": "Independent Advisory Groups",
    "slug": "independent-advisory-groups",
    "intro": (
        "Every London borough policed by the MPS should have an Independent Advisory Group: local "
        "people who give the police independent advice about their communities."
    ),
}

NO_IAG = "Sutton"
OVERDUE = "Camden"
NO_CHAIR = "Hackney"
UNSIGNED = "Lambeth"
RENEWALS = "Brent"
SHOWCASE = "Islington"
REMOVAL_VOTE = "Croydon"

LOGINS = {
    "central": DemoLogin("central", "Central team: every IAG's records, the compliance dashboard"),
    "chair": DemoLogin("iag-chair", f"IAG chair ({SHOWCASE})"),
    "member": DemoLogin("iag-member", f"IAG member ({SHOWCASE})"),
    "lead": DemoLogin("police-lead", f"Police lead ({SHOWCASE})"),
}

TOPICS = [
    ("Borough update", "The police lead described the main issues facing the borough."),
    ("Stop and search figures", "Members questioned the rise in searches in the town centre."),
    ("Community tension", "Members described how a recent incident was felt locally."),
    ("Youth engagement", "Members suggested working with youth clubs on the estates."),
]


def terms_of_reference(borough):
    return (
        f"<p>The {borough} Independent Advisory Group gives the police independent advice on "
        "how their work affects the borough's communities, and helps them understand those "
        "communities.</p><ul><li>The group is a key stakeholder in local change decisions and "
        "important incidents.</li><li>Membership is a matter for the group.</li><li>The police "
        "lead meets the group at least every quarter.</li></ul>"
    )


def quarterly_dates(today, quarters_back, skip_recent=0):
    """One meeting date in the middle of each of the last ``quarters_back`` quarters."""
    quarter = quarter_of(today)
    dates = []
    for _ in range(quarters_back):
        quarter = quarter.previous()
        dates.append(quarter.first_day + datetime.timedelta(days=40))
    return dates[skip_recent:]


def make_group(borough, today):
    from tests.iag.factories import AdvisoryGroupFactory, MembershipFactory, PersonFactory

    group = AdvisoryGroupFactory(
        borough=borough,
        police_lead=PersonFactory(),
        police_lead_rank=PoliceRank.SUPERINTENDENT
        if borough.pk % 2
        else PoliceRank.CHIEF_SUPERINTENDENT,
        terms_of_reference=terms_of_reference(borough.name),
    )
    if borough.name != NO_CHAIR:
        trait = {"chair": True} if borough.pk % 3 else {"risk_assessed_chair": True}
        MembershipFactory(group=group, **trait)
    for index in range(6):
        MembershipFactory(group=group, unsigned=(borough.name == UNSIGNED and index == 0))
    if borough.name == RENEWALS:
        # Two members whose agreements lapse within the month.
        for membership in group.memberships.filter(role="member")[:2]:
            signed = add_months(today, -DEFAULT_AGREEMENT_RENEWAL_MONTHS) + datetime.timedelta(
                days=12
            )
            membership.confidentiality_agreement_signed_on = signed
            membership.information_sharing_agreement_signed_on = signed
            membership._change_reason = "Demo data"
            membership.save()
    return group


def make_meetings(group, today):
    from tests.iag.factories import MeetingFactory, MinuteItemFactory

    skip = 2 if group.borough.name == OVERDUE else 0
    dates = quarterly_dates(today, 4, skip_recent=skip)
    for number, date in enumerate(sorted(dates)):
        meeting = MeetingFactory(group=group, date=date, kind=MeetingKind.FULL)
        for order, (title, text) in enumerate(TOPICS[: 2 + number % 3]):
            MinuteItemFactory(meeting=meeting, title=title, text=text, sort_order=order)
        if number == 1:
            MinuteItemFactory(meeting=meeting, withheld=True, sort_order=9,
                              withheld_at_request_of=group.police_lead.name)  # fmt: skip
        newest = number == len(dates) - 1
        status = MinutesStatus.DRAFT if newest else MinutesStatus.PUBLISHED
        if group.borough.name == SHOWCASE and number == len(dates) - 2:
            status = MinutesStatus.APPROVED
        meeting.minutes_status = status
        meeting.minutes_approved_at = None if status == MinutesStatus.DRAFT else timezone.now()
        meeting.minutes_published_at = timezone.now() if status == MinutesStatus.PUBLISHED else None
        meeting._change_reason = "Demo data"
        meeting.save()
    MeetingFactory(
        group=group, kind=MeetingKind.CHAIR_AND_LEAD, date=today - datetime.timedelta(days=10)
    )
    MeetingFactory(group=group, kind=MeetingKind.FULL, date=today + datetime.timedelta(days=21))


ADVICE = [
    ("Stop and search in the town centre", "operation",
     "Brief the group before any planned search operation, and publish the outcomes by ward."),
    ("Closing the front counter at the old station", "local_change",
     "Keep a staffed front counter open two evenings a week until the new hub opens."),
    ("Community reassurance after the stabbing on the estate", "incident",
     "Hold an open meeting on the estate within a week, with the borough commander present."),
    ("Use of body-worn video at protests", "policy",
     "Always switch cameras on when engaging with protesters, and say so when asked."),
    ("Youth engagement over the summer holidays", "other",
     "Work with the youth clubs on the estates rather than running separate events."),
    ("Dispersal orders near the school", "operation",
     "Consult the school and parents before using dispersal powers at home time."),
]  # fmt: skip
RESPONSES = [
    ("followed", "The operation will be briefed to the IAG chair in advance.", ""),
    ("partly_followed", "The counter opens one evening a week.",
     "Staffing allows one evening, not two, until the new hub opens in March."),
    ("not_followed", "No open meeting; reassurance patrols instead.",
     "The investigation was at a sensitive stage and an open meeting risked prejudicing it."),
    ("pending", "", ""),
    (None, None, None),
]  # fmt: skip
ADVICE_BOROUGHS = ["Islington", "Camden", "Lambeth", "Hackney", "Croydon", "Newham"]
AWAITING = ["Camden", "Croydon"]


def make_advice(group, today):
    """A year of advice: every outcome, some overdue, one not for publication."""
    from iag import services

    chair = group.chair_membership
    chair_user = chair.person.user if chair and chair.person.user_id else None
    lead_user = group.police_lead.user if group.police_lead and group.police_lead.user_id else None
    meetings = list(group.meetings.with_police_lead(today).order_by("date"))
    for index, meeting in enumerate(meetings):
        subject, category, text = ADVICE[(index + group.pk) % len(ADVICE)]
        advice = Advice(
            group=group, meeting=meeting, given_on=meeting.date, subject=subject,
            category=category, advice=text, confidential=(index == 1 and group.pk % 2 == 0),
        )  # fmt: skip
        services.record_advice(advice, chair_user)
        if index == 0:
            DifferingView.objects.create(
                advice=advice,
                held_by="A member",
                view="The group should not be briefed: it is not our role.",
            )
        outcome, decision, reasons = RESPONSES[(index + group.pk) % len(RESPONSES)]
        # The newest advice still awaits a decision in two boroughs, now overdue.
        awaiting = index == len(meetings) - 1 and group.borough.name in AWAITING
        if outcome is not None and not awaiting:
            services.respond_to_advice(
                advice, lead_user, outcome=outcome, decision=decision, reasons=reasons,
                expected_version=0,
            )  # fmt: skip


def make_gold_groups_and_escalation():
    from iag import services

    islington = AdvisoryGroup.objects.get(borough__name=SHOWCASE)
    member = Membership.objects.active().filter(group=islington, role="member").first()
    gold = services.request_gold_group(
        islington, member.person.user if member.person.user_id else None,
        incident="A man died after a police pursuit near the market.",
        reasons="Rumours are spreading on social media and families are angry.",
    )  # fmt: skip
    services.answer_gold_group(
        gold, islington.police_lead.user, decision="convened",
        reasons="Agreed: community impact is high. The Gold Group meets tomorrow at 9am.",
    )  # fmt: skip
    camden = AdvisoryGroup.objects.get(borough__name=OVERDUE)
    services.request_gold_group(
        camden, None,
        incident="Repeated raids on the same street over a fortnight.",
        reasons="Residents feel targeted and have stopped reporting crime.",
    )  # fmt: skip
    services.raise_escalation(
        AdvisoryGroup.objects.get(borough__name=NO_CHAIR), None,
        difficulty="The police lead has missed two meetings and not replied to letters.",
    )  # fmt: skip


def publish_last_quarter(today):
    """London-wide feedback for the last complete quarter, compiled and published."""
    from iag import services

    quarter = quarter_of(today).previous()
    feedback, created = QuarterlyFeedback.objects.get_or_create(
        group=None, year=quarter.year, quarter=quarter.number,
        defaults={"summary": "What the police did with the IAGs' advice this quarter."},
    )  # fmt: skip
    if created:
        services.compile_quarterly_feedback(feedback, None).publish()
    return feedback


def make_removal_vote(today):
    """A vote run through the services, as a chair would: attendance, a proxy, ballots, close."""
    from hub.enums import AttendanceStatus
    from iag import services
    from iag.enums import ProxyMethod

    group = AdvisoryGroup.objects.get(borough__name=REMOVAL_VOTE)
    meeting = (
        group.meetings.filter(kind=MeetingKind.FULL, minutes_status=MinutesStatus.DRAFT)
        .filter(date__lte=today)
        .latest("date")
    )
    chair = group.chair_membership
    concerned, giver, *present = group.memberships.active().filter(role="member")
    services.record_attendance(
        meeting,
        {
            chair.pk: AttendanceStatus.PRESENT,
            concerned.pk: AttendanceStatus.PRESENT,
            giver.pk: AttendanceStatus.APOLOGIES,
            **{m.pk: AttendanceStatus.PRESENT for m in present},
        },
        None,
    )
    vote = services.open_removal_vote(meeting, concerned, None)
    services.record_proxy(
        vote, None, given_by=giver, held_by=present[0], method=ProxyMethod.WRITING
    )
    # 3 for (one by proxy), 1 against, 1 abstention; the last member present does not vote.
    choices = ["for", "for", "for", "against", "abstain"]
    for voter, choice in zip([chair, giver, *present], choices, strict=False):
        services.cast_ballot(vote, None, voter=voter, choice=choice)
    services.close_removal_vote(vote, None)


# --- Load work: ``manage.py load_demo --advice N`` ----------------------------------------------

LOAD_SEED = DEMO_SEED + 4
BATCH = 2000  # advice stored at a time
LOAD_QUARTERS = 16  # the generated advice goes back four years
# Quarters further back than the showcase's year, whose London-wide feedback is published.
FEEDBACK_BEFORE = 5  # quarters back; the newest of them awaits approval

# What became of the generated advice, as shares. AWAITING has no response yet and is still in
# time; UNANSWERED has none and is overdue; PENDING was acknowledged without a decision (overdue
# too once its due date has passed).
AWAITING, UNANSWERED = "awaiting", "unanswered"
OUTCOME_SHARES = {
    ResponseOutcome.FOLLOWED: 58,
    ResponseOutcome.PARTLY_FOLLOWED: 19,
    ResponseOutcome.NOT_FOLLOWED: 11,
    ResponseOutcome.PENDING: 4,
    AWAITING: 3,
    UNANSWERED: 5,
}
ACKNOWLEDGED_FIRST = 0.12  # of decisions: acknowledged as pending first (version 2)
LATE_DECISION = 0.2  # of decisions: made after the due date
REQUESTED_SOONER = 0.1  # the group asked for an answer sooner than the usual period
CONFIDENTIAL = {AdviceCategory.OPERATION: 0.15}  # share not for publication, by category
OTHER_CONFIDENTIAL = 0.03
DIFFERING_VIEW = 0.06
NAMED_DIFFERING_VIEW = 0.3  # of differing views: the member is named, not "A member"
AT_MEETING = 0.6  # of advice given in a quarter in which the group met the police lead
# Busier boroughs give more advice; the others weigh GROUP_WEIGHT.
BOROUGH_ADVICE_WEIGHTS = {
    "Lambeth": 5, "Southwark": 5, "Hackney": 5, "Tower Hamlets": 5, "Newham": 5, "Croydon": 5,
    "Westminster": 5, "Haringey": 4, "Lewisham": 4, "Brent": 4, "Islington": 4, "Camden": 4,
    "Ealing": 4, "Enfield": 4, "Bexley": 2, "Havering": 2, "Kingston upon Thames": 2,
    "Richmond upon Thames": 2, "Harrow": 2,
}  # fmt: skip
GROUP_WEIGHT = 3
STREETS = ["Road", "Street", "Lane", "Avenue", "Grove", "Terrace", "Crescent", "Walk", "Way", "Row"]

# (subject, category, advice): {street}, {estate}, {park} and {school} are invented places.
THEMES = [
    ("Stop and search on {street}", AdviceCategory.OPERATION,
     "Brief the group before any planned search operation on {street}, and publish the outcomes "
     "by ward each month."),
    ("Dispersal order near {school}", AdviceCategory.OPERATION,
     "Talk to the school and to parents before using dispersal powers at home time, and explain "
     "the order on the school's website."),
    ("Weapons sweep in {park}", AdviceCategory.OPERATION,
     "Invite members to observe the sweep, and tell local youth workers beforehand so that young "
     "people are not alarmed."),
    ("Drugs warrants on the {estate}", AdviceCategory.OPERATION,
     "Arrange reassurance visits on the estate the day after each warrant, and give residents a "
     "number to call with concerns."),
    ("Knife arch at {street} station", AdviceCategory.OPERATION,
     "Staff the knife arch with officers who work locally, and hand out a leaflet saying why it "
     "is there."),
    ("Test purchases of knives in shops on {street}", AdviceCategory.OPERATION,
     "Write to shopkeepers first explaining the law, and only then carry out test purchases."),
    ("Policing the summer festival in {park}", AdviceCategory.OPERATION,
     "Meet the organisers and the group together, agree a light-touch plan, and keep officers "
     "on foot rather than in vans."),
    ("Use of body-worn video at protests", AdviceCategory.POLICY,
     "Always switch cameras on when engaging with protesters, and say so when asked."),
    ("Recording the ethnicity of people stopped", AdviceCategory.POLICY,
     "Show the group the figures every quarter, broken down by ward and by the grounds for the "
     "stop."),
    ("Taser use in {borough}", AdviceCategory.POLICY,
     "Share the figures for Taser drawn and fired with the group each quarter, and review every "
     "firing with members."),
    ("Mental health calls and street triage", AdviceCategory.POLICY,
     "Keep the mental health nurse in the patrol car on weekend nights, when most calls come in."),
    ("Handcuffing of children", AdviceCategory.POLICY,
     "Treat handcuffing anyone under 18 as a last resort, record why each time, and share the "
     "figures with the group."),
    ("Complaints from young people", AdviceCategory.POLICY,
     "Let young people complain through youth workers they trust, and answer them in plain "
     "words."),
    ("Closing the front counter at {street} police station", AdviceCategory.LOCAL_CHANGE,
     "Keep a staffed front counter open two evenings a week until the new hub opens."),
    ("Moving the Safer Neighbourhoods base off the {estate}", AdviceCategory.LOCAL_CHANGE,
     "Keep a weekly surgery on the estate after the base moves, at the same time each week."),
    ("Merging the neighbourhood teams for {street} and the {estate}", AdviceCategory.LOCAL_CHANGE,
     "Ask residents of both wards before the teams merge, and keep the named officers they know."),
    ("New shift pattern for neighbourhood officers", AdviceCategory.LOCAL_CHANGE,
     "Keep officers on foot in the town centre on Friday and Saturday evenings under the new "
     "pattern."),
    ("Safer Schools officer at {school}", AdviceCategory.LOCAL_CHANGE,
     "Keep the same officer for the whole school year, and introduce them to parents at the "
     "first open evening."),
    ("Community reassurance after the stabbing on the {estate}", AdviceCategory.INCIDENT,
     "Hold an open meeting on the estate within a week, with the borough commander present."),
    ("Rumours after an arrest on {street}", AdviceCategory.INCIDENT,
     "Put out a short factual statement the same day, and brief community leaders before it "
     "goes out."),
    ("Damage to the community centre on {street}", AdviceCategory.INCIDENT,
     "Treat it as a possible hate crime from the start, and visit the centre's committee in "
     "person."),
    ("Disorder in {park} after the football", AdviceCategory.INCIDENT,
     "Review the footage with members before deciding on any appeal with images of young "
     "people."),
    ("Fire at the flats on {street}", AdviceCategory.INCIDENT,
     "Give the families affected a single point of contact, and keep them informed every day."),
    ("Youth engagement over the summer holidays", AdviceCategory.OTHER,
     "Work with the youth clubs on the estates rather than running separate events."),
    ("Recruiting officers from {borough}'s communities", AdviceCategory.OTHER,
     "Hold recruitment evenings in community venues, with serving officers who grew up locally."),
    ("Reporting hate crime", AdviceCategory.OTHER,
     "Set up third-party reporting in the libraries and the {estate} community hall."),
    ("Anti-social behaviour on the buses along {street}", AdviceCategory.OTHER,
     "Work with the bus company and the schools on the routes, rather than putting officers on "
     "every bus."),
    ("Police cadets in {borough}", AdviceCategory.OTHER,
     "Open a second cadet unit that meets at {school}, so that more young people can take part."),
]  # fmt: skip
DECISIONS = {
    ResponseOutcome.FOLLOWED: [
        "Accepted in full. The police lead will report progress at the next meeting.",
        "Agreed: the teams concerned have been told to act on the advice straight away.",
        "Followed. The change is in the borough's plan from this month.",
        "Accepted. The group will be briefed in the same way before anything similar.",
        "Agreed with the borough commander and put in place the following week.",
    ],
    ResponseOutcome.PARTLY_FOLLOWED: [
        "Accepted in part: the first step is in place and the rest is under review.",
        "Partly adopted: the figures are published for the borough as a whole, not by ward.",
        "Agreed for weekends only, not for every evening as the group asked.",
        "Adopted for six months as a trial, to be reviewed with the group.",
    ],
    ResponseOutcome.NOT_FOLLOWED: [
        "Not adopted: the existing approach continues.",
        "The operation went ahead as planned.",
        "No change for now; the police lead will review it with the group in six months.",
        "Not followed. The borough commander explained the decision at the following meeting.",
    ],
}
REASONS = {
    ResponseOutcome.PARTLY_FOLLOWED: [
        "Staffing allows part of what was asked until the new shift pattern starts.",
        "Publishing figures by ward could identify individuals in the smaller wards.",
        "This year's budget is committed; the rest is proposed for next year.",
        "Part of the advice is a matter for the council, which has been told of it.",
        "The London-wide procedure allows some discretion locally, but not all that was asked.",
    ],
    ResponseOutcome.NOT_FOLLOWED: [
        "The investigation was at a sensitive stage and acting on the advice risked prejudicing "
        "it.",
        "A London-wide policy applies and the borough cannot depart from it.",
        "Intelligence that cannot be shared with the group showed a continuing risk to the public.",
        "The cost could not be met from the borough's budget this year.",
        "Legal advice was that the change would not be lawful.",
        "Officers were needed elsewhere in London on the dates concerned.",
    ],
}
DIFFERING_VIEWS = [
    "The group should not be briefed in advance: it is not our role to approve operations.",
    "The advice does not go far enough: the practice should stop altogether.",
    "The police should try this for a month before the group takes a view.",
    "Residents I spoke to are in favour of the change, so I do not support the advice.",
]


@dataclass
class Places:
    """A group's invented streets, estates, parks and schools."""

    borough: str
    street: list
    estate: list
    park: list
    school: list

    @classmethod
    def invent(cls, group, fake):
        fake.seed_instance(LOAD_SEED + group.borough_id)
        surnames = [fake.last_name() for _ in range(10)]
        return cls(
            borough=group.borough.name,
            street=[f"{name} {fake.random_element(STREETS)}" for name in surnames[6:]],
            estate=[f"{name} estate" for name in surnames[:2]],
            park=[f"{name} Park" for name in surnames[2:4]],
            school=[f"{name} Academy" for name in surnames[4:6]],
        )

    def fill(self, text, rng):
        return text.format(
            borough=self.borough,
            **{
                kind: rng.choice(getattr(self, kind))
                for kind in ("street", "estate", "park", "school")
            },
        )


@dataclass
class Planned:
    """One piece of generated advice, its response in each version, and a differing view."""

    advice: Advice
    recorded_at: datetime.datetime
    responses: list = field(default_factory=list)  # [(outcome, decision, reasons, at)]
    differing_view: tuple | None = None  # (held by, view)


class AdviceMaker:
    """Invents advice for the IAGs, from a fixed seed."""

    def __init__(self, seed, today, due_days):
        self.rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not a secret
        self.today = today
        self.due_days = due_days
        self.oldest = (today - load_start(today)).days
        self.fake = Faker("en_GB")
        self.places = {}
        self.chairs = {}  # group id -> the chair's membership, if the chair has a login
        for chair in (
            Membership.objects.active()
            .filter(role=MemberRole.CHAIR, person__user__isnull=False)
            .select_related("person__user")
        ):
            self.chairs[chair.group_id] = chair
        self.members = {}
        for membership in Membership.objects.active().select_related("person").order_by("pk"):
            self.members.setdefault(membership.group_id, []).append(membership.person.name)
        self.meetings = {}  # group id -> {quarter: (meeting id, date)}
        meetings = Meeting.objects.with_police_lead(today).filter(date__gte=load_start(today))
        for meeting_id, group_id, date in meetings.order_by("date", "pk").values_list(
            "pk", "group_id", "date"
        ):
            self.meetings.setdefault(group_id, {}).setdefault(quarter_of(date), (meeting_id, date))

    def make(self, group, kind):
        rng = self.rng
        if group.pk not in self.places:
            self.places[group.pk] = Places.invent(group, self.fake)
        places = self.places[group.pk]
        subject, category, text = rng.choice(THEMES)
        newest, oldest = self.age_range(kind)
        given_on = self.today - datetime.timedelta(days=days_back(rng, newest, oldest))
        meeting_id = None
        met = self.meetings.get(group.pk, {}).get(quarter_of(given_on))
        if met and rng.random() < AT_MEETING and newest <= (self.today - met[1]).days <= oldest:
            meeting_id, given_on = met
        requested_by = None
        if kind != AWAITING and rng.random() < REQUESTED_SOONER:
            requested_by = given_on + datetime.timedelta(days=rng.randint(3, 14))
        due_on = rules.response_due_on(given_on, self.due_days, requested_by)
        advice = Advice(
            group=group, meeting_id=meeting_id, given_on=given_on,
            subject=places.fill(subject, rng), category=category, advice=places.fill(text, rng),
            response_requested_by=requested_by, response_due_on=due_on,
            confidential=rng.random() < CONFIDENTIAL.get(category, OTHER_CONFIDENTIAL),
        )  # fmt: skip
        chair = self.chairs.get(group.pk)
        if chair is not None and chair.joined_on <= given_on:
            advice.recorded_by = chair.person.user
        recorded_on = min(given_on + datetime.timedelta(days=rng.randint(0, 2)), self.yesterday)
        planned = Planned(advice, self.at(recorded_on, 8))
        self.respond(planned, kind, due_on)
        decided_on = next(
            (
                at.date()
                for outcome, *_, at in planned.responses
                if outcome in rules.DECIDED_OUTCOMES
            ),
            None,
        )
        first_overdue = due_on + datetime.timedelta(days=1)
        if first_overdue < self.today and (decided_on is None or decided_on > first_overdue):
            # The daily check told the central team the day it became overdue.
            advice.overdue_notified_on = first_overdue
        if rng.random() < DIFFERING_VIEW:
            named = self.members.get(group.pk) and rng.random() < NAMED_DIFFERING_VIEW
            held_by = rng.choice(self.members[group.pk]) if named else "A member"
            planned.differing_view = (held_by, rng.choice(DIFFERING_VIEWS))
        return planned

    @property
    def yesterday(self):
        return self.today - datetime.timedelta(days=1)

    def age_range(self, kind):
        """How many days ago advice of this kind was given, at the least and at the most."""
        if kind == AWAITING:
            return 1, self.due_days - 1
        if kind == UNANSWERED:
            return self.due_days + 1, min(self.oldest, 400)
        if kind == ResponseOutcome.PENDING:
            return 3, min(self.oldest, 120)
        return 3, self.oldest

    def respond(self, planned, kind, due_on):
        """The police lead's response, version by version: first acknowledged, then decided."""
        rng, given_on = self.rng, planned.advice.given_on
        if kind in (AWAITING, UNANSWERED):
            return
        first = planned.recorded_at.date()
        if kind == ResponseOutcome.PENDING:
            acknowledged = self.after(first, rng.randint(1, 10))
            planned.responses.append((kind, "", "", self.at(acknowledged, 12)))
            return
        if rng.random() < LATE_DECISION:
            decided = due_on + datetime.timedelta(days=rng.randint(1, 45))
        else:
            decided = given_on + datetime.timedelta(
                days=rng.randint(1, max(1, (due_on - given_on).days))
            )
        decided = min(max(decided, first), self.yesterday)
        if rng.random() < ACKNOWLEDGED_FIRST:
            acknowledged = first + datetime.timedelta(days=rng.randint(0, (decided - first).days))
            planned.responses.append((ResponseOutcome.PENDING, "", "", self.at(acknowledged, 12)))
        reasons = rng.choice(REASONS[kind]) if rules.reasons_required(kind) else ""
        planned.responses.append((kind, rng.choice(DECISIONS[kind]), reasons, self.at(decided, 15)))

    def after(self, day, days):
        return min(day + datetime.timedelta(days=days), self.yesterday)

    def at(self, day, first_hour):
        """A time on ``day`` within the three hours from ``first_hour``: recorded in the morning,
        acknowledged at midday, decided in the afternoon, so a day's steps keep their order."""
        time = datetime.time(first_hour + self.rng.randint(0, 2), self.rng.randint(0, 59))
        return timezone.make_aware(datetime.datetime.combine(day, time))


def load_start(today):
    quarter = quarter_of(today)
    for _ in range(LOAD_QUARTERS):
        quarter = quarter.previous()
    return quarter.first_day


def days_back(rng, newest, oldest):
    """A number of days between ``newest`` and ``oldest``, more of them recent: the register is
    used more each year."""
    if oldest <= newest:
        return newest
    if rng.random() < 0.7:
        return rng.randint(newest, oldest)
    return round(rng.triangular(newest, oldest, newest))


def shares_of(total, shares, minimum=0):
    """``total`` split in proportion to ``shares`` (largest remainders), each at least
    ``minimum`` while there are enough to go round."""
    weight = sum(shares.values())
    exact = {key: total * share / weight for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    if total >= minimum * len(shares):
        counts = {key: max(count, minimum) for key, count in counts.items()}
    by_remainder = sorted(shares, key=lambda key: (-(exact[key] - int(exact[key])), str(key)))
    index = 0
    while sum(counts.values()) < total:
        counts[by_remainder[index % len(by_remainder)]] += 1
        index += 1
    while sum(counts.values()) > total:
        largest = max(counts, key=lambda key: (counts[key], str(key)))
        counts[largest] -= 1
    return counts


def ensure_groups(today):
    """An IAG in every borough policed by the MPS but Sutton (the dashboard's borough with no
    IAG), made as the demo makes them: a chair, members, a police lead and meetings."""
    missing = (
        Borough.objects.policed_by_mps().exclude(name=NO_IAG).filter(advisory_group__isnull=True)
    )
    for borough in missing:
        factory.random.reseed_random(LOAD_SEED + borough.pk)
        make_meetings(make_group(borough, today), today)
    return len(missing)


def groups_for(count, groups, held):
    """Which group gives each of ``count`` pieces of advice: first one each for any group with
    none, then the rest in proportion to how busy the borough is."""
    first = [group for group in groups if not held.get(group.pk)][:count]
    weights = {
        group: BOROUGH_ADVICE_WEIGHTS.get(group.borough.name, GROUP_WEIGHT) for group in groups
    }
    chosen = list(first)
    for group, number in shares_of(count - len(first), weights).items():
        chosen += [group] * number
    return chosen


def top_up_advice(total, today):
    """Add generated advice until the register holds ``total``: the load-work option."""
    held = Advice.objects.count()
    if total <= held:
        return 0
    count = total - held
    groups = list(
        AdvisoryGroup.objects.select_related("borough", "police_lead__user").order_by(
            "borough__name"
        )
    )
    per_group = dict(Advice.objects.order_by().values_list("group").annotate(n=Count("pk")))
    # Seeded by how many there are, so that the same top-up makes the same advice.
    maker = AdviceMaker(LOAD_SEED + 1000 + held, today, IAGSettings.load().response_due_days)
    chosen = groups_for(count, groups, per_group)
    kinds = [
        kind
        for kind, number in shares_of(count, OUTCOME_SHARES, minimum=1).items()
        for _ in range(number)
    ]
    maker.rng.shuffle(chosen)
    maker.rng.shuffle(kinds)
    pairs = list(zip(chosen, kinds, strict=True))
    for start in range(0, count, BATCH):
        store_advice([maker.make(group, kind) for group, kind in pairs[start : start + BATCH]])
    publish_earlier_quarters(today)
    return count


def store_advice(plans):
    """Store generated advice as ``services.record_advice`` and ``services.respond_to_advice``
    store real advice, in bulk: the Advice rows with one history record each ("Advice
    recorded"), a response per answered piece with a history record per version ("Response
    recorded", then "Response changed"), differing views with theirs, and the audit entries the
    services write, all dated to when the advice was recorded and answered."""
    from iag import services

    for plan in plans:
        advice = plan.advice
        advice._history_date = plan.recorded_at
        advice._history_user = advice.recorded_by
        advice._change_reason = "Advice recorded"
    bulk_create_with_history([plan.advice for plan in plans], Advice, batch_size=BATCH)

    entries, answered, views = [], [], []
    for plan in plans:
        advice = plan.advice
        entries.append((advice, services.RECORD_ADVICE, advice.recorded_by, plan.recorded_at))
        lead = advice.group.police_lead
        responder = lead.user if lead is not None and lead.user_id else None
        if plan.responses:
            outcome, decision, reasons, at = plan.responses[-1]
            response = AdviceResponse(
                advice=advice, outcome=outcome, decision=decision, reasons=reasons,
                responded_by=responder, responded_at=at, version=len(plan.responses),
            )  # fmt: skip
            answered.append((response, plan.responses))
            entries += [(advice, services.RESPOND, responder, at) for *_, at in plan.responses]
        if plan.differing_view is not None:
            held_by, view = plan.differing_view
            differing = DifferingView(advice=advice, held_by=held_by, view=view, sort_order=0)
            differing._history_date = plan.recorded_at
            differing._history_user = advice.recorded_by
            views.append(differing)

    AdviceResponse.objects.bulk_create([response for response, _ in answered], batch_size=BATCH)
    recorded, changed = [], []
    for response, versions in answered:
        for number, (outcome, decision, reasons, at) in enumerate(versions, start=1):
            version = response if number == len(versions) else copy.copy(response)
            version.outcome, version.decision, version.reasons = outcome, decision, reasons
            version.responded_at, version.version = at, number
            version._history_date = at
            version._history_user = response.responded_by
            version._change_reason = "Response recorded" if number == 1 else "Response changed"
            (recorded if number == 1 else changed).append(version)
    AdviceResponse.history.bulk_history_create(recorded, batch_size=BATCH)
    AdviceResponse.history.bulk_history_create(changed, batch_size=BATCH, update=True)
    bulk_create_with_history(views, DifferingView, batch_size=BATCH)
    log_in_bulk(entries)


def log_in_bulk(entries):
    """The audit entries ``wagtail.log_actions.log`` makes, made in bulk and dated as given:
    (advice, action, user, when) each."""
    log_model = log_registry.get_log_model_for_model(Advice)
    content_type = ContentType.objects.get_for_model(Advice, for_concrete_model=False)
    for action in {action for _, action, _, _ in entries}:
        if not log_registry.action_exists(action):
            raise ImproperlyConfigured(f"{action} is not a registered action.")
    log_model.objects.bulk_create(
        [
            log_model(
                content_type=content_type,
                object_id=str(advice.pk),
                label=log_model.objects.get_instance_title(advice),
                action=action,
                user=user,
                timestamp=at,
            )
            for advice, action, user, at in entries
        ],
        batch_size=BATCH,
    )


def publish_earlier_quarters(today):
    """London-wide feedback for the generated quarters before the showcase's year, compiled from
    the register: published, all but the newest of them, which awaits the central team's
    approval."""
    from iag import services

    newest = quarter_of(today)
    for _ in range(FEEDBACK_BEFORE):
        newest = newest.previous()
    quarter = quarter_of(load_start(today))
    while quarter <= newest:
        feedback, created = QuarterlyFeedback.objects.get_or_create(
            group=None, year=quarter.year, quarter=quarter.number,
            defaults={"summary": "What the police did with the IAGs' advice this quarter."},
        )  # fmt: skip
        if created:
            revision = services.compile_quarterly_feedback(feedback, None)
            if quarter != newest:
                revision.publish()
        quarter = quarter.next()


def load_logins(showcase):
    ensure_login(LOGINS["central"], roles=[Role.CENTRAL_TEAM])
    chair = showcase.chair_membership
    ensure_login(LOGINS["chair"], roles=[Role.IAG_CHAIR], person=chair.person)
    member = Membership.objects.active().filter(group=showcase, role="member").first()
    ensure_login(LOGINS["member"], roles=[Role.IAG_MEMBER], person=member.person)
    ensure_login(LOGINS["lead"], roles=[Role.POLICE_LEAD], person=showcase.police_lead)


def load(advice=0, **options):
    today = timezone.localdate()
    home = home_page()
    ensure_page(home, IAGDirectoryPage, DIRECTORY, show_in_menus=True)

    created = 0
    if not AdvisoryGroup.objects.exists():
        factory.random.reseed_random(DEMO_SEED + 1)
        for borough in Borough.objects.policed_by_mps().exclude(name=NO_IAG):
            group = make_group(borough, today)
            make_meetings(group, today)
            created += 1
    showcase = AdvisoryGroup.objects.get(borough__name=SHOWCASE)
    load_logins(showcase)
    if not Advice.objects.exists():
        for group in AdvisoryGroup.objects.filter(borough__name__in=ADVICE_BOROUGHS):
            make_advice(group, today)
        make_gold_groups_and_escalation()
    publish_last_quarter(today)
    if not RemovalVote.objects.exists():
        make_removal_vote(today)
    generated = 0
    if advice:
        created += ensure_groups(today)
        generated = top_up_advice(advice, today)
    return DemoSummary(
        lines=[
            f"{AdvisoryGroup.objects.count()} IAGs ({created} new), "
            f"{Membership.objects.count()} memberships, {Meeting.objects.count()} meetings, "
            f"{Advice.objects.count()} pieces of advice"
            f"{f' ({generated} generated for load work)' if generated else ''}; "
            f"directory at {Page.objects.type(IAGDirectoryPage).first().url}"
        ],
        logins=list(LOGINS.values()),
    )
