"""Roles are Wagtail groups; what each may do is declared by the app that owns the models.

A role says what kind of thing someone may do (a chair may edit meetings); the permission
policies then narrow it to the records their membership covers (their own group's meetings).
Each app lists its role permissions in ``<app>/roles.py`` and syncs them after migrations, so
that every database, including a test database, has the same roles.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import TextChoices


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
        wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    group.permissions.add(*wanted)
    return group


def sync_role_permissions(role_permissions):
    """Apply a ``{Role: [permission names]}`` map; used from each app's post_migrate handler.

    The apps' own post_migrate handlers may run before Django has created their permissions
    (they are connected in INSTALLED_APPS order), so make sure the permissions exist first.
    """
    labels = {name.split(".", 1)[0] for names in role_permissions.values() for name in names}
    for label in labels:
        create_permissions(apps.get_app_config(label), verbosity=0)
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
