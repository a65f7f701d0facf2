"""Volunteers, their sessions and expense claims, and the monthly report.

Sessions and claims are made and decided only through the services (``record_views``): their
generic edit screens refuse everyone, so no total, subsidy or decision can be typed over.
Exports hold what the lists show; never an emergency contact, a date of birth or a receipt.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.panels import ObjectList

from hub.admin_views import ScopedModelViewSet, ScreensViewSet
from hub.volunteering import permissions, record_views
from hub.volunteering.models import ExpenseClaim, Volunteer, VolunteerSession
from hub.volunteering.record_forms import VolunteerForm


def changed_only_by_services(request, pk):
    """Edit exists by name (the generic screens link to it) but refuses everyone."""
    raise PermissionDenied


class VolunteerViewSet(ScopedModelViewSet):
    model = Volunteer
    icon = "user"
    menu_label = "Volunteers"
    index_view_class = record_views.VolunteerIndexView
    add_view_class = record_views.VolunteerCreateView
    edit_view_class = record_views.VolunteerEditView
    inspect_view_class = record_views.VolunteerInspectView
    list_display = ["name", "borough", "role_profile", "placed_on", "left_on"]
    list_filter = ["borough"]
    search_fields = ["name"]
    ordering = ["borough__name", "name"]
    list_export = ["name", "borough", "role_profile", "placed_on", "left_on"]
    export_headings = {"role_profile": "Role"}
    export_filename = "volunteers"
    edit_handler = ObjectList(Volunteer.panels, base_form_class=VolunteerForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/place/", record_views.PlaceVolunteerView.as_view(), name="place"),
            path(
                "<int:pk>/emergency-contact/",
                record_views.EmergencyContactView.as_view(),
                name="emergency_contact",
            ),
        ]


class VolunteerSessionViewSet(ScopedModelViewSet):
    """The report each volunteer makes after a session: recorded through the service (which
    keeps to the 40 hours a month cap), deleted by the manager if recorded in error."""

    model = VolunteerSession
    icon = "time"
    menu_label = "Sessions"
    index_view_class = record_views.SessionIndexView
    inspect_view_class = record_views.SessionInspectView
    delete_view_class = record_views.SessionDeleteView
    list_display = ["day", "volunteer", "role_profile", "starts_at", "ends_at", "hours"]
    list_filter = ["day"]
    search_fields = ["volunteer__name"]
    ordering = ["-day", "-starts_at"]
    inspect_view_fields = [
        "volunteer",
        "role_profile",
        "day",
        "starts_at",
        "ends_at",
        "hours",
        "meal_subsidy",
        "notes",
        "recorded_by",
    ]
    list_export = [
        "volunteer.name",
        "volunteer.borough",
        "role_profile.title",
        "day",
        "starts_at",
        "ends_at",
        "hours",
        "meal_subsidy",
    ]
    export_headings = {
        "volunteer.name": "Volunteer",
        "volunteer.borough": "Borough",
        "role_profile.title": "Role",
    }
    export_filename = "volunteering-sessions"
    form_fields = ["notes"]  # never shown: sessions are recorded through the service

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", record_views.SessionCreateView.as_view(), name="add"),
            path("edit/<int:pk>/", changed_only_by_services, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
        ]


class ExpenseClaimViewSet(ScopedModelViewSet):
    """Claims with their receipts, decided by the volunteer's borough programme manager."""

    model = ExpenseClaim
    icon = "tag"
    menu_label = "Expense claims"
    index_view_class = record_views.ClaimIndexView
    inspect_view_class = record_views.ClaimInspectView
    list_display = ["spent_on", "volunteer", "description", "amount", "status"]
    list_filter = ["status"]
    search_fields = ["volunteer__name", "description"]
    ordering = ["-spent_on"]
    list_export = [
        "volunteer.name",
        "volunteer.borough",
        "spent_on",
        "description",
        "amount",
        "status",
        "decided_at",
        "reason",
    ]
    export_headings = {"volunteer.name": "Volunteer", "volunteer.borough": "Borough"}
    export_filename = "volunteering-expense-claims"
    form_fields = ["description"]  # never shown: claims are made through the service

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", record_views.ClaimCreateView.as_view(), name="add"),
            path("edit/<int:pk>/", changed_only_by_services, name="edit"),
            path("delete/<int:pk>/", changed_only_by_services, name="delete"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("<int:pk>/decide/", record_views.DecideClaimView.as_view(), name="decide"),
            path("<int:pk>/receipt/", record_views.ReceiptView.as_view(), name="receipt"),
        ]


class MonthlyReportViewSet(ScreensViewSet):
    name = "volunteering_report"
    icon = "table"
    menu_label = "Monthly report"
    shown_to = permissions.user_can_see_report

    def get_urlpatterns(self):
        return [path("", record_views.MonthlyReportView.as_view(), name="index")]


RECORD_VIEWSETS = (
    VolunteerViewSet(record_views.VOLUNTEERS),
    VolunteerSessionViewSet(record_views.SESSIONS),
    ExpenseClaimViewSet(record_views.CLAIMS),
    MonthlyReportViewSet(),
)
