import pytest
from django.contrib.auth.models import Group

from hub.roles import Role
from tests.hub.factories import PersonFactory, UserFactory
from tests.iag.factories import AdvisoryGroupFactory, MeetingFactory, MembershipFactory


def user_with_role(username, role=None, person=None):
    user = UserFactory(username=username)
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    if person is not None:
        person.user = user
        person.save()
    return user


class World:
    """Two groups, A (Islington) and B (Camden), and a user for every role on each side."""

    def __init__(self):
        from hub.models import Borough

        self.group_a = AdvisoryGroupFactory(borough=Borough.objects.get(name="Islington"))
        self.group_b = AdvisoryGroupFactory(borough=Borough.objects.get(name="Camden"))
        self.chair_a = MembershipFactory(group=self.group_a, chair=True)
        self.member_a = MembershipFactory(group=self.group_a)
        self.unsigned_a = MembershipFactory(group=self.group_a, unsigned=True)
        self.chair_b = MembershipFactory(group=self.group_b, chair=True)
        self.member_b = MembershipFactory(group=self.group_b)
        self.meeting_a = MeetingFactory(group=self.group_a)
        self.meeting_b = MeetingFactory(group=self.group_b)

        self.users = {
            "anonymous": None,
            "no role": UserFactory(username="norole"),
            "central team": user_with_role("central", Role.CENTRAL_TEAM),
            "chair A": user_with_role("chair-a", Role.IAG_CHAIR, self.chair_a.person),
            "member A": user_with_role("member-a", Role.IAG_MEMBER, self.member_a.person),
            "unsigned member A": user_with_role(
                "unsigned-a", Role.IAG_MEMBER, self.unsigned_a.person
            ),
            "police lead A": user_with_role("lead-a", Role.POLICE_LEAD, self.group_a.police_lead),
            "chair B": user_with_role("chair-b", Role.IAG_CHAIR, self.chair_b.person),
        }


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def person():
    return PersonFactory()
