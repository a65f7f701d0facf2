from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_roles(sender, plan=None, **kwargs):
    from hub.roles import ROLE_PERMISSIONS, sync_role_permissions

    sync_role_permissions(ROLE_PERMISSIONS, plan)


class HubConfig(AppConfig):
    """The project's shared core: users, boroughs, people, organisations and public pages."""

    name = "hub"
    verbose_name = "Hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.signal_handlers import register_signal_handlers

        register_signal_handlers()
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="hub_sync_roles")
