from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    """Voluntary-sector partnership boards, their reports up the chain and action plans."""

    name = "partnerships"
    verbose_name = "Partnerships"
    default_auto_field = "django.db.models.BigAutoField"
