"""The volunteer programme's admin menu: steering groups and their members, role profiles
(drafted, approved by the steering group through the workflow), and the volunteers' records
(``record_viewsets``)."""

from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from hub.admin_views import ScopedModelViewSet
from hub.viewsets import ScopedSnippetViewSet
from hub.volunteering.admin_forms import SteeringGroupForm, SteeringGroupMemberForm
from hub.volunteering.models import RoleProfile, SteeringGroup, SteeringGroupMember
from hub.volunteering.record_viewsets import RECORD_VIEWSETS


class SteeringGroupViewSet(ScopedModelViewSet):
    model = SteeringGroup
    icon = "group"
    menu_label = "Steering groups"
    list_display = ["borough", "updated_at"]
    search_fields = ["borough__name"]
    ordering = ["borough__name"]
    edit_handler = ObjectList(SteeringGroup.panels, base_form_class=SteeringGroupForm)
    list_export = ["borough", "updated_at"]
    export_filename = "steering-groups"


class SteeringGroupMemberViewSet(ScopedModelViewSet):
    model = SteeringGroupMember
    icon = "user"
    menu_label = "Steering group members"
    list_display = ["person", "responsibility", "group", "deputy_for", "joined_on", "left_on"]
    list_select_related = ["person", "group__borough", "deputy_for__person"]
    list_filter = ["responsibility", "group"]
    search_fields = ["person__name"]
    ordering = ["group__borough__name", "responsibility", "person__name"]
    edit_handler = ObjectList(SteeringGroupMember.panels, base_form_class=SteeringGroupMemberForm)
    list_export = ["person", "responsibility", "group", "deputy_for", "joined_on", "left_on"]
    export_filename = "steering-group-members"


class RoleProfileViewSet(ScopedSnippetViewSet):
    """Drafted by the borough's programme manager; published only when the borough's steering
    group approves it through the "Role profile approval" workflow."""

    model = RoleProfile
    icon = "clipboard-list"
    menu_label = "Role profiles"
    list_display = [
        "title",
        "unit",
        "borough",
        "risk_review",
        UpdatedAtColumn(),
        LiveStatusTagColumn(),
    ]
    list_select_related = ["borough"]
    list_filter = ["borough", "live"]
    # The search uses the model's own search fields (title, unit, purpose) through the search
    # backend, which narrows to the profiles the user may see by id; naming fields here would
    # ask SQLite's backend for columns it does not have.
    ordering = ["borough__name", "title"]
    inspect_view_enabled = True
    # The risk assessment and substitution answers are internal but not personal: the export
    # holds what the list shows.
    list_export = ["title", "unit", "borough", "time_commitment", "risk_assessed_on", "live"]
    export_filename = "role-profiles"


class VolunteeringViewSetGroup(ModelViewSetGroup):
    menu_label = "Volunteer programme"
    menu_icon = "group"
    menu_order = 500
    items = (
        SteeringGroupViewSet("volunteering_steering_groups"),
        SteeringGroupMemberViewSet("volunteering_steering_members"),
        RoleProfileViewSet(),
        *RECORD_VIEWSETS,
    )
