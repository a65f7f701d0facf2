"""State changes for IAG records: one transaction each, with history and an audit-log entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from hub.enums import AttendanceStatus
from iag import rules, tasks
from iag.enums import ResponseOutcome
from iag.models import (
    Advice,
    AdviceResponse,
    Attendance,
    Escalation,
    GoldGroupRequest,
    IAGSettings,
    Meeting,
    Membership,
)
from iag.rules import Quarter

RECORD_ATTENDANCE = "iag.attendance.record"


def members_at(meeting):
    """Who was a member of the group on the day of the meeting."""
    return (
        Membership.objects.filter(group=meeting.group, joined_on__lte=meeting.date)
        .exclude(left_on__lt=meeting.date)
        .select_related("person")
        .order_by("person__name")
    )


@transaction.atomic
def record_attendance(meeting, statuses, user):
    """Record present / apologies / absent for each member, from ``{membership_id: status}``."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.minutes_are_draft:
        raise ValidationError("The minutes are approved: attendance can no longer change.")
    eligible = {membership.pk: membership for membership in members_at(meeting)}
    unknown = set(statuses) - set(eligible)
    if unknown:
        raise ValidationError("Attendance can only be recorded for members of the group.")
    valid = set(AttendanceStatus.values)
    for membership_id, status in statuses.items():
        if status not in valid:
            raise ValidationError(f"Unknown attendance status: {status!r}.")
        record = Attendance.objects.filter(meeting=meeting, membership_id=membership_id).first()
        if record is None:
            record = Attendance(meeting=meeting, membership=eligible[membership_id])
        elif record.status == status:
            continue
        record.status = status
        record._history_user = user
        record._change_reason = "Attendance recorded"
        record.save()
    log(instance=meeting, action=RECORD_ATTENDANCE, user=user)
    return meeting


# --- The advice register (P27 to P29) ---------------------------------------------------------

RECORD_ADVICE = "iag.advice.record"
AMEND_ADVICE = "iag.advice.amend"
RESPOND = "iag.advice.respond"
COMPILE_FEEDBACK = "iag.feedback.compile"
REQUEST_GOLD_GROUP = "iag.gold_group.request"
ANSWER_GOLD_GROUP = "iag.gold_group.answer"
RAISE_ESCALATION = "iag.escalation.raise"
RESOLVE_ESCALATION = "iag.escalation.resolve"


class ResponseConflict(Exception):
    """Someone else saved the response since this editor opened it."""

    def __init__(self, current):
        super().__init__("The response was changed by someone else.")
        self.current = current


def _due_on(advice):
    return rules.response_due_on(
        advice.given_on, IAGSettings.load().response_due_days, advice.response_requested_by
    )


@transaction.atomic
def record_advice(advice, user, save=None):
    """Record advice the IAG gave (P27); ``save`` is the admin form's save, which also saves the
    differing views. The police lead is told once the record is committed."""
    advice.response_due_on = _due_on(advice)
    advice.recorded_by = user
    advice._history_user = user
    advice._change_reason = "Advice recorded"
    advice = (save or advice.save)() or advice
    log(instance=advice, action=RECORD_ADVICE, user=user)
    transaction.on_commit(lambda: tasks.tell_police_lead_of_advice.enqueue(advice.pk))
    return advice


@transaction.atomic
def amend_advice(advice, user, save=None):
    if advice.is_decided:
        raise ValidationError("The police lead has responded: the advice can no longer change.")
    advice.response_due_on = _due_on(advice)
    advice._history_user = user
    advice._change_reason = "Advice amended"
    advice = (save or advice.save)() or advice
    log(instance=advice, action=AMEND_ADVICE, user=user)
    return advice


@transaction.atomic
def respond_to_advice(advice, user, *, outcome, decision, reasons, expected_version):
    """Record or change the police lead's decision (P29), refusing a stale edit.

    ``expected_version`` is the version the editor started from (0 when there was no response).
    The advice row is locked first, so two responders are served one after the other, and the
    second, now stale, gets a ResponseConflict instead of overwriting the first.
    """
    advice = Advice.objects.select_for_update().get(pk=advice.pk)
    response = AdviceResponse.objects.filter(advice=advice).first()
    current_version = response.version if response else 0
    if expected_version != current_version:
        raise ResponseConflict(response)
    changing = response is not None
    response = response or AdviceResponse(advice=advice)
    response.outcome, response.decision, response.reasons = outcome, decision, reasons
    response.responded_by = user
    response.responded_at = timezone.now()
    response.version = current_version + 1
    response.full_clean(exclude=["advice", "responded_by"])
    response._history_user = user
    response._change_reason = "Response changed" if changing else "Response recorded"
    response.save()
    log(instance=advice, action=RESPOND, user=user)
    transaction.on_commit(lambda: tasks.tell_chair_of_response.enqueue(advice.pk))
    return response


def notify_overdue_responses(today):
    """Tell the central team, once, about each response that has become overdue."""
    overdue = list(Advice.objects.overdue(today).filter(overdue_notified_on__isnull=True))
    if not overdue:
        return 0
    with transaction.atomic():
        for advice in overdue:
            advice.overdue_notified_on = today
            # Bookkeeping, not a change to the record: no new historical version.
            advice.save_without_historical_record(update_fields=["overdue_notified_on"])
        ids = [advice.pk for advice in overdue]
        transaction.on_commit(lambda: tasks.tell_central_team_of_overdue.enqueue(ids))
    return len(overdue)


# --- Quarterly feedback (P28) ------------------------------------------------------------------


def _advice_row(advice):
    response = advice.current_response
    return {
        "id": advice.pk,
        "group": str(advice.group),
        "borough": advice.group.borough.slug,
        "given_on": advice.given_on.isoformat(),
        "subject": advice.subject,
        "category": advice.get_category_display(),
        "advice": advice.advice,
        "outcome": advice.outcome,
        "outcome_label": ResponseOutcome(advice.outcome).label,
        "decision": response.decision if response and response.is_decided else "",
        "reasons": response.reasons if response and response.is_decided else "",
        "due_on": advice.response_due_on.isoformat(),
    }


def feedback_figures(group, quarter, today):
    """The quarter's figures: counts by outcome (confidential advice counted, never listed),
    every advice partly or not followed with its reasons, and responses overdue. Pending
    responses appear only as a number: their words are not a decision and are not published."""
    advice = (
        Advice.objects.in_quarter(quarter)
        .select_related("group__borough", "response")
        .order_by("group__borough__name", "given_on", "pk")
    )
    if group is not None:
        advice = advice.filter(group=group)
    items = list(advice)
    counts = dict.fromkeys(ResponseOutcome.values, 0)
    for item in items:
        counts[item.outcome] += 1
    listable = [item for item in items if not item.confidential]
    by_group = {}
    for item in items:
        by_group.setdefault(str(item.group), dict.fromkeys(ResponseOutcome.values, 0))
        by_group[str(item.group)][item.outcome] += 1
    return {
        "quarter": str(quarter),
        "scope": str(group) if group else "all London",
        "total": len(items),
        "counts": counts,
        "by_group": [{"group": name, "counts": c} for name, c in sorted(by_group.items())],
        "not_followed": [
            _advice_row(item)
            for item in listable
            if item.outcome in (ResponseOutcome.NOT_FOLLOWED, ResponseOutcome.PARTLY_FOLLOWED)
        ],
        "overdue": [
            {k: v for k, v in _advice_row(item).items() if k in OVERDUE_PUBLIC_FIELDS}
            for item in listable
            if item.is_overdue(today)
        ],
    }


OVERDUE_PUBLIC_FIELDS = {"id", "group", "borough", "given_on", "subject", "category", "due_on"}


@transaction.atomic
def compile_quarterly_feedback(feedback, user):
    """Fill a draft of the quarter's feedback from the register, as a new revision."""
    latest = feedback.get_latest_revision_as_object() if feedback.pk else feedback
    latest.snapshot = feedback_figures(
        latest.group, Quarter(latest.year, latest.quarter), timezone.localdate()
    )
    latest.compiled_at = timezone.now()
    revision = latest.save_revision(user=user, log_action=True)
    log(instance=feedback, action=COMPILE_FEEDBACK, user=user)
    return revision


# --- Gold Group requests (P2) and escalation (P23) ----------------------------------------------


def _record(instance, user, reason, action):
    instance._history_user = user
    instance._change_reason = reason
    instance.full_clean()
    instance.save()
    log(instance=instance, action=action, user=user)
    return instance


@transaction.atomic
def request_gold_group(group, user, *, incident, reasons):
    gold = GoldGroupRequest(
        group=group, incident=incident, reasons=reasons, requested_by=user,
        requested_at=timezone.now(),
    )  # fmt: skip
    _record(gold, user, "Gold Group requested", REQUEST_GOLD_GROUP)
    transaction.on_commit(lambda: tasks.tell_police_lead_of_gold_group.enqueue(gold.pk))
    return gold


@transaction.atomic
def answer_gold_group(gold, user, *, decision, reasons):
    gold = GoldGroupRequest.objects.select_for_update().get(pk=gold.pk)
    if gold.is_answered:
        raise ValidationError("This request has already been answered.")
    if not reasons.strip():
        raise ValidationError({"decision_reasons": "Give the reasons for the decision."})
    gold.decision, gold.decision_reasons = decision, reasons
    gold.answered_by, gold.answered_at = user, timezone.now()
    return _record(gold, user, "Gold Group request answered", ANSWER_GOLD_GROUP)


@transaction.atomic
def raise_escalation(group, user, *, difficulty):
    escalation = Escalation(
        group=group, difficulty=difficulty, raised_by=user, raised_at=timezone.now(),
        raised_to=f"{group.escalation_point_name}, {group.escalation_point_role}",
    )  # fmt: skip
    return _record(escalation, user, "Escalation raised", RAISE_ESCALATION)


@transaction.atomic
def resolve_escalation(escalation, user, *, outcome):
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.is_resolved:
        raise ValidationError("This escalation has already been resolved.")
    if not outcome.strip():
        raise ValidationError({"outcome": "Say how the difficulty was resolved."})
    escalation.outcome, escalation.resolved_at = outcome, timezone.now()
    return _record(escalation, user, "Escalation resolved", RESOLVE_ESCALATION)
