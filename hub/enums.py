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
