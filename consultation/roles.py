"""What each role may do with consultation records. Consultation managers run every
consultation; data-entry volunteers type in paper returns and see only those they entered,
never anyone's contact details (consultation/permissions.py)."""

from hub.roles import Role

ROLE_PERMISSIONS = {
    Role.CONSULTATION_MANAGER: [
        "consultation.view_questionnaire",
        "consultation.add_questionnaire",
        "consultation.change_questionnaire",
        "consultation.delete_questionnaire",
        "consultation.view_response",
        "consultation.add_response",
        "consultation.delete_response",
        "consultation.view_results",
        "consultation.export_responses",
        "consultation.view_contact_details",
        "consultation.erase_contact_details",
        "consultation.change_consultationsettings",
    ],
    Role.DATA_ENTRY: [
        "consultation.view_response",
        "consultation.add_response",
    ],
}
