"""Roles are Wagtail groups; what each may do is declared by the app that owns the models.

A role says what kind of thing someone may do (a chair may edit meetings); the permission
policies then narrow it to the records their membership covers (their own group's meetings).
Each app lists its role permissions in ``<app>/roles.py`` and syncs them after migrations, so
that every database, including a test database, has the same roles.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import TextChoices
from wagtail.models import DraftStateMixin, LockableMixin


class Role(TextChoices):
    SITE_EDITOR = "Site editors", "Site editor"
    CENTRAL_TEAM = "Central team", "Central team"
    IAG_CHAIR = "IAG chairs", "IAG chair"
    IAG_MEMBER = "IAG members", "IAG member"
    POLICE_LEAD = "Police leads", "Police lead"
    BOARD_MEMBER = "Partnership board members", "Partnership board member"
    CONSULTATION_MANAGER = "Consultation managers", "Consultation manager"
    DATA_ENTRY = "Data-entry volunteers", "Data-entry volunteer"
    PROGRAMME_MANAGER = "Volunteer programme managers", "Volunteer programme manager"
    STEERING_GROUP = "Steering group members", "Steering group member"


# Every role signs in to the admin.
ADMIN_ACCESS = "wagtailadmin.access_admin"


def user_has_role(user, role: Role) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    cache = getattr(user, "_hub_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._hub_role_names = cache
    return role.value in cache


def grant(role: Role, permission_names):
    """Give ``role`` these permissions (``app_label.codename``), adding to what it has."""
    group, _ = Group.objects.get_or_create(name=role.value)
    wanted = []
    for name in [ADMIN_ACCESS, *permission_names]:
        app_label, codename = name.split(".", 1)
        try:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
        except Permission.DoesNotExist as missing:
            raise Permission.DoesNotExist(
                f"{role.label} needs {name}, which does not exist"
            ) from missing
        wanted.append(permission)
    group.permissions.add(*wanted)
    return group


def ensure_admin_access_permission():
    """Wagtail's own "access admin" permission, made by its migration: after a test database
    is flushed, migrations do not run again, but this post_migrate handler does."""
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )


def ensure_wagtail_extra_permissions(app_labels):
    """The publish, lock and unlock permissions of drafted models in these apps.

    Wagtail creates them only for registered snippets, in a post_migrate handler that runs after
    the apps before it in INSTALLED_APPS and before snippet viewsets are registered, so they
    may not exist yet when an app grants them to its roles.
    """
    for label in app_labels:
        for model in apps.get_app_config(label).get_models():
            content_type = ContentType.objects.get_for_model(model)
            actions = []
            if issubclass(model, DraftStateMixin):
                actions.append("publish")
            if issubclass(model, LockableMixin):
                actions += ["lock", "unlock"]
            for action in actions:
                Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model._meta.model_name}",
                    defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
                )


def sync_role_permissions(role_permissions, plan=None):
    """Apply a ``{Role: [permission names]}`` map; used from each app's post_migrate handler.

    The apps' own post_migrate handlers may run before Django has created their permissions
    (they are connected in INSTALLED_APPS order), so make sure the permissions exist first.
    """
    if plan and any(backwards for _, backwards in plan):
        return  # unapplying migrations: the models (and so the permissions) may be gone
    labels = {name.split(".", 1)[0] for names in role_permissions.values() for name in names}
    for label in labels:
        create_permissions(apps.get_app_config(label), verbosity=0)
    ensure_admin_access_permission()
    ensure_wagtail_extra_permissions(labels)
    for role, names in role_permissions.items():
        grant(role, names)


# What each role may do with the shared core's records. The central team keeps the directory of
# people and organisations (and so may choose a group's police lead from it).
ROLE_PERMISSIONS = {
    Role.CENTRAL_TEAM: [
        "hub.view_person",
        "hub.add_person",
        "hub.change_person",
        "hub.view_organisation",
        "hub.add_organisation",
        "hub.change_organisation",
        "hub.view_borough",
    ],
}
