from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from iag import rules


@register_setting(icon="group")
class IAGSettings(BaseGenericSetting):
    """IAG policy values that the central team may vary without a release."""

    agreement_renewal_months = models.PositiveSmallIntegerField(
        "agreements are renewed every (months)",
        default=rules.DEFAULT_AGREEMENT_RENEWAL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=(
            "How long a confidentiality or information-sharing agreement stays in force. Once it "
            "lapses the member sees nothing confidential until it is signed again."
        ),
    )

    response_due_days = models.PositiveSmallIntegerField(
        "a response to advice is due within (days)",
        default=rules.DEFAULT_RESPONSE_DUE_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="From the day the advice was given (principle 29).",
    )

    panels = [FieldPanel("agreement_renewal_months"), FieldPanel("response_due_days")]

    class Meta:
        verbose_name = "IAG settings"
