from consultation.models.pages import ConsultationIndexPage, ConsultationPage, Finding, OutcomePage
from consultation.models.questionnaire import Question, Questionnaire
from consultation.models.responses import Answer, ContactDetails, Response
from consultation.models.settings import ConsultationSettings

__all__ = [
    "Answer",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationSettings",
    "ContactDetails",
    "Finding",
    "OutcomePage",
    "Question",
    "Questionnaire",
    "Response",
]
