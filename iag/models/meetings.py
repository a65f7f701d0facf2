from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from hub.enums import AttendanceStatus, MinutesStatus
from hub.models.meetings import AbstractMeeting, AbstractMinuteItem
from iag.enums import MeetingKind


class MeetingQuerySet(models.QuerySet):
    def with_police_lead(self, today=None):
        """Meetings of the IAG with the police lead that have taken place (P24)."""
        today = today or timezone.localdate()
        return self.filter(kind=MeetingKind.FULL, police_lead_attended=True, date__lte=today)

    def awaiting_approval(self):
        return self.filter(minutes_status=MinutesStatus.DRAFT, date__lte=timezone.localdate())

    def awaiting_publication(self):
        return self.filter(minutes_status=MinutesStatus.APPROVED)

    def published(self):
        return self.filter(minutes_status=MinutesStatus.PUBLISHED)


class Meeting(AbstractMeeting):
    """A meeting of the IAG with the police lead (P19, P24) or of the chair and lead (P25)."""

    group = models.ForeignKey(
        "iag.AdvisoryGroup", on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(max_length=20, choices=MeetingKind.choices, default=MeetingKind.FULL)
    police_lead_attended = models.BooleanField(
        default=True,
        help_text="Only a meeting the police lead attended counts towards the quarterly meeting.",
    )

    objects = MeetingQuerySet.as_manager()

    panels = [
        FieldPanel("group"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time")]),
        FieldPanel("place"),
        FieldPanel("police_lead_attended"),
        FieldPanel("agenda"),
        InlinePanel("guests", heading="Guests", label="Guest"),
        MultiFieldPanel(
            [InlinePanel("minute_items", label="Item")],
            heading="Minutes",
            help_text=(
                "A confidential item is not recorded at the request of the police lead "
                "(principle 26): choose that kind and say who asked; anything typed in its "
                "title or text is thrown away, never saved."
            ),
        ),
    ]

    class Meta(AbstractMeeting.Meta):
        verbose_name = "meeting"

    def __str__(self):
        return f"{self.group}: {self.get_kind_display()}, {self.date:%-d %B %Y}"


class MeetingGuest(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return self.name


class MinuteItem(AbstractMinuteItem):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="minute_items")

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("withheld_at_request_of"),
    ]

    class Meta(AbstractMinuteItem.Meta):
        verbose_name = "minute item"


class Attendance(models.Model):
    """Who was present, who sent apologies and who was absent (members of the group)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(
        "iag.Membership", on_delete=models.PROTECT, related_name="attendance"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="iag_one_attendance_per_member"
            )
        ]
        verbose_name_plural = "attendance"

    def __str__(self):
        return f"{self.membership.person.name}: {self.get_status_display()}"
