"""What each role may do with partnership records; the policies in partnerships/permissions.py
narrow it to the boards the person sits on (and, for reading, the boards below them)."""

from hub.roles import Role

VIEW_ALL = [
    "partnerships.view_board",
    "partnerships.view_boardmembership",
    "partnerships.view_boardmeeting",
    "partnerships.view_boardreport",
    "partnerships.view_initiative",
    "partnerships.view_actionplan",
    "partnerships.view_action",
]

ROLE_PERMISSIONS = {
    Role.CENTRAL_TEAM: [
        *VIEW_ALL,
        "partnerships.view_partnership",
        "partnerships.add_partnership",
        "partnerships.change_partnership",
        "partnerships.set_up_board",
        "partnerships.add_board",
        "partnerships.change_board",
        "partnerships.add_boardmembership",
        "partnerships.change_boardmembership",
        # To see in the site history that an item was withheld, and when.
        "partnerships.view_boardminuteitem",
    ],
    Role.BOARD_MEMBER: [
        *VIEW_ALL,
        "partnerships.change_board",
        "partnerships.add_boardmembership",
        "partnerships.change_boardmembership",
        "partnerships.add_boardmeeting",
        "partnerships.change_boardmeeting",
        "partnerships.delete_boardmeeting",
        "partnerships.add_boardreport",
        "partnerships.change_boardreport",
        "partnerships.add_initiative",
        "partnerships.change_initiative",
        "partnerships.add_actionplan",
        "partnerships.change_actionplan",
        "partnerships.add_action",
        "partnerships.change_action",
    ],
}
