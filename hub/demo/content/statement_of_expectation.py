"""The volunteer's statement of expectation.

Source: mvp-guide-for-units-and-statement-of-expectation.txt ("STATEMENT OF
EXPECTATION"), word for word. The blank borough name is replaced by "the borough where they
volunteer" and the central team's postal address is left out.
"""

from hub.demo.blocks import bullets, heading, numbered, para

PAGE = {
    "title": "Statement of expectation",
    "slug": "statement-of-expectation",
    "intro": (
        "What the MPS undertakes to provide for volunteers, and what volunteers can expect and are "
        "expected to do when giving their time to the Met Volunteer Programme."
    ),
    "body": [
        para(
            "A volunteer may be requested to undertake volunteering duties at any Metropolitan "
            "Police Service (MPS) premises within the borough where they volunteer. However, there "
            "is no obligation on the Commissioner or the Metropolitan Police Authority to provide "
            "any roles for volunteers and there is no obligation for volunteers to accept any work.",
            "Volunteers can withdraw from the Met Volunteer Programme (MVP) at any time without "
            "having to give any reason. The MPS may cease to use a volunteer at any time without "
            "notice of this intention and without giving any reason. There is no intention to "
            "create any legal relationship with a volunteer.",
        ),
        numbered(
            "The Metropolitan Police Service’s responsibilities to you.",
            "What you can expect as a volunteer when giving your time to the MVP.",
            intro="This document sets out:",
        ),
        heading("MPS responsibilities", "h2"),
        bullets(
            "Provide appropriate training to equip volunteers to undertake the specific task for "
            "which they are giving their time.",
            "Ensure volunteers are able to receive personal support at all times.",
            "Arrange regular volunteer meetings for support, ongoing training and sharing of "
            "information.",
            "Reimburse previously agreed out-of-pocket expenses which must be supported by "
            "receipts.",
            "Process security clearance and obtain two satisfactory professional references.",
            "An MPS volunteers’ security pass will be provided, which remains the property of the "
            "MPS and must be worn at all times whilst on volunteering duties. This badge to be "
            "returned to the MPS on request or when volunteer is no longer offering volunteering "
            "time. This badge to be collected from New Scotland Yard.",
            "Information will be provided to assist with provision of support to members of the "
            "public when appropriate.",
            "Arrange appropriate insurance cover for MVP.",
            "Arrange specialised training as required to support specific role profiles.",
        ),
        heading("What you can expect as a volunteer with MVP", "h2"),
        bullets(
            "Everyone is to be treated with respect and courtesy.",
            "Tasks are undertaken as first agreed by the Manager of each Unit and having been "
            "positively risk assessed. Volunteers will be asked to complete a report following "
            "each session of volunteering.",
            "Personal information is treated as confidential and (apart from very exceptional "
            "circumstances) is not to be shared with other people without the agreement of the "
            "person to whom it relates. Volunteers must maintain confidentiality at all times. "
            "Confidentiality is to be maintained even after no longer offering volunteering time. "
            "Volunteers must always take extreme care never to discuss evidence with anyone outside "
            "the MPS, nor to offer counselling or welfare support to victims and witnesses.",
            "If volunteers are unhappy about their treatment they are encouraged to raise this and "
            "it is made easy for them to do so. Please refer without hesitation to the Borough MVP "
            "Manager in these circumstances.",
            "Volunteers are always expected to adhere to this statement and to advise their "
            "Borough MVP Manager if personal circumstances change, for example at times of any new "
            "health or special needs issues. This same expectation would apply to any criminal "
            "convictions or changes to financial circumstances which occur after completing "
            "initial application form and security vetting questionnaire.",
            "It would be appreciated if you can give 4 hours once a fortnight as a minimum, and "
            "this time is to be given on on previously agreed rota basis. It is each volunteer’s "
            "responsibility to take adequate breaks. Volunteering with the MVP is popular and "
            "therefore to be fair to all we limit time given by volunteers to a maximum "
            "contribution of 40 hours per month to include supervising and training time.",
            "It would be appreciated if you could communicate any alteration to your agreed times "
            "to the Borough MVP Manager with reasonable notice; in order to arrange cover to "
            "include holidays and planned absences. In the case of an unforeseen absence, it would "
            "be appreciated if you or a member of your family or a friend could call the Borough "
            "MVP Manager as soon as possible to advise that you will not be available as expected.",
            "Dress code – smart casual (not jeans), as appropriate. Protective clothing is "
            "available should the task demand it. It is not the ethos of the MVP for volunteers to "
            "wear or be provided with a uniform.",
            "The MVP prides itself on its high standards of customer care. In the unlikely event "
            "that a volunteer intends to give their time when adversely affected by factors such as "
            "alcohol, medication, physical or mental distress, or it is felt by the Borough MVP "
            "Manager that to continue to give their time would bring the MPS and MVP into "
            "disrepute, the volunteer may be asked not to attend a particular occasion.",
            "Volunteers will be invited to attend regular volunteer meetings for support, ongoing "
            "training and sharing of information. These will be good opportunities to get to know "
            "your fellow volunteers and to have some fun!",
            "Volunteers must comply with Insurance and Health & Safety regulations that apply to "
            "the Police Station buildings and in regard to other visits outside of the Police "
            "Station. The manuals covering this information are freely available in the Police "
            "Buildings and can be provided on request.",
            "Volunteers must display the security pass provided by MVP at all times and return it "
            "on request and notify the Borough MVP Manager of theft or loss. The MPS Volunteer pass "
            "as issued by New Scotland Yard has no effect on a volunteer’s legal status but is "
            "merely an indication that the bearer is giving their time voluntarily, has been "
            "security vetted, and is free to enter police premises. If challenged, the pass must "
            "always be presented. Before giving their volunteering time, volunteers must have "
            "satisfied MPS’ basic security check and provided two satisfactory professional "
            "references.",
        ),
        para(
            "It is recognised that volunteers are entitled to withdraw from the MVP at any time "
            "whatsoever without having to give any reason either to a member of the public or any "
            "MPS employees. They should certainly not put themselves in the way of danger and "
            "should not continue to offer their time where it is clear that additional assistance "
            "is required, or where the situation is becoming too emotionally charged or where they "
            "are experiencing difficulty or stress. In the event that this situation arises, please "
            "inform the Borough MVP Manager or in his/her absence, the Manager of the Unit "
            "concerned or any member of the police team immediately.",
            "The volunteering experience should be fulfilling and enjoyable, where people learn and "
            "are encouraged to develop skills and knowledge. It’s a reciprocal arrangement where "
            "the volunteer can gain a sense of worthwhile achievement, contribute their useful "
            "skills, bring life experiences and contacts, enjoy sociability and fun. Being included "
            "in the work of the MPS can bring an added dimension of quality and enhancement; the "
            "experience may be challenging and might often stretch people’s abilities.",
            "Thank you for agreeing to give up some of your valuable spare time to become a "
            "volunteer with MVP. We trust that the experience meets with your expectations and hope "
            "you will not hesitate to share any concerns with us, as soon as, and if ever they "
            "arise.",
        ),
        para("MVP Central Team", "January 2007", "MP 505/06"),
    ],
}
