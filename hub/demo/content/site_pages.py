"""Pages every public site needs: the accessibility statement and the privacy notice.

Written for the hub (not taken from a source document); editors replace the contact details.
"""

from hub.demo.blocks import bullets, heading, para

NEWS_INDEX = {
    "title": "News and information updates",
    "slug": "news",
    "intro": "Information updates from the volunteer programme and the partnership, newest first.",
}

GLOSSARY = {
    "title": "Jargon buster",
    "slug": "jargon-buster",
    "intro": (
        "What the abbreviations used by the police and their partners mean, in plain English. "
        "On other pages the first use of each one has a dotted underline: hover over it to see "
        "what it stands for, or look it up here."
    ),
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility-statement",
    "intro": "How accessible this website is, and what to do if you have difficulty using it.",
    "body": [
        heading("Using this website"),
        para(
            "We want as many people as possible to be able to use this website. You should be "
            "able to zoom in up to 400% without the text spilling off the screen, navigate the "
            "whole website using just a keyboard, and listen to most of it using a screen reader.",
            "Every public task on this website works without JavaScript.",
        ),
        heading("Compliance status"),
        para(
            "This website aims to meet the Web Content Accessibility Guidelines version 2.2 to "
            "level AA. Every public page type is checked automatically with an accessibility "
            "testing tool each time the website's code changes.",
        ),
        heading("Reporting accessibility problems"),
        para(
            "If you find a problem that is not listed here, or you need information in a different "
            "format, use the contact details at the foot of this page. We will reply within 5 "
            "working days.",
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy-notice",
    "intro": "What personal information this website keeps, why, for how long, and your rights.",
    "body": [
        heading("What we keep"),
        bullets(
            "The names and contact details of people who sit on advisory groups, partnership "
            "boards and steering groups, so that the groups can work together.",
            "Contact details that you choose to give when you answer a questionnaire and agree to "
            "be contacted.",
            "A record of who changed what, when, for the people who keep the records.",
        ),
        heading("Who sees it"),
        para(
            "Contact details are never published. Only the people who need them for their role "
            "can see them, and every change is recorded.",
        ),
        heading("How long we keep it"),
        para(
            "Contact details given in a questionnaire are deleted once the retention period has "
            "passed. You can ask for your details to be removed at any time.",
        ),
        heading("Your rights"),
        para(
            "You can ask to see, correct or remove the information we hold about you. Use the "
            "contact details at the foot of this page.",
        ),
    ],
}
