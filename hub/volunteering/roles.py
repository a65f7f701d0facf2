"""What each role may do in the volunteer programme; ``permissions.py`` narrows each to the
boroughs whose steering group the user sits on."""

from hub.roles import Role

ROLE_PERMISSIONS = {
    Role.PROGRAMME_MANAGER: [
        "volunteering.view_steeringgroup",
        "volunteering.change_steeringgroup",
        "volunteering.view_steeringgroupmember",
        "volunteering.add_steeringgroupmember",
        "volunteering.change_steeringgroupmember",
        "volunteering.view_roleprofile",
        "volunteering.add_roleprofile",
        "volunteering.change_roleprofile",
        "volunteering.delete_roleprofile",
        "volunteering.lock_roleprofile",
        "volunteering.unlock_roleprofile",
        "volunteering.view_volunteer",
        "volunteering.add_volunteer",
        "volunteering.change_volunteer",
        "volunteering.place_volunteer",
        "volunteering.view_emergency_contact",
        "volunteering.view_volunteersession",
        "volunteering.add_volunteersession",
        "volunteering.delete_volunteersession",
        "volunteering.view_expenseclaim",
        "volunteering.add_expenseclaim",
        "volunteering.decide_expenseclaim",
        "volunteering.view_volunteer_report",
        "volunteering.change_volunteeringsettings",
    ],
    Role.STEERING_GROUP: [
        "volunteering.view_steeringgroup",
        "volunteering.view_steeringgroupmember",
        "volunteering.view_roleprofile",
    ],
    Role.CENTRAL_TEAM: [
        "volunteering.view_steeringgroup",
        "volunteering.add_steeringgroup",
        "volunteering.change_steeringgroup",
        "volunteering.view_steeringgroupmember",
        "volunteering.add_steeringgroupmember",
        "volunteering.change_steeringgroupmember",
        "volunteering.view_roleprofile",
        "volunteering.view_volunteer",
        "volunteering.view_volunteersession",
        "volunteering.view_expenseclaim",
        "volunteering.view_volunteer_report",
    ],
}
