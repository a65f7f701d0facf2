"""Guide for units that host a volunteer.

Source: mvp-guide-for-units-and-statement-of-expectation.txt, from "Training of
Volunteers" to "Contacts", word for word. The blank contact form, the central team's postal address
and the withheld names are left out; references to contact details point to the foot of the page.
"""

from hub.demo.blocks import bullets, callout, heading, para

PAGE = {
    "title": "Guide for units that host a volunteer",
    "slug": "guide-for-units",
    "intro": (
        "Practical guidance for MPS units hosting a volunteer: welcoming and training them, "
        "day-to-day administration, developing new roles and role profiles, and dealing with issues."
    ),
    "body": [
        heading("Training of Volunteers", "h2"),
        bullets(
            "Introduce volunteer to all the staff on your team",
            "Make sure they know where the fire exits, toilets, and canteens are located.",
            "Is there a tea club anywhere?",
            "Make sure they are aware of and can find the fire collection point.",
            "If they require access to AWARE for their role, have you received their login "
            "information from the Borough MVP Manager (MVPM)?",
            "Help the volunteer login for the first time.",
            "If giving time on a front counter, show the volunteer where their log book will be "
            "kept and make sure they understand how to complete it. Does your unit keep an "
            "attendance register and if so, where is it?",
            "Where will the volunteer sit?",
            "Is there an area for them to store work/personal effects?",
            "Does the volunteer require any special kit for the role?",
            "Make sure the volunteer knows how to wear the kit!",
            "Who should the volunteer go to with questions (it is best to have one or two specific "
            "people instead of leaving them approach anyone who might be around)",
            "Are you both clear about what the volunteers role is and where s/he can start?",
            "Who should the volunteer contact if they are not able to come in to give their time?",
            intro=(
                "When a volunteer arrives in your unit, please be aware that this is most likely the "
                "first experience this individual has had with police or in a police station. On "
                "their first day please have a member of your staff spend a bit of time with them "
                "to familiarise them with their new surroundings. Some suggestions to help the "
                "volunteers adjust quickly are:"
            ),
        ),
        para(
            "Volunteers should be treated as we would wish to be treated and given some basic "
            "instruction and information. Please keep in mind though that volunteers do not attend "
            "every day like staff, they will therefore most likely need a bit longer to adjust to "
            "the culture and routines of your unit.",
        ),
        heading("Things to be aware of", "h3"),
        bullets(
            "Almost without exception, the volunteers will have no idea what any of the MPS "
            "acronyms mean. They will be completely lost if someone makes a request such as "
            "“Would you please grab some MG11 forms from the BH CID on your way over?”",
            "Every person volunteers for a different reason but without exception they all want be "
            "considered part of the team and to be accepted and valued. Basic things like thanking "
            "your volunteer or saying hello when they arrive will be incredibly appreciated.",
            "Volunteers would rather be busy doing simple things than bored doing nothing, so make "
            "sure they have something to do! No one wants to feel like his or her time is being "
            "wasted!",
            "It will be for you and your team to arrange with the volunteer as to the most "
            "suitable time for them to attend. You must ensure that they do not give more than a "
            "total of 40 hours per month and that they complete a report form each time they "
            "attend.",
            "Before a volunteer starts in your unit, please make sure you have seen the role "
            "profile and risk assessment which will be in the safe keeping of the Borough MVP "
            "Manager. You must be clear of the exact tasks that a volunteer can be asked to "
            "undertake, as any deviation from the role profile may invalidate a volunteer’s "
            "insurance cover.",
        ),
        heading("Access to AWARE", "h3"),
        para(
            "As part of the intended role, volunteers can access AWARE then will be given their own "
            "log-in details. Your MVPM will arrange this. Please remember that if a volunteer is "
            "sending emails on behalf of your unit to members of MPS staff, then they should be "
            "reminded to include a member of your team in that email so that responses can be "
            "picked up and dealt with before that volunteer comes in for their next volunteering "
            "session, which might be a week or two later!",
            "Training must only be provided with regard to the specific role. Additional training "
            "that is not identified on the role profile can only be offered to the volunteer with "
            "the prior agreement of the MVPM. This is important when one considers that volunteers "
            "must not be ‘paid’ for time given. This caveat does not merely apply to financial "
            "payments. It also applies to additional training which could be construed as an "
            "exchange for time given.",
            "This could be the first step on the dangerous path of providing ‘payment’ for ‘time "
            "given’, which may attract legally binding employment rights. If there are any "
            "concerns in this regard, please raise them with the MVPM in the first instance or ask "
            "the MVP Central Team for guidance (contact details at the foot of this page).",
            "It should also be noted that volunteers have no legal status, and nor does the MPS "
            "have any legal duty to provide volunteering opportunities.",
            "If unfortunately you have reason to consider that a volunteer should be disciplined, "
            "please be sure to raise this immediately with your MVPM. Volunteers must not be "
            "subject to MPS disciplinary and grievance procedures and the MVP has its own procedure "
            "for dealing with occasions such as these. Please see below under “De-Registration”.",
        ),
        heading("Administration of Volunteers", "h2"),
        para(
            "This section gives an overview of key areas of admin related to volunteers. You will "
            "not be directly responsible for all of these areas, although it will be useful to you "
            "know who has ownership of admin tasks outside of your remit.",
        ),
        heading("Meal Breaks", "h3"),
        para(
            "It is for the volunteer to arrange with the unit as to when would be the best time to "
            "break for refreshments. Time given to the MVP and reported to the MVPM includes "
            "reasonable breaks for drinks or a meal. A meal subsidy of up to £3 is provided when a "
            "volunteer gives four hours or more at one session. Reimbursement of expenses is "
            "managed by the MVPM.",
        ),
        heading("De-registration", "h3"),
        para(
            "We must be realistic and accept that not everyone will be a good match. The MVP has a "
            "robust de-registration policy of which the MVPM is aware. Any need to sanction a "
            "volunteer should be undertaken within the guidelines of the MVP and not by invoking "
            "MPS paid staff disciplinary or grievance procedures.",
            "If during the time the volunteer is with you, you have any cause for concern due to "
            "poor attendance or have queries regarding the quality of the volunteer’s activities, "
            "please do not hesitate to contact your MVPM.",
        ),
        heading("Daily report form", "h3"),
        para(
            "Particularly in the first few months, this needs to be completed by the volunteer "
            "after each session of volunteering and returned by despatch to the MVPM’s office. The "
            "forms are available on line and your MVPM will ensure you know how to access them. The "
            "volunteer will be instructed by the MVPM with regard to this particular procedure.",
        ),
        heading("Reimbursement of a volunteer’s expenses", "h3"),
        para(
            "Your MVPM will reimburse a volunteer’s reasonable out of pocket expenses which must "
            "conform to the relevant MVP SOP. Please ensure that if the volunteer raises any "
            "queries about expenses with you, that this query is directed back to the MVPM for "
            "guidance. Please never sign off a volunteer’s expenses nor sanction any volunteer’s "
            "intended expenditure on behalf of the MVP, but refer this back to the MVPM for "
            "approval.",
        ),
        heading("Additional volunteering tasks", "h3"),
        para(
            "Once the volunteer has been with you for some time, you, your staff or the volunteer "
            "themselves may identify further additional tasks which they wish them to undertake. It "
            "is very important that any deviation from the agreed role profile is added to that "
            "original profile and is first approved by the Steering Group before it becomes part "
            "of the volunteer’s role. Any tasks which are undertaken without approval may "
            "jeopardise a volunteer’s insurance cover.",
        ),
        heading("Risk assessments", "h3"),
        para(
            "A full risk assessment will have been undertaken on the approved formal role profile "
            "before a volunteer becomes involved. Please ensure that any deviation from the agreed "
            "role profile is also additionally risk assessed and all risk assessments must be "
            "reviewed each year. This is the responsibility of the MVPM but the manager should also "
            "be mindful of any change to circumstances and keep the MVPM advised.",
        ),
        heading("Attendance by the volunteer", "h3"),
        para(
            "Volunteers, by the very nature of volunteering, may not always be totally reliable. "
            "The unit should never find itself in a position where it has come to rely on the "
            "contribution of a volunteer. Therefore, tasks should be those that can be picked up "
            "and put down easily without undue affect on the unit if not available.",
            "The Unit Manager, MVPM and volunteer will agree a programme for the amount of time to "
            "be given each week. The volunteer will be requested to attend regularly and invited "
            "to give adequate warning of any times when they will not be able to attend. We must "
            "never make a volunteer feel obligated however, nor put any pressure on them to "
            "attend.",
            "It is suggested that the volunteer is given both the contact details of the MVPM and "
            "the unit, so that both can be notified in the event of an unplanned absence. Normal "
            "attendance is logged and diarised by the MVPM who will keep the unit manager advised "
            "of any forthcoming planned absences. If despite all the above, the volunteer does not "
            "attend in the manner agreed, or fails to give adequate service, or for any other "
            "reason where the manager has concerns about the contribution of a specific volunteer, "
            "they are requested to contact the MVPM without delay.",
        ),
        heading("Volunteers driving their own private vehicles / MPS vehicles", "h3"),
        para(
            "It is not permitted that volunteers drive any MPS vehicles. Volunteers shall have been "
            "advised that they must inform their own insurance providers if they intend to use "
            "their private vehicles to drive to their volunteering site. They must also advise "
            "their insurance providers if they intend to give lifts to fellow volunteers. It is "
            "preferred that volunteers do not use their vehicles for any aspect of their "
            "volunteering duties as this needs to be formally risk assessed and underwritten by the "
            "insurance provider before so doing and needs to form part of the role profile.",
        ),
        heading("Emergency Contact details", "h3"),
        para(
            "If the volunteer giving time to your unit has any particular health requirements or "
            "special needs, this will have been explained to you by the MVPM when first discussing "
            "a possible recruit to your role. You will need to ensure that local First Aiders are "
            "made aware when necessary and that Occupational Health has been consulted. The latter "
            "is the responsibility of the MVPM.",
            "All MVP volunteers’ emergency contact details are lodged with HR, the CAD room and of "
            "course are available from the MVP MVPM’s office. It would be a good idea to ask the "
            "volunteer in your unit if the details you have been given for emergency contact are in "
            "fact correct.",
        ),
        heading("Future development of volunteering roles in your unit", "h2"),
        para(
            "It may be that a role intended for a single volunteer perhaps giving around four hours "
            "once a week, starts to develop to the point where more than one volunteer could "
            "service the same tasks. This is perfectly acceptable and the MVPM can arrange for "
            "subsequent volunteering members to make up a team. The Borough MVP Manager would then "
            "manage the rota of that team.",
        ),
        bullets(
            "Do you have data sitting in a pile because no-one has the time to input it and collate "
            "for you?",
            "Are there research projects that might support the work of your unit but no-one with "
            "spare time to think about?",
            "Is there a phone that won’t stop ringing but no-one is around to answer it?",
            "Have you got a lot of files sitting in a corner waiting to be archived but needing to "
            "have papers checked before they go off?",
            intro=(
                "Once you have become used to the contribution a volunteer can make to your unit, "
                "you may realise there are other opportunities which could be undertaken by a "
                "volunteer."
            ),
        ),
        bullets(
            "Does the role you envisage carry any legal, moral or statutory obligations to be "
            "performed by a member of the MPS?",
            "If it wasn’t for a volunteer, would the tasks you are suggesting usually be undertaken "
            "by a paid member of staff on overtime? The fact that the work isn’t getting done may "
            "not justify involving a volunteer.",
            "Is the task proposed one that is contained in anyone’s paid job description? If it "
            "is, then again, it would not be appropriate for a volunteer to give their time here.",
            intro=(
                "If you can answer the following questions with the answer NO – you might have "
                "identified the perfect volunteering opportunity:"
            ),
        ),
        callout(
            "It would not be appropriate for a volunteer to give their time on a task that carries "
            "legal, moral or statutory obligations to be performed by a member of the MPS, that "
            "would usually be undertaken by a paid member of staff on overtime, or that is "
            "contained in anyone’s paid job description.",
            style="warning",
        ),
        para(
            "Why don’t you give your MVPM a ring? There may already be a similar role profile "
            "already identified on another borough which you could be shown, and upon which you "
            "could work with the MVPM to base your new role, or, you may need to spend half an "
            "hour or so with the MVPM so that he/she can begin the process of designing a "
            "particular role profile to suit your requirements.",
        ),
        heading("Creating a Role Profile for the Steering Group", "h2"),
        para(
            "Before a volunteer is even considered for your unit, you will be asked to work with "
            "the MVPM to prepare a full role profile for the tasks you and the MVPM have "
            "identified. The profile must be approved by the MVP Steering Group before a volunteer "
            "can be assigned to it. It must also be fully and locally risk assessed (see below). "
            "You may be interested to see the “Role Creation Flowchart for an MVP Volunteer” "
            "(available online in the “Training” page, on the Met Volunteer Programme intranet "
            "site, within the Safer Neighbourhood section) which details the complete procedure "
            "for a new role.",
            "Once a suitable volunteer has been identified for your unit, you will be contacted by "
            "the MVP MVPM. A meeting will be arranged where you can discuss the role as formally "
            "set out in the role profile, which also highlights training needs. This process will "
            "be co-ordinated by the MVPM. If you want to make a start by listing what you believe "
            "to be suitable tasks, you can look through the MVP online library of existing role "
            "profiles (available on the Met Volunteer Programme intranet site).",
            "Once the draft profile is ready the MVPM will wish to meet with you and your team "
            "again, to discuss the role in more detail and to ensure that all involved understand "
            "the fundamental principles of the MVP when accepting time from a volunteer. The final "
            "approved version will then be presented for approval to the MVP Steering Group. The "
            "MVPM may even ask if they can ‘shadow’ the role themselves, in advance of placing a "
            "volunteer, to ensure that the anticipated role is practical and suitable.",
            "Extreme care must be taken to ensure that the volunteer only undertakes those tasks "
            "which are specified on the role profile and which have therefore been approved by the "
            "full steering group. The group includes a member of the PCS union. Accordingly we can "
            "ensure that any task which is considered as job substitution in the proposed new role "
            "profile, is quickly identified and rejected or amended accordingly.",
            "The MVPM will have provided induction training for the volunteer which contains "
            "mandatory elements, e.g. Health & Safety for all and Manual handling for those needing "
            "to lift as part of the role. For those volunteers who have a public interface, "
            "Emergency Life Saving training will also be mandatory. It is expected that role "
            "specific training will be provided by the unit manager/supervisor. This will be agreed "
            "between MVPM and unit manager and latterly, by the MVPM with the Borough’s training "
            "unit.",
        ),
        heading("Dealing with any issues", "h2"),
        para(
            "Volunteers must not be “disciplined” in the same way as staff. If an issue arises the "
            "volunteer and/or Unit Manager is expected to contact the MVPM immediately. It is the "
            "Coordinator’s responsibility to handle all issues arising with volunteers.",
        ),
        heading("Contacts", "h2"),
        bullets(
            "MVP Lead",
            "Programme Manager",
            "Performance Manager",
            "Communications & Marketing Manager",
            intro=(
                "General enquiries about the MVP should be addressed to the MVP Central Team, using "
                "the contact details at the foot of this page."
            ),
        ),
    ],
}
