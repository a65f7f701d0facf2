"""Admin screens for the partnership, one menu: the partnership, boards, members, meetings,
initiatives, reports, the roll-up, action plans and actions."""

from django.urls import path
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup

from hub.admin_views import ScopedModelViewSet, ScreensViewSet
from partnerships import permissions, views
from partnerships.admin_forms import (
    ActionForm,
    BoardMeetingForm,
    BoardMembershipForm,
    BoardRecordForm,
    BoardReportForm,
    InitiativeForm,
)
from partnerships.models import (
    Action,
    ActionPlan,
    Board,
    BoardMeeting,
    BoardMembership,
    BoardReport,
    Initiative,
    Partnership,
)


class PartnershipViewSet(ScopedModelViewSet):
    model = Partnership
    icon = "group"
    menu_label = "Partnership"
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    ordering = ["name"]
    list_export = ["name", "objective"]
    export_filename = "partnerships"
    inspect_view_fields = ["name", "objective", "partners"]


class BoardViewSet(ScopedModelViewSet):
    model = Board
    icon = "sitemap"
    menu_label = "Boards"
    list_display = ["name", "kind", "parent", "partnership"]
    list_select_related = ["parent", "partnership"]
    list_filter = ["kind", "partnership"]
    search_fields = ["name", "purpose"]
    ordering = ["partnership", "kind", "name"]
    list_export = ["name", "kind", "parent", "partnership", "purpose"]
    export_headings = {"parent": "Reports to"}
    export_filename = "partnership-boards"
    inspect_view_fields = ["partnership", "name", "kind", "parent", "theme", "purpose"]


class BoardMembershipViewSet(ScopedModelViewSet):
    model = BoardMembership
    icon = "user"
    menu_label = "Board members"
    list_display = ["person", "board", "role", "organisation", "joined_on", "left_on"]
    list_select_related = ["person", "board", "organisation"]
    list_filter = ["role", "board"]
    search_fields = ["person__name", "board__name"]
    ordering = ["board__name", "person__name"]
    # Contact details are never listed or exported.
    list_export = ["person.name", "board", "role", "organisation", "joined_on", "left_on"]
    export_headings = {"person.name": "Name"}
    export_filename = "partnership-board-members"
    inspect_view_fields = [
        "person", "board", "organisation", "role", "nominated_on", "joined_on", "left_on",
        "publish_name",
    ]  # fmt: skip
    edit_handler = ObjectList(
        [
            FieldPanel("board"),
            MultiFieldPanel(
                [
                    FieldPanel("existing_person"),
                    FieldPanel("person_name"),
                    FieldPanel("person_email"),
                    FieldPanel("person_phone"),
                ],
                heading="Who (for a new seat)",
            ),
            *[
                panel
                for panel in BoardMembership.panels
                if getattr(panel, "field_name", "") not in ("board", "person")
            ],
        ],
        base_form_class=BoardMembershipForm,
    )


class BoardMeetingViewSet(ScopedModelViewSet):
    model = BoardMeeting
    icon = "date"
    menu_label = "Board meetings"
    inspect_view_class = views.MeetingInspectView
    list_display = ["date", "board", "minutes_status"]
    list_select_related = ["board"]
    list_filter = ["minutes_status", "board"]
    search_fields = ["board__name", "place"]
    ordering = ["-date"]
    list_export = ["date", "board", "place", "minutes_status"]
    export_filename = "partnership-meetings"
    edit_handler = ObjectList(BoardMeeting.panels, base_form_class=BoardMeetingForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/minutes/<slug:action>/",
                views.MinutesActionView.as_view(),
                name="minutes_action",
            ),
            path(
                "<int:pk>/items/<int:item_pk>/withhold/",
                views.WithholdItemView.as_view(),
                name="withhold_item",
            ),
        ]


class InitiativeViewSet(ScopedModelViewSet):
    model = Initiative
    icon = "pick"
    menu_label = "Initiatives"
    list_display = ["title", "kind", "board", "objectives_agreed_on"]
    list_select_related = ["board", "theme"]
    list_filter = ["kind", "board"]
    search_fields = ["title", "objectives"]
    ordering = ["title"]
    list_export = ["title", "kind", "board", "theme", "objectives", "objectives_agreed_on"]
    export_filename = "partnership-initiatives"
    edit_handler = ObjectList(Initiative.panels, base_form_class=InitiativeForm)


class BoardReportViewSet(ScopedModelViewSet):
    """Reports up the chain: written by the board, submitted to the board above, published."""

    model = BoardReport
    icon = "doc-full"
    menu_label = "Reports"
    inspect_view_class = views.ReportInspectView
    list_display = ["board", "year", "quarter", "status", "submitted_at", "published_at"]
    list_select_related = ["board"]
    list_filter = ["status", "year", "quarter", "board"]
    search_fields = ["summary", "board__name"]
    ordering = ["-year", "-quarter", "board__name"]
    list_export = [
        "board", "year", "quarter", "status", "submitted_at", "published_at", "summary",
        "progress_on_actions", "issues_for_board_above",
    ]  # fmt: skip
    export_filename = "partnership-reports"
    edit_handler = ObjectList(BoardReport.panels, base_form_class=BoardReportForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/submit/", views.ReportStepView.as_view(step="submit"), name="submit"),
            path("<int:pk>/publish/", views.ReportStepView.as_view(step="publish"), name="publish"),
        ]


class ActionPlanViewSet(ScopedModelViewSet):
    model = ActionPlan
    icon = "list-ol"
    menu_label = "Action plans"
    list_display = ["__str__", "strategy", "year", "is_public"]
    list_select_related = ["board", "strategy"]
    list_filter = ["year", "board"]
    ordering = ["-year", "board__name"]
    list_export = ["board", "strategy", "year", "summary", "is_public"]
    export_filename = "partnership-action-plans"
    edit_handler = ObjectList(ActionPlan.panels, base_form_class=BoardRecordForm)


class ActionViewSet(ScopedModelViewSet):
    model = Action
    icon = "tasks"
    menu_label = "Actions"
    list_display = ["title", "plan", "status", "due_on", "owner"]
    list_select_related = ["plan__board", "owner", "theme", "initiative"]
    list_filter = ["status", "plan__board", "plan__year"]
    search_fields = ["title", "description", "progress"]
    ordering = ["due_on", "title"]
    list_export = [
        "title", "plan", "status", "due_on", "completed_on", "owner", "theme", "initiative",
        "progress",
    ]  # fmt: skip
    export_filename = "partnership-actions"
    edit_handler = ObjectList(Action.panels, base_form_class=ActionForm)


class RollupViewSet(ScreensViewSet):
    name = "partnership_rollup"
    icon = "list-ul"
    menu_label = "Roll-up"
    shown_to = permissions.user_can_see_rollup

    def get_urlpatterns(self):
        return [path("", views.RollupView.as_view(), name="index")]


class PartnershipViewSetGroup(ModelViewSetGroup):
    menu_label = "Partnership"
    menu_icon = "sitemap"
    menu_order = 250
    items = (
        RollupViewSet(),
        BoardReportViewSet("partnership_reports"),
        ActionViewSet("partnership_actions"),
        ActionPlanViewSet("partnership_plans"),
        BoardMeetingViewSet("partnership_meetings"),
        InitiativeViewSet("partnership_initiatives"),
        BoardMembershipViewSet("partnership_members"),
        BoardViewSet("partnership_boards"),
        PartnershipViewSet("partnerships"),
    )
