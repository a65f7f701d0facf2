import pytest

from hub.roles import Role
from hub.volunteering.enums import Responsibility
from tests.hub.factories import PersonFactory, UserFactory
from tests.iag.conftest import user_with_role
from tests.volunteering.factories import (
    SteeringGroupFactory,
    SteeringGroupMemberFactory,
    borough,
)


class Programme:
    """Two boroughs' steering groups (Islington "here", Camden "elsewhere"), each with a
    programme manager, a union representative and a business manager with a deputy, and a
    user for every role."""

    def __init__(self):
        self.group = SteeringGroupFactory(borough=borough("Islington"))
        self.other_group = SteeringGroupFactory(borough=borough("Camden"))
        self.borough = self.group.borough
        self.other_borough = self.other_group.borough

        def seat(username, role, group, responsibility, **extra):
            person = PersonFactory(name=f"{username.title()} Example")
            user = user_with_role(username, role, person)
            SteeringGroupMemberFactory(
                group=group, person=person, responsibility=responsibility, **extra
            )
            return user

        self.manager = seat(
            "manager", Role.PROGRAMME_MANAGER, self.group, Responsibility.PROGRAMME_MANAGER
        )
        self.union_rep = seat("unionrep", Role.STEERING_GROUP, self.group, Responsibility.UNION_REP)
        self.business = seat(
            "business", Role.STEERING_GROUP, self.group, Responsibility.BUSINESS_MANAGER
        )
        member = self.group.members.get(person__user=self.business)
        self.deputy = seat(
            "deputy",
            Role.STEERING_GROUP,
            self.group,
            Responsibility.BUSINESS_MANAGER,
            deputy_for=member,
        )
        self.other_manager = seat(
            "othermanager",
            Role.PROGRAMME_MANAGER,
            self.other_group,
            Responsibility.PROGRAMME_MANAGER,
        )
        self.other_member = seat(
            "othermember", Role.STEERING_GROUP, self.other_group, Responsibility.UNION_REP
        )
        self.users = {
            "anonymous": None,
            "no role": UserFactory(username="norole"),
            "central team": user_with_role("central", Role.CENTRAL_TEAM),
            "programme manager": self.manager,
            "steering group member": self.union_rep,
            "deputy": self.deputy,
            "other borough's manager": self.other_manager,
            "other borough's member": self.other_member,
        }


@pytest.fixture
def programme(db):
    return Programme()
