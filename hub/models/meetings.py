"""Abstract bases for the meetings and minutes that IAGs and partnership boards both keep.

A confidential minute item is "not recorded at the request of the police lead" (IAG principle
26): its text and title are never stored. Only the fact that an item was withheld, when, and at
whose request is kept. The rule is enforced three times over: the admin form discards what was
typed, ``save()`` blanks the fields, and a database constraint refuses any row that breaks it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import Orderable

from hub.enums import MinuteItemKind, MinutesStatus

WITHHELD_TITLE = "Not recorded at the request of the police lead"


class ClusterHistoricalRecords(HistoricalRecords):
    """History for a modelcluster child: its ParentalKey is recorded as a plain foreign key.

    A copied ParentalKey would register the history table as a child of the parent cluster (and
    modelcluster refuses it); a plain, unconstrained foreign key is all the history needs.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for field in fields.values():
            if isinstance(field, ParentalKey):
                field.__class__ = models.ForeignKey
        return fields


class AbstractMeeting(ClusterableModel):
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    agenda = models.TextField(blank=True)
    minutes_status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT, editable=False
    )
    minutes_approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    minutes_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["-date", "-start_time"]

    @property
    def minutes_are_draft(self):
        return self.minutes_status == MinutesStatus.DRAFT

    @property
    def minutes_are_published(self):
        return self.minutes_status == MinutesStatus.PUBLISHED

    def public_minute_items(self):
        """What the public may read: nothing unless published, never a withheld item."""
        if not self.minutes_are_published:
            return self.minute_items.none()
        return self.minute_items.exclude(kind=MinuteItemKind.CONFIDENTIAL)


class AbstractMinuteItem(Orderable):
    """One item of a meeting's minutes. Subclasses add ``meeting = ParentalKey(...)``."""

    kind = models.CharField(
        max_length=12, choices=MinuteItemKind.choices, default=MinuteItemKind.ORDINARY
    )
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField(
        blank=True,
        help_text="Left empty, and never saved, for a confidential item.",
    )
    withheld_at_request_of = models.CharField(
        "not recorded at the request of",
        max_length=200,
        blank=True,
        help_text="For a confidential item: who asked for it not to be recorded.",
    )
    withheld_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = ClusterHistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["sort_order"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=MinuteItemKind.CONFIDENTIAL) | (Q(text="") & Q(title="")),
                name="%(app_label)s_%(class)s_confidential_not_recorded",
                violation_error_message="A confidential item's text is never recorded.",
            ),
        ]

    def __str__(self):
        # Never the text: this string goes into audit logs and history views.
        return f"Item {self.sort_order + 1 if self.sort_order is not None else ''}".strip()

    @property
    def is_withheld(self):
        return self.kind == MinuteItemKind.CONFIDENTIAL

    @property
    def display_title(self):
        return WITHHELD_TITLE if self.is_withheld else self.title

    def clean(self):
        super().clean()
        if self.is_withheld:
            self.text = ""
            self.title = ""
            if not self.withheld_at_request_of.strip():
                raise ValidationError(
                    {"withheld_at_request_of": "Say who asked for this item not to be recorded."}
                )
        elif not (self.title.strip() or self.text.strip()):
            raise ValidationError({"title": "Give the item a title or some text."})

    def save(self, *args, **kwargs):
        if self.is_withheld:
            # Belt and braces: whatever path reached here, nothing of the item is stored.
            self.text = ""
            self.title = ""
            if self.withheld_at is None:
                self.withheld_at = timezone.now()
        super().save(*args, **kwargs)
