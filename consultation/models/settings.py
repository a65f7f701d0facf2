from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from consultation import rules
from hub.models.site_settings import SiteSetting


@register_setting(icon="clipboard-list")
class ConsultationSettings(SiteSetting):
    contact_retention_days = models.PositiveIntegerField(
        "keep contact details for (days)",
        default=rules.DEFAULT_CONTACT_RETENTION_DAYS,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
        help_text="Respondents' contact details are removed this many days after a consultation "
        "closes (by the purge_contact_details command, run daily). The answers stay.",
    )

    panels = [FieldPanel("contact_retention_days")]

    class Meta:
        verbose_name = "consultation settings"
