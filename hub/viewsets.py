"""Admin screens for the shared records: declarative, one menu for the whole domain."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import DraftStateMixin, Revision, WorkflowMixin, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    ConfirmWorkflowCancellationView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from hub.admin_views import list_queryset
from hub.exports import SafeSpreadsheetExportMixin
from hub.models import Borough, GlossaryTerm, Organisation, Person


def read_publishing_status(rows):
    """Wagtail's status column asks, for each row of a snippet with drafts, whether a revision
    is scheduled and whether a workflow is in progress: two queries a row. Read both for the
    whole page here, in two queries, where Wagtail's properties look for them."""
    if not rows or not issubclass(type(rows[0]), DraftStateMixin):
        return rows
    ids = [str(row.pk) for row in rows]
    content_type = rows[0].get_base_content_type()
    scheduled = {}
    for revision in Revision.objects.filter(
        base_content_type=content_type, object_id__in=ids, approved_go_live_at__isnull=False
    ).order_by("-pk"):
        scheduled[revision.object_id] = revision  # the first, as ``scheduled_revision``
    for row in rows:
        row.__dict__["scheduled_revision"] = scheduled.get(str(row.pk))
    if issubclass(type(rows[0]), WorkflowMixin):
        states = {}
        for state in (
            WorkflowState.objects.active()
            .filter(base_content_type=content_type, object_id__in=ids)
            .select_related("current_task_state__task")
        ):
            states.setdefault(state.object_id, []).append(state)
        for row in rows:
            row._current_workflow_states = states.get(str(row.pk), [])
    return rows


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = read_publishing_status(list(rows))
        return paginator, page, page.object_list, is_paginated


class ChooserPermissionMixin:
    """Wagtail's snippet chooser views check no permission: without this, anyone who can sign
    in to the admin could list every person in the directory, or fetch them one id at a time."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_any_permission(request.user, ["view", "add", "change", "delete"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooserRowsMixin:
    """A chooser's rows read with what they show, as the snippet's own list reads them."""

    def get_object_list(self):
        objects = super().get_object_list()
        related = self.model.snippet_viewset.list_select_related
        return objects.select_related(*related) if related else objects

    def get_results_page(self, request):
        page = super().get_results_page(request)
        page.object_list = read_publishing_status(list(page.object_list))
        return page


class GuardedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type(
        "ChooseView", (ChooserRowsMixin, ChooserPermissionMixin, chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "ChooseResultsView",
        (ChooserRowsMixin, ChooserPermissionMixin, chooser.ChooseResultsView),
        {},
    )
    chosen_view_class = type("ChosenView", (ChooserPermissionMixin, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (ChooserPermissionMixin, chooser.SnippetChosenMultipleView), {}
    )


class GuardedConfirmWorkflowCancellationView(
    PermissionCheckedMixin, ConfirmWorkflowCancellationView
):
    """Wagtail's asks for no permission: it told any admin user which workflow and task a
    record was at. It is asked before publishing, so it needs what editing needs."""

    permission_required = "change"


class HubSnippetViewSet(SnippetViewSet):
    index_view_class = SafeExportIndexView
    chooser_viewset_class = GuardedChooserViewSet
    confirm_workflow_cancellation_view_class = GuardedConfirmWorkflowCancellationView
    # As ``ScopedModelViewSet``'s: the related records the list and its export show.
    list_select_related = ()

    def get_queryset(self, request):
        return list_queryset(self.model, self.list_select_related)


class PersonViewSet(HubSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "user", "updated_at"]
    list_select_related = ["user"]
    search_fields = ["name"]
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    # Contact details are personal data: never in the list or the export.
    list_export = ["name", "user"]
    export_filename = "people"


class OrganisationViewSet(HubSnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "updated_at"]
    list_filter = ["kind", "boroughs"]
    search_fields = ["name", "description"]
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = ["name", "kind", "website", "description"]
    export_filename = "organisations"


class BoroughViewSet(HubSnippetViewSet):
    model = Borough
    icon = "site"
    list_display = ["name", "gss_code", "policed_by_mps"]
    list_filter = ["policed_by_mps"]
    search_fields = ["name", "gss_code"]
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = ["name", "gss_code", "policed_by_mps"]
    export_filename = "boroughs"


class GlossaryTermViewSet(HubSnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossary"
    list_display = ["acronym", "expansion"]
    search_fields = ["acronym", "expansion", "explanation"]
    ordering = ["acronym"]
    inspect_view_enabled = True
    list_export = ["acronym", "expansion", "explanation"]
    export_filename = "glossary"


class ReferenceViewSetGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (PersonViewSet, OrganisationViewSet, BoroughViewSet, GlossaryTermViewSet)


class RecordScopedViewMixin:
    """For a snippet whose permission policy is scoped (``ScopedPermissionPolicy``): every view
    that names a record refuses it unless the user may view or change that record, and a
    permission the view asks for (edit, delete, lock...) is asked of the record, not only the
    model. A workflow's reviewers keep the editor access their task gives them."""

    record_permissions = ("view", "change")

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_any_permission_for_instance(
            self.request.user, list(self.record_permissions), instance
        ):
            raise PermissionDenied
        return instance

    def user_has_permission(self, permission):
        allowed = super().user_has_permission(permission)
        instance = getattr(self, "object", None)
        if not allowed or instance is None or getattr(instance, "pk", None) is None:
            return allowed
        policy = policy_registry.get_by_type(self.model)
        if policy.user_has_permission_for_instance(self.request.user, permission, instance):
            return True
        task = getattr(self, "current_workflow_task", None)
        return bool(
            permission == "change"
            and task
            and task.user_can_access_editor(instance, self.request.user)
        )


class ScopedSnippetIndexView(SafeExportIndexView):
    """Lists (and exports) only the records the user may see."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        visible = policy_registry.get_by_type(self.model).instances_user_has_any_permission_for(
            self.request.user, ["view", "change", "delete"]
        )
        return queryset.filter(pk__in=visible.values("pk"))


RECORD_VIEWS = (
    "edit",
    "delete",
    "usage",
    "history",
    "inspect",
    "revisions",
    "revisions_compare",
    "revisions_unschedule",
    "unpublish",
    "preview_on_edit",
    "lock",
    "unlock",
    "workflow_action",
    "collect_workflow_action_data",
    "confirm_workflow_cancellation",
    "workflow_preview",
    "workflow_history",
    "workflow_history_detail",
)


def visible_to(model, user):
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["view", "change"]
    )


class ScopedChooseMixin(ChooserPermissionMixin):
    def get_object_list(self):
        return super().get_object_list().filter(pk__in=visible_to(self.model, self.request.user))


class ScopedChosenMixin(ChooserPermissionMixin):
    def get_object(self, pk):
        return visible_to(self.model, self.request.user).get(pk=pk)


class ScopedChosenMultipleMixin(ChooserPermissionMixin):
    def get_objects(self, pks):
        return visible_to(self.model, self.request.user).filter(pk__in=pks)


class ScopedChooserViewSet(GuardedChooserViewSet):
    """A snippet chooser that offers only the records the user may see (another borough's
    role profiles are not listed, and cannot be fetched one id at a time)."""

    choose_view_class = type(
        "ChooseView", (ChooserRowsMixin, ScopedChooseMixin, chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "ChooseResultsView", (ChooserRowsMixin, ScopedChooseMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (ScopedChosenMixin, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (ScopedChosenMultipleMixin, chooser.SnippetChosenMultipleView), {}
    )
    # Records are made on their own add screen (which records who drafted them), never from
    # inside a chooser.
    create_view_class = type(
        "CreateView", (chooser.SnippetCreateView,), {"can_create": lambda view: False}
    )


class ScopedSnippetViewSet(HubSnippetViewSet):
    """A snippet viewset whose every record view asks the scoped permission policy about the
    record (``RecordScopedViewMixin``) and whose list holds only the records the user may see.
    Copying is off: a copy would carry one borough's record into the form of another."""

    index_view_class = ScopedSnippetIndexView
    chooser_viewset_class = ScopedChooserViewSet
    copy_view_enabled = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RECORD_VIEWS:
            attribute = f"{name}_view_class"
            view_class = getattr(self, attribute, None)
            if view_class is not None and not issubclass(view_class, RecordScopedViewMixin):
                scoped = type(view_class.__name__, (RecordScopedViewMixin, view_class), {})
                setattr(self, attribute, scoped)
        # Reverting to a revision is built from the edit view, so it is scoped with it.
