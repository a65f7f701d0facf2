"""Admin screens for the IAGs, one menu: groups, members, meetings and the compliance dashboard."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import EditView as SnippetEditView

from hub.admin_views import ScopedInspectView, ScopedModelViewSet, ScreensViewSet
from hub.viewsets import HubSnippetViewSet
from iag import permissions
from iag.admin_forms import AdviceForm, MeetingForm, MembershipForm
from iag.filters import AdviceFilterSet, MeetingFilterSet, MembershipFilterSet
from iag.models import (
    Advice,
    AdvisoryGroup,
    Escalation,
    GoldGroupRequest,
    Meeting,
    Membership,
    QuarterlyFeedback,
    RemovalVote,
)
from iag.models.membership import KEEP
from iag.views import advice, compliance, escalation, feedback, meetings, votes


class AdvisoryGroupViewSet(ScopedModelViewSet):
    model = AdvisoryGroup
    icon = "group"
    menu_label = "Groups"
    list_display = ["__str__", "police_lead_role", "escalation_point_name"]
    search_fields = ["borough__name"]
    ordering = ["borough__name"]
    list_export = [
        "borough.name",
        "police_lead_role",
        "escalation_point_name",
        "escalation_point_role",
    ]
    export_headings = {"borough.name": "Borough"}
    export_filename = "iag-groups"
    inspect_view_fields = [
        "borough",
        "police_lead_rank",
        "escalation_point_name",
        "escalation_point_role",
        "differs_from_other_groups",
        "terms_of_reference",
        "induction_prologue",
        "we_can_help_you_with",
        "you_can_help_us_with",
    ]


class MembershipInspectView(ScopedInspectView):
    """Vetting notes and contact details only for those entitled to them."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.fields = self.visible_fields()  # depends on the record, known only now

    def visible_fields(self):
        fields = [
            "group",
            "role",
            "connection",
            "status",
            "joined_on",
            "left_on",
            "left_reason",
            "confidentiality_agreement_signed_on",
            "information_sharing_agreement_signed_on",
            "publish_name",
        ]
        if permissions.user_can_see_vetting(self.request.user, self.object):
            fields += [
                "vetted_on",
                "official_secrets_act_signed_on",
                "risk_assessment_on",
                "risk_assessment_by",
                "vetting_notes",
            ]
        return fields

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if permissions.user_can_see_contact_details(self.request.user, self.object):
            person = self.object.person
            context["fields"] += [
                {"label": "E-mail address", "value": person.email or "—"},
                {"label": "Telephone number", "value": person.phone or "—"},
            ]
        return context


class MembershipViewSet(ScopedModelViewSet):
    model = Membership
    icon = "user"
    menu_label = "Members"
    inspect_view_class = MembershipInspectView
    list_display = ["person", "group", "role", "status", "joined_on"]
    list_select_related = ["person", "group__borough"]
    filterset_class = MembershipFilterSet
    search_fields = ["person__name"]
    ordering = ["group__borough__name", "person__name"]
    # Contact details and vetting are never exported.
    list_export = ["person.name", "group", "role", "status", "connection", "joined_on", "left_on"]
    export_headings = {"person.name": "Name"}
    export_filename = "iag-members"
    edit_handler = ObjectList(
        [
            FieldPanel("group", permission=KEEP),
            MultiFieldPanel(
                [
                    FieldPanel("person_name", permission=KEEP),
                    FieldPanel("person_email", permission=KEEP),
                    FieldPanel("person_phone", permission=KEEP),
                ],
                heading="The person (contact details are personal data)",
            ),
            *Membership.panels,
        ],
        base_form_class=MembershipForm,
    )


class MeetingViewSet(ScopedModelViewSet):
    model = Meeting
    icon = "date"
    menu_label = "Meetings"
    inspect_view_class = meetings.MeetingInspectView
    list_display = ["date", "group", "kind", "minutes_status"]
    list_select_related = ["group__borough"]
    filterset_class = MeetingFilterSet
    search_fields = ["group__borough__name", "place"]
    ordering = ["-date"]
    list_export = ["date", "group", "kind", "place", "minutes_status", "police_lead_attended"]
    export_filename = "iag-meetings"
    edit_handler = ObjectList(Meeting.panels, base_form_class=MeetingForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/attendance/", meetings.AttendanceView.as_view(), name="attendance"),
            path(
                "<int:pk>/minutes/<slug:action>/",
                meetings.MinutesActionView.as_view(),
                name="minutes_action",
            ),
            path(
                "<int:pk>/items/<int:item_pk>/withhold/",
                meetings.WithholdItemView.as_view(),
                name="withhold_item",
            ),
        ]


class AdviceViewSet(ScopedModelViewSet):
    """The advice register (P28): every group's advice and responses the user may see."""

    model = Advice
    icon = "comment"
    menu_label = "Advice register"
    add_view_class = advice.AdviceCreateView
    edit_view_class = advice.AdviceEditView
    inspect_view_class = advice.AdviceInspectView
    filterset_class = AdviceFilterSet
    list_display = ["given_on", "group", "subject", "category", "outcome_label", "due_label"]
    list_select_related = ["group__borough", "response"]
    search_fields = ["subject", "group__borough__name"]
    ordering = ["-given_on"]
    list_export = [
        "group.borough.name",
        "given_on",
        "subject",
        "category_label",
        "advice",
        "outcome_label",
        "decision_text",
        "reasons_text",
        "response_due_on",
        "overdue_label",
    ]
    export_headings = {
        "group.borough.name": "Borough",
        "category_label": "Category",
        "outcome_label": "Outcome",
        "decision_text": "Decision taken",
        "reasons_text": "Reasons",
        "response_due_on": "Response due on",
        "overdue_label": "Overdue",
    }
    export_filename = "iag-advice-register"
    edit_handler = ObjectList(Advice.panels, base_form_class=AdviceForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/respond/", advice.RespondView.as_view(), name="respond"),
            path("<int:pk>/versions/", advice.AdviceVersionsView.as_view(), name="versions"),
        ]


def changed_only_by_services(request, pk):
    """Edit and delete exist by name (the generic screens link to them) but refuse everyone."""
    raise PermissionDenied


def read_only_urlpatterns(viewset):
    """List, results, inspect and history: the screens of a record changed only by services."""
    return [
        path("", viewset.index_view, name="index"),  # first: the menu links to the first
        path("edit/<int:pk>/", changed_only_by_services, name="edit"),
        path("delete/<int:pk>/", changed_only_by_services, name="delete"),
        path("results/", viewset.index_results_view, name="index_results"),
        path("inspect/<int:pk>/", viewset.inspect_view, name="inspect"),
        path("history/<int:pk>/", viewset.history_view, name="history"),
        path("history-results/<int:pk>/", viewset.history_results_view, name="history_results"),
    ]


class GoldGroupRequestViewSet(ScopedModelViewSet):
    model = GoldGroupRequest
    icon = "warning"
    menu_label = "Gold Group requests"
    inspect_view_class = escalation.GoldGroupInspectView
    list_display = ["requested_at", "group", "decision", "answered_at"]
    list_select_related = ["group__borough"]
    list_filter = ["decision"]
    ordering = ["-requested_at"]
    list_export = ["group", "requested_at", "decision", "answered_at", "time_to_answer"]
    export_filename = "iag-gold-group-requests"

    def get_urlpatterns(self):
        # Made and answered only through the services: no generic edit, delete or copy.
        return [
            *read_only_urlpatterns(self),
            path("new/", escalation.RequestGoldGroupView.as_view(), name="add"),
            path("<int:pk>/answer/", escalation.AnswerGoldGroupView.as_view(), name="answer"),
        ]


class EscalationViewSet(ScopedModelViewSet):
    model = Escalation
    icon = "warning"
    menu_label = "Escalations"
    inspect_view_class = escalation.EscalationInspectView
    list_display = ["raised_at", "group", "raised_to", "resolved_at"]
    list_select_related = ["group__borough"]
    ordering = ["-raised_at"]
    list_export = ["group", "raised_at", "raised_to", "resolved_at"]
    export_filename = "iag-escalations"

    def get_urlpatterns(self):
        return [
            *read_only_urlpatterns(self),
            path("new/", escalation.RaiseEscalationView.as_view(), name="add"),
            path("<int:pk>/resolve/", escalation.ResolveEscalationView.as_view(), name="resolve"),
        ]


class RemovalVoteViewSet(ScopedModelViewSet):
    """Removal votes (P12): opened, run and closed by the chair through the services."""

    model = RemovalVote
    icon = "group"
    menu_label = "Removal votes"
    inspect_view_class = votes.VoteInspectView
    history_view_class = votes.VoteHistoryView
    list_display = ["__str__", "status", "result", "closed_at"]
    list_select_related = ["meeting__group__borough"]
    list_filter = ["status", "result"]
    ordering = ["-opened_at"]
    # Who voted how is never exported; the result is.
    list_export = ["meeting", "status", "result", "closed_at"]
    export_filename = "iag-removal-votes"

    def get_urlpatterns(self):
        return [
            *read_only_urlpatterns(self),
            path("new/", votes.OpenVoteView.as_view(), name="add"),
            path("<int:pk>/proxy/", votes.RecordProxyView.as_view(), name="proxy"),
            path("<int:pk>/ballots/", votes.EnterBallotsView.as_view(), name="ballots"),
            path("<int:pk>/my-vote/", votes.MyVoteView.as_view(), name="my_vote"),
            path("<int:pk>/totals/", votes.EnterTotalsView.as_view(), name="totals"),
            path("<int:pk>/close/", votes.CloseVoteView.as_view(), name="close"),
        ]


class FeedbackEditView(SnippetEditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                "Compile from the register",
                url=reverse("wagtailsnippets_iag_quarterlyfeedback:compile", args=[self.object.pk]),
                icon_name="table",
                priority=5,
            ),
        ]


class QuarterlyFeedbackViewSet(HubSnippetViewSet):
    """Drafted, compiled from the register, approved by the central team, then published."""

    model = QuarterlyFeedback
    edit_view_class = FeedbackEditView
    icon = "table"
    menu_label = "Quarterly feedback"
    list_display = ["__str__", "compiled_at", UpdatedAtColumn(), LiveStatusTagColumn()]
    list_select_related = ["group__borough"]
    list_filter = ["year", "quarter"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("compile/<int:pk>/", feedback.CompileFeedbackView.as_view(), name="compile"),
        ]


class ComplianceViewSet(ScreensViewSet):
    name = "iag_compliance"
    icon = "list-ul"
    menu_label = "Compliance"
    shown_to = permissions.user_can_see_compliance

    def get_urlpatterns(self):
        return [path("", compliance.ComplianceDashboardView.as_view(), name="index")]


class IAGViewSetGroup(ModelViewSetGroup):
    menu_label = "Advisory groups"
    menu_icon = "group"
    menu_order = 200
    items = (
        AdvisoryGroupViewSet("iag_groups"),
        MembershipViewSet("iag_members"),
        MeetingViewSet("iag_meetings"),
        AdviceViewSet("iag_advice"),
        GoldGroupRequestViewSet("iag_gold_groups"),
        RemovalVoteViewSet("iag_votes"),
        EscalationViewSet("iag_escalations"),
        QuarterlyFeedbackViewSet(),
        ComplianceViewSet(),
    )
