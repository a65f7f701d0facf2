from django.db import models


class BoardKind(models.TextChoices):
    """The four kinds of body in the framework document's "Structure for the Partnership"."""

    EXECUTIVE = "executive", "Executive board"
    CENTRAL = "central", "Central project board"
    PROJECT = "project", "Project board"
    OPERATIONAL = "operational", "Operational group"


class BoardRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    SECRETARY = "secretary", "Secretary"
    MEMBER = "member", "Member"


class InitiativeKind(models.TextChoices):
    """ "the delivery of joint events, initiatives and pilot projects" (terms of reference)."""

    EVENT = "event", "Joint event"
    INITIATIVE = "initiative", "Initiative"
    PILOT = "pilot", "Pilot project"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class ReportState(models.TextChoices):
    """Where a board's report for a period stands, as the roll-up shows it."""

    RECEIVED = "received", "Received"
    RECEIVED_LATE = "received_late", "Received late"
    LATE = "late", "Late"
    NOT_YET_DUE = "not_yet_due", "Not yet due"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DELAYED = "delayed", "Delayed"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"
