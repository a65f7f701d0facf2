from django.db import models


class OrganisationKind(models.TextChoices):
    VOLUNTARY = "voluntary", "Voluntary organisation"
    COMMUNITY = "community", "Community group"
    YOUTH = "youth", "Youth organisation"
    FAITH = "faith", "Faith group"
    NETWORK = "network", "Umbrella body or network"
    STATUTORY = "statutory", "Statutory body"
    POLICE = "police", "Police"
    OTHER = "other", "Other"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class MinuteItemKind(models.TextChoices):
    ORDINARY = "ordinary", "Ordinary item"
    DECISION = "decision", "Decision"
    ADVICE = "advice", "Advice"
    CONFIDENTIAL = "confidential", "Confidential: not recorded"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
