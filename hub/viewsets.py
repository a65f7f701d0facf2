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
