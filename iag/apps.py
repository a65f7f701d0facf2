from django.apps import AppConfig


class IagConfig(AppConfig):
    """Independent Advisory Groups: membership, meetings, minutes, advice and votes."""

    name = "iag"
    verbose_name = "Independent Advisory Groups"
    default_auto_field = "django.db.models.BigAutoField"
