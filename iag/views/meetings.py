"""Admin views for running a meeting: attendance, approving and publishing minutes, withholding
an item. Public views live on IAGDirectoryPage."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub import services as minutes_services
from hub.admin_views import ScopedInspectView, breadcrumb_trail
from hub.enums import AttendanceStatus
from iag import permissions
from iag.models import Meeting, MinuteItem
from iag.services import members_at, record_attendance


def meeting_url(meeting, view="inspect"):
    return reverse(f"iag_meetings:{view}", args=[meeting.pk])


class MeetingAdminMixin(WagtailAdminTemplateMixin):
    """A view about one meeting that only the group's chair may use, while minutes are draft."""

    header_icon = "date"
    requires_draft = True

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=kwargs["pk"])
        if not permissions.user_can_run_meeting(request.user, self.meeting):
            raise PermissionDenied
        if self.requires_draft and not self.meeting.minutes_are_draft:
            messages.error(request, "The minutes of this meeting are approved: it cannot change.")
            return redirect(meeting_url(self.meeting))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("iag_meetings:index"), "Meetings"),
            (meeting_url(self.meeting), str(self.meeting)),
            ("", self.get_page_title()),
        )


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

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def form_valid(self, form):
        try:
            record_attendance(self.meeting, form.statuses(), self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Attendance saved.")
        return redirect(meeting_url(self.meeting))


MINUTES_ACTIONS = {
    "approve": (minutes_services.approve_minutes, "Approve the minutes", "Minutes approved."),
    "return-to-draft": (
        minutes_services.return_minutes_to_draft,
        "Return the minutes to draft",
        "The minutes are back in draft.",
    ),
    "publish": (
        minutes_services.publish_minutes,
        "Publish the minutes",
        "Minutes published: they are on the group's public page, without withheld items.",
    ),
}


class MinutesActionView(MeetingAdminMixin, TemplateView):
    """Confirm, then approve, return to draft or publish a meeting's minutes."""

    template_name = "iag/admin/minutes_action.html"
    requires_draft = False

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in MINUTES_ACTIONS:
            raise PermissionDenied
        self.service, self.page_title, self.done = MINUTES_ACTIONS[kwargs["action"]]
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            self.service(self.meeting, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done)
        return redirect(meeting_url(self.meeting))


class WithholdItemForm(forms.Form):
    requested_by = forms.CharField(
        label="Not recorded at the request of",
        max_length=200,
        help_text="Who asked for this matter not to be recorded (principle 26).",
    )


class WithholdItemView(MeetingAdminMixin, FormView):
    """Withhold an item already recorded: its words are erased everywhere, history included."""

    template_name = "iag/admin/withhold_item.html"
    page_title = "Withhold an item"
    form_class = WithholdItemForm
    requires_draft = False

    @cached_property
    def item(self):
        return get_object_or_404(MinuteItem, pk=self.kwargs["item_pk"], meeting=self.meeting)

    def get_initial(self):
        lead = self.meeting.group.police_lead
        return {"requested_by": lead.name if lead else ""}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, item=self.item, **kwargs)

    def form_valid(self, form):
        minutes_services.withhold_minute_item(
            self.item, form.cleaned_data["requested_by"], self.request.user
        )
        messages.success(self.request, "The item is withheld; its words are no longer stored.")
        return redirect(meeting_url(self.meeting))


class MeetingInspectView(ScopedInspectView):
    """The meeting with its attendance and minutes, and the chair's next steps."""

    template_name = "iag/admin/meeting_inspect.html"

    def get_context_data(self, **kwargs):
        meeting = self.object
        user = self.request.user
        items = list(meeting.minute_items.all())
        if not permissions.user_can_see_withheld_items(user, meeting):
            items = [item for item in items if not item.is_withheld]
        return super().get_context_data(
            meeting=meeting,
            items=items,
            attendance=meeting.attendance.select_related("membership__person").order_by(
                "membership__person__name"
            ),
            guests=meeting.guests.all(),
            can_run=permissions.user_can_run_meeting(user, meeting),
            **kwargs,
        )
