from hub.volunteering.models.pages import VolunteerRolesPage
from hub.volunteering.models.profiles import RoleProfile
from hub.volunteering.models.settings import VolunteeringSettings
from hub.volunteering.models.steering import SteeringGroup, SteeringGroupMember
from hub.volunteering.models.volunteers import (
    EmergencyContact,
    ExpenseClaim,
    Volunteer,
    VolunteerSession,
)
from hub.volunteering.models.workflow import SteeringGroupApprovalTask

__all__ = [
    "EmergencyContact",
    "ExpenseClaim",
    "RoleProfile",
    "SteeringGroup",
    "SteeringGroupApprovalTask",
    "SteeringGroupMember",
    "Volunteer",
    "VolunteerRolesPage",
    "VolunteerSession",
    "VolunteeringSettings",
]
