"""The IAG principles (2018) as constants and pure functions, in the document's own words.

Principle numbers (P1 to P31) refer to "Principles for Territorial Policing Independent Advisory
Groups 2018"; docs/rules.md maps each to its tests.
"""

import datetime
from dataclasses import dataclass

# Quarters are shared with the partnership boards; the IAG rules and their callers use them here.
from hub.periods import Quarter, add_months, quarter_of  # noqa: F401

# --- P24: "The MPS lead will meet with the IAG at least every quarter." --------------------------
#
# A quarter is a calendar quarter: January to March, April to June, July to September and
# October to December. Each quarter must contain at least one meeting of the IAG with the police
# lead. A group is overdue once a whole quarter has passed with no such meeting: the meeting
# after one held in January to March is due by 30 June, and is overdue from 1 July.


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


# --- P12: "An IAG member may be asked to leave the Group based upon a simple vote of members ----
# present at a Group meeting including any proxy votes, and the Chair having the casting vote."
#
# Who may vote: active members present at the meeting, and, for an active member who is absent,
# the present member holding their proxy. The member concerned does not vote on their own removal,
# gives no proxy and holds none. One proxy per absent member; a present member cannot also be
# represented by a proxy. The motion carries on a simple majority of the votes cast, proxies
# included (for > against); abstentions count neither way. On a tie the chair may give a casting
# vote, and only on a tie; a tie the chair declines to break does not carry, so the member stays.


@dataclass(frozen=True)
class Electorate:
    """Who may vote, and through whom: frozen when the vote closes."""

    present: frozenset  # membership ids present, entitled to vote in person
    proxies: dict  # absent giver's membership id -> present holder's membership id
    void: tuple = ()  # (giver, holder, why) for proxies that no longer count

    def may_cast(self, voter, cast_by) -> bool:
        if voter in self.present:
            return cast_by == voter
        return self.proxies.get(voter) == cast_by

    @property
    def size(self) -> int:
        return len(self.present) + len(self.proxies)


class VoteError(ValueError):
    """A vote that breaks P12's rules; the message says which."""


def proxy_problem(giver, holder, *, active, present, member_concerned, already_given=()):
    """Why this proxy cannot count (None if it can). ``active`` and ``present`` are sets of
    membership ids; ``already_given`` the givers of proxies already counted."""
    if member_concerned in (giver, holder):
        return "The member concerned neither gives nor holds a proxy."
    if giver == holder:
        return "A member cannot hold their own proxy."
    if giver not in active or holder not in active:
        return "Only active members of the group give or hold proxies."
    if giver in present:
        return "A member who is present votes in person, not by proxy."
    if holder not in present:
        return "A proxy holder must be present at the meeting."
    if giver in already_given:
        return "An absent member gives only one proxy for a vote."
    return None


def electorate(active_members, present, member_concerned, proxies) -> Electorate:
    """Who may vote. ``proxies`` is an iterable of (giver, holder) membership ids, in the order
    they were recorded; one that cannot count (its giver turned up, say) is void, not an error."""
    active = set(active_members)
    entitled_present = frozenset((set(present) & active) - {member_concerned})
    counted, void = {}, []
    for giver, holder in proxies:
        why = proxy_problem(
            giver, holder, active=active, present=entitled_present,
            member_concerned=member_concerned, already_given=counted,
        )  # fmt: skip
        if why:
            void.append((giver, holder, why))
        else:
            counted[giver] = holder
    return Electorate(present=entitled_present, proxies=counted, void=tuple(void))


@dataclass(frozen=True)
class Totals:
    for_removal: int = 0
    against: int = 0
    abstain: int = 0

    @property
    def cast(self) -> int:
        return self.for_removal + self.against + self.abstain

    @property
    def is_tie(self) -> bool:
        return self.for_removal == self.against


def count_ballots(electorate: Electorate, ballots) -> Totals:
    """Count (voter, cast_by, choice) ballots: each entitled voter at most once."""
    seen = set()
    counts = {"for": 0, "against": 0, "abstain": 0}
    for voter, cast_by, choice in ballots:
        if voter in seen:
            raise VoteError("A member's vote is counted once.")
        if not electorate.may_cast(voter, cast_by):
            raise VoteError("Only members present, and proxy holders for absent members, vote.")
        if choice not in counts:
            raise VoteError(f"Unknown choice {choice!r}.")
        seen.add(voter)
        counts[choice] += 1
    return Totals(counts["for"], counts["against"], counts["abstain"])


def check_show_of_hands(electorate: Electorate, totals: Totals) -> Totals:
    """Totals counted from a show of hands obey the same rules: no more votes than voters."""
    if min(totals.for_removal, totals.against, totals.abstain) < 0:
        raise VoteError("A count cannot be negative.")
    if totals.cast > electorate.size:
        raise VoteError(
            f"{totals.cast} votes counted, but only {electorate.size} members may vote "
            "(present, or by proxy)."
        )
    return totals


def casting_vote_allowed(totals: Totals) -> bool:
    """ "the Chair having the casting vote": only to break a tie."""
    return totals.is_tie


def removal_result(totals: Totals, casting_vote: str | None = None) -> str:
    """``carried`` or ``not_carried``. ``casting_vote`` is "for", "against", or None (the chair
    declines, or there is no tie)."""
    if casting_vote not in (None, "for", "against"):
        raise VoteError("A casting vote is for or against.")
    if casting_vote is not None and not casting_vote_allowed(totals):
        raise VoteError("The chair's casting vote is given only on a tie.")
    if totals.for_removal > totals.against:
        return "carried"
    if totals.for_removal < totals.against:
        return "not_carried"
    return "carried" if casting_vote == "for" else "not_carried"
