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
  can sign in to the admin (it is open to every user who edits rich text, for links), and to
  anyone with a permission on one page, the whole tree. It now lists the pages anyone could view
  on the public site, as this user (``hub.permissions.pages_visible_to``), and the pages the
  user may explore under Wagtail's page permissions (``choosable``, through the
  ``construct_page_chooser_queryset`` hook in ``wagtail_hooks.py``). It refuses to browse inside
  any other page, names a search result's parent only if it is one of those pages, answers
  "chosen" only for them, and the rich-text link chooser no longer turns a typed address of any
  other page into a link that names it.
- **The page types usage report** (open to anyone with a page permission) named the last
  edited page of each type anywhere in the tree, drafts and restricted pages included; it now
  counts and names only the pages the user may explore.
- **The task chooser** (a workflow editor's modal) listed every workflow task and the workflows
  using them to any admin user; it now needs a permission on workflows or tasks.
- **Tags**: tag autocomplete and the image chooser's "popular tags" offered every tag name to
  every admin user, and the image and document listings' tag filter offered the tags of every
  collection. Only images and documents are tagged: each now offers the tags of the images and
  documents the user may edit or choose, and autocomplete refuses users who may do neither.
"""

import copy
import json
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from taggit.models import Tag, TaggedItem
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views import chooser, tags, workflows
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.reports import page_types_usage
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
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


def choosable(request):
    """The pages this request may see in the page chooser (memoised on the request).

    - Pages anyone could view on the public site, as this request (``pages_visible_to``), and
      only where every ancestor is live too: linking to a public page gives nothing away, and
      the chooser names a page's parent (breadcrumbs, the search results' "Parent" column).
    - The pages the user may explore under Wagtail's page permissions: those they may add to,
      edit, publish, lock or delete, and the ancestors that lead to them
      (``PagePermissionPolicy.explorable_instances``, the same pages the explorer shows them).

    Drafts and pages behind a restriction the request does not pass are therefore listed only
    to those with a permission over them. Superusers choose from the whole tree.
    """
    cached = getattr(request, "_hub_choosable_pages", None)
    if cached is None:
        user = request.user
        if user.is_active and user.is_superuser:
            cached = Page.objects.all()
        else:
            public = pages_visible_to(request)
            for unpublished in Page.objects.filter(live=False, numchild__gt=0, depth__gt=1):
                public = public.not_descendant_of(unpublished)
            condition = Q(pk__in=public.values("pk"))
            if user_has_any_page_permission(user):
                explorable = policy_registry.get_by_type(Page).explorable_instances(user)
                condition |= Q(pk__in=explorable.values("pk"))
            cached = Page.objects.filter(condition)
        request._hub_choosable_pages = cached
    return cached


def may_choose(request, page):
    return page.is_root() or choosable(request).filter(pk=page.pk).exists()


def choosable_pages(pages, request):
    """The ``construct_page_chooser_queryset`` hook: Wagtail's browsing and searching ask it."""
    if request.user.is_active and request.user.is_superuser:
        return pages
    return pages.filter(pk__in=choosable(request).values("pk"))


class BrowseView(chooser.BrowseView):
    """Browse inside a page only if the user may see it: its title heads the list, and its
    ancestors are the breadcrumbs."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is None:
            # Without a parent, Wagtail starts a chooser limited to some page types at the
            # common ancestor of every page of those types, whichever the user may see. Start
            # at the common ancestor of those they may choose instead, or at the root.
            page_type = request.GET.get("page_type")
            try:
                classes = chooser.page_models_from_string(page_type) if page_type else (Page,)
            except (ValueError, LookupError) as unknown:
                raise Http404 from unknown
            if classes != (Page,):
                start = choosable_pages(
                    Page.objects.type(*classes), request
                ).first_common_ancestor()
                if not may_choose(request, start):
                    start = Page.get_first_root_node()
                parent_page_id = start.pk
        return super().get(request, parent_page_id)

    def filter_object_list(self, pages):
        if not may_choose(self.request, self.parent_page):
            raise Http404
        return super().filter_object_list(pages)


class GuardedParentPageColumn(chooser.ParentPageColumn):
    """A search result's parent, named only if the user may see it. (A choosable page's parent
    is choosable, except above the topmost page a user may explore.)"""

    def get_value(self, instance):
        parent = super().get_value(instance)
        if parent is None or not may_choose(self.request, parent):
            return None
        return parent


class SearchView(chooser.SearchView):
    """Wagtail's search, through the hook above, with the parent column guarded."""

    @property
    def columns(self):
        columns = []
        for column in super().columns:
            if isinstance(column, chooser.ParentPageColumn):
                column = GuardedParentPageColumn(column.name, label=column.label)
                column.request = self.request
            columns.append(column)
        return columns


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Answer "chosen" (each page's title and parent) only for pages the user may choose."""

    def get(self, request):
        wanted = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        allowed = choosable(request).filter(pk__in=wanted).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in allowed])
        return super().get(request)


class ExternalLinkView(chooser.ExternalLinkView):
    """The rich-text link chooser turns a URL of this site into a link to the page it finds
    there, and names that page (its latest draft title). Any page is found, whoever asks, so a
    restricted page's title could be had by typing its address. Keep the link external unless
    the user may choose the page."""

    def post(self, request):
        response = super().post(request)
        if self.form.is_valid():
            data = json.loads(response.content)
            page = data.get("internal") or data.get("result") or {}
            if "id" in page and not choosable(request).filter(pk=page["id"]).exists():
                return self.render_chosen_response(self.get_result_data())
        return response


# --- The page types usage report --------------------------------------------------------------


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Wagtail's report is open to anyone with a page permission, and names the last edited page
    of each type, wherever it is: a draft's title, or a restricted page's. Count, and name,
    only the pages the user may explore (superusers: every page, as in Wagtail)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_active and user.is_superuser:
            return queryset
        pages = policy_registry.get_by_type(Page).explorable_instances(user)
        cleaned = self.filters.form.cleaned_data
        if cleaned.get("page_locale"):
            pages = pages.filter(locale__language_code=cleaned["page_locale"])
        if cleaned.get("site"):
            pages = pages.filter(path__startswith=cleaned["site"])
        of_type = pages.filter(content_type=OuterRef("pk")).order_by()
        latest = of_type.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        counted = of_type.values("content_type").annotate(n=Count("pk")).values("n")
        return queryset.annotate(
            own_count=Coalesce(Subquery(counted), 0),
            own_last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-own_count", "app_label", "model")

    def decorate_paginated_queryset(self, page_types):
        for item in page_types:
            if hasattr(item, "own_count"):
                item.count = item.own_count
                item.last_edited_page_id = item.own_last_edited_page_id
        return super().decorate_paginated_queryset(page_types)


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


# --- Tags -------------------------------------------------------------------------------------
# Only images and documents are tagged (with taggit's own tag model). Wagtail offers tag names
# without asking whose they are: tag autocomplete to every admin user, the image chooser's
# "popular tags" to every admin user, and the image and document listings' tag filter to anyone
# with a permission in one collection. Here each offers only the tags of the images and
# documents the user may edit or choose.

POPULAR_TAGS = 10


def _tagged_models():
    return [get_image_model(), get_document_model()]


def _taggings(user, models):
    """The taggings of the images or documents (``models``) the user may edit or choose; None
    if the user may do nothing with any of them."""
    visible = Q()
    permitted = False
    for model in models:
        policy = policy_registry.get_by_type(model)
        if policy.user_has_any_permission(user, ["add", "change", "choose"]):
            permitted = True
            items = policy.instances_user_has_any_permission_for(user, ["change", "choose"])
            visible |= Q(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=items.values("pk"),
            )
    return TaggedItem.objects.filter(visible) if permitted else None


def popular_tags(user, model):
    """Wagtail's ``popular_tags_for_model``, counting only what the user may see."""
    taggings = _taggings(user, [model])
    if taggings is None:
        return Tag.objects.none()
    return (
        Tag.objects.filter(taggit_taggeditem_items__in=taggings)
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:POPULAR_TAGS]
    )


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete, for users who may edit or choose images or documents."""
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as missing:
            raise Http404 from missing
        if content_type.model_class() is not Tag:
            raise Http404  # no other tag model is in use
    taggings = _taggings(request.user, _tagged_models())
    if taggings is None:
        raise PermissionDenied
    term = request.GET.get("term")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        Tag.objects.filter(name__istartswith=term, pk__in=taggings.values("tag"))
        .order_by("name")
        .values_list("name", flat=True)[: tags.TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


class VisiblePopularTagsMixin:
    """For the image chooser's context."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = popular_tags(self.request.user, self.model)
        return context


@cache
def _image_chooser():
    from wagtail.images.views.chooser import viewset

    guarded = copy.copy(viewset)
    guarded.choose_view_class = type(
        viewset.choose_view_class.__name__,
        (VisiblePopularTagsMixin, viewset.choose_view_class),
        {},
    )
    return guarded.choose_view


def image_chooser(request):
    return _image_chooser()(request)


class VisibleTagFilterMixin:
    """For the image and document listings' filters: the tag filter offers visible tags."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "tag" in self.filters:
            names = [tag.name for tag in popular_tags(request.user, self._meta.model)]
            if names:
                self.filters["tag"].extra["choices"] = [(name, name) for name in names]
            else:
                del self.filters["tag"]


@cache
def _media_index(index_class, results_only):
    filterset_class = index_class.filterset_class
    guarded = type(
        index_class.__name__,
        (index_class,),
        {
            "filterset_class": type(
                filterset_class.__name__, (VisibleTagFilterMixin, filterset_class), {}
            )
        },
    )
    return guarded.as_view(results_only=results_only)


def _images_index_view():
    from wagtail.images.views.images import IndexView

    return IndexView


def _documents_index_view():
    from wagtail.documents.views.documents import IndexView

    return IndexView


def image_index(request):
    return _media_index(_images_index_view(), results_only=False)(request)


def image_index_results(request):
    return _media_index(_images_index_view(), results_only=True)(request)


def document_index(request):
    return _media_index(_documents_index_view(), results_only=False)(request)


def document_index_results(request):
    return _media_index(_documents_index_view(), results_only=True)(request)
