"""Wagtail admin screens that show a record's title without asking whether the user may see it.

Found by the URL matrix (``tests/test_url_matrix.py``), which asks for every URL pattern as
every role. Each view here wraps Wagtail's own and adds only the missing check; the URLs are
wired in ``hub/urls.py`` ahead of Wagtail's admin URLs, like the site history report.

- **Bulk actions**: the confirmation screen listed every item asked for, by title, including
  those the user may not act on ("you don't have permission to delete these pages: ..."), so any
  admin user could read draft page titles, people's names, document and image titles by id.
  Here such items are dropped; if none is left the request is refused.
- **Moving a page**: the confirmation screen checked nothing; it showed the page's latest draft
  title and the destination's. Now it needs the permission the move itself needs.
- **Workflow cancellation** (asked before publishing a page that is in a workflow) checked
  nothing; it showed the workflow and the task the page was at. Now it needs permission to edit
  or publish the page. (The snippets' own screen, for quarterly feedback, is guarded in
  ``hub.viewsets``.)
- **The page chooser** listed every page, drafts and restricted pages included, to anyone who
  can sign in to the admin (it is open to every user who edits rich text, for links). For users
  with no page permission at all it now lists only the pages they could view on the public site
  (``hub.permissions.pages_visible_to``: the ``construct_page_chooser_queryset`` hook in
  ``wagtail_hooks.py``), refuses to browse inside a page they could not view, and answers
  "chosen" only for those pages. Editors keep Wagtail's chooser as it is.
- **The task chooser** (a workflow editor's modal) listed every workflow task and the workflows
  using them to any admin user; it now needs a permission on workflows or tasks.
"""

from functools import cache

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views import chooser, workflows
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, Task, Workflow
from wagtail.permissions import policy_registry

from hub.permissions import pages_visible_to

# --- Bulk actions -----------------------------------------------------------------------------


class OnlyPermittedItemsMixin:
    """Act on, and list, only the items the user may act on; refuse if there are none."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        if not objects:
            raise PermissionDenied
        return objects, {**context, "items_with_no_access": []}


class SaveEachUserMixin:
    """Wagtail marks users active or inactive with one UPDATE, which skips ``User.save`` and so
    would leave a deactivated user's sessions to come back when they are reactivated. Save each
    user instead, so that deactivation ends their sessions (``hub.models.User``)."""

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, **kwargs):
        acting = kwargs.get("user")
        changed = 0
        for user in objects:
            if acting is not None and user.pk == acting.pk:
                continue
            user.is_active = mark_as_active
            user.save()
            changed += 1
        return changed, 0


@cache
def _guarded_bulk_action(action_class):
    from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

    bases = (OnlyPermittedItemsMixin, action_class)
    if issubclass(action_class, SetActiveStateBulkAction):
        bases = (SaveEachUserMixin, *bases)
    return type(action_class.__name__, bases, {})


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk-action dispatcher, with items the user may not act on left out."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as missing:
        raise Http404 from missing
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    return _guarded_bulk_action(action_class)(request, model).dispatch(request)


# --- Page screens -----------------------------------------------------------------------------

_move_confirm = page_viewset_registry.as_view("move_confirm", page_id_kwarg="page_to_move_id")
_confirm_workflow_cancellation = page_viewset_registry.as_view(
    "confirm_workflow_cancellation", page_id_kwarg="page_id"
)


def move_confirm(request, page_to_move_id, destination_id):
    page = get_object_or_404(Page, pk=page_to_move_id)
    destination = get_object_or_404(Page, pk=destination_id)
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
    return _move_confirm(request, page_to_move_id=page_to_move_id, destination_id=destination_id)


def confirm_workflow_cancellation(request, page_id):
    permissions = get_object_or_404(Page, pk=page_id).permissions_for_user(request.user)
    if not (permissions.can_edit() or permissions.can_publish()):
        raise PermissionDenied
    return _confirm_workflow_cancellation(request, page_id=page_id)


# --- The page chooser -------------------------------------------------------------------------


def chooses_only_visible_pages(request):
    """Users without any page permission choose among the pages they could view publicly."""
    return not user_has_any_page_permission(request.user)


def choosable_pages(pages, request):
    """The ``construct_page_chooser_queryset`` hook: used by browsing and searching."""
    if chooses_only_visible_pages(request):
        return pages_visible_to(request, pages)
    return pages


class BrowseView(chooser.BrowseView):
    """Refuse to browse inside a page the user could not view (its title heads the list)."""

    def filter_object_list(self, pages):
        parent = self.parent_page
        if (
            chooses_only_visible_pages(self.request)
            and not parent.is_root()
            and not pages_visible_to(self.request).filter(pk=parent.pk).exists()
        ):
            raise Http404
        return super().filter_object_list(pages)


class ChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        if chooses_only_visible_pages(request):
            wanted = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
            visible = pages_visible_to(request).filter(pk__in=wanted).values_list("pk", flat=True)
            request.GET = request.GET.copy()
            request.GET.setlist("id", [str(pk) for pk in visible])
        return super().get(request)


# --- The task chooser -------------------------------------------------------------------------


def _may_edit_workflows(user):
    actions = ["add", "change", "delete"]
    return any(
        policy_registry.get_by_type(model).user_has_any_permission(user, actions)
        for model in (Workflow, Task)
    )


def for_workflow_editors(view):
    def guarded(request, *args, **kwargs):
        if not _may_edit_workflows(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


task_chooser = for_workflow_editors(workflows.TaskChooserView.as_view())
task_chooser_results = for_workflow_editors(workflows.TaskChooserResultsView.as_view())
task_chooser_create = for_workflow_editors(workflows.TaskChooserCreateView.as_view())
task_chosen = for_workflow_editors(workflows.task_chosen)
