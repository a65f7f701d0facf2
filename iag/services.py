"""State changes for IAG records: one transaction each, with history and an audit-log entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from hub.enums import AttendanceStatus
from iag.models import Attendance, Meeting, Membership

RECORD_ATTENDANCE = "iag.attendance.record"


def members_at(meeting):
    """Who was a member of the group on the day of the meeting."""
    return (
        Membership.objects.filter(group=meeting.group, joined_on__lte=meeting.date)
        .exclude(left_on__lt=meeting.date)
        .select_related("person")
        .order_by("person__name")
    )


@transaction.atomic
def record_attendance(meeting, statuses, user):
    """Record present / apologies / absent for each member, from ``{membership_id: status}``."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.minutes_are_draft:
        raise ValidationError("The minutes are approved: attendance can no longer change.")
    eligible = {membership.pk: membership for membership in members_at(meeting)}
    unknown = set(statuses) - set(eligible)
    if unknown:
        raise ValidationError("Attendance can only be recorded for members of the group.")
    valid = set(AttendanceStatus.values)
    for membership_id, status in statuses.items():
        if status not in valid:
            raise ValidationError(f"Unknown attendance status: {status!r}.")
        record = Attendance.objects.filter(meeting=meeting, membership_id=membership_id).first()
        if record is None:
            record = Attendance(meeting=meeting, membership=eligible[membership_id])
        elif record.status == status:
            continue
        record.status = status
        record._history_user = user
        record._change_reason = "Attendance recorded"
        record.save()
    log(instance=meeting, action=RECORD_ATTENDANCE, user=user)
    return meeting
