from django.apps import AppConfig
from django.db.models.signals import post_migrate


def sync_roles(sender, plan=None, **kwargs):
    from hub.roles import sync_role_permissions
    from partnerships.roles import ROLE_PERMISSIONS

    sync_role_permissions(ROLE_PERMISSIONS, plan)


class PartnershipsConfig(AppConfig):
    """Voluntary-sector partnership boards, their reports up the chain and action plans."""

    name = "partnerships"
    verbose_name = "Partnerships"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # After every migrate (and test database set-up), the roles get the permissions this
        # app declares; permissions themselves only exist once migrations have run.
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="partnerships_sync_roles")
