from iag.models.groups import AdvisoryGroup
from iag.models.meetings import Attendance, Meeting, MeetingGuest, MinuteItem
from iag.models.membership import Membership
from iag.models.pages import IAGDirectoryPage
from iag.models.settings import IAGSettings

__all__ = [
    "AdvisoryGroup",
    "Attendance",
    "IAGDirectoryPage",
    "IAGSettings",
    "Meeting",
    "MeetingGuest",
    "Membership",
    "MinuteItem",
]
