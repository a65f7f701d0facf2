"""Every borough against what the IAG principles require, for the central team's dashboard.

A fixed number of queries whatever the number of groups, members or meetings: boroughs with their
groups, the active memberships, and one aggregate over meetings.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from hub.enums import MinutesStatus
from hub.models import Borough
from iag.models import AdvisoryGroup, Membership


@dataclass
class ComplianceRow:
    borough: str
    policed_by_mps: bool
    has_iag: bool
    group: AdvisoryGroup | None = None
    chair_name: str = ""
    chair_cleared: bool = False
    active_members: int = 0
    members_without_agreements: int = 0
    agreements_due_for_renewal: int = 0
    last_meeting_with_lead: datetime.date | None = None
    next_meeting_due_by: datetime.date | None = None
    overdue_for_meeting: bool = False
    minutes_awaiting_approval: int = 0
    minutes_awaiting_publication: int = 0
    shortfalls: list[str] = field(default_factory=list)


def compliance_rows(today: datetime.date, renewal_months: int) -> list[ComplianceRow]:
    groups = {
        group.borough_id: group
        for group in AdvisoryGroup.objects.with_last_meeting_with_lead(today).annotate(
            awaiting_approval=Count(
                "meetings",
                filter=Q(meetings__minutes_status=MinutesStatus.DRAFT, meetings__date__lte=today),
                distinct=True,
            ),
            awaiting_publication=Count(
                "meetings",
                filter=Q(meetings__minutes_status=MinutesStatus.APPROVED),
                distinct=True,
            ),
        )
    }
    memberships = defaultdict(list)
    for membership in Membership.objects.active().select_related("person"):
        memberships[membership.group_id].append(membership)

    rows = []
    for borough in Borough.objects.all():
        group = groups.get(borough.pk)
        row = ComplianceRow(
            borough=borough.name, policed_by_mps=borough.policed_by_mps, has_iag=group is not None
        )
        rows.append(row)
        if group is None:
            if borough.policed_by_mps:
                row.shortfalls.append("No IAG (principle 13)")
            continue
        row.group = group
        members = memberships[group.pk]
        chair = next((m for m in members if m.is_chair), None)
        row.chair_name = chair.person.name if chair else ""
        row.chair_cleared = bool(chair and chair.chair_is_cleared)
        row.active_members = len(members)
        row.members_without_agreements = sum(
            not m.agreements_in_force(today, renewal_months) for m in members
        )
        row.agreements_due_for_renewal = sum(
            m.agreements_due_for_renewal(today, renewal_months) for m in members
        )
        row.last_meeting_with_lead = group.last_meeting_with_lead
        row.next_meeting_due_by = group.next_meeting_due_by(today)
        row.overdue_for_meeting = group.is_overdue_for_meeting(today)
        row.minutes_awaiting_approval = group.awaiting_approval
        row.minutes_awaiting_publication = group.awaiting_publication

        if chair is None:
            row.shortfalls.append("No chair")
        elif not row.chair_cleared:
            row.shortfalls.append("Chair not vetted or risk-assessed (principle 10)")
        if row.members_without_agreements:
            row.shortfalls.append("Agreements not signed (principle 10)")
        if row.overdue_for_meeting:
            row.shortfalls.append("No meeting with the police lead last quarter (principle 24)")
    return rows
