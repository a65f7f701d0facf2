from django.db import models


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"


class BoroughConnection(models.TextChoices):
    """Principle 7: members "live, work, be educated or have a substantial connection"."""

    LIVES = "lives", "Lives in the borough"
    WORKS = "works", "Works in the borough"
    STUDIES = "studies", "Studies in the borough"
    OTHER = "other", "Other substantial connection"


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    RESIGNED = "resigned", "Resigned"
    REMOVED = "removed", "Removed"


class MeetingKind(models.TextChoices):
    """Principles 19, 24 and 25."""

    FULL = "full", "Meeting of the IAG with the police lead"
    CHAIR_AND_LEAD = "chair_and_lead", "Chair and police lead meeting"


class PoliceRank(models.TextChoices):
    """Principle 17: the police lead is a Chief Superintendent or a Superintendent."""

    CHIEF_SUPERINTENDENT = "chief_superintendent", "Chief Superintendent"
    SUPERINTENDENT = "superintendent", "Superintendent"
