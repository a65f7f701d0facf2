"""List filters whose choices are scoped like the records: a chair's "group" filter offers only
their own group."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import policy_registry

from iag.models import AdvisoryGroup, Meeting, Membership


def visible_groups(request):
    if request is None:
        return AdvisoryGroup.objects.none()
    policy = policy_registry.get_by_type(AdvisoryGroup)
    return policy.instances_user_has_any_permission_for(request.user, ["view"])


class MembershipFilterSet(WagtailFilterSet):
    group = django_filters.ModelChoiceFilter(queryset=visible_groups)

    class Meta:
        model = Membership
        fields = ["group", "role", "status", "connection"]


class MeetingFilterSet(WagtailFilterSet):
    group = django_filters.ModelChoiceFilter(queryset=visible_groups)

    class Meta:
        model = Meeting
        fields = ["group", "kind", "minutes_status"]
