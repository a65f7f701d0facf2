from iag.models.advice import Advice, AdviceResponse, DifferingView
from iag.models.escalation import Escalation, GoldGroupRequest
from iag.models.feedback import QuarterlyFeedback
from iag.models.groups import AdvisoryGroup
from iag.models.meetings import Attendance, Meeting, MeetingGuest, MinuteItem
from iag.models.membership import Membership
from iag.models.pages import IAGDirectoryPage
from iag.models.settings import IAGSettings
from iag.models.votes import Ballot, Proxy, RemovalVote

__all__ = [
    "Advice",
    "AdviceResponse",
    "AdvisoryGroup",
    "Attendance",
    "Ballot",
    "DifferingView",
    "Escalation",
    "GoldGroupRequest",
    "IAGDirectoryPage",
    "IAGSettings",
    "Meeting",
    "MeetingGuest",
    "Membership",
    "MinuteItem",
    "Proxy",
    "QuarterlyFeedback",
    "RemovalVote",
]
