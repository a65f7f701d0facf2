"""What an IAG advised, and what the police did with it (principles 1 to 4, 27 to 29, 31)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from hub.models.meetings import ClusterHistoricalRecords
from iag import rules
from iag.enums import AdviceCategory, ResponseOutcome


class AdviceQuerySet(models.QuerySet):
    def decided(self):
        return self.filter(response__outcome__in=rules.DECIDED_OUTCOMES)

    def awaiting_response(self):
        return self.exclude(response__outcome__in=rules.DECIDED_OUTCOMES)

    def overdue(self, today):
        """Advice with no decision from the police lead after its due date (P29)."""
        return self.awaiting_response().filter(response_due_on__lt=today)

    def in_quarter(self, quarter):
        return self.filter(given_on__gte=quarter.first_day, given_on__lte=quarter.last_day)

    def published(self):
        """Advice the public may see: not marked confidential, from a quarter whose feedback (for
        the group, or for all of London) is live."""
        from iag.models.feedback import QuarterlyFeedback

        live = QuarterlyFeedback.objects.filter(live=True).filter(
            Q(group__isnull=True) | Q(group=OuterRef("group")),
            first_day__lte=OuterRef("given_on"),
            last_day__gte=OuterRef("given_on"),
        )
        return self.filter(confidential=False).filter(Exists(live))


class Advice(ClusterableModel):
    """What the IAG advised, when and on what."""

    group = models.ForeignKey("iag.AdvisoryGroup", on_delete=models.PROTECT, related_name="advice")
    meeting = models.ForeignKey(
        "iag.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advice",
        help_text="The meeting at which the advice was given, if it was given at one.",
    )
    given_on = models.DateField(default=datetime.date.today)
    subject = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=AdviceCategory.choices)
    advice = models.TextField("the advice as given")
    response_requested_by = models.DateField(
        null=True,
        blank=True,
        help_text="If the group needs an answer sooner than the usual period.",
    )
    response_due_on = models.DateField(editable=False)
    confidential = models.BooleanField(
        "not for publication",
        default=False,
        help_text=(
            "For advice about an operation or a matter that must not be published. It is still "
            "counted in the quarterly feedback, but never listed."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    overdue_notified_on = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["overdue_notified_on"])
    objects = AdviceQuerySet.as_manager()

    panels = [
        FieldPanel("group"),
        FieldPanel("meeting"),
        FieldRowPanel([FieldPanel("given_on"), FieldPanel("response_requested_by")]),
        FieldPanel("subject"),
        FieldPanel("category"),
        FieldPanel("advice"),
        InlinePanel(
            "differing_views",
            heading="Differing views",
            label="Differing view",
            help_text=(
                "Principle 31: the group may not speak with one voice. Record each individual's "
                "different view here, side by side, rather than merging it into the advice."
            ),
        ),
        FieldPanel("confidential"),
    ]

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name_plural = "advice"
        permissions = [("respond_advice", "Can respond to advice for their borough (police lead)")]

    def __str__(self):
        return f"{self.group}: {self.subject} ({self.given_on:%-d %B %Y})"

    def clean(self):
        super().clean()
        if self.meeting_id and self.group_id and self.meeting.group_id != self.group_id:
            raise ValidationError({"meeting": "Choose a meeting of the same group."})
        if (
            self.response_requested_by
            and self.given_on
            and self.response_requested_by < self.given_on
        ):
            raise ValidationError(
                {"response_requested_by": "A response cannot be due before the advice was given."}
            )

    @property
    def current_response(self):
        try:
            return self.response
        except AdviceResponse.DoesNotExist:
            return None

    @property
    def outcome(self):
        response = self.current_response
        return response.outcome if response else ResponseOutcome.PENDING

    @property
    def is_decided(self):
        return self.outcome in rules.DECIDED_OUTCOMES

    def is_overdue(self, today):
        return rules.response_is_overdue(self.response_due_on, self.is_decided, today)

    # Labels for listings and exports.

    @property
    def outcome_label(self):
        return ResponseOutcome(self.outcome).label

    @property
    def category_label(self):
        return self.get_category_display()

    @property
    def decision_text(self):
        response = self.current_response
        return response.decision if response else ""

    @property
    def reasons_text(self):
        response = self.current_response
        return response.reasons if response else ""

    @property
    def overdue_label(self):
        return "Overdue" if self.is_overdue(timezone.localdate()) else ""

    @property
    def due_label(self):
        if self.is_decided:
            return "Answered"
        due = f"Due {self.response_due_on:%-d %b %Y}"
        return f"{due}: overdue" if self.overdue_label else due


class DifferingView(Orderable):
    """An individual's view that differs from the advice, kept apart from it (P31)."""

    advice = ParentalKey(Advice, on_delete=models.CASCADE, related_name="differing_views")
    held_by = models.CharField(
        max_length=200,
        help_text="Whose view this is (a member may ask not to be named: write 'A member').",
    )
    view = models.TextField()

    history = ClusterHistoricalRecords()

    def __str__(self):
        return f"View held by {self.held_by}"


class AdviceResponse(models.Model):
    """The police lead's decision on a piece of advice (P29).

    ``version`` goes up by one with every save; an edit made against an older version is
    refused, so two people editing at once cannot silently overwrite each other.
    """

    advice = models.OneToOneField(Advice, on_delete=models.CASCADE, related_name="response")
    outcome = models.CharField(max_length=20, choices=ResponseOutcome.choices)
    decision = models.TextField(
        "the decision taken", blank=True, help_text="What the police decided to do."
    )
    reasons = models.TextField(
        blank=True,
        help_text="Required unless the advice was followed: why it was partly or not followed.",
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome__in=sorted(rules.OUTCOMES_NEEDING_REASONS)) | ~Q(reasons=""),
                name="iag_response_reasons_unless_followed",
                violation_error_message="Give the reasons the advice was not followed in full.",
            ),
        ]

    def __str__(self):
        return f"Response to {self.advice}"

    @property
    def is_decided(self):
        return self.outcome in rules.DECIDED_OUTCOMES

    def clean(self):
        super().clean()
        errors = {}
        if rules.reasons_required(self.outcome) and not self.reasons.strip():
            errors["reasons"] = (
                "Give the reasons: they are required unless the advice was followed (principle 29)."
            )
        if self.is_decided and not self.decision.strip():
            errors["decision"] = "Say what was decided."
        if errors:
            raise ValidationError(errors)
