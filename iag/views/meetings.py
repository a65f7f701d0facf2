"""Admin views for running an IAG meeting: attendance, approving and publishing minutes,
withholding an item. The shared behaviour lives in hub.meeting_views; public views live on
IAGDirectoryPage."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from hub import meeting_views
from hub.enums import AttendanceStatus
from iag import permissions
from iag.models import Meeting
from iag.services import members_at, record_attendance


class IAGMeetings(meeting_views.MeetingViewConfig):
    """The group's chair runs its meetings (P5, P7); cleared members see withheld items."""

    meeting_model = Meeting
    url_namespace = "iag_meetings"
    owner_field = "group"

    def can_run(self, user, meeting):
        return permissions.user_can_run_meeting(user, meeting)

    def can_see_withheld(self, user, meeting):
        return permissions.user_can_see_withheld_items(user, meeting)


class MeetingAdminMixin(IAGMeetings, meeting_views.MeetingAdminMixin):
    pass


class AttendanceForm(forms.Form):
    """One radio group per member of the group on the day of the meeting."""

    def __init__(self, *args, memberships, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = list(memberships)
        for membership in self.memberships:
            self.fields[f"member_{membership.pk}"] = forms.ChoiceField(
                label=membership.person.name,
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                initial=current.get(membership.pk, AttendanceStatus.PRESENT),
            )

    def statuses(self):
        return {m.pk: self.cleaned_data[f"member_{m.pk}"] for m in self.memberships}


class AttendanceView(MeetingAdminMixin, FormView):
    template_name = "iag/admin/attendance.html"
    page_title = "Attendance"
    form_class = AttendanceForm

    def get_form_kwargs(self):
        current = dict(self.meeting.attendance.values_list("membership_id", "status"))
        return {
            **super().get_form_kwargs(),
            "memberships": members_at(self.meeting),
            "current": current,
        }

    def form_valid(self, form):
        try:
            record_attendance(self.meeting, form.statuses(), self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Attendance saved.")
        return redirect(self.meeting_url(self.meeting))


class MinutesActionView(IAGMeetings, meeting_views.MinutesActionView):
    pass


class WithholdItemView(IAGMeetings, meeting_views.WithholdItemView):
    def get_initial(self):
        lead = self.meeting.group.police_lead
        return {"requested_by": lead.name if lead else ""}


class MeetingInspectView(IAGMeetings, meeting_views.MeetingInspectView):
    """The meeting with its attendance and minutes, and the chair's next steps."""

    template_name = "iag/admin/meeting_inspect.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            attendance=self.object.attendance.select_related("membership__person").order_by(
                "membership__person__name"
            ),
            guests=self.object.guests.all(),
            **kwargs,
        )
