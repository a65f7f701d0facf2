"""The volunteer programme section's landing page.

Source: mvp-guide-for-units-and-statement-of-expectation.txt, the guide's
"Introduction", "The Met Volunteer Programme" and "About Volunteers" sections, word for word.
"""

from hub.demo.blocks import bullets, heading, para

PAGE = {
    "title": "Volunteer programme",
    "slug": "volunteer-programme",
    "intro": (
        "How the Met Volunteer Programme began, what it aims to achieve, and who volunteers with "
        "the Metropolitan Police Service and why."
    ),
    "body": [
        heading("Introduction", "h2"),
        para(
            "The concept of volunteering within a policing environment is not new. In fact, "
            "volunteers began the police service and that tradition has been continued with "
            "voluntary police officers known as the Metropolitan Special Constabulary (MSC). The "
            "Volunteer Police Cadets (VPC) also provide the Metropolitan Police Service (MPS) with "
            "an additional voluntary uniformed presence.",
            "Five years ago, communities were exerting pressure on the MPS to enable them to become "
            "even more involved within the policing environment, as many local police stations had "
            "been closed. The government were increasing pressure on public sector organisations "
            "to raise levels of volunteering within the sector and the MPS itself wanted to "
            "increase the levels of engagement with local communities.",
        ),
        heading("The Met Volunteer Programme", "h2"),
        para(
            "The Met Volunteer Programme (MVP) was established in 2001, with the aim of increasing "
            "active participation and engagement between the MPS and communities. The MVP enables "
            "communities to support both police and local priorities by identifying innovative "
            "ways of working together for a safer London.",
            "The MVP sits firmly within the community engagement and citizen focus agenda and not "
            "only works to encourage community members to volunteer for the MPS, but also works "
            "closely with Safer Neighbourhood Teams in providing guidance on how best to engage "
            "with their local communities.",
            "The vision for the MVP is to provide the MPS with a fully integrated, professional and "
            "effective volunteer resource that directly supports MPS and community priorities, in "
            "order to make London one of the safest major cities. The MVP has recently been "
            "described by Volunteering England as: “not only the best [Volunteering Programme] of "
            "any statutory service provider…it is also an exemplar amongst all sectors.”",
        ),
        heading("About Volunteers", "h2"),
        bullets(
            "returnees to work looking to update their skills and renew their work ethic",
            "people who wish to have a volunteering experience as part of their academic "
            "endeavours",
            "people looking for social gain",
            "those who are wishing to support their local community directly; or",
            "potential MPS staff either waiting for a start date or wanting to “test the waters” "
            "to decide if the Met would be a future employer they might wish to consider.",
            intro=(
                "The programme attracts volunteers from all backgrounds including students, retired "
                "people, people between jobs, long-term unemployed and those at home involved in "
                "caring for others. They come from a diverse range of backgrounds. Their motivation "
                "for volunteering is equally diverse and includes:"
            ),
        ),
        para(
            "Volunteers take on a variety of tasks. Some bring their specialist skills, others are "
            "trained to carry out specific tasks, or give their time to general office support. All "
            "of these tasks ease the burden on existing MPS staff and add value; making the working "
            "day more effective. Volunteers give their time to projects based in Public Relations "
            "and Media, Witness and Victim liaison, Office administration, Research projects, CCTV "
            "viewers, Community Safety Units and to front counters, either as a triage facility or "
            "supporting otherwise closed police stations. We are only limited by our imagination "
            "when devising a new volunteer role and boroughs are encouraged to design suitable "
            "volunteer roles which meet borough objectives.",
            "There are also specialist tasks available. For example, there are accountants who "
            "volunteer their time in the Fraud Office, whilst others support some Borough Finance "
            "and Resource Units. There is a volunteer who is a Management Consultant and who assists "
            "a Senior Management Team (SMT) whilst a qualified photographer supports a media "
            "department. Another example is a former HR Manager who was responsible for producing "
            "and managing a local customer service evaluation report in a Witness Care Unit.",
            "People choose to volunteer with the MPS for a variety of reasons. We know that "
            "communities wish to support their police service to enable highly trained police "
            "officers and staff to focus their time on core activities. People often say they wish "
            "to ‘give something back’ to the police, sometimes because they have been supported by "
            "them in the past when they themselves were a victim of crime and now wish to support "
            "others through the experience.",
            "Many, as previously mentioned, are considering the MPS as a future employer and wish "
            "to offer their time so that they can dip in and out across the organisation, to see "
            "exactly where they might like to consider focusing an application for future "
            "employment.",
        ),
    ],
}
