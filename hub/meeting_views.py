"""Admin views shared by every kind of meeting (IAG, partnership board): approving, returning
and publishing the minutes, withholding an item after the event, and the meeting's own page.

Each app subclasses them, naming its meeting model, its URL namespace and who may run a meeting
and see that an item was withheld.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub import services
from hub.admin_views import ScopedInspectView, ServiceStepView, breadcrumb_trail


class MeetingViewConfig:
    """What a subclass names: the model, the URL namespace and two access predicates."""

    meeting_model = None
    url_namespace = None
    owner_field = "group"  # the meeting's body: "group" for an IAG, "board" for a board

    def can_run(self, user, meeting) -> bool:
        raise NotImplementedError

    def can_see_withheld(self, user, meeting) -> bool:
        raise NotImplementedError

    def meeting_url(self, meeting, view="inspect", *args):
        return reverse(f"{self.url_namespace}:{view}", args=[meeting.pk, *args])


class MeetingAdminMixin(MeetingViewConfig, WagtailAdminTemplateMixin):
    """A view about one meeting that only those who run it may use, while minutes are draft."""

    header_icon = "date"
    requires_draft = True

    def dispatch(self, request, *args, **kwargs):
        self.meeting = get_object_or_404(
            self.meeting_model.objects.select_related(self.owner_field), pk=kwargs["pk"]
        )
        if not self.can_run(request.user, self.meeting):
            raise PermissionDenied
        if self.requires_draft and not self.meeting.minutes_are_draft:
            messages.error(request, "The minutes of this meeting are approved: it cannot change.")
            return redirect(self.meeting_url(self.meeting))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse(f"{self.url_namespace}:index"), "Meetings"),
            (self.meeting_url(self.meeting), str(self.meeting)),
            ("", self.get_page_title()),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            meeting=self.meeting, cancel_url=self.meeting_url(self.meeting), **kwargs
        )


MINUTES_ACTIONS = {
    "approve": (services.approve_minutes, "Approve the minutes", "Minutes approved."),
    "return-to-draft": (
        services.return_minutes_to_draft,
        "Return the minutes to draft",
        "The minutes are back in draft.",
    ),
    "publish": (
        services.publish_minutes,
        "Publish the minutes",
        "Minutes published: they are on the public pages, without withheld items.",
    ),
}


class MinutesActionView(MeetingAdminMixin, ServiceStepView):
    """Confirm, then approve, return to draft or publish a meeting's minutes."""

    template_name = "hub/admin/minutes_action.html"
    requires_draft = False

    def dispatch(self, request, *args, **kwargs):
        if kwargs["action"] not in MINUTES_ACTIONS:
            raise PermissionDenied
        self.service, self.page_title, self.done = MINUTES_ACTIONS[kwargs["action"]]
        return super().dispatch(request, *args, **kwargs)

    @property
    def record(self):
        return self.meeting

    def record_url(self):
        return self.meeting_url(self.meeting)


class WithholdItemForm(forms.Form):
    requested_by = forms.CharField(
        label="Not recorded at the request of",
        max_length=200,
        help_text="Who asked for this matter not to be recorded.",
    )


class WithholdItemView(MeetingAdminMixin, FormView):
    """Withhold an item already recorded: its words are erased everywhere, history included."""

    template_name = "hub/admin/withhold_item.html"
    page_title = "Withhold an item"
    form_class = WithholdItemForm
    requires_draft = False

    @cached_property
    def item(self):
        return get_object_or_404(
            self.meeting.minute_items.model, pk=self.kwargs["item_pk"], meeting=self.meeting
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def form_valid(self, form):
        services.withhold_minute_item(
            self.item, form.cleaned_data["requested_by"], self.request.user
        )
        messages.success(self.request, "The item is withheld; its words are no longer stored.")
        return redirect(self.meeting_url(self.meeting))


class MeetingInspectView(MeetingViewConfig, ScopedInspectView):
    """The meeting with its minutes, and the next steps for whoever runs it."""

    template_name = "hub/admin/meeting_inspect.html"

    def get_context_data(self, **kwargs):
        meeting = self.object
        user = self.request.user
        can_run = self.can_run(user, meeting)
        items = list(meeting.minute_items.all())
        if not self.can_see_withheld(user, meeting):
            items = [item for item in items if not item.is_withheld]
        for item in items:
            item.withhold_url = (
                self.meeting_url(meeting, "withhold_item", item.pk)
                if can_run and not item.is_withheld
                else None
            )
        action_url = self.meeting_url if can_run else (lambda *args: None)
        return super().get_context_data(
            meeting=meeting,
            items=items,
            can_run=can_run,
            approve_url=action_url(meeting, "minutes_action", "approve"),
            publish_url=action_url(meeting, "minutes_action", "publish"),
            return_url=action_url(meeting, "minutes_action", "return-to-draft"),
            **kwargs,
        )
