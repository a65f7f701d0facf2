from django.db import models


class Responsibility(models.TextChoices):
    """The steering group's suggested membership, in the terms of reference's order."""

    PROGRAMME_MANAGER = "programme_manager", "Borough volunteer programme manager"
    BUSINESS_MANAGER = "business_manager", "Borough business manager"
    PARTNERSHIP_CHIEF_INSPECTOR = "chief_inspector", "Partnership chief inspector"
    UNION_REP = "union_rep", "Union representative"
    FEDERATION_REP = "federation_rep", "Federation representative"
    PARTNERSHIP_ORGANISATION = "partner", "Partnership organisation"
    CADETS_COORDINATOR = "cadets", "Volunteer police cadets co-ordinator"
    SPECIAL_CONSTABULARY_LEAD = "specials", "Special constabulary lead"
    ACTIVE_VOLUNTEER = "volunteer", "Active volunteer"


# What each member is responsible for, in the terms of reference's words.
RESPONSIBILITY_TEXT = {
    Responsibility.PROGRAMME_MANAGER: "Responsible for updating the steering group on the progress "
    "and workings of the MVP and discussing development projects prior to implementation.",
    Responsibility.BUSINESS_MANAGER: "Responsible for ensuring the MVP is addressing the needs of "
    "the MPS on Borough and meeting Borough objectives.",
    Responsibility.PARTNERSHIP_CHIEF_INSPECTOR: "Responsible for providing guidance to the MVP "
    "and providing MPS feedback.",
    Responsibility.UNION_REP: "Responsible for representing staff across Borough and liaising "
    "with other union reps. In other boroughs to ensure consistency.",
    Responsibility.FEDERATION_REP: "Responsible for representing officers across Borough.",
    Responsibility.PARTNERSHIP_ORGANISATION: "Could be local Volunteer Centre, Victim Support "
    "representative or a representative from the local council.",
    Responsibility.CADETS_COORDINATOR: "Responsible for updating the steering group on the "
    "progress and workings of the Cadets.",
    Responsibility.SPECIAL_CONSTABULARY_LEAD: "Responsible for updating the steering group on the "
    "progress and workings of the MSC.",
    Responsibility.ACTIVE_VOLUNTEER: "One representative from each programme (MVP, VPC, MSC).",
}


class Step(models.TextChoices):
    """What must be done before a volunteer may start (the FAQ, the statement of expectation
    and the guide for units)."""

    SECURITY_CLEARANCE = "security_clearance", "Security clearance"
    REFERENCES = "references", "Two satisfactory professional references"
    INTERVIEW = "interview", "Formal interview"
    INDUCTION = "induction", "Induction, including health and safety"
    MANUAL_HANDLING = "manual_handling", "Manual handling training"
    EMERGENCY_LIFE_SAVING = "emergency_life_saving", "Emergency life saving training"
    ROLE_TRAINING = "role_training", "Training for the role"


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for the borough manager"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
