"""The partnership, its themes and strategies, and its boards.

"The partnership will work from two levels, an executive board and a project board. The project
board will oversee the operational theme groups." (framework document, Structure for the
Partnership). Each board but the executive board reports to a parent; the shape of that tree is
checked in ``Board.clean()`` against ``partnerships.rules``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from partnerships import rules
from partnerships.enums import BoardKind

SET_UP_BOARDS = "partnerships.set_up_board"


class Partnership(ClusterableModel):
    """The voluntary-sector umbrella bodies and the police working together."""

    name = models.CharField(max_length=200, unique=True)
    objective = models.TextField(
        help_text='The overall objective, from the terms of reference ("to reduce crime, ...").'
    )
    partners = ParentalManyToManyField(
        "hub.Organisation",
        blank=True,
        related_name="partnerships",
        help_text="The umbrella bodies and the police service that make up the partnership.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords(excluded_fields=["partners"])

    panels = [
        FieldPanel("name"),
        FieldPanel("objective"),
        FieldPanel("partners"),
        InlinePanel("themes", heading="Core themes", label="Theme"),
        InlinePanel("strategies", heading="Strategies", label="Strategy"),
    ]

    class Meta:
        ordering = ["name"]
        permissions = [("set_up_board", "Can set up boards: kind, parent and purpose")]

    def __str__(self):
        return self.name


class Theme(Orderable):
    """A core theme: "youth and diversity issues"."""

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=100)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"], name="partnerships_theme_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class Strategy(Orderable):
    """A multi-year strategy, such as "a 5-year strategy with an annual action plan"."""

    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="strategies")
    name = models.CharField(max_length=200)
    first_year = models.PositiveIntegerField()
    years = models.PositiveSmallIntegerField(default=rules.STRATEGY_YEARS)

    panels = [FieldPanel("name"), FieldPanel("first_year"), FieldPanel("years")]

    class Meta(Orderable.Meta):
        verbose_name_plural = "strategies"

    def __str__(self):
        return f"{self.name} ({self.first_year} to {self.last_year})"

    @property
    def last_year(self):
        return self.first_year + self.years - 1


def board_tree(boards):
    """``[(board, [(child, [...]), ...]), ...]``: ``boards`` (in their given order) nested under
    their parents, from those whose parent is not among them down."""
    ids = {board.pk for board in boards}
    children = {}
    for board in boards:
        children.setdefault(board.parent_id if board.parent_id in ids else None, []).append(board)

    def branch(parent_id, seen=frozenset()):
        return [
            (board, branch(board.pk, seen | {board.pk}))
            for board in children.get(parent_id, [])
            if board.pk not in seen
        ]

    return branch(None)


class BoardQuerySet(models.QuerySet):
    def reporting(self):
        """Boards that report to a parent: every board but the executive board."""
        return self.filter(parent__isnull=False)


class Board(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="boards")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    kind = models.CharField(max_length=12, choices=BoardKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="reports to",
        help_text="Every board but the executive board reports to a parent board.",
    )
    purpose = models.TextField(help_text="What the board is for. Shown on the public pages.")
    theme = models.ForeignKey(
        Theme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="boards",
        help_text="An operational group works on one of the partnership's core themes.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    history = HistoricalRecords()
    objects = BoardQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("partnership", permission=SET_UP_BOARDS),
                FieldPanel("name", permission=SET_UP_BOARDS),
                FieldPanel("kind", permission=SET_UP_BOARDS),
                FieldPanel("parent", permission=SET_UP_BOARDS),
                FieldPanel("theme", permission=SET_UP_BOARDS),
            ],
            heading="Where the board sits",
        ),
        FieldPanel("purpose"),
    ]

    class Meta:
        ordering = ["partnership", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind"],
                condition=Q(kind__in=sorted(rules.ONE_PER_PARTNERSHIP)),
                name="partnerships_one_executive_and_central_board",
                violation_error_message=(
                    "The partnership already has this board: it works from one executive board "
                    "and one central project board."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=BoardKind.EXECUTIVE, parent__isnull=True)
                | (~Q(kind=BoardKind.EXECUTIVE) & Q(parent__isnull=False)),
                name="partnerships_only_the_executive_board_has_no_parent",
                violation_error_message="Every board but the executive board reports to a parent.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    @property
    def is_executive(self):
        return self.kind == BoardKind.EXECUTIVE

    def chain_above(self):
        """The ids of this board's parent, its parent's parent, and so on to the top."""
        chain, board, seen = [], self.parent, set()
        while board is not None and board.pk not in seen:
            seen.add(board.pk)
            chain.append(board.pk)
            board = board.parent
        return chain

    def current_chair(self):
        return self.memberships.chairs().select_related("person").first()

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.parent_id
            and self.partnership_id
            and self.parent.partnership_id != self.partnership_id
        ):
            errors["parent"] = "A board reports to a board of its own partnership."
        elif rules.makes_cycle(
            self.pk, [self.parent_id, *self.parent.chain_above()] if self.parent_id else []
        ):
            errors["parent"] = (
                f"{self.name} cannot report to {self.parent}: {self.parent} already reports, "
                f"through the chain, to {self.name}."
            )
        elif self.kind:
            problem = rules.parent_problem(self.kind, self.parent.kind if self.parent_id else None)
            if problem:
                errors["parent"] = problem
        if self.pk and self.kind and not errors:
            for child in self.children.all():
                if rules.parent_problem(child.kind, self.kind):
                    errors["kind"] = (
                        f"{child} reports to this board and could not report to a "
                        f"{BoardKind(self.kind).label.lower()}: move it first."
                    )
                    break
        if (
            self.theme_id
            and self.partnership_id
            and self.theme.partnership_id != self.partnership_id
        ):
            errors["theme"] = "Choose one of this partnership's themes."
        if errors:
            raise ValidationError(errors)
