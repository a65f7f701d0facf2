import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, OuterRef, Q, Subquery
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from iag import rules
from iag.enums import MeetingKind, MemberRole, MembershipStatus, PoliceRank

MANAGE_GROUPS = "iag.manage_advisorygroup"

PROSE = ["bold", "italic", "ol", "ul", "link"]


class AdvisoryGroupQuerySet(models.QuerySet):
    def with_last_meeting_with_lead(self, today):
        """Annotate the date of the last meeting of the IAG with the police lead (P24)."""
        return self.annotate(
            last_meeting_with_lead=Max(
                "meetings__date",
                filter=Q(
                    meetings__kind=MeetingKind.FULL,
                    meetings__police_lead_attended=True,
                    meetings__date__lte=today,
                ),
            )
        )

    def with_public_chair_name(self):
        """Annotate ``public_chair_name``: the active chair's name, only if they agreed to be
        named on the group's public page; otherwise None."""
        from iag.models.membership import Membership

        chairs = Membership.objects.chairs().filter(group=OuterRef("pk"), publish_name=True)
        return self.annotate(public_chair_name=Subquery(chairs.values("person__name")[:1]))

    def overdue_for_meeting(self, today):
        """Groups with no meeting with the police lead in the whole of the last quarter."""
        groups = self.with_last_meeting_with_lead(today)
        return [group for group in groups if group.is_overdue_for_meeting(today)]


class AdvisoryGroupManager(models.Manager.from_queryset(AdvisoryGroupQuerySet)):
    def get_queryset(self):
        # A group is named after its borough (``__str__``), in every list, filter and export.
        return super().get_queryset().select_related("borough")


class AdvisoryGroup(models.Model):
    """A borough's Independent Advisory Group: one per borough (P13)."""

    borough = models.OneToOneField(
        "hub.Borough",
        on_delete=models.PROTECT,
        related_name="advisory_group",
        limit_choices_to={"policed_by_mps": True},
        help_text="Every borough policed by the MPS should have one IAG (principle 13).",
    )
    police_lead = models.ForeignKey(
        "hub.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_advisory_groups",
        help_text="The MPS lead with responsibility for the borough (principle 17).",
    )
    police_lead_rank = models.CharField(
        "police lead's rank", max_length=30, choices=PoliceRank.choices, blank=True
    )
    escalation_point_name = models.CharField(
        "named point of escalation",
        max_length=200,
        help_text="Who a difficulty between the IAG and the police is raised to (principle 23).",
    )
    escalation_point_role = models.CharField("their role", max_length=200)
    differs_from_other_groups = models.TextField(
        "how this group differs from other groups",
        help_text=(
            "The terms of reference must clearly set the IAG apart from groups that exist for "
            "other purposes, such as the Safer Neighbourhood Board (principle 21)."
        ),
    )
    terms_of_reference = RichTextField(features=PROSE)
    induction_prologue = RichTextField(
        "local prologue",
        features=PROSE,
        blank=True,
        help_text="Opens the induction pack: the group's local ways of working (principle 20).",
    )
    we_can_help_you_with = models.TextField(
        "we can help you with…", blank=True, help_text="For the induction pack (principle 20)."
    )
    you_can_help_us_with = models.TextField(
        "you can help us with…", blank=True, help_text="For the induction pack (principle 20)."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()
    objects = AdvisoryGroupManager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("borough", permission=MANAGE_GROUPS),
                FieldPanel("police_lead", permission=MANAGE_GROUPS),
                FieldPanel("police_lead_rank", permission=MANAGE_GROUPS),
                FieldPanel("escalation_point_name", permission=MANAGE_GROUPS),
                FieldPanel("escalation_point_role", permission=MANAGE_GROUPS),
            ],
            heading="The group and its police lead",
        ),
        MultiFieldPanel(
            [
                FieldPanel("differs_from_other_groups", permission=MANAGE_GROUPS),
                FieldPanel("terms_of_reference", permission=MANAGE_GROUPS),
            ],
            heading="Terms of reference",
        ),
        MultiFieldPanel(
            [
                FieldPanel("induction_prologue"),
                FieldPanel("we_can_help_you_with"),
                FieldPanel("you_can_help_us_with"),
            ],
            heading="Induction pack",
        ),
    ]

    class Meta:
        ordering = ["borough__name"]
        verbose_name = "advisory group"
        permissions = [
            ("manage_advisorygroup", "Can set up groups: borough, police lead, escalation point"),
            ("view_compliance", "Can see the IAG compliance dashboard"),
        ]

    def __str__(self):
        return f"{self.borough.name} IAG"

    def clean(self):
        super().clean()
        if self.police_lead_id and not self.police_lead_rank:
            raise ValidationError(
                {
                    "police_lead_rank": (
                        "Give the police lead's rank: a Chief Superintendent or a "
                        "Superintendent (principle 17)."
                    )
                }
            )

    @property
    def chair_membership(self):
        return (
            self.memberships.filter(role=MemberRole.CHAIR, status=MembershipStatus.ACTIVE)
            .select_related("person")
            .first()
        )

    @property
    def police_lead_role(self):
        """The lead's role as the public sees it: rank and responsibility, never the name."""
        if not self.police_lead_rank:
            return ""
        return f"{self.get_police_lead_rank_display()} with responsibility for {self.borough.name}"

    def last_meeting_with_lead_on(self, today):
        if hasattr(self, "last_meeting_with_lead"):  # from with_last_meeting_with_lead(today)
            return self.last_meeting_with_lead
        return self.meetings.filter(
            kind=MeetingKind.FULL, police_lead_attended=True, date__lte=today
        ).aggregate(last=Max("date"))["last"]

    def next_meeting_due_by(self, today):
        return rules.next_meeting_due_by(
            self.last_meeting_with_lead_on(today), self.created_at.date()
        )

    def is_overdue_for_meeting(self, today: datetime.date) -> bool:
        return rules.is_overdue_for_meeting(
            self.last_meeting_with_lead_on(today), self.created_at.date(), today
        )
