import pytest

from hub.roles import Role
from tests.hub.factories import UserFactory
from tests.iag.conftest import user_with_role
from tests.partnerships.factories import (
    BoardMeetingFactory,
    BoardMembershipFactory,
    build_structure,
)


class Boards:
    """Two partnerships' structures (the second is "elsewhere") and a user for every role."""

    def __init__(self):
        self.s = build_structure()
        self.other = build_structure()
        s = self.s
        self.secretary_youth = BoardMembershipFactory(board=s.youth, secretary=True)
        self.meeting_youth = BoardMeetingFactory(board=s.youth)
        self.meeting_project_a = BoardMeetingFactory(board=s.project_a)

        def member(username, membership):
            return user_with_role(username, Role.BOARD_MEMBER, membership.person)

        self.users = {
            "anonymous": None,
            "no role": UserFactory(username="norole"),
            "central team": user_with_role("central", Role.CENTRAL_TEAM),
            "executive chair": member("exec-chair", s.chairs["executive"]),
            "central chair": member("central-chair", s.chairs["central"]),
            "youth chair": member("youth-chair", s.chairs["youth"]),
            "youth secretary": member("youth-secretary", self.secretary_youth),
            "youth member": member("youth-member", s.members["youth"]),
            "project A member": member("project-a-member", s.members["project_a"]),
            "IAG chair": user_with_role("iag-chair", Role.IAG_CHAIR),
        }


@pytest.fixture
def boards(db):
    return Boards()
