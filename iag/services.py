"""State changes for IAG records: one transaction each, with history and an audit-log entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from hub.enums import AttendanceStatus, MinuteItemKind
from iag import rules, tasks
from iag.enums import (
    CountingMethod,
    MeetingKind,
    MembershipStatus,
    ResponseOutcome,
    VoteChoice,
    VoteResult,
    VoteStatus,
)
from iag.models import (
    Advice,
    AdviceResponse,
    Attendance,
    Ballot,
    Escalation,
    GoldGroupRequest,
    IAGSettings,
    Meeting,
    Membership,
    MinuteItem,
    Proxy,
    RemovalVote,
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


# --- Removal votes (P12) -----------------------------------------------------------------------

OPEN_VOTE = "iag.vote.open"
RECORD_PROXY = "iag.vote.proxy"
CAST_BALLOT = "iag.vote.ballot"
ENTER_TOTALS = "iag.vote.totals"
CLOSE_VOTE = "iag.vote.close"
REMOVE_BY_VOTE = "iag.membership.remove_by_vote"


def _vote_error(error):
    return ValidationError(str(error))


def _locked_open_vote(vote):
    """The vote's row, locked until the transaction ends: ballots, proxies, totals and the
    close are served one at a time, so none can slip in after the close."""
    vote = (
        RemovalVote.objects.select_for_update().select_related("meeting", "member").get(pk=vote.pk)
    )
    if not vote.is_open:
        raise ValidationError("The vote is closed: nothing more can be recorded.")
    return vote


def current_electorate(vote):
    """Who may vote now, from the group's active members, the meeting's attendance and the
    proxies in the order they were recorded."""
    active = set(
        Membership.objects.active().filter(group=vote.meeting.group_id).values_list("pk", flat=True)
    )
    present = set(
        Attendance.objects.filter(
            meeting=vote.meeting_id, status=AttendanceStatus.PRESENT
        ).values_list("membership_id", flat=True)
    )
    proxies = vote.proxies.order_by("recorded_at", "pk").values_list("given_by_id", "held_by_id")
    return rules.electorate(active, present, vote.member_id, proxies)


def current_totals(vote, electorate):
    """The count so far under the same rules for both methods: the ballots counted against the
    electorate, or the show of hands checked against it (None until the hands are entered)."""
    if vote.counting == CountingMethod.BALLOTS:
        ballots = vote.ballots.values_list("voter_id", "cast_by_id", "choice")
        return rules.count_ballots(electorate, ballots)
    if vote.hands_for is None:
        return None
    return rules.check_show_of_hands(
        electorate, rules.Totals(vote.hands_for, vote.hands_against, vote.hands_abstain)
    )


@transaction.atomic
def open_removal_vote(meeting, member, user, *, counting=CountingMethod.BALLOTS):
    if meeting.kind != MeetingKind.FULL:
        raise ValidationError("A removal vote is held at a meeting of the group (principle 12).")
    if not meeting.minutes_are_draft:
        raise ValidationError("The meeting's minutes are approved: it is too late for a vote.")
    if member.group_id != meeting.group_id or not member.is_active:
        raise ValidationError("The vote must be on an active member of this group.")
    if member.is_chair:
        raise ValidationError(
            "The chair cannot run a vote on their own removal: a site administrator records it."
        )
    vote = RemovalVote(
        meeting=meeting, member=member, counting=counting, opened_at=timezone.now(),
        opened_by=user,
    )  # fmt: skip
    return _record(vote, user, "Removal vote opened", OPEN_VOTE)


@transaction.atomic
def record_proxy(vote, user, *, given_by, held_by, method):
    vote = _locked_open_vote(vote)
    now = current_electorate(vote)
    active = set(
        Membership.objects.active().filter(group=vote.meeting.group_id).values_list("pk", flat=True)
    )
    problem = rules.proxy_problem(
        given_by.pk, held_by.pk, active=active, present=now.present,
        member_concerned=vote.member_id, already_given=set(now.proxies),
    )  # fmt: skip
    if problem:
        raise ValidationError(problem)
    proxy = Proxy(
        vote=vote, given_by=given_by, held_by=held_by, method=method,
        recorded_at=timezone.now(), recorded_by=user,
    )  # fmt: skip
    proxy._history_user = user
    proxy.save()
    log(instance=vote, action=RECORD_PROXY, user=user)
    return proxy


@transaction.atomic
def cast_ballot(vote, user, *, voter, choice):
    """Record ``voter``'s vote: in person if present, else through the holder of their proxy."""
    vote = _locked_open_vote(vote)
    if vote.counting != CountingMethod.BALLOTS:
        raise ValidationError("This vote is counted by a show of hands: enter the totals.")
    now = current_electorate(vote)
    cast_by = voter.pk if voter.pk in now.present else now.proxies.get(voter.pk)
    if cast_by is None:
        raise ValidationError(
            "Only members present, and proxy holders for absent members, vote (principle 12)."
        )
    if choice not in VoteChoice.values:
        raise ValidationError(f"Unknown choice {choice!r}.")
    if Ballot.objects.filter(vote=vote, voter=voter).exists():
        raise ValidationError("This member has already voted.")
    ballot = Ballot(
        vote=vote, voter=voter, cast_by_id=cast_by, choice=choice, cast_at=timezone.now()
    )
    ballot._history_user = user
    ballot.save()
    log(instance=vote, action=CAST_BALLOT, user=user)
    return ballot


@transaction.atomic
def enter_show_of_hands(vote, user, *, for_removal, against, abstain):
    vote = _locked_open_vote(vote)
    if vote.counting != CountingMethod.SHOW_OF_HANDS:
        raise ValidationError("This vote is counted by individual ballots.")
    try:
        rules.check_show_of_hands(
            current_electorate(vote), rules.Totals(for_removal, against, abstain)
        )
    except rules.VoteError as error:
        raise _vote_error(error) from error
    vote.hands_for, vote.hands_against, vote.hands_abstain = for_removal, against, abstain
    return _record(vote, user, "Show of hands counted", ENTER_TOTALS)


def _frozen_record(vote, now, totals, casting_vote, result):
    names = dict(
        Membership.objects.filter(group=vote.meeting.group_id).values_list("pk", "person__name")
    )
    return {
        "present": sorted(
            ({"id": pk, "name": names[pk]} for pk in now.present), key=lambda member: member["name"]
        ),
        "proxies": [
            {
                "given_by": names[giver],
                "given_by_id": giver,
                "held_by": names[holder],
                "held_by_id": holder,
            }
            for giver, holder in now.proxies.items()
        ],
        "void_proxies": [
            {"given_by": names.get(giver, ""), "held_by": names.get(holder, ""), "why": why}
            for giver, holder, why in now.void
        ],
        "eligible": now.size,
        "counting": vote.counting,
        "totals": {"for": totals.for_removal, "against": totals.against, "abstain": totals.abstain},
        "tie": totals.is_tie,
        "casting_vote": casting_vote or "",
        "result": result,
    }


def result_minute(vote, totals):
    """The minutes record the result, not who voted how, and not the member's name (minutes may
    be published; members are not named in public)."""
    outcome = (
        "The motion carried" if vote.result == VoteResult.CARRIED else "The motion did not carry"
    )
    settled = ""
    if totals.is_tie:
        settled = (
            " The vote was tied and was settled by the chair's casting vote."
            if vote.casting_vote
            else " The vote was tied and the chair gave no casting vote."
        )
    return (
        f"A vote was held on the removal of a member. For: {totals.for_removal}; against: "
        f"{totals.against}; abstentions: {totals.abstain}.{settled} {outcome}."
    )


@transaction.atomic
def close_removal_vote(vote, user, *, casting_vote=None):
    """Count, freeze and settle the vote; if it carries, the member is removed."""
    vote = _locked_open_vote(vote)
    now = current_electorate(vote)
    try:
        totals = current_totals(vote, now)
        if totals is None:
            raise rules.VoteError("Enter the totals from the show of hands first.")
        result = rules.removal_result(totals, casting_vote)
    except rules.VoteError as error:
        raise _vote_error(error) from error

    vote.status = VoteStatus.CLOSED
    vote.closed_at, vote.closed_by = timezone.now(), user
    vote.casting_vote = casting_vote or ""
    vote.result = result
    vote.frozen = _frozen_record(vote, now, totals, casting_vote, result)
    _record(vote, user, "Removal vote closed", CLOSE_VOTE)

    if result == VoteResult.CARRIED:
        member = Membership.objects.select_for_update().get(pk=vote.member_id)
        reason = f"Removed by vote at the meeting of {vote.meeting.date:%-d %B %Y}"
        member.status, member.left_on, member.left_reason = (
            MembershipStatus.REMOVED, vote.meeting.date, reason
        )  # fmt: skip
        member._history_user = user
        member._change_reason = reason
        member.save()
        log(instance=member, action=REMOVE_BY_VOTE, user=user)
    if vote.meeting.minutes_are_draft:
        # Saved directly: the meeting's own child manager would only hold it in memory.
        MinuteItem.objects.create(
            meeting=vote.meeting, kind=MinuteItemKind.DECISION,
            title="Vote on the removal of a member", text=result_minute(vote, totals),
            sort_order=MinuteItem.objects.filter(meeting=vote.meeting).count(),
        )  # fmt: skip
    return vote
