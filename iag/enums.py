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


class AdviceCategory(models.TextChoices):
    """Principles 1 and 3: what the IAG is asked about."""

    OPERATION = "operation", "Operation or activity"
    POLICY = "policy", "Policy"
    LOCAL_CHANGE = "local_change", "Local change decision"
    INCIDENT = "incident", "Important incident"
    OTHER = "other", "Other"


class ResponseOutcome(models.TextChoices):
    """Principle 29: what the police did with the advice."""

    FOLLOWED = "followed", "Followed"
    PARTLY_FOLLOWED = "partly_followed", "Partly followed"
    NOT_FOLLOWED = "not_followed", "Not followed"
    PENDING = "pending", "Pending"


class GoldGroupDecision(models.TextChoices):
    CONVENED = "convened", "Gold Group convened"
    NOT_CONVENED = "not_convened", "Gold Group not convened"


class VoteStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class VoteChoice(models.TextChoices):
    FOR = "for", "For removal"
    AGAINST = "against", "Against removal"
    ABSTAIN = "abstain", "Abstain"


class CountingMethod(models.TextChoices):
    BALLOTS = "ballots", "Individual ballots"
    SHOW_OF_HANDS = "hands", "Show of hands (totals)"


class ProxyMethod(models.TextChoices):
    WRITING = "writing", "In writing"
    EMAIL = "email", "By e-mail"
    IN_PERSON = "in_person", "In person"


class VoteResult(models.TextChoices):
    CARRIED = "carried", "Carried: the member is removed"
    NOT_CARRIED = "not_carried", "Not carried: the member stays"
