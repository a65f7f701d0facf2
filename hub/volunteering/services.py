"""State changes of the volunteer programme, each one transaction with its history reason and
an audit-log entry: placing a volunteer in a role, recording the sessions they give, their
expense claims and the borough manager's decision on each, and their emergency contact.

The rules themselves are asked of ``rules`` and the models; these functions only apply them,
so that an admin screen, a test and the demo data all go the same way.
"""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from hub.volunteering import permissions, rules
from hub.volunteering.enums import ClaimStatus
from hub.volunteering.models import (
    EmergencyContact,
    ExpenseClaim,
    RoleProfile,
    Volunteer,
    VolunteeringSettings,
    VolunteerSession,
)
from hub.volunteering.models.volunteers import month_key, receipt_extension

PLACE_VOLUNTEER = "volunteering.volunteer.place"
RECORD_SESSION = "volunteering.session.record"
DELETE_SESSION = "volunteering.session.delete"
SUBMIT_CLAIM = "volunteering.claim.submit"
APPROVE_CLAIM = "volunteering.claim.approve"
REFUSE_CLAIM = "volunteering.claim.refuse"
SAVE_EMERGENCY_CONTACT = "volunteering.emergency_contact.save"
REMOVE_EMERGENCY_CONTACT = "volunteering.emergency_contact.remove"

# (action, label, message) for every audit-log action the services write.
LOG_ACTIONS = [
    (PLACE_VOLUNTEER, "Place a volunteer in a role", "Placed in a role"),
    (RECORD_SESSION, "Record a volunteering session", "Session recorded"),
    (DELETE_SESSION, "Delete a volunteering session", "Session deleted"),
    (SUBMIT_CLAIM, "Submit an expense claim", "Expense claim submitted"),
    (APPROVE_CLAIM, "Approve an expense claim", "Expense claim approved"),
    (REFUSE_CLAIM, "Refuse an expense claim", "Expense claim refused"),
    # The entries say that the details changed, never what they are.
    (SAVE_EMERGENCY_CONTACT, "Keep emergency contact details", "Emergency contact details saved"),
    (
        REMOVE_EMERGENCY_CONTACT,
        "Remove emergency contact details",
        "Emergency contact details removed",
    ),
]


def _locked(volunteer):
    """The volunteer, read again under a row lock held to the end of the transaction: two
    people recording for the same volunteer at once are served one after the other."""
    Volunteer.objects.select_for_update().filter(pk=volunteer.pk).values_list("pk").get()
    volunteer.refresh_from_db()
    return volunteer


def _with_history(record, user, reason):
    record._history_user = user
    record._change_reason = reason
    return record


# --- Placement ---------------------------------------------------------------------------------


@transaction.atomic
def place_volunteer(volunteer, profile, user, today=None) -> Volunteer:
    """Place ``volunteer`` in the role ``profile`` describes, from ``today``.

    GUIDE: the profile "must be approved by the MVP Steering Group before a volunteer can be
    assigned to it" and be risk assessed, reviewed each year; FAQ: the volunteer must be
    eligible and have done every step before they start (``Volunteer.placement_problems``).
    """
    today = today or timezone.localdate()
    volunteer = _locked(volunteer)
    profile = RoleProfile.objects.get(pk=profile.pk)  # what the steering group approved
    problems = volunteer.placement_problems(profile, today)
    if volunteer.role_profile_id == profile.pk and volunteer.left_on is None:
        problems.append("The volunteer is already placed in this role.")
    if problems:
        raise ValidationError(problems)
    volunteer.role_profile = profile
    volunteer.placed_on = today
    _with_history(volunteer, user, f"Placed in the role “{profile.title}”").save()
    log(
        instance=volunteer,
        action=PLACE_VOLUNTEER,
        user=user,
        data={"role_profile": profile.pk, "title": profile.title, "placed_on": str(today)},
    )
    return volunteer


# --- Sessions ----------------------------------------------------------------------------------


def _overlapping(volunteer, start, end):
    """A session of the volunteer's already recorded that shares any minute with this one."""
    nearby = VolunteerSession.objects.filter(
        volunteer=volunteer,
        day__gte=start.date() - datetime.timedelta(days=1),
        day__lte=end.date(),
    )
    for session in nearby:
        other_start, other_end = rules.session_span(session.day, session.starts_at, session.ends_at)
        if other_start < end and start < other_end:
            return session
    return None


@transaction.atomic
def record_session(volunteer, *, day, starts_at, ends_at, user, notes="") -> VolunteerSession:
    """Record a session the volunteer gave in the role they are placed in.

    Hours count in the month they were given (``rules.MIDNIGHT_RULE``); no month may pass the
    40 hours a month cap. The volunteer's row is locked first, so two sessions recorded at the
    same moment are added one after the other and cannot pass the cap together.
    """
    volunteer = _locked(volunteer)
    if volunteer.role_profile_id is None:
        raise ValidationError(
            f"{volunteer} has not been placed in a role: place them before recording sessions."
        )
    problems = []
    if day > timezone.localdate():
        problems.append("The session cannot be in the future: record it once it is given.")
    if volunteer.placed_on and day < volunteer.placed_on:
        problems.append(
            f"{volunteer} was placed in their role on {volunteer.placed_on:%-d %B %Y}: a "
            "session before then was not given in it."
        )
    if volunteer.left_on and day > volunteer.left_on:
        problems.append(
            f"{volunteer} left the programme on {volunteer.left_on:%-d %B %Y}: a session after "
            "then cannot be recorded."
        )
    problems += rules.session_problems(starts_at, ends_at)
    if problems:
        raise ValidationError(problems)

    start, end = rules.session_span(day, starts_at, ends_at)
    clash = _overlapping(volunteer, start, end)
    if clash is not None:
        raise ValidationError(
            f"This overlaps a session already recorded ({clash}): the same time cannot count twice."
        )
    split = rules.minutes_by_month(day, starts_at, ends_at)
    already = VolunteerSession.objects.minutes_by_month(volunteer, split.keys())
    problems = rules.cap_problems(already, split)
    if problems:
        raise ValidationError(problems)

    minutes = rules.session_minutes(day, starts_at, ends_at)
    session = VolunteerSession(
        volunteer=volunteer,
        role_profile_id=volunteer.role_profile_id,
        day=day,
        starts_at=starts_at,
        ends_at=ends_at,
        notes=notes,
        minutes=minutes,
        month_minutes={month_key(*month): given for month, given in split.items()},
        meal_subsidy=rules.meal_subsidy(minutes, VolunteeringSettings.current().meal_subsidy),
        recorded_by=user,
    )
    _with_history(session, user, "Session recorded").save()
    log(
        instance=session,
        action=RECORD_SESSION,
        user=user,
        data={"volunteer": volunteer.pk, "minutes": minutes, "day": str(day)},
    )
    return session


@transaction.atomic
def delete_session(session, user):
    """Take back a session recorded in error; not one an expense claim rests on."""
    volunteer = _locked(session.volunteer)
    session = VolunteerSession.objects.get(pk=session.pk)
    if ExpenseClaim.objects.filter(session=session).exists():
        raise ValidationError("An expense claim refers to this session, so it cannot be deleted.")
    log(
        instance=session,
        action=DELETE_SESSION,
        user=user,
        data={"volunteer": volunteer.pk, "minutes": session.minutes, "day": str(session.day)},
    )
    _with_history(session, user, "Session deleted").delete()


# --- Expense claims ----------------------------------------------------------------------------


@transaction.atomic
def submit_claim(
    volunteer, *, spent_on, description, amount, receipt, user, session=None
) -> ExpenseClaim:
    """A claim for an out-of-pocket expense, with its receipt (SoE: "Reimburse previously
    agreed out-of-pocket expenses which must be supported by receipts"). It waits for the
    borough's programme manager.

    The receipt is stored under a name of our own: the uploader's file name can hold
    personal details, and is never used again."""
    claim = ExpenseClaim(
        volunteer=volunteer,
        session=session,
        spent_on=spent_on,
        description=description,
        amount=amount,
        receipt=receipt,
    )
    claim.full_clean()
    claim.receipt.name = f"{uuid.uuid4().hex}{receipt_extension(claim.receipt.name)}"
    _with_history(claim, user, "Claim submitted").save()
    log(
        instance=claim,
        action=SUBMIT_CLAIM,
        user=user,
        data={"volunteer": volunteer.pk, "amount": str(claim.amount)},
    )
    return claim


@transaction.atomic
def decide_claim(claim, user, *, approve: bool, reason="") -> ExpenseClaim:
    """Approve or refuse a claim. GUIDE: "Please never sign off a volunteer's expenses ...
    refer this back to the MVPM for approval": the borough's programme manager only."""
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    if not permissions.user_can_decide_claim(user, claim):
        raise PermissionDenied("Only the volunteer's borough programme manager decides a claim.")
    if claim.status != ClaimStatus.SUBMITTED:
        raise ValidationError(f"This claim has already been decided: {claim.get_status_display()}.")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Say why the claim is refused: the volunteer is told."})
    claim.status = ClaimStatus.APPROVED if approve else ClaimStatus.REFUSED
    claim.decided_by = user
    claim.decided_at = timezone.now()
    claim.reason = reason
    _with_history(claim, user, "Claim approved" if approve else "Claim refused").save()
    log(
        instance=claim,
        action=APPROVE_CLAIM if approve else REFUSE_CLAIM,
        user=user,
        data={"amount": str(claim.amount)},
    )
    return claim


# --- Emergency contact -------------------------------------------------------------------------


def _check_contact_access(volunteer, user):
    if not permissions.user_can_see_emergency_contact(user, volunteer):
        raise PermissionDenied(
            "Only the volunteer's borough programme manager keeps emergency contact details."
        )


@transaction.atomic
def save_emergency_contact(volunteer, user, *, name, phone, relationship="") -> EmergencyContact:
    """Keep (or correct) the volunteer's emergency contact. Personal data with no history: a
    correction leaves no copy of what it replaced. The audit log says only that it changed."""
    _check_contact_access(volunteer, user)
    volunteer = _locked(volunteer)
    contact = EmergencyContact.objects.filter(volunteer=volunteer).first() or EmergencyContact(
        volunteer=volunteer
    )
    contact.name = name
    contact.relationship = relationship
    contact.phone = phone
    contact.full_clean()
    contact.save()
    log(instance=volunteer, action=SAVE_EMERGENCY_CONTACT, user=user)
    return contact


@transaction.atomic
def remove_emergency_contact(volunteer, user):
    _check_contact_access(volunteer, user)
    volunteer = _locked(volunteer)
    deleted, _ = EmergencyContact.objects.filter(volunteer=volunteer).delete()
    if not deleted:
        raise ValidationError("No emergency contact details are kept for this volunteer.")
    log(instance=volunteer, action=REMOVE_EMERGENCY_CONTACT, user=user)
