from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.permissions import ScopedPermissionPolicy
from iag import permissions, services
from iag.models import AdvisoryGroup, Meeting, Membership

# Registered before the viewsets are built, so that every screen, export and chooser uses them.
register_permission_policy(
    AdvisoryGroup, ScopedPermissionPolicy(AdvisoryGroup, permissions.advisory_group_scope)
)
register_permission_policy(
    Membership, ScopedPermissionPolicy(Membership, permissions.membership_scope)
)
register_permission_policy(Meeting, ScopedPermissionPolicy(Meeting, permissions.meeting_scope))


@hooks.register("register_admin_viewset")
def register_viewsets():
    from iag.viewsets import IAGViewSetGroup

    return IAGViewSetGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(services.RECORD_ATTENDANCE, "Record attendance", "Attendance recorded")
