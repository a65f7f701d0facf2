"""Removal votes (principle 12): members present, proxies, and the chair's casting vote.

The rules live in ``iag.rules`` (``electorate``, ``count_ballots``, ``removal_result``); the state
changes in ``iag.services`` (open, record a proxy, cast a ballot or enter totals, close). At close
the vote freezes who was present, who held which proxy, the totals and the result, so that later
edits to membership or attendance cannot change it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from iag.enums import CountingMethod, ProxyMethod, VoteChoice, VoteResult, VoteStatus


class RemovalVote(models.Model):
    meeting = models.ForeignKey(
        "iag.Meeting", on_delete=models.PROTECT, related_name="removal_votes"
    )
    member = models.ForeignKey(
        "iag.Membership",
        on_delete=models.PROTECT,
        related_name="removal_votes",
        verbose_name="the member concerned",
    )
    status = models.CharField(max_length=10, choices=VoteStatus.choices, default=VoteStatus.OPEN)
    counting = models.CharField(
        "how the votes are counted",
        max_length=10,
        choices=CountingMethod.choices,
        default=CountingMethod.BALLOTS,
    )
    # Entered from a show of hands; None while counting by individual ballots.
    hands_for = models.PositiveIntegerField(null=True, blank=True)
    hands_against = models.PositiveIntegerField(null=True, blank=True)
    hands_abstain = models.PositiveIntegerField(null=True, blank=True)

    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    casting_vote = models.CharField(
        max_length=10,
        blank=True,
        choices=[(VoteChoice.FOR, "For removal"), (VoteChoice.AGAINST, "Against removal")],
        help_text="Given by the chair, and only on a tie.",
    )
    result = models.CharField(max_length=12, choices=VoteResult.choices, blank=True)
    # Frozen at close: who was present, the proxies, the totals and how the tie was settled.
    frozen = models.JSONField(default=dict, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"],
                name="iag_one_removal_vote_per_member_per_meeting",
                violation_error_message="There is already a vote on this member at this meeting.",
            ),
            models.CheckConstraint(
                condition=Q(status=VoteStatus.OPEN) | ~Q(result=""),
                name="iag_a_closed_vote_has_a_result",
            ),
        ]

    def __str__(self):
        return f"Removal vote, {self.meeting.group}, meeting of {self.meeting.date:%-d %B %Y}"

    @property
    def is_open(self):
        return self.status == VoteStatus.OPEN

    @property
    def is_closed(self):
        return self.status == VoteStatus.CLOSED


class Proxy(models.Model):
    """An absent member's vote, given to a member who is present."""

    vote = models.ForeignKey(RemovalVote, on_delete=models.CASCADE, related_name="proxies")
    given_by = models.ForeignKey(
        "iag.Membership", on_delete=models.PROTECT, related_name="proxies_given"
    )
    held_by = models.ForeignKey(
        "iag.Membership", on_delete=models.PROTECT, related_name="proxies_held"
    )
    method = models.CharField("how it was given", max_length=10, choices=ProxyMethod.choices)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "proxies"
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "given_by"],
                name="iag_one_proxy_per_absent_member_per_vote",
                violation_error_message="This member has already given a proxy for this vote.",
            ),
            models.CheckConstraint(
                condition=~Q(given_by=models.F("held_by")), name="iag_proxy_not_to_oneself"
            ),
        ]

    def __str__(self):
        return f"Proxy for {self.vote}"


class Ballot(models.Model):
    """One member's vote, cast in person or by the holder of their proxy. Seen by the chair and
    the central team only: the minutes and everyone else see the result."""

    vote = models.ForeignKey(RemovalVote, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        "iag.Membership", on_delete=models.PROTECT, related_name="+",
        help_text="Whose vote this is (the absent member, for a proxy vote).",
    )  # fmt: skip
    cast_by = models.ForeignKey(
        "iag.Membership", on_delete=models.PROTECT, related_name="+",
        help_text="Who cast it: the voter, or the holder of their proxy.",
    )  # fmt: skip
    choice = models.CharField(max_length=10, choices=VoteChoice.choices)
    cast_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "voter"],
                name="iag_one_ballot_per_member_per_vote",
                violation_error_message="This member has already voted.",
            )
        ]

    def __str__(self):
        return f"Ballot in {self.vote}"

    @property
    def by_proxy(self):
        return self.voter_id != self.cast_by_id
