from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    """Consultations, questionnaires, responses, results and "you said, we did"."""

    name = "consultation"
    verbose_name = "Consultation"
    default_auto_field = "django.db.models.BigAutoField"
