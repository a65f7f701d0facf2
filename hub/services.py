"""State changes shared by every kind of meeting: approving and publishing minutes, and
withholding an item after the event.

Each is one transaction that records who did it in the record's history (django-simple-history,
with a reason) and in Wagtail's audit log.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from hub.enums import MinuteItemKind, MinutesStatus

APPROVE_MINUTES = "hub.minutes.approve"
PUBLISH_MINUTES = "hub.minutes.publish"
RETURN_MINUTES_TO_DRAFT = "hub.minutes.return_to_draft"
WITHHOLD_MINUTE_ITEM = "hub.minutes.withhold_item"


def _save_with_reason(instance, user, reason, **kwargs):
    instance._history_user = user
    instance._change_reason = reason
    instance.save(**kwargs)


@transaction.atomic
def _move_minutes(meeting, user, *, allowed_from, to, refusal, reason, action, **fields):
    """Move a meeting's minutes from one status to another, recording who and why."""
    meeting = type(meeting).objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_status != allowed_from:
        raise ValidationError(refusal)
    meeting.minutes_status = to
    for name, value in fields.items():
        setattr(meeting, name, value)
    _save_with_reason(meeting, user, reason)
    log(instance=meeting, action=action, user=user)
    return meeting


def approve_minutes(meeting, user):
    if not meeting.minute_items.exists():
        raise ValidationError("There is nothing to approve: the minutes have no items.")
    return _move_minutes(
        meeting, user,
        allowed_from=MinutesStatus.DRAFT, to=MinutesStatus.APPROVED,
        refusal="Only draft minutes can be approved.",
        reason="Minutes approved", action=APPROVE_MINUTES,
        minutes_approved_at=timezone.now(), minutes_approved_by=user,
    )  # fmt: skip


def return_minutes_to_draft(meeting, user):
    """Approved minutes found to be wrong go back to draft; published minutes never do."""
    return _move_minutes(
        meeting, user,
        allowed_from=MinutesStatus.APPROVED, to=MinutesStatus.DRAFT,
        refusal="Only approved, unpublished minutes can go back to draft.",
        reason="Minutes returned to draft", action=RETURN_MINUTES_TO_DRAFT,
        minutes_approved_at=None, minutes_approved_by=None,
    )  # fmt: skip


def publish_minutes(meeting, user):
    return _move_minutes(
        meeting, user,
        allowed_from=MinutesStatus.APPROVED, to=MinutesStatus.PUBLISHED,
        refusal="Minutes must be approved before they are published.",
        reason="Minutes published", action=PUBLISH_MINUTES,
        minutes_published_at=timezone.now(), minutes_published_by=user,
    )  # fmt: skip


@transaction.atomic
def withhold_minute_item(item, requested_by, user):
    """Turn a recorded item into a withheld one and erase its words from its own history.

    For when the police lead asks, after the event, that a matter should not have been
    minuted; on published minutes it disappears from the public page at once. The historical
    rows are rewritten (they are not themselves tracked), so the text survives nowhere: not in
    the table, not in the history, not in the audit log.
    """
    if not requested_by.strip():
        raise ValidationError("Say who asked for this item not to be recorded.")
    item.kind = MinuteItemKind.CONFIDENTIAL
    item.withheld_at_request_of = requested_by
    item.withheld_at = timezone.now()
    _save_with_reason(item, user, "Withheld at the request of the police lead")
    erase_withheld_words(item)
    # Logged against the item, not the meeting: that an item was withheld is itself
    # confidential, and the item's log entries are seen only by those entitled to it.
    log(instance=item, action=WITHHOLD_MINUTE_ITEM, user=user)
    return item


def erase_withheld_words(item):
    """Blank the title and text in every historical version of a now-withheld item.

    The historical model is a record of the tracked one, not itself tracked, so rewriting it
    directly is the only way to make "never stored anywhere" true after the fact.
    """
    type(item).history.model.objects.filter(id=item.pk).update(title="", text="")
