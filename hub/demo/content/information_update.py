"""Information update, October 2007: the Met Volunteer Programme.

Source: mvp-faq-and-information-update.txt ("Information Update / October 2007 -
Met Volunteer Programme"). Transcribed word for word; the closing telephone number and web address
are replaced by a pointer to the contact details at the foot of the page.
"""

from hub.demo.blocks import bullets, callout, heading, para

PAGE = {
    "title": "Information update: October 2007",
    "slug": "information-update-october-2007",
    "date": "2007-10-01",
    "intro": (
        "The October 2007 update on the Met Volunteer Programme: who volunteers and why, the hours "
        "they give, and how they benefit London's communities and the MPS."
    ),
    "body": [
        heading("The Met Volunteer Programme: Giving Something Back", "h2"),
        para(
            "The Met Volunteer Programme (MVP) provides volunteers to support the Metropolitan "
            "Police Service (MPS) in making London the safest capital city in the world. It was "
            "established in 2001 with the aim of increasing contact between local communities and "
            "the police, and supporting Safer Neighbourhoods teams in enhancing the service the MPS "
            "gives to the public.",
            "There are now over 1000 Met Volunteers operating across all 32 London boroughs, "
            "through a network of borough MVP managers whose role is to recruit volunteers, find "
            "them a role to assist with, and support and motivate them.",
        ),
        bullets(
            "They want to give something back to the community",
            "They want to assist the police but are unable to commit to full time hours",
            "They have skills and experience that they want to put to use for the police",
            "They have spare time (they may be retired or have children who have recently left "
            "home) which they want to put to use",
            "They are looking to see if the MPS might be their employer of choice",
            intro="People volunteer with the MPS for many reasons, for instance:",
        ),
        para("The MVP has been described by Volunteering England, as:"),
        callout('"the best volunteer programme of its kind in the public sector."'),
        heading("About our volunteers", "h2"),
        para(
            "The MVP attracts volunteers from all backgrounds including the full-time employed, "
            "unemployed, retired people or school leavers; each with their own motivation for "
            "investing their time with the Met. So far the support of volunteers has helped out a "
            "variety of areas in the MPS, such as Safer Neighbourhoods teams and at police station "
            "front counters.",
            "Tasks include maintaining databases, managing evaluation questionnaires, and general "
            "administration – in fact any projects considered suitable by the borough as adding "
            "value. The MVP will also play a crucial role in delivering the required volunteer "
            "resources for the MPS Olympic Security Directorate leading up to 2012.",
        ),
        heading("Volunteer Hours", "h2"),
        para(
            "Volunteers on average might contribute four hours a week, and certainly not more than "
            "40 hours a month at a time to suit them, which might be during the day, evening or "
            "weekends. The programme is open to anyone over 18 who has been a UK resident for at "
            "least three years.",
        ),
        heading("Benefiting the Community", "h2"),
        para(
            "The MVP encourages closer relationships between the community and the MPS by "
            "involving a wider range of the community, whereby volunteers act as advocates for the "
            "police in the community based on their experiences. Volunteers increase the diversity "
            "blend of the MPS, and the MVP is particularly proud that its BME representation "
            "currently stands at 33 per cent, compared to the most recent London Census of 29 per "
            "cent (and the MPS BME mix of 11 per cent).",
        ),
        heading("Benefiting the MPS", "h2"),
        para(
            "Volunteers benefit the MPS in many ways. They bring a wide range of experience and "
            "skills to the teams that they support, and add value to the work of trained staff - "
            "freeing them up to concentrate on what they were trained to do, thereby enhancing "
            "service delivery and improving the customer service that the MPS provides to London's "
            "public. They take away the experience of seeing how hard the MPS works to make a "
            "difference, reducing their fear of crime as a result.",
        ),
        heading("How volunteers can help", "h2"),
        bullets(
            "Ward newsletter - production and editing",
            "PR - press releases, liaison with local papers and MPS press liaison officers, "
            "collating press articles about Safer Neighbourhoods",
            "Recording and distributing minutes of meetings and agendas using the Safer "
            "Neighbourhoods office/base.",
            "Recording members of the KIN (Key Individual Network) on the Safer Neighbourhoods "
            "database",
            "Distribution of Safer Neighbourhoods newsletters via email or fax from the team "
            "office.",
            "Office admin – answering phones and taking messages, administration tasks",
            "Surveys – recording information provided on questionnaires",
            intro=(
                "Volunteers help their local Safer Neighbourhoods teams in a wide range of ways, "
                "including:"
            ),
        ),
        para(
            "To find out more about the Met Volunteer Programme, and for contact details of your "
            "local borough MVP manager, see the contact details at the foot of this page.",
        ),
    ],
}
