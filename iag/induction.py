"""The induction pack for new IAG members (principle 20).

"An induction pack will be created to welcome new IAG members. This should explain jargon. This
will be along the lines of 'we can help you with... you can help us with....' Each IAG can add a
prologue to represent local ways of working." One list of sections feeds both the printable page
and the PDF, so the two always say the same.
"""

from hub.models import GlossaryTerm
from hub.pdf import Section, render_pdf

NOT_PARTY_POLITICAL = "The IAG is not party political (principle 8)."
INDEPENDENT = (
    "IAG members are private independent members of the group, and should not be influenced by "
    "other groups such as Safer Neighbourhood Boards (principle 22)."
)


def induction_pack(group):
    sections = []
    if group.induction_prologue:
        sections.append(Section("Welcome", html=group.induction_prologue))
    if group.we_can_help_you_with:
        sections.append(Section("We can help you with…", paragraphs=[group.we_can_help_you_with]))
    if group.you_can_help_us_with:
        sections.append(Section("You can help us with…", paragraphs=[group.you_can_help_us_with]))
    about = [NOT_PARTY_POLITICAL, INDEPENDENT, group.differs_from_other_groups]
    if group.police_lead_role:
        about.append(f"The group's police lead is the {group.police_lead_role}.")
    about.append(
        "If there is a difficulty between the IAG and the police, it is raised with the "
        f"group's named point of escalation, the {group.escalation_point_role} (principle 23)."
    )
    sections.append(Section("About the group", paragraphs=about))
    sections.append(Section("Terms of reference", html=group.terms_of_reference))
    sections.append(
        Section(
            "Jargon buster",
            paragraphs=["What the abbreviations you will hear mean."],
            table=[
                (term.acronym, f"{term.expansion}. {term.explanation}")
                for term in GlossaryTerm.objects.all()
            ],
            table_headings=("Abbreviation", "Meaning"),
        )
    )
    return sections


def induction_pack_title(group):
    return f"{group.borough.name} Independent Advisory Group: induction pack"


def induction_pack_pdf(group) -> bytes:
    return render_pdf(induction_pack_title(group), induction_pack(group), author=str(group))
