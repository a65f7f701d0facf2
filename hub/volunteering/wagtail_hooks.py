from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.permissions import ScopedPermissionPolicy
from hub.volunteering import permissions
from hub.volunteering.models import (
    ExpenseClaim,
    RoleProfile,
    SteeringGroup,
    SteeringGroupMember,
    Volunteer,
    VolunteerSession,
)

# Registered before the viewsets so that every admin screen, chooser and export uses them.
register_permission_policy(
    SteeringGroup, ScopedPermissionPolicy(SteeringGroup, permissions.steering_group_scope)
)
register_permission_policy(
    SteeringGroupMember,
    ScopedPermissionPolicy(SteeringGroupMember, permissions.steering_member_scope),
)
register_permission_policy(
    RoleProfile,
    permissions.RoleProfilePermissionPolicy(RoleProfile, permissions.role_profile_scope),
)
register_permission_policy(
    Volunteer, ScopedPermissionPolicy(Volunteer, permissions.volunteer_scope)
)
for record_model in (VolunteerSession, ExpenseClaim):
    register_permission_policy(
        record_model, ScopedPermissionPolicy(record_model, permissions.volunteer_record_scope)
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    from hub.volunteering.viewsets import VolunteeringViewSetGroup

    return VolunteeringViewSetGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    from hub.volunteering.services import LOG_ACTIONS

    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
