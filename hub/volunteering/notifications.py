"""E-mail the borough's own steering group when a role profile waits for its approval, never
the members of other boroughs' groups (Wagtail's own notification would tell every user in the
task's groups)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier


class SteeringGroupSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def __init__(self):
        from hub.volunteering.models.workflow import SteeringGroupTaskState

        super(GroupApprovalTaskStateSubmissionEmailNotifier, self).__init__()
        self.valid_classes = (SteeringGroupTaskState,)

    def get_template_base_prefix(self, instance, **kwargs):
        return "task_state_"  # Wagtail's own wording for a task waiting for review

    def get_recipient_users(self, task_state, **kwargs):
        task = task_state.task.specific
        recipients = task.reviewers(task_state.workflow_state.content_object)
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(
                is_superuser=True, is_active=True
            )
        user = kwargs.get("user")
        if user is not None:
            recipients = recipients.exclude(pk=user.pk)
        return recipients


notify_reviewers = SteeringGroupSubmissionNotifier()
