from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_roles(sender, plan=None, **kwargs):
    from consultation.roles import ROLE_PERMISSIONS
    from hub.roles import sync_role_permissions

    sync_role_permissions(ROLE_PERMISSIONS, plan)


class ConsultationConfig(AppConfig):
    """Consultations, questionnaires, responses, results and "you said, we did"."""

    name = "consultation"
    verbose_name = "Consultation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="consultation_sync_roles")
