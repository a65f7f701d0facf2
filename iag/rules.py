"""The IAG principles (2018) as constants and pure functions, in the document's own words.

Principle numbers (P1 to P31) refer to "Principles for Territorial Policing Independent Advisory
Groups 2018"; docs/rules.md maps each to its tests.
"""

import calendar
import datetime
from dataclasses import dataclass

# --- P24: "The MPS lead will meet with the IAG at least every quarter." --------------------------
#
# A quarter is a calendar quarter: January to March, April to June, July to September and
# October to December. Each quarter must contain at least one meeting of the IAG with the police
# lead. A group is overdue once a whole quarter has passed with no such meeting: the meeting
# after one held in January to March is due by 30 June, and is overdue from 1 July.

QUARTER_FIRST_MONTHS = (1, 4, 7, 10)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, QUARTER_FIRST_MONTHS[self.number - 1], 1)

    @property
    def last_day(self) -> datetime.date:
        last_month = QUARTER_FIRST_MONTHS[self.number - 1] + 2
        return datetime.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def next(self) -> "Quarter":
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def previous(self) -> "Quarter":
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def __str__(self):
        first, last = self.first_day, self.last_day
        return f"{first:%B} to {last:%B} {self.year}"

    def __contains__(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day


def quarter_of(day: datetime.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def next_meeting_due_by(last_meeting: datetime.date | None, since: datetime.date) -> datetime.date:
    """The last day by which the next meeting with the police lead must be held (P24).

    ``since`` is when the group was set up, used while it has never met.
    """
    start = last_meeting if last_meeting is not None else since
    return quarter_of(start).next().last_day


def is_overdue_for_meeting(
    last_meeting: datetime.date | None, since: datetime.date, today: datetime.date
) -> bool:
    return today > next_meeting_due_by(last_meeting, since)


# --- P10: "IAG chairs will be vetted and sign the Official Secrets Act. If there are issues ---
# with this a risk assessment will be carried out by the MPS. In either case, a confidentiality
# agreement and information sharing agreement should be signed by the chair and all members."


def chair_is_cleared(
    vetted_on: datetime.date | None,
    official_secrets_act_signed_on: datetime.date | None,
    risk_assessment_on: datetime.date | None,
) -> bool:
    """Vetted *and* signed the Official Secrets Act, or else a recorded police risk assessment."""
    return bool(vetted_on and official_secrets_act_signed_on) or bool(risk_assessment_on)


# Agreements are renewed periodically; the period is a site setting (IAG settings), default 12
# months. They show as due for renewal in the last RENEWAL_NOTICE_DAYS of their term, and once the
# term has ended they count as unsigned.
DEFAULT_AGREEMENT_RENEWAL_MONTHS = 12
RENEWAL_NOTICE_DAYS = 30


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day if it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def agreement_expires_on(signed_on: datetime.date, renewal_months: int) -> datetime.date:
    """The first day on which the agreement no longer counts as signed."""
    return add_months(signed_on, renewal_months)


def agreement_in_force(
    signed_on: datetime.date | None, today: datetime.date, renewal_months: int
) -> bool:
    """Signed today or earlier, and its term not yet over. A future date is not a signature."""
    return signed_on is not None and signed_on <= today < agreement_expires_on(
        signed_on, renewal_months
    )


def agreement_due_for_renewal(
    signed_on: datetime.date | None, today: datetime.date, renewal_months: int
) -> bool:
    """In the notice period before it lapses, or already lapsed."""
    if signed_on is None or signed_on > today:
        return False
    expires = agreement_expires_on(signed_on, renewal_months)
    return today >= expires - datetime.timedelta(days=RENEWAL_NOTICE_DAYS)


# --- P29: "The MPS lead will advise on decisions made including where IAG advice is not ---------
# followed at IAG meetings."
#
# A response is due within a period that the central team may vary (IAG settings, default 28
# days) from the day the advice was given, or by the earlier date the group asked for. Until the
# police lead records a decision (followed, partly followed or not followed) the advice awaits a
# response; "pending" is an acknowledgement, not a decision, so it does not stop the clock.

DEFAULT_RESPONSE_DUE_DAYS = 28
DECIDED_OUTCOMES = frozenset({"followed", "partly_followed", "not_followed"})
# Reasons are required "unless the advice was followed": for partly and not followed.
OUTCOMES_NEEDING_REASONS = frozenset({"partly_followed", "not_followed"})


def response_due_on(
    given_on: datetime.date, due_days: int, requested_by: datetime.date | None = None
) -> datetime.date:
    """The last day on which a response is on time."""
    due = given_on + datetime.timedelta(days=due_days)
    return min(due, requested_by) if requested_by else due


def response_is_overdue(due_on: datetime.date, decided: bool, today: datetime.date) -> bool:
    return not decided and today > due_on


def reasons_required(outcome: str) -> bool:
    return outcome in OUTCOMES_NEEDING_REASONS
