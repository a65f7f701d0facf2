"""Quarterly feedback (principle 28): "Decisions and advice from IAG meetings may be sent
centrally ... Where there is feedback to Chairs from the MPS this should be published quarterly."

Drafted, workflow-approved content: Wagtail revisions, locking and a workflow (approval by the
central team), not django-simple-history. The figures are compiled from the advice register into
``snapshot`` by ``iag.services.compile_quarterly_feedback``, so the published feedback says what
was true when it was approved.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from hub.periods import QUARTER_CHOICES, Quarter
from iag.enums import ResponseOutcome


class QuarterlyFeedback(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    group = models.ForeignKey(
        "iag.AdvisoryGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quarterly_feedback",
        help_text="Leave empty for the London-wide feedback covering every group.",
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2018), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(choices=QUARTER_CHOICES)
    summary = models.TextField(
        blank=True, help_text="The central team's introduction, shown above the figures."
    )
    first_day = models.DateField(editable=False)
    last_day = models.DateField(editable=False)
    snapshot = models.JSONField(default=dict, blank=True, editable=False)
    # Not live until published, however it was created (Wagtail's mixin defaults to live).
    live = models.BooleanField(verbose_name="live", default=False, editable=False)
    compiled_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("quarter")]),
        FieldPanel("summary"),
    ]

    class Meta:
        ordering = ["-year", "-quarter", "group__borough__name"]
        verbose_name = "quarterly feedback"
        verbose_name_plural = "quarterly feedback"
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year", "quarter"],
                name="iag_one_feedback_per_group_and_quarter",
                violation_error_message="There is already feedback for that group and quarter.",
            ),
            models.UniqueConstraint(
                fields=["year", "quarter"],
                condition=Q(group__isnull=True),
                name="iag_one_london_feedback_per_quarter",
                violation_error_message="There is already London-wide feedback for that quarter.",
            ),
        ]

    def __str__(self):
        return f"Feedback from the police, {self.period}: {self.scope}"

    def save(self, *args, **kwargs):
        quarter = Quarter(self.year, self.quarter)
        self.first_day, self.last_day = quarter.first_day, quarter.last_day
        super().save(*args, **kwargs)

    @property
    def period(self):
        return str(Quarter(self.year, self.quarter)) if self.year and self.quarter else ""

    @property
    def scope(self):
        return str(self.group) if self.group_id else "all London"

    @property
    def is_compiled(self):
        return bool(self.compiled_at)

    @property
    def outcome_rows(self):
        """(outcome, number) for every outcome, from the compiled figures."""
        counts = (self.snapshot or {}).get("counts", {})
        return [(outcome.label, counts.get(outcome.value, 0)) for outcome in ResponseOutcome]

    @property
    def group_rows(self):
        """(group, its outcomes in words) for London-wide feedback."""
        return [
            (
                row["group"],
                ", ".join(
                    f"{ResponseOutcome(outcome).label.lower()}: {count}"
                    for outcome, count in row["counts"].items()
                    if count
                ),
            )
            for row in (self.snapshot or {}).get("by_group", [])
        ]

    def clean(self):
        super().clean()
        chosen = self.year and self.quarter
        if chosen and Quarter(self.year, self.quarter).first_day > timezone.localdate():
            raise ValidationError(
                {"quarter": "Feedback can only be given for a quarter that has begun."}
            )

    def get_preview_template(self, request, mode_name):
        return "iag/feedback_page.html"

    def get_preview_context(self, request, mode_name):
        return {"feedback": self, "preview": True}
