"""Acronyms and abbreviations used in the source documents (see docs/rules.md).

Each entry is ``(acronym, expansion, explanation)``. The acronym is spelt exactly as in the
documents; where the documents do not say what the letters stand for and the meaning is not
certain, the expansion says so plainly instead of guessing. Sorted alphabetically by acronym,
ignoring case.
"""

TERMS = [
    (
        "AWARE",
        "An MPS computer system (the documents do not spell out the letters)",
        "The MPS computer system that a volunteer logs in to if their role needs it. Your Borough "
        "MVP Manager arranges your own log-in details.",
    ),
    (
        "BCU",
        "Basic Command Unit",
        "A policing area in the MPS's newer local structure, which can cover more than one "
        "borough. The IAG principles say borough IAGs will stay local rather than merge to match "
        "BCUs.",
    ),
    (
        "BH",
        "A police station code",
        "Police stations are identified by short two-letter codes, and BH is one of them. If "
        "someone uses a code you do not recognise, it is fine to ask which station they mean.",
    ),
    (
        "BME",
        "Black and minority ethnic",
        "A term for people from black and minority ethnic communities. The MVP uses it when "
        "reporting how far its volunteers reflect the diversity of London.",
    ),
    (
        "BMVPM",
        "Borough MVP Manager",
        "Another way of writing MVPM: the person on each borough who recruits, places and "
        "supports volunteers. The borough's steering group is there to support and advise them.",
    ),
    (
        "CAD",
        "Computer Aided Dispatch",
        "The system, and the room, from which calls for police help are handled and officers "
        "sent out. Volunteers' emergency contact details are kept by the CAD room.",
    ),
    (
        "CCTV",
        "Closed-circuit television",
        "Security cameras that record what happens in an area. Some volunteers help the police "
        "by viewing CCTV footage.",
    ),
    (
        "CID",
        "Criminal Investigation Department",
        "The detectives who investigate crimes, and by extension their office at a police "
        "station. You may be asked to take something to, or collect something from, the CID.",
    ),
    (
        "DFES",
        "Department for Education and Skills",
        "The government department responsible for schools at the time of the 2002 youth "
        "report. It paid for the police officers placed in schools under the Safer Schools "
        "Partnership.",
    ),
    (
        "DPA",
        "Directorate of Public Affairs",
        "The MPS department that dealt with the press and publicity. The 2002 youth report says "
        "it would work with the LVSC's press officers on a joint press strategy.",
    ),
    (
        "Fed Rep",
        "Police Federation representative",
        "A representative of the Police Federation, which speaks for police officers. The Fed "
        "Rep on a steering group represents the borough's officers.",
    ),
    (
        "HR",
        "Human Resources",
        "The department that deals with staff matters such as records and welfare. It holds "
        "volunteers' emergency contact details.",
    ),
    (
        "IAG",
        "Independent Advisory Group",
        "A group of local people who give the police independent advice about their communities "
        "and how police action affects them. Every borough should have one, and its membership "
        "is a matter for the group itself.",
    ),
    (
        "KIN",
        "Key Individual Network",
        "A network of local people that a Safer Neighbourhoods team keeps in touch with. "
        "Volunteers may help by recording its members on the team's database.",
    ),
    (
        "LVSC",
        "London Voluntary Services Council",
        "A London-wide body that helps voluntary organisations understand the complexities of "
        "working in London and makes sure their views are heard. It is one of the partners in "
        "the MPS's partnership with the voluntary sector.",
    ),
    (
        "MG11",
        "Witness statement form (Manual of Guidance form 11)",
        "The standard form on which a witness statement is written down. The guide uses it as an "
        "example of police jargon that a new volunteer cannot be expected to know.",
    ),
    (
        "MOPC",
        "Mayor's Office for Policing and Crime",
        "The body that replaced the Metropolitan Police Authority in overseeing the Metropolitan "
        "Police. Older documents carry a note saying so.",
    ),
    (
        "MPA",
        "Metropolitan Police Authority",
        "The body that used to oversee the Metropolitan Police Service; it has since been "
        "replaced by the MOPC. You will still see it named in older documents.",
    ),
    (
        "MPS",
        "Metropolitan Police Service",
        "London's police force, often called the Met. It runs the Met Volunteer Programme that "
        "volunteers give their time to.",
    ),
    (
        "MSC",
        "Metropolitan Special Constabulary",
        "London's voluntary police officers, known as special constables. Like the MVP and the "
        "cadets, it is part of the extended policing family and is represented on the steering "
        "group.",
    ),
    (
        "MVP",
        "Met Volunteer Programme",
        "The MPS programme, set up in 2001, through which members of the public volunteer their "
        "time to support the police. If you volunteer with the MPS, this is the programme you "
        "belong to.",
    ),
    (
        "MVPM",
        "MVP Manager (the Borough MVP Manager)",
        "The person on each borough who recruits volunteers, agrees their roles and handles "
        "their expenses. Your MVPM is your first contact for any question or concern.",
    ),
    (
        "PCS",
        "Public and Commercial Services Union",
        "A trade union that represents police staff. A PCS member sits on the steering group so "
        "that any role that would replace paid work is spotted and rejected.",
    ),
    (
        "PDF",
        "Portable Document Format",
        "A common file format for documents that print the same on any computer. Some forms and "
        "questionnaires are provided as PDF files.",
    ),
    (
        "PR",
        "Public relations",
        "Work that keeps the public informed, such as press releases and contact with local "
        "papers. Volunteers can help Safer Neighbourhoods teams with it.",
    ),
    (
        "PRS5",
        "An MPS unit code",
        "The code of the MPS partnership unit named in the 2002 youth report as the team that "
        "would run the voluntary sector partnership inside the MPS. The documents do not say "
        "what the letters stand for.",
    ),
    (
        "SMT",
        "Senior Management Team",
        "The senior managers who run a borough's policing. The steering group reports to them "
        "and makes recommendations.",
    ),
    (
        "SOP",
        "Standard Operating Procedure",
        "A written set of rules for how a task must be done. Volunteers' expenses must follow the "
        "MVP's SOP, so check with your MVPM before spending anything.",
    ),
    (
        "TP",
        "Territorial Policing",
        "The part of the MPS that provides local policing across London's boroughs. The 2018 IAG "
        "principles were agreed with the chairs of its Independent Advisory Groups.",
    ),
    (
        "UK",
        "United Kingdom",
        "England, Scotland, Wales and Northern Ireland. In 2007 the MVP was open to anyone over "
        "18 who had been a UK resident for at least three years.",
    ),
    (
        "Union Rep",
        "Union representative",
        "A trade union representative who speaks for police staff. The Union Rep on a steering "
        "group represents staff across the borough.",
    ),
    (
        "VPC",
        "Volunteer Police Cadets",
        "The MPS's uniformed youth volunteers. The cadets are represented on the borough "
        "steering group alongside the MVP and the Special Constabulary.",
    ),
]
