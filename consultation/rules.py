"""The consultation's rules: when a consultation takes answers, what an answer may be, how long
contact details are kept, and what stops a robot. Pure functions and named constants; the models,
forms and services call these and nothing else decides them.

Sources: ``youth-consultation-and-voluntary-sector-partnership.txt`` (the questionnaire for
voluntary youth organisations; consultation with up to 15,000 young people through youth clubs)
and ``mvp-faq-and-information-update.txt`` (volunteers "recording information provided on
questionnaires").
"""

import datetime
import re

from consultation.enums import ConsultationStatus, QuestionKind

# What a question may hold.
SHORT_TEXT_MAX_LENGTH = 200
LONG_TEXT_MAX_LENGTH = 5000
SCALE_LOWEST = 0
SCALE_HIGHEST = 10
MINIMUM_CHOICES = 2
CHOICE_MAX_LENGTH = 100

# Kinds of question whose answers are counted (and may be published as figures). Free text is
# listed for managers but never published word for word: it may name people.
COUNTED_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.BOROUGHS,
     QuestionKind.SCALE}
)  # fmt: skip
CHOICE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE})
TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
# Kinds where one response may give several answers (one Answer row each).
MANY_ANSWER_KINDS = frozenset({QuestionKind.MULTIPLE_CHOICE, QuestionKind.BOROUGHS})

NOT_PUBLISHABLE = (
    "Only counted answers (choices, boroughs, scales) can be published. Free text and contact "
    "details are never shown on the public results page."
)

# Q5: "please could you complete your details below, with a phone number, and we will contact
# you to listen to your views."
CONSENT_NEEDED = "Tick the box to agree that we may contact you, or leave your details blank."
PHONE_NEEDED = "Enter a phone number so that we can call you about your views."
NAME_NEEDED = "Enter your name so that we know who to ask for."
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()-]{10,20}\Z")
PHONE_INVALID = "Enter a phone number, like 020 7946 0000 or +44 20 7946 0000."
# The contact question's answer records only yes or no; the details are kept apart.
CONSENTED = "yes"
NOT_CONSENTED = "no"

# Bots: a form sent back faster than a person could read it, or with the hidden field filled in,
# is not accepted. A form token older than a day is refused too (and a fresh one given).
MINIMUM_FILL_SECONDS = 3
FORM_TOKEN_MAX_AGE = datetime.timedelta(days=1)
TOO_FAST = (
    "We could not accept your answers because the form was sent too quickly. "
    "Check your answers and send them again."
)
NOT_ACCEPTED = "We could not accept your answers. Check them and send them again."
EXPIRED = (
    "This form was opened more than a day ago, so we could not accept it. "
    "Your answers are below: check them and send them again."
)
NOT_SAVED = (
    "Sorry, we could not save your answers just now. Nothing has been sent. Your answers are "
    "below: wait a minute and send them again."
)
TOO_MANY = (
    "Too many questionnaires have been sent from your connection in the last few minutes. "
    "Your answers are below: wait a few minutes and send them again."
)

# Contact details are kept for the site setting's number of days after the consultation closes.
DEFAULT_CONTACT_RETENTION_DAYS = 365


def status_on(opens_on: datetime.date, closes_on: datetime.date, today: datetime.date):
    """A consultation is open from the start of its opening date to the end of its closing date."""
    if today < opens_on:
        return ConsultationStatus.NOT_YET_OPEN
    if today > closes_on:
        return ConsultationStatus.CLOSED
    return ConsultationStatus.OPEN


def received_in_time(received_on, opens_on, closes_on) -> bool:
    """A paper or e-mailed return counts if it arrived while the consultation was open; it may
    be typed in later."""
    return opens_on <= received_on <= closes_on


def contact_details_expire_after(closes_on: datetime.date, retention_days: int):
    """The last day contact details are kept: the retention period runs from the closing date."""
    return closes_on + datetime.timedelta(days=retention_days)


def contact_details_expired(closes_on, retention_days, today) -> bool:
    return today > contact_details_expire_after(closes_on, retention_days)


def contact_details_expire_if_closed_before(today, retention_days):
    """The same rule over many consultations: expired where the closing date is before this."""
    return today - datetime.timedelta(days=retention_days)


def parse_choices(text: str) -> list[str]:
    """An editor's choices, one per line, blank lines ignored."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def choice_problems(choices: list[str]) -> list[str]:
    problems = []
    if len(choices) < MINIMUM_CHOICES:
        problems.append(f"Give at least {MINIMUM_CHOICES} choices, one on each line.")
    if len({choice.casefold() for choice in choices}) != len(choices):
        problems.append("Each choice must be different.")
    if any(len(choice) > CHOICE_MAX_LENGTH for choice in choices):
        problems.append(f"Keep each choice to {CHOICE_MAX_LENGTH} characters or fewer.")
    return problems


def percentage(count: int, total: int) -> int:
    """A whole-number share of ``total``; 0 of nothing is 0%."""
    if not total:
        return 0
    return round(100 * count / total)


def fill_too_fast(elapsed: datetime.timedelta) -> bool:
    return elapsed < datetime.timedelta(seconds=MINIMUM_FILL_SECONDS)


def form_token_expired(elapsed: datetime.timedelta) -> bool:
    return elapsed > FORM_TOKEN_MAX_AGE
