"""The volunteer programme's rules, in the source documents' words. Pure functions and named
constants: the models, forms and services ask these, so each rule is decided in one place.

Sources: the guide for units and statement of expectation (GUIDE, SoE), the FAQ and
information update (FAQ), and the steering group's terms of reference (ToR).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from hub.volunteering.enums import Step

# SoE: "we limit time given by volunteers to a maximum contribution of 40 hours per month to
# include supervising and training time". GUIDE: "not more than a total of 40 hours per month".
MONTHLY_CAP_MINUTES = 40 * 60

# GUIDE: "A meal subsidy of up to £3 is provided when a volunteer gives four hours or more at
# one session." (The FAQ says "more than four hours"; the guide is the policy units follow.)
MEAL_SUBSIDY_FROM_MINUTES = 4 * 60
MEAL_SUBSIDY_MAXIMUM = Decimal("3.00")

# SoE: "It would be appreciated if you can give 4 hours once a fortnight as a minimum": a
# volunteer with less than that left under the cap this month is near it.
NEAR_CAP_MINUTES = MONTHLY_CAP_MINUTES - 4 * 60

# GUIDE: "all risk assessments must be reviewed each year".
RISK_REVIEW_DAYS = 365

# FAQ: "The programme is open to anyone over 18 who has been a UK resident for at least three
# years."
MINIMUM_AGE = 18
UK_RESIDENCE_YEARS = 3

# GUIDE, "If you can answer the following questions with the answer NO – you might have  # noqa: RUF003
# identified the perfect volunteering opportunity". Each "yes" is job substitution.
SUBSTITUTION_QUESTIONS = {
    "legal_obligation": "Does the role carry any legal, moral or statutory obligations to be "
    "performed by a member of the MPS?",
    "paid_overtime": "If it wasn’t for a volunteer, would the tasks usually be undertaken by a "
    "paid member of staff on overtime?",
    "in_job_description": "Is the task contained in anyone’s paid job description?",
}
SUBSTITUTION_REFUSALS = {
    "legal_obligation": "The role carries legal, moral or statutory obligations: these must be "
    "done by paid staff or officers and not offered to volunteers.",
    "paid_overtime": "A paid member of staff would otherwise do these tasks on overtime: that "
    "is job substitution.",
    "in_job_description": "The tasks are in someone’s paid job description: it would not be "
    "appropriate for a volunteer to give their time here.",
}

MIDNIGHT_RULE = (
    "Hours count in the calendar month in which they are given: a session that runs past "
    "midnight at the end of a month counts the hours before midnight in that month and the "
    "hours after it in the next, and is refused if either month would pass 40 hours."
)


def substitution_problems(answers: dict) -> list[str]:
    """The refusal for each substitution question answered "yes" (``None`` is unanswered)."""
    return [SUBSTITUTION_REFUSALS[name] for name in SUBSTITUTION_QUESTIONS if answers.get(name)]


def unanswered_substitution_questions(answers: dict) -> list[str]:
    return [name for name in SUBSTITUTION_QUESTIONS if answers.get(name) is None]


def risk_review_due_on(assessed_on: datetime.date) -> datetime.date:
    return assessed_on + datetime.timedelta(days=RISK_REVIEW_DAYS)


def risk_assessment_overdue(assessed_on: datetime.date | None, today: datetime.date) -> bool:
    """Past its yearly review: an assessment 365 days old is still in date, 366 is not. No
    assessment at all is overdue."""
    return assessed_on is None or today > risk_review_due_on(assessed_on)


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def age_on(born_on: datetime.date, day: datetime.date) -> int:
    return day.year - born_on.year - ((day.month, day.day) < (born_on.month, born_on.day))


def eligibility_problems(born_on, resident_since, today: datetime.date) -> list[str]:
    problems = []
    if born_on is not None and age_on(born_on, today) < MINIMUM_AGE:
        problems.append(f"Volunteers must be {MINIMUM_AGE} or over.")
    if resident_since is not None and resident_since > years_before(today, UK_RESIDENCE_YEARS):
        problems.append(
            f"Volunteers must have been resident in the UK for at least {UK_RESIDENCE_YEARS} years."
        )
    return problems


def required_steps(involves_lifting: bool, public_interface: bool) -> list[str]:
    """GUIDE: induction "contains mandatory elements, e.g. Health & Safety for all and Manual
    handling for those needing to lift as part of the role. For those volunteers who have a
    public interface, Emergency Life Saving training will also be mandatory." FAQ: "security
    cleared", "two satisfactory professional references", "a formal interview", "trained
    according to their volunteering role before they can start"."""
    steps = [Step.SECURITY_CLEARANCE, Step.REFERENCES, Step.INTERVIEW, Step.INDUCTION]
    if involves_lifting:
        steps.append(Step.MANUAL_HANDLING)
    if public_interface:
        steps.append(Step.EMERGENCY_LIFE_SAVING)
    steps.append(Step.ROLE_TRAINING)
    return steps


def session_span(day: datetime.date, starts_at: datetime.time, ends_at: datetime.time):
    """The start and end of a session as datetimes: an end at or before the start is the next
    day (the session ran past midnight)."""
    start = datetime.datetime.combine(day, starts_at)
    end = datetime.datetime.combine(day, ends_at)
    if end <= start:
        end += datetime.timedelta(days=1)
    return start, end


def session_problems(starts_at: datetime.time, ends_at: datetime.time) -> list[str]:
    """A session ends after it starts, at most the next day: the same time twice would be a
    session of 24 hours."""
    if starts_at == ends_at:
        return [
            "The session starts and ends at the same time. An end before the start means "
            "that it ran past midnight."
        ]
    return []


def session_minutes(day, starts_at, ends_at) -> int:
    start, end = session_span(day, starts_at, ends_at)
    return int((end - start).total_seconds() // 60)


def minutes_by_month(day, starts_at, ends_at) -> dict[tuple[int, int], int]:
    """``{(year, month): minutes}``: split at midnight where a session crosses into a new
    month (MIDNIGHT_RULE)."""
    start, end = session_span(day, starts_at, ends_at)
    split = {}
    while start < end:
        next_month = (start.replace(day=1) + datetime.timedelta(days=32)).replace(
            day=1, hour=0, minute=0, second=0, microsecond=0
        )
        part_end = min(end, next_month)
        key = (start.year, start.month)
        split[key] = split.get(key, 0) + int((part_end - start).total_seconds() // 60)
        start = part_end
    return split


def cap_problems(already: dict[tuple[int, int], int], adding: dict[tuple[int, int], int]):
    """A message for each month the session would take past the cap."""
    problems = []
    for (year, month), minutes in sorted(adding.items()):
        total = already.get((year, month), 0) + minutes
        if total > MONTHLY_CAP_MINUTES:
            month_name = datetime.date(year, month, 1).strftime("%B %Y")
            problems.append(
                f"This session would bring the volunteer to {hours_label(total)} hours in "
                f"{month_name}; no more than 40 hours a month may be given, supervision and "
                f"training included (they have {hours_label(already.get((year, month), 0))} hours "
                "so far)."
            )
    return problems


def meal_subsidy(minutes: int, amount: Decimal) -> Decimal:
    """The subsidy a session earns: ``amount`` (a site setting, at most £3) from four hours."""
    if minutes >= MEAL_SUBSIDY_FROM_MINUTES:
        return min(amount, MEAL_SUBSIDY_MAXIMUM)
    return Decimal("0.00")


def hours(minutes: int) -> Decimal:
    """Minutes as hours to two places (sums are kept in minutes, so nothing is lost)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def hours_label(minutes: int) -> str:
    """ "39.5", "40", "3.98": hours as people write them."""
    return f"{hours(minutes).normalize():f}"


def near_cap(minutes: int) -> bool:
    return minutes > NEAR_CAP_MINUTES
