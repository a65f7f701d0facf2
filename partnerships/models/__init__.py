from partnerships.models.meetings import BoardMeeting, BoardMinuteItem
from partnerships.models.membership import BoardMembership
from partnerships.models.pages import PartnershipPage, PublicationPage
from partnerships.models.structure import Board, Partnership, Strategy, Theme
from partnerships.models.work import Action, ActionPlan, BoardReport, Initiative

__all__ = [
    "Action",
    "ActionPlan",
    "Board",
    "BoardMeeting",
    "BoardMembership",
    "BoardMinuteItem",
    "BoardReport",
    "Initiative",
    "Partnership",
    "PartnershipPage",
    "PublicationPage",
    "Strategy",
    "Theme",
]
