from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from hub.models.people import Seat
from hub.volunteering.enums import RESPONSIBILITY_TEXT, Responsibility

PROSE = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class SteeringGroupManager(models.Manager):
    def get_queryset(self):
        # A group is named after its borough (``__str__``), in every list, filter and export.
        return super().get_queryset().select_related("borough")


class SteeringGroup(models.Model):
    """A borough's volunteer programme steering group (ToR: "To consider and approve all
    volunteer roles, major plans and any significant changes")."""

    borough = models.OneToOneField(
        "hub.Borough", on_delete=models.PROTECT, related_name="steering_group"
    )
    purpose = RichTextField(
        features=PROSE,
        blank=True,
        help_text="What the group is for, as the borough has agreed it.",
    )
    terms_of_reference = RichTextField(features=PROSE, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = SteeringGroupManager()

    panels = [FieldPanel("borough"), FieldPanel("purpose"), FieldPanel("terms_of_reference")]

    class Meta:
        ordering = ["borough__name"]
        permissions = [("view_volunteer_report", "Can see the monthly volunteering report")]

    def __str__(self):
        return f"{self.borough.name} steering group"


class SteeringGroupMemberQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True)

    def of_user(self, user):
        return self.current().filter(person__user=user)

    def managers(self):
        return self.current().filter(responsibility=Responsibility.PROGRAMME_MANAGER)


class SteeringGroupMember(Seat):
    """A seat on a steering group: who, and what they are responsible for. A deputy attends
    in a member's place (ToR: "if an individual cannot attend a Steering group meeting, then a
    deputy be asked to attend") and may approve in their place."""

    session_fields = ("left_on", "responsibility", "group_id")

    group = models.ForeignKey(SteeringGroup, on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey(
        "hub.Person", on_delete=models.PROTECT, related_name="steering_group_seats"
    )
    responsibility = models.CharField(max_length=20, choices=Responsibility.choices)
    deputy_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deputies",
        help_text="For a deputy: the member whose place they take when that member cannot attend.",
    )

    history = HistoricalRecords()
    objects = SteeringGroupMemberQuerySet.as_manager()

    panels = [
        FieldPanel("group"),
        FieldPanel("person"),
        FieldPanel("responsibility"),
        FieldPanel("deputy_for"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("joined_on"), FieldPanel("left_on")])]),
    ]

    class Meta:
        ordering = ["group", "responsibility", "person__name"]
        verbose_name = "steering group member"
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(left_on__isnull=True),
                name="volunteering_one_current_seat_per_person",
                violation_error_message="This person already sits on the steering group.",
            ),
        ]

    def __str__(self):
        deputy = " (deputy)" if self.deputy_for_id else ""
        return f"{self.person.name}, {self.get_responsibility_display()}{deputy}"

    @property
    def responsibility_text(self):
        return RESPONSIBILITY_TEXT[Responsibility(self.responsibility)]

    def clean(self):
        super().clean()
        errors = self.seat_date_problems(timezone.localdate())
        if self.deputy_for_id:
            if self.deputy_for.group_id != self.group_id:
                errors["deputy_for"] = "A deputy stands in for a member of the same group."
            elif self.deputy_for_id == self.pk:
                errors["deputy_for"] = "A member cannot be their own deputy."
            elif self.deputy_for.deputy_for_id:
                errors["deputy_for"] = "Choose the member themselves, not another deputy."
            elif self.responsibility != self.deputy_for.responsibility:
                errors["responsibility"] = (
                    "A deputy takes the member's place, so has the member's responsibility: "
                    f"{self.deputy_for.get_responsibility_display()}."
                )
        if errors:
            raise ValidationError(errors)
