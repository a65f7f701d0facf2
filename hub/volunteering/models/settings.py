from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from hub.models.site_settings import SiteSetting
from hub.volunteering import rules


@register_setting(icon="group")
class VolunteeringSettings(SiteSetting):
    meal_subsidy = models.DecimalField(
        "meal subsidy (£)",
        max_digits=4,
        decimal_places=2,
        default=rules.MEAL_SUBSIDY_MAXIMUM,
        validators=[
            MinValueValidator(Decimal("0.00")),
            MaxValueValidator(rules.MEAL_SUBSIDY_MAXIMUM),
        ],
        help_text="Paid for a session of four hours or more: up to £3 (the guide for units).",
    )

    panels = [FieldPanel("meal_subsidy")]

    class Meta:
        verbose_name = "volunteer programme settings"
