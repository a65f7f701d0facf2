from wagtail import hooks
from wagtail.permissions import register_permission_policy

from partnerships import permissions, services
from partnerships.models import (
    Action,
    ActionPlan,
    Board,
    BoardMeeting,
    BoardMembership,
    BoardReport,
    Initiative,
)

# Registered before the viewsets are built, so that every screen, export and chooser uses them.
for model, scope in (
    (Board, permissions.board_scope),
    (BoardMembership, permissions.membership_scope),
    (BoardMeeting, permissions.meeting_scope),
    (BoardReport, permissions.report_scope),
    (Initiative, permissions.initiative_scope),
    (ActionPlan, permissions.board_work_scope("board")),
    (Action, permissions.board_work_scope("plan__board")),
):
    register_permission_policy(model, permissions.BoardPermissionPolicy(model, scope))


@hooks.register("register_admin_viewset")
def register_viewsets():
    from partnerships.viewsets import PartnershipViewSetGroup

    return PartnershipViewSetGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(services.SUBMIT_REPORT, "Submit a report", "Report submitted")
    actions.register_action(services.PUBLISH_REPORT, "Publish a report", "Report published")
