from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.permissions import ScopedPermissionPolicy
from iag import permissions, services
from iag.models import (
    Advice,
    AdvisoryGroup,
    Escalation,
    GoldGroupRequest,
    Meeting,
    Membership,
    RemovalVote,
)

# Registered before the viewsets are built, so that every screen, export and chooser uses them.
register_permission_policy(
    AdvisoryGroup, ScopedPermissionPolicy(AdvisoryGroup, permissions.advisory_group_scope)
)
register_permission_policy(
    Membership, ScopedPermissionPolicy(Membership, permissions.membership_scope)
)
register_permission_policy(Meeting, ScopedPermissionPolicy(Meeting, permissions.meeting_scope))
register_permission_policy(Advice, ScopedPermissionPolicy(Advice, permissions.advice_scope))
register_permission_policy(RemovalVote, ScopedPermissionPolicy(RemovalVote, permissions.vote_scope))
for confidential_model in (GoldGroupRequest, Escalation):
    register_permission_policy(
        confidential_model,
        ScopedPermissionPolicy(confidential_model, permissions.confidential_record_scope),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    from iag.viewsets import IAGViewSetGroup

    return IAGViewSetGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label, message in (
        (services.RECORD_ATTENDANCE, "Record attendance", "Attendance recorded"),
        (services.RECORD_ADVICE, "Record advice", "Advice recorded"),
        (services.AMEND_ADVICE, "Amend advice", "Advice amended"),
        (services.RESPOND, "Respond to advice", "Response recorded"),
        (services.COMPILE_FEEDBACK, "Compile feedback", "Feedback compiled from the register"),
        (services.REQUEST_GOLD_GROUP, "Request a Gold Group", "Gold Group requested"),
        (services.ANSWER_GOLD_GROUP, "Answer a Gold Group request", "Gold Group request answered"),
        (services.RAISE_ESCALATION, "Raise an escalation", "Escalation raised"),
        (services.RESOLVE_ESCALATION, "Resolve an escalation", "Escalation resolved"),
        (services.OPEN_VOTE, "Open a removal vote", "Removal vote opened"),
        (services.RECORD_PROXY, "Record a proxy", "Proxy recorded"),
        (services.CAST_BALLOT, "Record a vote", "A vote was recorded"),
        (services.ENTER_TOTALS, "Enter a show of hands", "Show of hands counted"),
        (services.CLOSE_VOTE, "Close a removal vote", "Removal vote closed"),
        (services.REMOVE_BY_VOTE, "Remove a member by vote", "Member removed by vote"),
    ):
        actions.register_action(action, label, message)
