"""Admin screens for the shared records: declarative, one menu for the whole domain."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    ConfirmWorkflowCancellationView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from hub.exports import SafeSpreadsheetExportMixin
from hub.models import Borough, GlossaryTerm, Organisation, Person


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class ChooserPermissionMixin:
    """Wagtail's snippet chooser views check no permission: without this, anyone who can sign
    in to the admin could list every person in the directory, or fetch them one id at a time."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_any_permission(request.user, ["view", "add", "change", "delete"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (ChooserPermissionMixin, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (ChooserPermissionMixin, chooser.ChooseResultsView), {}
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


class PersonViewSet(HubSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "user", "updated_at"]
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

    choose_view_class = type("ChooseView", (ScopedChooseMixin, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (ScopedChooseMixin, chooser.ChooseResultsView), {}
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
