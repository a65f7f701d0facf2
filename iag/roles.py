"""What each role may do with IAG records; the policies in iag/permissions.py narrow it to the
groups the person belongs to."""

from hub.roles import Role

VIEW_ALL = [
    "iag.view_advisorygroup",
    "iag.view_membership",
    "iag.view_meeting",
    "iag.view_advice",
    "iag.view_goldgrouprequest",
    "iag.view_escalation",
    "iag.view_removalvote",
]

ROLE_PERMISSIONS = {
    Role.CENTRAL_TEAM: [
        *VIEW_ALL,
        "iag.add_advisorygroup",
        "iag.change_advisorygroup",
        "iag.manage_advisorygroup",
        "iag.view_compliance",
        "iag.change_iagsettings",
        # To see in the site history that an item was withheld, and when.
        "iag.view_minuteitem",
        # Vetting is recorded by the police service's central team, not by the chair.
        "iag.change_membership",
        "iag.record_vetting",
        "iag.resolve_escalation",
        # Compiles the quarterly feedback and approves it (the workflow's group task).
        "iag.add_quarterlyfeedback",
        "iag.change_quarterlyfeedback",
        "iag.view_quarterlyfeedback",
        "iag.publish_quarterlyfeedback",
        "iag.lock_quarterlyfeedback",
        "iag.unlock_quarterlyfeedback",
    ],
    Role.IAG_CHAIR: [
        *VIEW_ALL,
        "iag.change_advisorygroup",
        "iag.add_membership",
        "iag.change_membership",
        "iag.keep_membership",
        "iag.add_meeting",
        "iag.change_meeting",
        "iag.delete_meeting",
        "iag.add_advice",
        "iag.change_advice",
        "iag.add_goldgrouprequest",
        "iag.add_escalation",
        "iag.resolve_escalation",
    ],
    Role.IAG_MEMBER: [*VIEW_ALL, "iag.add_goldgrouprequest"],
    Role.POLICE_LEAD: [
        *VIEW_ALL,
        "iag.respond_advice",
        "iag.answer_goldgrouprequest",
        "iag.add_escalation",
        "iag.resolve_escalation",
    ],
}
