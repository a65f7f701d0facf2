"""The site history report, narrowed to the records each user may see.

Wagtail's report lists every audit-log entry of any model the user has some permission on,
whatever the record. For records under a ScopedPermissionPolicy (an IAG's members and meetings)
that would show one borough's chair the names and actions of every other borough; here each
such entry is kept only if the user may view the record it is about.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from hub.permissions import ScopedPermissionPolicy


def scoped_log_entries(queryset, user):
    """``queryset`` of log entries without those about records ``user`` may not view."""
    if queryset.model is not ModelLogEntry or user.is_superuser:
        return queryset
    for policy in ScopedPermissionPolicy.registered:
        visible = policy.instances_user_has_any_permission_for(user, ["view", "change"])
        content_type = ContentType.objects.get_for_model(policy.model)
        queryset = queryset.exclude(
            Q(content_type=content_type)
            & ~Q(object_id__in=visible.annotate(key=Cast("pk", CharField())).values("key"))
        )
    return queryset


def visible_log_entries(log_model, user):
    return scoped_log_entries(log_model.objects.viewable_by_user(user), user)


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """Offer as "users" only the people behind entries this user may see."""

    def get_users_queryset(self):
        user_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            user_ids.update(visible_log_entries(log_model, self.request.user).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)

    get_user_choices = get_users_queryset


class ScopedLogEntriesView(LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        return super().filter_queryset(scoped_log_entries(queryset, self.request.user))
