"""Admin screens for the IAGs, one menu: groups, members, meetings and the compliance dashboard."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSetGroup

from hub.admin_views import ScopedInspectView, ScopedModelViewSet
from iag import permissions, views
from iag.admin_forms import MeetingForm, MembershipForm
from iag.filters import MeetingFilterSet, MembershipFilterSet
from iag.models import AdvisoryGroup, Meeting, Membership
from iag.models.membership import KEEP


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
    inspect_view_class = views.MeetingInspectView
    list_display = ["date", "group", "kind", "minutes_status"]
    filterset_class = MeetingFilterSet
    search_fields = ["group__borough__name", "place"]
    ordering = ["-date"]
    list_export = ["date", "group", "kind", "place", "minutes_status", "police_lead_attended"]
    export_filename = "iag-meetings"
    edit_handler = ObjectList(Meeting.panels, base_form_class=MeetingForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/attendance/", views.AttendanceView.as_view(), name="attendance"),
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


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_see_compliance(request.user)


class ComplianceViewSet(ViewSet):
    name = "iag_compliance"
    icon = "list-ul"
    menu_label = "Compliance"
    menu_item_class = ComplianceMenuItem

    def get_urlpatterns(self):
        return [path("", views.ComplianceDashboardView.as_view(), name="index")]


class IAGViewSetGroup(ModelViewSetGroup):
    menu_label = "Advisory groups"
    menu_icon = "group"
    menu_order = 200
    items = (
        AdvisoryGroupViewSet("iag_groups"),
        MembershipViewSet("iag_members"),
        MeetingViewSet("iag_meetings"),
        ComplianceViewSet(),
    )
