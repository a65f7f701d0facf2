import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from hub.models.people import SessionsFollowMembership
from iag import rules
from iag.enums import BoroughConnection, MemberRole, MembershipStatus

# The chair keeps the membership (P5, P7); vetting is recorded by the police service's central
# team, so a chair cannot certify their own clearance (P10). Each field carries its permission,
# so a field a role may not write is not in its form at all.
KEEP = "iag.keep_membership"
VET = "iag.record_vetting"


def kept(field_name):
    return FieldPanel(field_name, permission=KEEP)


def vetting(field_name):
    return FieldPanel(field_name, permission=VET)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MembershipStatus.ACTIVE)

    def chairs(self):
        return self.active().filter(role=MemberRole.CHAIR)


class Membership(SessionsFollowMembership):
    """A person's membership of an IAG.

    "Membership of the IAG is a matter for the IAG" (P5) and "at the discretion of the IAG
    Chair" (P7): memberships are kept by the group's chair, not by the police.
    """

    session_fields = ("status", "role", "group_id")

    group = models.ForeignKey(
        "iag.AdvisoryGroup", on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(
        "hub.Person", on_delete=models.PROTECT, related_name="iag_memberships"
    )
    role = models.CharField(max_length=12, choices=MemberRole.choices, default=MemberRole.MEMBER)
    connection = models.CharField(
        "connection to the borough",
        max_length=10,
        choices=BoroughConnection.choices,
        help_text='Members "live, work, be educated or have a substantial connection" (P7).',
    )
    joined_on = models.DateField(default=datetime.date.today)
    status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    left_on = models.DateField(null=True, blank=True)
    left_reason = models.CharField(max_length=200, blank=True)

    # P10: chairs are vetted and sign the Official Secrets Act, or have a police risk assessment.
    vetted_on = models.DateField(null=True, blank=True)
    official_secrets_act_signed_on = models.DateField(
        "Official Secrets Act signed on", null=True, blank=True
    )
    risk_assessment_on = models.DateField("police risk assessment on", null=True, blank=True)
    risk_assessment_by = models.CharField(
        "risk assessment carried out by", max_length=200, blank=True
    )
    vetting_notes = models.TextField(
        blank=True,
        help_text="Confidential: seen only by the chair, the police lead and the central team.",
    )

    # P10: everyone signs both agreements; until then they see nothing confidential.
    confidentiality_agreement_signed_on = models.DateField(null=True, blank=True)
    information_sharing_agreement_signed_on = models.DateField(null=True, blank=True)

    publish_name = models.BooleanField(
        "agrees to their name being published",
        default=False,
        help_text="Only a chair who agrees is named on the group's public page.",
    )

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([kept("role"), kept("connection")]),
                FieldRowPanel([kept("joined_on"), kept("status")]),
                FieldRowPanel([kept("left_on"), kept("left_reason")]),
                kept("publish_name"),
            ],
            heading="Membership",
        ),
        MultiFieldPanel(
            [
                kept("confidentiality_agreement_signed_on"),
                kept("information_sharing_agreement_signed_on"),
            ],
            heading="Agreements (everyone)",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([vetting("vetted_on"), vetting("official_secrets_act_signed_on")]),
                FieldRowPanel([vetting("risk_assessment_on"), vetting("risk_assessment_by")]),
                vetting("vetting_notes"),
            ],
            heading="Vetting (required for the chair)",
        ),
    ]

    class Meta:
        ordering = ["group__borough__name", "role", "person__name"]
        permissions = [
            ("keep_membership", "Can keep members' roles, dates and agreements (the chair)"),
            ("record_vetting", "Can record vetting, the Official Secrets Act and risk assessments"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["group"],
                condition=Q(role=MemberRole.CHAIR, status=MembershipStatus.ACTIVE),
                name="iag_one_active_chair_per_group",
                violation_error_message="The group already has a chair.",
            ),
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(status=MembershipStatus.ACTIVE),
                name="iag_one_active_membership_per_person",
                violation_error_message="This person is already an active member of the group.",
            ),
            models.CheckConstraint(
                condition=(Q(status=MembershipStatus.ACTIVE) & Q(left_on__isnull=True))
                | (~Q(status=MembershipStatus.ACTIVE) & Q(left_on__isnull=False)),
                name="iag_left_on_matches_status",
                violation_error_message="Give the date they left, and only if they have left.",
            ),
        ]

    def __str__(self):
        return f"{self.person.name} ({self.get_role_display()}, {self.group})"

    def was_current(self, stored):
        return stored["status"] == MembershipStatus.ACTIVE

    @property
    def is_active(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_chair(self):
        return self.is_active and self.role == MemberRole.CHAIR

    @property
    def chair_is_cleared(self):
        return rules.chair_is_cleared(
            self.vetted_on, self.official_secrets_act_signed_on, self.risk_assessment_on
        )

    def agreements_in_force(self, today, renewal_months):
        return all(
            rules.agreement_in_force(signed_on, today, renewal_months)
            for signed_on in (
                self.confidentiality_agreement_signed_on,
                self.information_sharing_agreement_signed_on,
            )
        )

    def agreements_due_for_renewal(self, today, renewal_months):
        return any(
            rules.agreement_due_for_renewal(signed_on, today, renewal_months)
            for signed_on in (
                self.confidentiality_agreement_signed_on,
                self.information_sharing_agreement_signed_on,
            )
        )

    def may_see_confidential(self, today, renewal_months):
        """Active, with both agreements signed and in force (P10)."""
        return self.is_active and self.agreements_in_force(today, renewal_months)

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        for field in (
            "confidentiality_agreement_signed_on",
            "information_sharing_agreement_signed_on",
            "vetted_on",
            "official_secrets_act_signed_on",
            "risk_assessment_on",
        ):
            value = getattr(self, field)
            if value and value > today:
                errors[field] = "A date in the future: record it on the day it happens."
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            errors["left_on"] = "They cannot leave before they joined."
        if self.status != MembershipStatus.ACTIVE and not self.left_on:
            errors["left_on"] = "Give the date they left."
        if self.status == MembershipStatus.ACTIVE and self.left_on:
            errors["status"] = "A member who has left is not active: choose resigned or removed."
        if self.role == MemberRole.CHAIR and self.status == MembershipStatus.ACTIVE:
            if not self.chair_is_cleared:
                errors["role"] = (
                    "A chair must be vetted and have signed the Official Secrets Act, or have a "
                    "police risk assessment on record (principle 10)."
                )
            elif (
                self.risk_assessment_on
                and not self.risk_assessment_by.strip()
                and not (self.vetted_on and self.official_secrets_act_signed_on)
            ):
                errors["risk_assessment_by"] = "Say who carried out the risk assessment."
        if errors:
            raise ValidationError(errors)
