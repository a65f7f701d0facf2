"""What the boards do: joint initiatives, reports up the chain, action plans and their actions."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from hub.periods import QUARTER_CHOICES, Quarter
from partnerships import rules
from partnerships.enums import ActionStatus, BoardKind, InitiativeKind, ReportStatus


class Initiative(models.Model):
    """ "joint events, initiatives and pilot projects with specific objectives agreed by all
    partners"; "Each joint initiative will have their own project board"."""

    board = models.ForeignKey(
        "partnerships.Board",
        on_delete=models.PROTECT,
        related_name="initiatives",
        limit_choices_to={"kind": BoardKind.PROJECT},
        verbose_name="project board",
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=InitiativeKind.choices)
    theme = models.ForeignKey(
        "partnerships.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    objectives = models.TextField(help_text="The specific objectives, as agreed by all partners.")
    objectives_agreed_on = models.DateField(
        "objectives agreed by all partners on",
        null=True,
        blank=True,
        help_text="Leave empty until every partner has agreed them.",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    panels = [
        FieldPanel("board"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("theme"),
        FieldPanel("objectives"),
        FieldPanel("objectives_agreed_on"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.board_id and self.board.kind != BoardKind.PROJECT:
            errors["board"] = "A joint initiative is owned by its own project board."
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "It cannot end before it starts."
        if errors:
            raise ValidationError(errors)


class BoardReportQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ReportStatus.SUBMITTED)

    def published(self):
        return self.submitted().filter(published_at__isnull=False)

    def for_period(self, period: Quarter):
        return self.filter(year=period.year, quarter=period.number)


class BoardReport(models.Model):
    """A board's quarterly report to the board above it."""

    board = models.ForeignKey(
        "partnerships.Board", on_delete=models.PROTECT, related_name="reports"
    )
    year = models.PositiveIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(choices=QUARTER_CHOICES)
    summary = models.TextField(help_text="What the board did in the period.")
    progress_on_actions = models.TextField(
        blank=True, help_text="Progress on the board's actions in its action plan."
    )
    issues_for_board_above = models.TextField(
        "issues for the board above",
        blank=True,
        help_text="What the board it reports to should know, decide or unblock.",
    )
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT, editable=False
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        "hub.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )  # fmt: skip
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()
    objects = BoardReportQuerySet.as_manager()

    panels = [
        FieldPanel("board"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("quarter")]),
        FieldPanel("summary"),
        FieldPanel("progress_on_actions"),
        FieldPanel("issues_for_board_above"),
    ]

    class Meta:
        ordering = ["-year", "-quarter", "board"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "quarter"],
                name="partnerships_one_report_per_board_per_quarter",
                violation_error_message="The board already has a report for this quarter.",
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.SUBMITTED) | Q(published_at__isnull=True),
                name="partnerships_only_submitted_reports_are_published",
            ),
        ]

    def __str__(self):
        return f"{self.board}: report for {self.period}"

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)

    @property
    def is_draft(self):
        return self.status == ReportStatus.DRAFT

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def submitted_on(self):
        """The day (in London) it was submitted: what lateness is judged by."""
        return timezone.localdate(self.submitted_at) if self.submitted_at else None

    def state(self, today=None):
        return rules.report_state(self.period, self.submitted_on, today or timezone.localdate())

    def clean(self):
        super().clean()
        if self.board_id and self.board.is_executive:
            raise ValidationError({"board": rules.REPORTS_TO_NO_BOARD})


class ActionPlan(models.Model):
    """A board's annual action plan, within a multi-year strategy ("a 5-year strategy with an
    annual action plan"). "The project boards will determine realistic action plans"."""

    board = models.ForeignKey(
        "partnerships.Board", on_delete=models.PROTECT, related_name="action_plans"
    )
    strategy = models.ForeignKey(
        "partnerships.Strategy", on_delete=models.PROTECT, related_name="action_plans"
    )
    year = models.PositiveIntegerField()
    summary = models.TextField(blank=True)
    is_public = models.BooleanField(
        "show its progress on the public pages", default=True,
        help_text="Actions and their status; never who owns them.",
    )  # fmt: skip

    history = HistoricalRecords()

    panels = [
        FieldPanel("board"),
        FieldRowPanel([FieldPanel("strategy"), FieldPanel("year")]),
        FieldPanel("summary"),
        FieldPanel("is_public"),
    ]

    class Meta:
        ordering = ["-year", "board"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year"],
                name="partnerships_one_plan_per_board_per_year",
                violation_error_message="The board already has an action plan for this year.",
            )
        ]

    def __str__(self):
        return f"{self.board}: action plan {self.year}"

    def clean(self):
        super().clean()
        strategy = self.strategy if self.strategy_id else None
        if strategy and self.board_id and strategy.partnership_id != self.board.partnership_id:
            raise ValidationError(
                {"strategy": "Choose one of the board's partnership's strategies."}
            )
        if strategy and self.year and not strategy.first_year <= self.year <= strategy.last_year:
            raise ValidationError(
                {"year": f"{strategy} runs from {strategy.first_year} to {strategy.last_year}."}
            )

    def status_counts(self):
        return self.actions.status_counts()


def no_actions():
    """``{status: 0}`` for every action status, in the enum's order."""
    return dict.fromkeys(ActionStatus, 0)


class ActionQuerySet(models.QuerySet):
    def status_counts(self):
        """``{status: count}`` for every action status, zeros included, in the enum's order."""
        return self.status_counts_by(None).get(None, no_actions())

    def status_counts_by(self, field):
        """``{value of field: {status: count}}`` in one query: the count for each plan, board,
        ... (``field=None`` counts them all together). Values with no actions are absent."""
        keys = [field] if field else []
        counted = self.order_by().values_list(*keys, "status").annotate(n=Count("pk"))
        counts = {}
        for *key, status, n in counted:
            counts.setdefault(key[0] if key else None, no_actions())[ActionStatus(status)] = n
        return counts

    def overdue(self, today):
        return self.filter(due_on__lt=today).exclude(
            status__in=sorted(rules.CLOSED_ACTION_STATUSES)
        )

    def public(self):
        return self.filter(plan__is_public=True)


class Action(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        "hub.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="A member of the board who sees it done.",
    )  # fmt: skip
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    progress = models.TextField(blank=True, help_text="The latest progress, for the reports.")
    theme = models.ForeignKey(
        "partnerships.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    initiative = models.ForeignKey(
        Initiative, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    completed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()
    objects = ActionQuerySet.as_manager()

    panels = [
        FieldPanel("plan"),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("completed_on")]),
                FieldPanel("progress"),
            ],
            heading="Progress",
        ),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("initiative")]),
    ]

    class Meta:
        ordering = ["due_on", "title"]

    def __str__(self):
        return self.title

    def is_overdue(self, today=None):
        return rules.action_is_overdue(self.due_on, self.status, today or timezone.localdate())

    def clean(self):
        super().clean()
        errors = {}
        if self.status == ActionStatus.DONE and not self.completed_on:
            errors["completed_on"] = "Give the date it was done."
        if self.status != ActionStatus.DONE and self.completed_on:
            errors["completed_on"] = "Only a done action has a completion date."
        if self.completed_on and self.completed_on > timezone.localdate():
            errors["completed_on"] = "A date in the future: record it on the day it is done."
        if errors:
            raise ValidationError(errors)
