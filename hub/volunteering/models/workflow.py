"""Approval by the borough's steering group: a group approval task that only lets a current
member (or a deputy) of the profile's own borough's steering group approve, never someone
who drafted the version waiting, and never a version that fails the job-substitution test.

GUIDE: "The final approved version will then be presented for approval to the MVP Steering
Group." "any task which is considered as job substitution in the proposed new role profile,
is quickly identified and rejected or amended accordingly." The issue: "the person who drafted
it cannot approve it".
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import AbstractGroupApprovalTask, TaskState


class SteeringGroupTaskState(TaskState):
    """A task state of the steering group's approval. Its own class so that Wagtail's
    notification, which e-mails every user in the task's groups (every borough's steering
    group members), does not handle it; ``notify_reviewers`` e-mails the profile's own
    borough's group instead."""

    class Meta:
        verbose_name = "steering group approval state"


class SteeringGroupApprovalTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, but only for role profiles of a borough whose
    steering group they sit on, and not the versions they drafted."""

    task_state_class = SteeringGroupTaskState

    def reviewers(self, obj):
        """The users who may approve ``obj`` now: sitting members (deputies included) of its
        borough's steering group with the role, not those who drafted it."""
        from django.contrib.auth import get_user_model

        from hub.volunteering.models import SteeringGroupMember

        seats = SteeringGroupMember.objects.current().filter(group__borough_id=obj.borough_id)
        users = get_user_model().objects
        seated = users.filter(
            person__steering_group_seats__in=seats, groups__in=self.groups.all()
        ).values("pk")
        return users.filter(is_active=True, pk__in=seated).exclude(pk__in=obj.drafter_ids())

    def _sits_on(self, obj, user):
        from hub.volunteering.permissions import standing

        return obj.borough_id in standing(user).steering_boroughs

    def may_review(self, obj, user):
        return user.is_active and self._user_in_groups(user) and self._sits_on(obj, user)

    def refusal(self, obj, user):
        """Why ``user`` may not approve ``obj`` (the version waiting), or ``None``."""
        if not self.may_review(obj, user):
            return "Only a member of the borough's steering group can approve its role profiles."
        if user.pk in obj.drafter_ids():
            return "You drafted this version of the role profile, so someone else must approve it."
        problems = obj.approval_problems()
        if problems:
            return " ".join(problems)
        return None

    def user_can_access_editor(self, obj, user):
        return self.may_review(obj, user)

    def locked_for_user(self, obj, user):
        # While it waits, the profile is the group's to read, not anyone's to rewrite.
        return not self.may_review(obj, user)

    def user_can_lock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.may_review(obj, user):
            return []
        actions = [("reject", "Request changes", True)]
        if self.refusal(self._waiting_version(obj), user) is None:
            actions += [("approve", "Approve", False), ("approve", "Approve with comment", True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name == "approve":
            # Wagtail publishes the latest revision when the workflow ends, so that is the
            # version asked about (and the one submitted, if it differs).
            versions = {task_state.revision_id: task_state.revision.as_object()}
            latest = obj.get_latest_revision()
            versions.setdefault(latest.pk, latest.as_object())
            for version in versions.values():
                reason = self.refusal(version, user)
                if reason:
                    raise PermissionDenied(reason)
        elif not self.may_review(obj, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from hub.volunteering.permissions import standing

        boroughs = standing(user).steering_boroughs
        if not (user.is_active and self._user_in_groups(user) and boroughs):
            return TaskState.objects.none()
        from hub.volunteering.models import RoleProfile

        ids = RoleProfile.objects.filter(borough__in=boroughs).values_list("pk", flat=True)
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__object_id__in=[str(pk) for pk in ids],
        )

    @staticmethod
    def _waiting_version(obj):
        """The version that approval would publish: the latest revision."""
        return obj.get_latest_revision_as_object()

    @classmethod
    def get_description(cls):
        return (
            "Members of the profile's own borough steering group approve it; not the person "
            "who drafted it, and not while it fails the job-substitution test."
        )

    class Meta:
        verbose_name = "steering group approval"
        verbose_name_plural = "steering group approvals"
