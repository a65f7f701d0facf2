"""Admin views for the partnership boards: running a meeting (shared with the IAGs), a report's
page with its submit and publish steps, and the roll-up of reports for a quarter."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub import meeting_views
from hub.admin_views import ScopedInspectView, ServiceStepView, breadcrumb_trail
from hub.periods import QUARTER_CHOICES, Quarter, quarter_of
from partnerships import permissions, services
from partnerships.enums import ActionStatus
from partnerships.models import BoardMeeting, BoardReport
from partnerships.rollup import build_rollup


class BoardMeetings(meeting_views.MeetingViewConfig):
    """The board's chair or secretary runs its meetings; its members see withheld items."""

    meeting_model = BoardMeeting
    url_namespace = "partnership_meetings"
    owner_field = "board"

    def can_run(self, user, meeting):
        return permissions.user_can_run_meeting(user, meeting)

    def can_see_withheld(self, user, meeting):
        return permissions.user_can_see_withheld_items(user, meeting)


class MinutesActionView(BoardMeetings, meeting_views.MinutesActionView):
    pass


class WithholdItemView(BoardMeetings, meeting_views.WithholdItemView):
    pass


class MeetingInspectView(BoardMeetings, meeting_views.MeetingInspectView):
    pass


# --- Reports ------------------------------------------------------------------------------------


def report_url(report, view="inspect"):
    return reverse(f"partnership_reports:{view}", args=[report.pk])


class ReportInspectView(ScopedInspectView):
    template_name = "partnerships/admin/report_inspect.html"

    def get_context_data(self, **kwargs):
        report = self.object
        user = self.request.user
        return super().get_context_data(
            report=report,
            state=report.state(),
            submit_url=report_url(report, "submit")
            if permissions.user_can_submit_report(user, report)
            else None,
            publish_url=report_url(report, "publish")
            if permissions.user_can_publish_report(user, report)
            else None,
            **kwargs,
        )


REPORT_STEPS = {
    "submit": (
        permissions.user_can_submit_report,
        services.submit_report,
        "Submit the report",
        "Report submitted to {parent}.",
    ),
    "publish": (
        permissions.user_can_publish_report,
        services.publish_report,
        "Publish the report",
        "Report published on the partnership's public pages.",
    ),
}


class ReportStepView(ServiceStepView):
    """Confirm, then submit a draft report up the chain, or publish a submitted one."""

    template_name = "partnerships/admin/report_step.html"
    header_icon = "doc-full"
    step = None

    def dispatch(self, request, *args, **kwargs):
        self.report = self.record = get_object_or_404(
            BoardReport.objects.select_related("board__parent"), pk=kwargs["pk"]
        )
        allowed, self.service, self.page_title, self.done = REPORT_STEPS[self.step]
        if not allowed(request.user, self.report):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("partnership_reports:index"), "Reports"),
            (report_url(self.report), str(self.report)),
            ("", self.page_title),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=self.report, step=self.step, **kwargs)

    def record_url(self):
        return report_url(self.report)

    def done_message(self):
        return self.done.format(parent=self.report.board.parent)


# --- The roll-up ---------------------------------------------------------------------------------


class PeriodForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(choices=QUARTER_CHOICES, coerce=int)


class RollupView(WagtailAdminTemplateMixin, TemplateView):
    """Every board the user sits on and every board below, for one quarter: who reported, who
    is late, and their actions by status. The executive board's members see the whole tree."""

    template_name = "partnerships/admin/rollup.html"
    page_title = "Roll-up of reports"
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_see_rollup(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def period(self, form):
        if form.is_bound and form.is_valid():
            return Quarter(form.cleaned_data["year"], form.cleaned_data["quarter"])
        return quarter_of(timezone.localdate())

    def get_context_data(self, **kwargs):
        data = self.request.GET if "year" in self.request.GET else None
        form = PeriodForm(data)
        period = self.period(form)
        if not form.is_bound:
            form = PeriodForm(initial={"year": period.year, "quarter": period.number})
        # Every report in the roll-up is one the user may read: submitted, from their own
        # boards or a board below them.
        rollup = build_rollup(permissions.rollup_boards(self.request.user), period)
        return super().get_context_data(
            form=form,
            period=period,
            rollup=rollup,
            states=rollup.states(),
            totals=rollup.action_totals(),
            statuses=list(ActionStatus),
            previous=period.previous(),
            next=period.next(),
            **kwargs,
        )
