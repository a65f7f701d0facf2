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
"""

import datetime

import factory.random
from django.utils import timezone
from wagtail.models import Page

from hub.demo import DemoLogin, DemoSummary, ensure_login
from hub.demo.loader import DEMO_SEED, ensure_page, home_page
from hub.enums import MinutesStatus
from hub.models import Borough
from hub.roles import Role
from iag.enums import MeetingKind, PoliceRank
from iag.models import (
    Advice,
    AdvisoryGroup,
    DifferingView,
    IAGDirectoryPage,
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


def load_logins(showcase):
    ensure_login(LOGINS["central"], roles=[Role.CENTRAL_TEAM])
    chair = showcase.chair_membership
    ensure_login(LOGINS["chair"], roles=[Role.IAG_CHAIR], person=chair.person)
    member = Membership.objects.active().filter(group=showcase, role="member").first()
    ensure_login(LOGINS["member"], roles=[Role.IAG_MEMBER], person=member.person)
    ensure_login(LOGINS["lead"], roles=[Role.POLICE_LEAD], person=showcase.police_lead)


def load(**options):
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
    return DemoSummary(
        lines=[
            f"{AdvisoryGroup.objects.count()} IAGs ({created} new), "
            f"{Membership.objects.count()} memberships, {Meeting.objects.count()} meetings, "
            f"{Advice.objects.count()} pieces of advice; "
            f"directory at {Page.objects.type(IAGDirectoryPage).first().url}"
        ],
        logins=list(LOGINS.values()),
    )
