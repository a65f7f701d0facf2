"""Gold Group requests (principle 2) and escalations (principle 23)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from iag.enums import GoldGroupDecision


class GoldGroupRequest(models.Model):
    """ "IAG members may suggest to the MPS lead that a Gold Group is needed as they consider an
    incident to be 'critical' from a community confidence perspective." (P2)"""

    group = models.ForeignKey(
        "iag.AdvisoryGroup", on_delete=models.PROTECT, related_name="gold_group_requests"
    )
    incident = models.TextField("the incident")
    reasons = models.TextField(
        "why it is critical for community confidence",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    decision = models.CharField(max_length=20, choices=GoldGroupDecision.choices, blank=True)
    decision_reasons = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "Gold Group request"
        permissions = [("answer_goldgrouprequest", "Can answer Gold Group requests (police lead)")]

    def __str__(self):
        return f"Gold Group request, {self.group}, {self.requested_at:%-d %B %Y}"

    @property
    def is_answered(self):
        return bool(self.decision)

    @property
    def time_to_answer(self):
        """How long the police lead took to answer (None while unanswered)."""
        if not self.answered_at:
            return None
        return self.answered_at - self.requested_at


class Escalation(models.Model):
    """ "a difficulty between the IAG and the MPS" raised to the named point of escalation (P23)."""

    group = models.ForeignKey(
        "iag.AdvisoryGroup", on_delete=models.PROTECT, related_name="escalations"
    )
    difficulty = models.TextField("the difficulty")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_to = models.CharField(
        max_length=300, help_text="The group's named point of escalation, when it was raised."
    )
    raised_at = models.DateTimeField()
    outcome = models.TextField(blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at"]
        permissions = [("resolve_escalation", "Can record how an escalation was resolved")]

    def __str__(self):
        return f"Escalation, {self.group}, {self.raised_at:%-d %B %Y}"

    @property
    def is_resolved(self):
        return bool(self.resolved_at)
