from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_roles(sender, plan=None, **kwargs):
    from hub.roles import sync_role_permissions
    from hub.volunteering.roles import ROLE_PERMISSIONS

    sync_role_permissions(ROLE_PERMISSIONS, plan)


class VolunteeringConfig(AppConfig):
    """The volunteer programme: steering groups, role profiles approved by them, volunteers
    and the time they give. Part of the shared core (``hub``) by the project's layout, kept in
    its own app so that it has the same shape as every other capability."""

    name = "hub.volunteering"
    label = "volunteering"
    verbose_name = "Volunteer programme"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import task_submitted

        from hub.volunteering.models.workflow import SteeringGroupTaskState
        from hub.volunteering.notifications import notify_reviewers

        post_migrate.connect(sync_roles, sender=self, dispatch_uid="volunteering_sync_roles")
        task_submitted.connect(
            notify_reviewers,
            sender=SteeringGroupTaskState,
            dispatch_uid="volunteering_notify_steering_group",
        )
