from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from hub.enums import MinutesStatus
from hub.models.meetings import AbstractMeeting, AbstractMinuteItem


class BoardMeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(minutes_status=MinutesStatus.PUBLISHED)


class BoardMeeting(AbstractMeeting):
    """A meeting of a partnership board, with minutes that behave exactly as an IAG's."""

    board = models.ForeignKey(
        "partnerships.Board", on_delete=models.PROTECT, related_name="meetings"
    )

    objects = BoardMeetingQuerySet.as_manager()

    panels = [
        FieldPanel("board"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time")]),
        FieldPanel("place"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [InlinePanel("minute_items", label="Item")],
            heading="Minutes",
            help_text=(
                "A confidential item is not recorded: choose that kind and say who asked; "
                "anything typed in its title or text is thrown away, never saved."
            ),
        ),
    ]

    class Meta(AbstractMeeting.Meta):
        verbose_name = "board meeting"

    def __str__(self):
        return f"{self.board}, {self.date:%-d %B %Y}"


class BoardMinuteItem(AbstractMinuteItem):
    meeting = ParentalKey(BoardMeeting, on_delete=models.CASCADE, related_name="minute_items")

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("withheld_at_request_of"),
    ]

    class Meta(AbstractMinuteItem.Meta):
        verbose_name = "minute item"
