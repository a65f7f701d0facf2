"""Who may see what. Predicates here are the single place each access rule is decided."""

import operator
from functools import cached_property, reduce

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy


def failed_view_restrictions(request):
    """The view restrictions (login, groups, password) that this request does not pass.

    Memoised on the request: navigation, listings and search all ask within one response.
    """
    cached = getattr(request, "_hub_failed_restrictions", None)
    if cached is None:
        from hub.routing import view_restrictions

        cached = [r for r in view_restrictions(request).all if not r.accept_request(request)]
        request._hub_failed_restrictions = cached
    return cached


def pages_visible_to(request, queryset=None):
    """Live pages this request may view: nothing under a restriction it does not pass.

    Used for navigation, listings and search alike, so that the title of a page restricted to
    a group never reaches someone outside that group by any of those routes.
    """
    pages = (Page.objects.all() if queryset is None else queryset).live()
    for restriction in failed_view_restrictions(request):
        pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def remembered_visible_pages(request, name, queryset):
    """``list(pages_visible_to(request, queryset()))``, remembered in this process while the
    page cache's generation stays current (``hub.page_cache.remembered``).

    What a visitor may see depends only on the pages and on which view restrictions the
    visitor fails, so the list is remembered for each set of failed restrictions.
    """
    from hub.page_cache import remembered

    failed = tuple(sorted(restriction.pk for restriction in failed_view_restrictions(request)))
    return remembered(request, (name, failed), lambda: list(pages_visible_to(request, queryset())))


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Reference data (boroughs): viewable with the view permission; nobody adds, edits, deletes."""

    READ_ACTIONS = frozenset({"view"})

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        readable = [action for action in actions if action in self.READ_ACTIONS]
        if not readable:
            return get_user_model().objects.none()
        return super().users_with_any_permission(readable)


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (from roles) narrowed to the records a user's membership covers.

    ``scope(user, action)`` returns a ``Q`` over the model: ``Q()`` for every record, or a filter
    such as "meetings of the groups this user chairs". Every admin screen, export and chooser
    that asks the policy therefore sees the same rows.
    """

    #: Every scoped policy created, so that cross-model screens (the site history report) can
    #: apply each model's scope to the log entries they list.
    registered: list["ScopedPermissionPolicy"] = []

    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope
        ScopedPermissionPolicy.registered.append(self)

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = [action for action in actions if self.user_has_permission(user, action)]
        if not allowed:
            return self.model._default_manager.none()
        conditions = [self.scope(user, action) for action in allowed]
        # An empty Q means "every record". (Q() | Q(x) is Q(x) in Django, so test for it first.)
        if any(not condition for condition in conditions):
            return self.model._default_manager.all()
        return self.model._default_manager.filter(reduce(operator.or_, conditions))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if instance.pk is None:
            return self.user_has_any_permission(user, actions)
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


class BaseStanding:
    """A user's relation to the bodies of one app (IAGs, boards), worked out once per request.

    Subclasses add what the user's memberships give them; ``for_user`` keeps one per user object
    (a request's user), so every screen, list and form in a response asks only once.
    """

    cache_attribute = None  # set per subclass: where the standing is kept on the user

    def __init__(self, user):
        self.user = user

    @classmethod
    def for_user(cls, user):
        cached = getattr(user, cls.cache_attribute, None)
        if cached is None:
            cached = cls(user)
            if user is not None:
                setattr(user, cls.cache_attribute, cached)
        return cached

    @cached_property
    def active(self):
        return bool(self.user and self.user.is_authenticated and self.user.is_active)

    @cached_property
    def is_superuser(self):
        return self.active and self.user.is_superuser

    @cached_property
    def sees_everything(self):
        """The central team (and a superuser) reads every body's records."""
        from hub.roles import Role, user_has_role

        return self.is_superuser or (self.active and user_has_role(self.user, Role.CENTRAL_TEAM))
