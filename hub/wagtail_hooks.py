from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from hub import services, side_doors
from hub.models import Borough
from hub.permissions import ReadOnlyPermissionPolicy
from hub.viewsets import ReferenceViewSetGroup

# Registered before the viewsets so that every admin screen and chooser uses it.
register_permission_policy(Borough, ReadOnlyPermissionPolicy(Borough))

register_snippet(ReferenceViewSetGroup)


# The page chooser lists only the pages a user could view on the public site and those they may
# explore under their page permissions (browsing and searching both ask this hook).
hooks.register("construct_page_chooser_queryset", side_doors.choosable_pages)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(services.APPROVE_MINUTES, "Approve minutes", "Minutes approved")
    actions.register_action(services.PUBLISH_MINUTES, "Publish minutes", "Minutes published")
    actions.register_action(
        services.RETURN_MINUTES_TO_DRAFT, "Return minutes to draft", "Minutes returned to draft"
    )
    actions.register_action(
        services.WITHHOLD_MINUTE_ITEM,
        "Withhold a minute item",
        "A minute item was withheld at the request of the police lead",
    )
