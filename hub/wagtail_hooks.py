from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from hub.models import Borough
from hub.permissions import ReadOnlyPermissionPolicy
from hub.viewsets import ReferenceViewSetGroup

# Registered before the viewsets so that every admin screen and chooser uses it.
register_permission_policy(Borough, ReadOnlyPermissionPolicy(Borough))

register_snippet(ReferenceViewSetGroup)
