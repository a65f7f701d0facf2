"""List filters whose choices are scoped like the records: a chair's "group" filter offers only
their own group."""

import django_filters
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import policy_registry

from iag.enums import ResponseOutcome
from iag.models import Advice, AdvisoryGroup, Meeting, Membership
from iag.rules import Quarter, quarter_of


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


def recent_quarters(count=8):
    quarter = quarter_of(timezone.localdate())
    choices = []
    for _ in range(count):
        choices.append((f"{quarter.year}-{quarter.number}", str(quarter)))
        quarter = quarter.previous()
    return choices


class AdviceFilterSet(WagtailFilterSet):
    """The register's filters: borough (group), category, outcome, quarter and overdue (P28)."""

    group = django_filters.ModelChoiceFilter(queryset=visible_groups, label="Group (borough)")
    outcome = django_filters.ChoiceFilter(choices=ResponseOutcome.choices, method="by_outcome")
    quarter = django_filters.ChoiceFilter(choices=recent_quarters, method="by_quarter")
    overdue = django_filters.BooleanFilter(method="by_overdue", label="Overdue")

    class Meta:
        model = Advice
        fields = ["group", "category", "outcome", "quarter", "overdue"]

    def by_outcome(self, queryset, name, value):
        if value == ResponseOutcome.PENDING:
            return queryset.awaiting_response()
        return queryset.filter(response__outcome=value)

    def by_quarter(self, queryset, name, value):
        year, number = (int(part) for part in value.split("-"))
        return queryset.in_quarter(Quarter(year, number))

    def by_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
