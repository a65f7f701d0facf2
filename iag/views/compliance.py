"""The central team's compliance dashboard: every borough against the principles."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.admin_views import breadcrumb_trail
from hub.exports import SafeSpreadsheetExportMixin
from iag import permissions
from iag.compliance import compliance_rows
from iag.models import IAGSettings


class ComplianceDashboardView(SafeSpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """For the central team: every borough against what the principles require."""

    template_name = "iag/admin/compliance.html"
    page_title = "IAG compliance"
    header_icon = "list-ul"
    export_filename = "iag-compliance"
    list_export = [
        "borough",
        "has_iag",
        "chair_name",
        "chair_cleared",
        "active_members",
        "members_without_agreements",
        "agreements_due_for_renewal",
        "last_meeting_with_lead",
        "next_meeting_due_by",
        "overdue_for_meeting",
        "minutes_awaiting_approval",
        "minutes_awaiting_publication",
        "shortfalls",
    ]
    export_headings = {
        "borough": "Borough",
        "has_iag": "IAG exists (P13)",
        "chair_name": "Chair",
        "chair_cleared": "Chair vetted or risk-assessed (P10)",
        "active_members": "Active members",
        "members_without_agreements": "Members without both agreements in force (P10)",
        "agreements_due_for_renewal": "Agreements due for renewal",
        "last_meeting_with_lead": "Last meeting with the police lead (P24)",
        "next_meeting_due_by": "Next meeting due by",
        "overdue_for_meeting": "Overdue for a meeting (P24)",
        "minutes_awaiting_approval": "Minutes awaiting approval",
        "minutes_awaiting_publication": "Minutes awaiting publication",
        "shortfalls": "Falls short on",
    }

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_see_compliance(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(self.breadcrumbs_items, ("", self.page_title))

    @cached_property
    def rows(self):
        return compliance_rows(timezone.localdate(), IAGSettings.load().agreement_renewal_months)

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self.as_spreadsheet(self.rows, request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = self.rows
        return super().get_context_data(
            rows=rows,
            today=timezone.localdate(),
            falling_short=sum(1 for row in rows if row.shortfalls),
            export_csv_url="?export=csv",
            export_xlsx_url="?export=xlsx",
            **kwargs,
        )
