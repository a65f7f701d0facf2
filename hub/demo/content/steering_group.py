"""The borough MVP steering group: purpose, terms of reference and membership.

Source: mvp-steering-group-terms-of-reference.txt, word for word.
"""

from hub.demo.blocks import bullets, callout, heading, para, table

PAGE = {
    "title": "Steering group",
    "slug": "steering-group",
    "intro": (
        "Why each borough has an MVP steering group, its proposed terms of reference, and who "
        "might sit on it and what each member is responsible for."
    ),
    "body": [
        heading("Purpose", "h2"),
        para(
            "To support the Borough MVP Manager with the development of the MVP and make "
            "recommendations as to how the programme can have the most beneficial and wide reaching "
            "effects for the MPS on borough. The Steering Group can also provide focus on evolving "
            "issues so that the MVP can anticipate local needs.",
            "MSC and VPC are supported by separate line management but are embraced on this "
            "steering committee to bring joint synergies to the extended policing family.",
        ),
        heading("Proposed terms of reference", "h2"),
        bullets(
            "To decide and approve the remit of the Steering Group, its structure, its role within "
            "the borough and its management. To decide and approve the timing of meetings, "
            "formation and membership of the Steering Group.",
            "To advise on the direction and implementation of the MVP on borough.",
            "To be available on an ad-hoc basis, to support and advise the BMVPM as requested by "
            "him/her. This will not require a formal meeting but offers the ability for immediate "
            "support and guidance if required.",
            "To support the creation of an action plan and to ensure adherence to this plan once "
            "approved by the steering group.",
            "To consider and approve all volunteer roles, major plans and any significant changes.",
            "To seek specialist advice and invite guests to attend when appropriate.",
            "To ensure the on-going commitment of resources to the MVP on borough.",
            "To identify and monitor any significant project risks to the MVP on borough.",
            "To ensure effective arrangements for the implementation of products and partnership "
            "with other MPS departments locally responsible for post implementation and continued "
            "improvement work.",
            "To ensure effective communication and dissemination within the borough.",
            "To make regular reports and recommendations to the Borough's SMT",
            intro="Proposed terms of reference for a Steering Group might include:",
        ),
        heading("Suggested membership and responsibilities", "h2"),
        table(
            "Suggested membership of the steering group",
            ["Member", "Responsibility"],
            [
                [
                    "Borough MVP Manager",
                    "Responsible for updating the steering group on the progress and workings of "
                    "the MVP and discussing development projects prior to implementation.",
                ],
                [
                    "Borough Business Manager",
                    "Responsible for ensuring the MVP is addressing the needs of the MPS on Borough "
                    "and meeting Borough objectives",
                ],
                [
                    "Partnership Chief Inspector",
                    "Responsible for providing guidance to the MVP and providing MPS feedback.",
                ],
                [
                    "Union Rep",
                    "Responsible for representing staff across Borough and liaising with other "
                    "union reps. In other boroughs to ensure consistency.",
                ],
                ["Fed Rep", "Responsible for representing officers across Borough"],
                [
                    "Partnership Organisation",
                    "Could be local Volunteer Centre, Victim Support representative or a "
                    "representative from the local council.",
                ],
                [
                    "Metropolitan Volunteer Police Cadets (VPC) Co-ordinator",
                    "Responsible for updating the steering group on the progress and workings of "
                    "the Cadets",
                ],
                [
                    "Met Special Constabulary (MSC) Lead",
                    "Responsible for updating the steering group on the progress and workings of "
                    "the MSC",
                ],
            ],
        ),
        heading("Suggested additional members", "h3"),
        bullets(
            "Active MVP Volunteer",
            "Active VPC volunteer",
            "Active MSC volunteer",
        ),
        para("(One representative from each programme)"),
        callout(
            "It should be expected that if an individual cannot attend a Steering group meeting, "
            "then a deputy be asked to attend."
        ),
    ],
}
