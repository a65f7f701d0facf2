from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from hub.models.people import Seat
from partnerships import rules
from partnerships.enums import BoardKind, BoardRole


class BoardMembershipQuerySet(models.QuerySet):
    def current(self):
        """Seats that have not ended: a seat ends when the date they left is recorded."""
        return self.filter(left_on__isnull=True)

    def chairs(self):
        return self.current().filter(role=BoardRole.CHAIR)


class BoardMembership(Seat):
    """A person's seat on a board, and the organisation they represent there."""

    session_fields = ("left_on", "role", "board_id")

    board = models.ForeignKey(
        "partnerships.Board", on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(
        "hub.Person", on_delete=models.PROTECT, related_name="board_memberships"
    )
    organisation = models.ForeignKey(
        "hub.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="board_memberships",
        verbose_name="organisation represented",
    )
    role = models.CharField(max_length=12, choices=BoardRole.choices, default=BoardRole.MEMBER)
    nominated_on = models.DateField(
        "nominated by the group on",
        null=True,
        blank=True,
        help_text="An operational group nominates its own chair: the date it did.",
    )
    publish_name = models.BooleanField(
        "agrees to their name being published",
        default=False,
        help_text="Only a chair who agrees is named on the public pages.",
    )

    history = HistoricalRecords()
    objects = BoardMembershipQuerySet.as_manager()

    seat_panels = [
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("role"), FieldPanel("nominated_on")]),
                FieldRowPanel([FieldPanel("joined_on"), FieldPanel("left_on")]),
                FieldPanel("publish_name"),
            ],
            heading="Seat",
        ),
    ]
    panels = [FieldPanel("board"), FieldPanel("person"), *seat_panels]

    class Meta:
        ordering = ["board", "role", "person__name"]
        verbose_name = "board member"
        constraints = [
            models.UniqueConstraint(
                fields=["board"],
                condition=Q(role=BoardRole.CHAIR, left_on__isnull=True),
                name="partnerships_one_current_chair_per_board",
                violation_error_message="The board already has a chair.",
            ),
            models.UniqueConstraint(
                fields=["board", "person"],
                condition=Q(left_on__isnull=True),
                name="partnerships_one_current_seat_per_person",
                violation_error_message="This person already sits on the board.",
            ),
        ]

    def __str__(self):
        return f"{self.person.name} ({self.get_role_display()}, {self.board})"

    @property
    def is_chair(self):
        return self.is_current and self.role == BoardRole.CHAIR

    def clean(self):
        super().clean()
        errors = self.seat_date_problems(timezone.localdate())
        if self.board_id:
            errors.update(self._chair_problems())
        if errors:
            raise ValidationError(errors)

    def _chair_problems(self):
        board = self.board
        errors = {}
        sits_above = (
            board.parent_id
            and self.person_id
            and board.parent.memberships.current().filter(person=self.person_id).exists()
        )
        if (
            self.is_chair
            and board.parent_id
            and board.kind in rules.CHAIR_SITS_ON_PARENT
            and not sits_above
        ):
            errors["role"] = rules.chair_off_parent_message(board.kind, board.parent.name)
        if self.is_chair and board.kind == BoardKind.OPERATIONAL and not self.nominated_on:
            errors["nominated_on"] = (
                "The operational group nominates its own chair: give the date it did."
            )
        if (
            self.pk
            and not self.is_current
            # An old seat of someone who sits on the board again is not them leaving it.
            and not board.memberships.current()
            .filter(person=self.person_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            # Leaving the parent board would leave a chair below who no longer sits on it.
            for child in board.children.filter(kind__in=sorted(rules.CHAIR_SITS_ON_PARENT)):
                if child.memberships.chairs().filter(person=self.person_id).exists():
                    errors["left_on"] = (
                        f"{self.person.name} chairs {child.name}, whose chair sits on "
                        f"{board.name}: choose a new chair there first."
                    )
        return errors
