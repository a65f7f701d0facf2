"""Frequently asked questions about the Met Volunteer Programme.

Source: mvp-faq-and-information-update.txt ("The MVP: Some Frequently Asked
Questions"). Transcribed word for word; the web address at the end is replaced by a pointer to the
local Safer Neighbourhoods team.
"""

from hub.demo.blocks import qa

PAGE = {
    "title": "Frequently asked questions",
    "slug": "frequently-asked-questions",
    "intro": (
        "Answers to common questions about the Met Volunteer Programme: what volunteers can do, "
        "how many there are, vetting, expenses and community engagement."
    ),
    "body": [
        qa(
            "How does the Met Volunteer Programme help to reduce the fear of crime?",
            "By allowing members of the public as MVP volunteers to actively engage with the MPS, "
            "rather than relying on hearsay and press reports. It is by being part of the extended "
            "policing family and seeing for themselves the procedures and issues facing the police "
            "that volunteers often become valuable advocates for the MPS in their communities; "
            "encouraging family members and friends to become more involved in reporting crime and "
            "assisting the police.",
        ),
        qa(
            "Is there a limit to what a volunteer can do?",
            "If the role is approved by the borough's steering group and it meets the borough's "
            "needs, then the borough manager will recruit to that role. The MPS has a moral, legal "
            "and/or statutory obligation to perform some duties and these must be done by our paid "
            "staff or officers and not offered to volunteers.",
        ),
        qa(
            "How many volunteers are there?",
            "As of August 2007 there were 1170 volunteers within the Met Volunteer Programme, with "
            "125 volunteers assisting their local Safer Neighbourhoods teams.",
        ),
        qa(
            "Are volunteers vetted?",
            "MVP volunteers cannot start to give their time until they have been security cleared "
            "and have provided two satisfactory professional references. They have to undergo a "
            "formal interview and must be trained according to their volunteering role before they "
            "can start to give their time to the programme.",
        ),
        qa(
            "Are volunteers paid?",
            "Volunteers are not paid but they do receive reimbursement for reasonable out of pocket "
            "travelling expenses and a meal subsidy if they give more than four hours in one "
            "volunteering session.",
        ),
        qa(
            "How does the MVP lead to greater community engagement?",
            "Through the MVP, individuals who wish to give something back to their community are "
            "encouraged to see exactly what goes on in their Safer Neighbourhoods wards. These "
            "volunteers bring fresh ideas, raise local concerns and suggest solutions, and share "
            "with their own communities their experiences of a hard working committed group of "
            "people who want to reduce crime and make London safer.",
            "For more information on Safer Neighbourhoods, contact your local Safer Neighbourhoods "
            "team.",
        ),
    ],
}
