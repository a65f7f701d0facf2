"""Consultation demo data: the source document's questionnaire for voluntary youth organisations,
asked in two rounds, and what came of the first.

Source: ``youth-consultation-and-voluntary-sector-partnership.txt``. Through its partnership with
the voluntary sector the MPS means "to consult and inform the youth groups across London" and "to
listen to their responses in order to influence policy and inform the following years action
plan"; the consultation route "will involve youth clubs across London" and "allow consultation
with up to 15,000 youths". The questionnaire is the document's, word for word
(``tests.consultation.factories.youth_questionnaire``); every respondent, organisation and answer
is invented.

- The consultations section, "Have your say", in the menu.
- The first round: closed about two months ago, 300 responses, and a published "you said, we
  did" page whose findings link to actions in the partnership's public action plans (made by
  ``partnerships.demo``, which runs first), so that the page shows each action's status today.
  One respondent has since had their contact details erased at their request.
- The second round: open now (it opened three weeks ago and closes in five), 120 responses so far.
- Returns come online (about 70%), on paper (25%) and by e-mail (5%); the data-entry volunteer
  types in the paper and e-mailed ones. Each names one to three boroughs, weighted towards inner
  London; about 15% leave contact details, with consent.
- ``manage.py load_demo --responses N`` tops the open round up to N responses, for load work.

Responses are stored in bulk, in the rows the questionnaire form and ``services.take_response``
make (one history record each, "Received (paper)" and so on, and an audit entry for each return
typed in), but dated to when they were sent. Random choices come from fixed seeds, so the same
returns are made every time. Made once: the rounds' responses are added only when the round is.
"""

import contextlib
import datetime
import math
import random
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from simple_history.utils import bulk_create_with_history
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupPagePermission, Page

from consultation import rules, services
from consultation.enums import Channel, ConsultationStatus, QuestionKind
from consultation.models import (
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    ContactDetails,
    Finding,
    OutcomePage,
    Questionnaire,
    Response,
)
from consultation.models.responses import REFERENCE_ALPHABET, REFERENCE_LENGTH
from hub.demo import DemoLogin, DemoSummary, ensure_login
from hub.demo.loader import DEMO_SEED, ensure_page, home_page
from hub.enums import OrganisationKind
from hub.models import Borough
from hub.roles import Role

SEED = DEMO_SEED + 3
BATCH = 2000  # responses stored at a time

INDEX = {
    "title": "Have your say",
    "slug": "consultations",
    "intro": (
        "Tell the partnership between the voluntary sector and the Metropolitan Police what you "
        "think, and see what came of what others told us."
    ),
}

# The document's purpose, in its words where they fit.
PURPOSE = (
    "<p>The Metropolitan Police's Youth Strategy is a five-year strategy with an annual action "
    "plan, to reduce youth crime and the victimisation of young people. The London Voluntary "
    "Services Council and the 3rd Sector Alliance are working with the police so that the "
    "partnership can hear from groups the police do not easily reach.</p>"
    "<p>This questionnaire is designed to find out the current involvement between the voluntary "
    "sector and the Metropolitan Police. We are keen to know of joint initiatives, outcomes and "
    "any tensions, and your views on the future direction of the partnership and the priorities "
    "it can work towards. We will listen to your answers to influence policy and to inform the "
    "following year's action plan.</p>"
)
AUDIENCE = (
    "Voluntary youth organisations across London, youth clubs, and the young people who use "
    "them. Through the youth clubs, the partnership aims to hear from up to 15,000 young people."
)
POSTAL_ADDRESS = "Partnership Office\nYouth Consultation Returns\n7 Quillbury Walk\nLondon"

FIRST_ROUND = {
    "title": "Youth organisations and the police: first round",
    "slug": "youth-organisations-first-round",
    "intro": (
        "The partnership asked voluntary youth organisations across London how they work with "
        "the Metropolitan Police. This round has closed: see what you said and what we did."
    ),
    "purpose": PURPOSE,
    "audience": AUDIENCE,
}
SECOND_ROUND = {
    "title": "Youth organisations and the police: second round",
    "slug": "youth-organisations-second-round",
    "intro": (
        "Tell us how your organisation works with the police and what the partnership should "
        "focus on next: online, on paper or by e-mail."
    ),
    "audience": AUDIENCE,
}
SECOND_ROUND_PURPOSE = (
    PURPOSE + "<p>What you told us in the first round shaped this year's action plan: see "
    '<a linktype="page" id="{outcome}">you said, we did</a>. This round asks the same questions '
    "again, through youth clubs across London, so that we can see what has changed.</p>"
)


@dataclass(frozen=True)
class Round:
    spec: dict
    opens: int  # days from today
    closes: int
    responses: int
    involvement: dict  # Q4's answers, weighted


# The first round closed about two months ago, after eight weeks; the second opened three weeks
# ago and closes in five. Fewer rated their involvement low the second time.
FIRST = Round(FIRST_ROUND, -117, -61, 300, {"High": 14, "Medium": 39, "Low": 47})
SECOND = Round(SECOND_ROUND, -21, 35, 120, {"High": 21, "Medium": 48, "Low": 31})

OUTCOME = {
    "title": "You said, we did",
    "slug": "you-said-we-did",
    "intro": (
        "What voluntary youth organisations told the partnership in the first round, and what "
        "the partnership is doing about it. Each action shows its progress as it stands today."
    ),
}
# (you said, we did, titles of actions in the partnership demo's public action plans)
FINDINGS = [
    ("Good work with the police happens in some boroughs but is not shared: organisations did "
     "not know what had worked in the borough next door.",
     "The youth operational group is passing good practice to the borough crime and disorder "
     "partnerships, and the partnership reports its progress every month in Voluntary Voice.",
     ["Pass good practice from the youth group to borough crime and disorder partnerships",
      "Report the partnership's progress in Voluntary Voice"]),
    ("Ask young people themselves, not only the organisations that work with them. Many of you "
     "offered to hold sessions in your youth clubs.",
     "Youth workers are being trained to run consultation sessions in youth clubs across London, "
     "under a protocol every partner has signed.",
     ["Sign off the protocol for consulting youth clubs",
      "Run consultation sessions in youth clubs across London",
      "Train youth workers to run the sessions"]),
    ("Young people feel least safe on the way to and from school, and want a say in how Safer "
     "Schools officers work.",
     "We are agreeing with head teachers how pupils in schools with a Safer Schools officer are "
     "consulted, and asking them what makes them feel safe.",
     ["Agree consultation and review mechanisms with head teachers and the DfES",
      "Ask young people in schools what makes them feel safe"]),
    ("Most of you rated your involvement with the police as medium or low, and asked to hear "
     "what happened to your views.",
     "We will publish what young people told the partnership, and their views will shape next "
     "year's action plan.",
     ["Publish what young people told the partnership",
      "Feed young people's views into next year's action plan"]),
]  # fmt: skip

LOGINS = {
    "manager": DemoLogin(
        "consultation-manager",
        "Consultation manager: questionnaires, results, exports, 'you said, we did'",
    ),
    "data_entry": DemoLogin(
        "data-entry", "Data-entry volunteer: types in paper and e-mailed returns"
    ),
}
# What consultation managers may do with the pages of the consultations section.
SECTION_PERMISSIONS = ["add_page", "change_page", "publish_page"]

# --- What respondents say ------------------------------------------------------------------------

CHANNELS = {Channel.ONLINE: 70, Channel.PAPER: 25, Channel.EMAIL: 5}
BOROUGHS_NAMED = {1: 60, 2: 28, 3: 12}  # how many boroughs a return names
CONTACT_SHARE = 0.15
EMAIL_GIVEN_SHARE = 0.8  # of those leaving contact details
ANSWER_RATE = {QuestionKind.LONG_TEXT: 0.8}  # optional questions left blank by the others
OTHER_ANSWER_RATE = 0.9
# Youth organisations cluster in inner London; the City has its own police force.
BOROUGH_WEIGHTS = {
    "Lambeth": 9, "Southwark": 9, "Hackney": 8, "Tower Hamlets": 8, "Newham": 7, "Croydon": 6,
    "Haringey": 6, "Lewisham": 6, "Brent": 5, "Islington": 5, "Camden": 4, "Ealing": 4,
    "Enfield": 4, "Greenwich": 4, "Waltham Forest": 4, "Wandsworth": 4, "Westminster": 4,
    "Bexley": 1, "Harrow": 1, "Havering": 1, "Kingston upon Thames": 1,
    "Richmond upon Thames": 1, "Sutton": 1, "City of London": 0.3,
}  # fmt: skip
OTHER_BOROUGH_WEIGHT = 2
ONLINE_HOURS = dict(zip(range(8, 23), [1, 1, 2, 2, 2, 2, 3, 3, 3, 2, 3, 4, 4, 3, 2], strict=True))
TYPING_HOURS = range(9, 17)
DAYS_TO_TYPE_IN = {Channel.PAPER: 6, Channel.EMAIL: 2}  # at most, after the return arrived

# Invented organisations: the factories' places, with the kinds of youth body that answer.
YOUTH_BODIES = [
    "Boys' and Girls' Club", "Detached Youth Project", "Amateur Boxing Club",
    "Young Carers' Project", "Youth Mentoring Scheme", "Street Sports Project", "Girls' Project",
    "Youth Theatre", "Adventure Playground",
]  # fmt: skip

# Q2: good practice with the police (the initiative and its outcomes), and some tensions.
GOOD_PRACTICE = [
    "Every Friday night our detached youth workers and the {borough} Safer Neighbourhoods team "
    "run street games on the estate; calls about young people gathering have fallen by a third.",
    "Two local officers coach at our football sessions each week, and the young people now talk "
    "to them on the street.",
    "We ran a knife crime workshop with the police and the mother of a young victim. Forty young "
    "people took part, and several have since joined our peer mentoring scheme.",
    "Officers from the youth engagement team came to our summer scheme and answered questions "
    "about stop and search. The young people said no one had explained their rights before.",
    "Our mentoring project pairs young people at risk of exclusion with volunteer mentors, some "
    "of them police cadets. Eleven of the first twelve stayed in school.",
    "The police lend us their gym in {borough} two evenings a week for boxing, and attendance has "
    "doubled since it opened.",
    "With the Safer Schools officer we set up a safe route home from school, with shopkeepers "
    "who agreed to be safe havens.",
    "Young people from our youth forum sat on the panel that chose the new borough youth officer.",
    "Once a month young people put their questions to the local inspector. It helped calm things "
    "after trouble on the high street.",
    "After a stabbing near the club, officers and our youth workers met the young people together "
    "the next day, which stopped rumours spreading.",
    "Our girls' project runs personal safety sessions with two female officers.",
    "Police cadets help at our holiday play scheme, and some of our members have gone on to join "
    "the cadets.",
    "The police now refer young victims of robbery straight to our counselling service.",
    "Officers came on our residential weekend. They cooked, camped and talked with the young "
    "people, whose view of the police changed a great deal.",
    "With the youth offending team and the police we run a diversion scheme for first-time "
    "offenders; few of the young people on it have offended again.",
    "The police paid for our graffiti art project to brighten the underpass in {borough}; the "
    "young people designed the mural themselves.",
    "A community support officer runs a Saturday drop-in at the club on staying safe online and "
    "on the street.",
    "Joint work depends on individual officers: when our contact moved on, the work stopped.",
    "Relations are sometimes tense. Our members feel they are stopped and searched too often, and "
    "we have raised this with the borough commander.",
]
# Q2 from those with nothing to report: said on its own.
NO_JOINT_WORK = [
    "We have no joint work with the police at present, but we would welcome it.",
    "None at the moment. We started football with the local officers, but they were moved to "
    "other duties.",
    "We do not work with the police directly: the young people we see would stop trusting us.",
]
NO_JOINT_WORK_SHARE = 0.08
# Q3: what the partnership should focus on.
PRIORITIES = [
    "Knife crime, and why young people carry knives in the first place.",
    "Stop and search: how it is done, and telling young people why they have been stopped.",
    "Keeping youth clubs open in the evenings and at weekends, when young people have nowhere "
    "else to go.",
    "Mentoring for young people at risk of exclusion from school.",
    "Street games and sport on the estates, with officers taking part.",
    "Safer routes to and from school.",
    "Young people as victims of crime, especially phones stolen on the way home.",
    "Gangs, and keeping younger brothers and sisters out of them.",
    "Drug dealing near schools and youth clubs.",
    "Anti-social behaviour on buses after school.",
    "Trust between young people and the police, so that young people report crime.",
    "Listening to young people before decisions are made, not after.",
    "More youth workers and fewer closures: consultation is no good without services.",
    "Training officers to work with young people with learning disabilities.",
    "Support for young people leaving custody.",
    "How young black and minority ethnic people are treated when they are stopped, and taking "
    "their complaints seriously.",
    "Places to go in {borough} for young people aged 16 to 19.",
    "Sharing what works between boroughs, so that good projects are not invented twice.",
    "Funding the projects that work for longer than a year.",
    "Police cadets and volunteering, so that young people see the police from the inside.",
]
SENTENCES = {1: 50, 2: 35, 3: 15}  # how many a free-text answer has


# --- Inventing returns ---------------------------------------------------------------------------


@dataclass
class Return:
    """One invented questionnaire return, as the forms would hand it to the services."""

    channel: str
    received_on: datetime.date
    submitted_at: datetime.datetime
    answers: list = field(default_factory=list)  # unsaved Answer rows
    contact: ContactDetails | None = None


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def at(day, hour, rng, now):
    moment = datetime.datetime.combine(
        day, datetime.time(hour, rng.randrange(60), rng.randrange(60))
    )
    return min(timezone.make_aware(moment), now)


class ReturnMaker:
    """Invents returns to one consultation's questionnaire: the same ones for the same seed.

    It answers any questionnaire by the kind of each question, so a manager's later changes to the
    questionnaire do not stop ``--responses`` working. Short text names an organisation; the first
    long-text answer is drawn from GOOD_PRACTICE, later ones from PRIORITIES."""

    def __init__(self, consultation, seed, involvement=None, now=None):
        self.rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not a secret
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.now = now or timezone.now()
        self.consultation = consultation
        self.questions = list(consultation.questionnaire.ordered_questions())
        self.involvement = involvement or {}
        boroughs = list(Borough.objects.order_by("name"))
        self.boroughs = {
            borough: BOROUGH_WEIGHTS.get(borough.name, OTHER_BOROUGH_WEIGHT) for borough in boroughs
        }
        self.organisations = self.organisation_names()
        today = timezone.localdate(self.now)
        last = min(consultation.closes_on, today)
        days = [
            consultation.opens_on + datetime.timedelta(days=n)
            for n in range((last - consultation.opens_on).days + 1)
        ]
        self.days = dict(zip(days, day_weights(len(days), closed=last < today), strict=True))

    @staticmethod
    def organisation_names():
        from tests.hub.factories import BODIES, PLACES

        bodies = BODIES[OrganisationKind.YOUTH] + YOUTH_BODIES
        return [f"{place} {body}" for place in PLACES for body in bodies]

    def make(self, count):
        return [self.one() for _ in range(count)]

    def one(self):
        rng = self.rng
        channel = weighted(rng, CHANNELS)
        received_on = weighted(rng, self.days)
        if channel == Channel.ONLINE:
            submitted_at = at(received_on, weighted(rng, ONLINE_HOURS), rng, self.now)
        else:
            typed_on = received_on + datetime.timedelta(
                days=rng.randint(0, DAYS_TO_TYPE_IN[channel])
            )
            typed_on = min(typed_on, timezone.localdate(self.now))
            submitted_at = at(typed_on, rng.choice(TYPING_HOURS), rng, self.now)
        made = Return(channel=channel, received_on=received_on, submitted_at=submitted_at)
        boroughs = self.pick_boroughs()
        long_texts = 0
        for question in self.questions:
            kind = question.kind
            if kind == QuestionKind.CONTACT:
                wants_a_call = question.required or rng.random() < CONTACT_SHARE
                made.contact = self.contact(submitted_at) if wants_a_call else None
                consent = rules.CONSENTED if made.contact else rules.NOT_CONSENTED
                made.answers.append(Answer(question=question, choice=consent))
                continue
            if kind == QuestionKind.LONG_TEXT:
                long_texts += 1
            if not question.required and rng.random() >= ANSWER_RATE.get(kind, OTHER_ANSWER_RATE):
                continue
            made.answers += self.answers(question, boroughs, long_texts)
        return made

    def answers(self, question, boroughs, long_texts):
        rng, kind = self.rng, question.kind
        if kind == QuestionKind.SHORT_TEXT:
            return [Answer(question=question, text=rng.choice(self.organisations))]
        if kind == QuestionKind.LONG_TEXT:
            if long_texts >= 2:
                text = self.prose(PRIORITIES, boroughs[0])
            elif rng.random() < NO_JOINT_WORK_SHARE:
                text = rng.choice(NO_JOINT_WORK)
            else:
                text = self.prose(GOOD_PRACTICE, boroughs[0])
            return [Answer(question=question, text=text)]
        if kind == QuestionKind.BOROUGHS:
            return [Answer(question=question, borough=borough) for borough in boroughs]
        if kind == QuestionKind.SINGLE_CHOICE:
            choices = question.choice_list
            weights = [self.involvement.get(choice, 1) for choice in choices]
            return [Answer(question=question, choice=rng.choices(choices, weights=weights)[0])]
        if kind == QuestionKind.MULTIPLE_CHOICE:
            choices = question.choice_list
            chosen = rng.sample(choices, rng.randint(1, min(3, len(choices))))
            return [Answer(question=question, choice=choice) for choice in chosen]
        if kind == QuestionKind.SCALE:
            return [Answer(question=question, number=rng.choice(question.scale_points))]
        raise ValueError(f"No demo answers for {kind} questions.")

    def pick_boroughs(self):
        wanted = weighted(self.rng, BOROUGHS_NAMED)
        picked = []
        while len(picked) < wanted:
            borough = weighted(self.rng, self.boroughs)
            if borough not in picked:
                picked.append(borough)
        return picked

    def prose(self, pool, borough):
        sentences = self.rng.sample(pool, weighted(self.rng, SENTENCES))
        return " ".join(sentences).format(borough=borough.name)

    def contact(self, submitted_at):
        from tests.hub.factories import drama_phone

        first, last = self.fake.first_name(), self.fake.last_name()
        email = ""
        if self.rng.random() < EMAIL_GIVEN_SHARE:
            email = f"{slugify(first)}.{slugify(last)}@example.org".replace("-", "")
        return ContactDetails(
            name=f"{first} {last}",
            phone=drama_phone(self.rng.randrange(1000)),
            email=email,
            consented_at=submitted_at,
        )


def day_weights(days, closed):
    """Most answers come in the first week and, once a consultation has closed, the last few
    days; a steady trickle in between."""
    return [
        1 + 3 * math.exp(-n / 5) + (3 * math.exp(-(days - 1 - n) / 3) if closed else 0)
        for n in range(days)
    ]


# --- Storing them -------------------------------------------------------------------------------


@contextlib.contextmanager
def dates_as_given():
    """Keep the dates the demo gives its records: ``auto_now_add`` would stamp every one made in
    bulk with the moment of loading, and Response is never to be ``update()``-d afterwards. (It
    changes the fields for the whole process while it lasts: load_demo runs alone.)"""
    fields = [
        Response._meta.get_field("submitted_at"),
        ContactDetails._meta.get_field("consented_at"),
    ]
    before = [f.auto_now_add for f in fields]
    for f in fields:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, value in zip(fields, before, strict=True):
            f.auto_now_add = value


def new_references(rng, count, taken):
    """``count`` response references in the model's format, none of them already ``taken``."""
    references = []
    while len(references) < count:
        code = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        reference = f"{code[:4]}-{code[4:]}"
        if reference not in taken:
            taken.add(reference)
            references.append(reference)
    return references


def store(consultation, returns, entered_by, rng):
    """Store invented returns as ``services.take_response`` stores real ones, in bulk: one
    Response (with its history record, dated when it was sent) and its Answer rows each, contact
    details apart, and an audit entry for each return typed in."""
    taken = set(Response.objects.values_list("reference", flat=True))
    references = new_references(rng, len(returns), taken)
    responses = []
    for made, reference in zip(returns, references, strict=True):
        online = made.channel == Channel.ONLINE
        response = Response(
            consultation=consultation,
            questionnaire_id=consultation.questionnaire_id,
            reference=reference,
            channel=made.channel,
            received_on=made.received_on,
            submitted_at=made.submitted_at,
            entered_by=None if online else entered_by,
            # Online forms carry a token that makes them idempotent; typed-in ones do not.
            idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4) if online else None,
        )
        response._history_date = made.submitted_at
        response._history_user = response.entered_by
        response._change_reason = f"Received ({Channel(made.channel).label.lower()})"
        responses.append(response)
    with dates_as_given():
        bulk_create_with_history(responses, Response, batch_size=BATCH)
        answers, contacts = [], []
        for response, made in zip(responses, returns, strict=True):
            for answer in made.answers:
                answer.response = response
            answers += made.answers
            if made.contact is not None:
                made.contact.response = response
                contacts.append(made.contact)
        Answer.objects.bulk_create(answers, batch_size=BATCH * 4)
        ContactDetails.objects.bulk_create(contacts, batch_size=BATCH)
    log_typed_in([response for response in responses if response.entered_by is not None])
    return responses


def log_typed_in(responses):
    """The audit entry ``services.take_response`` writes for each return typed in, dated when
    it was typed in: the rows ``wagtail.log_actions.log`` makes, made in bulk."""
    if not responses:
        return
    log_model = log_registry.get_log_model_for_model(Response)
    content_type = ContentType.objects.get_for_model(Response, for_concrete_model=False)
    if not log_registry.action_exists(services.ENTER_PAPER_RETURN):
        raise ImproperlyConfigured(f"{services.ENTER_PAPER_RETURN} is not a registered action.")
    log_model.objects.bulk_create(
        [
            log_model(
                content_type=content_type,
                object_id=str(response.pk),
                label=log_model.objects.get_instance_title(response),
                action=services.ENTER_PAPER_RETURN,
                user=response.entered_by,
                timestamp=response.submitted_at,
            )
            for response in responses
        ],
        batch_size=BATCH,
    )


def add_responses(consultation, count, entered_by, seed, involvement=None):
    """``count`` invented responses to ``consultation``, made and stored a batch at a time."""
    maker = ReturnMaker(consultation, seed, involvement)
    rng = random.Random(seed + 1)  # noqa: S311 - repeatable demo data, not a secret
    added = 0
    while added < count:
        size = min(BATCH, count - added)
        store(consultation, maker.make(size), entered_by, rng)
        added += size
    return added


# --- Pages, logins and permissions ---------------------------------------------------------------


def questionnaire():
    """The source document's questionnaire, made once and shared by both rounds."""
    from tests.consultation.factories import YOUTH_TITLE, youth_questionnaire

    existing = Questionnaire.objects.filter(title=YOUTH_TITLE).order_by("pk").first()
    return existing or youth_questionnaire()


def ensure_round(index, round_, today, **extra):
    spec = dict(round_.spec, **extra)
    fields = {
        "opens_on": today + datetime.timedelta(days=round_.opens),
        "closes_on": today + datetime.timedelta(days=round_.closes),
        "postal_address": POSTAL_ADDRESS,
        "accepts_paper_returns": True,
    }
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific, False
    return ensure_page(index, ConsultationPage, spec, questionnaire=questionnaire(), **fields)


def summary_html(consultation):
    responses = consultation.responses
    total = responses.count()
    boroughs = (
        Answer.objects.filter(response__consultation=consultation, borough__isnull=False)
        .values("borough")
        .distinct()
        .count()
    )
    medium_or_low = (
        Answer.objects.filter(
            response__consultation=consultation,
            question__kind=QuestionKind.SINGLE_CHOICE,
            choice__in=["Medium", "Low"],
        )
        .values("response")
        .distinct()
        .count()
    )
    return (
        f"<p>{total} voluntary youth organisations from {boroughs} London boroughs answered the "
        "questionnaire, online, on paper and by e-mail. "
        f"{rules.percentage(medium_or_low, total)}% rated their involvement with the Metropolitan "
        "Police as medium or low.</p>"
    )


def ensure_outcome(consultation):
    """The first round's "you said, we did", its findings linked to public actions by title."""
    from partnerships.models import Action

    existing = OutcomePage.objects.child_of(consultation).first()
    if existing is not None:
        return existing, False
    public = Action.objects.filter(plan__is_public=True).order_by("-plan__year", "pk")
    wanted = []
    for _, _, titles in FINDINGS:
        actions = []
        for title in titles:
            action = public.filter(title=title).first()
            if action is not None:
                actions.append(action)
        wanted.append(actions)
    findings = [
        Finding(you_said=you_said, we_did=we_did, sort_order=order, actions=actions)
        for order, ((you_said, we_did, _), actions) in enumerate(zip(FINDINGS, wanted, strict=True))
    ]
    page = OutcomePage(**OUTCOME, summary=summary_html(consultation), findings=findings)
    consultation.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load_logins():
    return {
        "manager": ensure_login(LOGINS["manager"], roles=[Role.CONSULTATION_MANAGER]),
        "data_entry": ensure_login(LOGINS["data_entry"], roles=[Role.DATA_ENTRY]),
    }


def grant_section(index):
    """Consultation managers add, edit and publish the pages of the consultations section."""
    group = Group.objects.get(name=Role.CONSULTATION_MANAGER.value)
    for codename in SECTION_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)


def erase_one(consultation, manager):
    """A respondent who left contact details has since asked for them to be erased."""
    response = (
        Response.objects.filter(consultation=consultation, contact__isnull=False)
        .order_by("submitted_at", "pk")
        .first()
    )
    if response is not None:
        services.erase_contact_details(response, manager)


def top_up(consultation, total, entered_by):
    """Add generated responses until ``consultation`` holds ``total``: the load-work option."""
    held = consultation.responses.count()
    if total <= held:
        return 0
    # Seeded by how many there are, so that the same top-up makes the same responses.
    return add_responses(
        consultation, total - held, entered_by, SEED + 1000 + held, SECOND.involvement
    )


def load(responses=0, **options):
    today = timezone.localdate()
    index, index_created = ensure_page(
        home_page(), ConsultationIndexPage, INDEX, show_in_menus=True
    )
    grant_section(index)
    users = load_logins()
    entered_by = users["data_entry"]

    first, first_created = ensure_round(index, FIRST, today)
    if first_created:
        add_responses(first, FIRST.responses, entered_by, SEED, FIRST.involvement)
        erase_one(first, users["manager"])
    outcome, _ = ensure_outcome(first)

    second, second_created = ensure_round(
        index, SECOND, today, purpose=SECOND_ROUND_PURPOSE.format(outcome=outcome.pk)
    )
    if second_created:
        add_responses(second, SECOND.responses, entered_by, SEED + 2, SECOND.involvement)
    generated = top_up(second, responses, entered_by) if responses else 0

    consultations = ConsultationPage.objects.child_of(index)
    open_now = [c for c in consultations if c.status_on(today) == ConsultationStatus.OPEN]
    outcomes = OutcomePage.objects.live().descendant_of(index).count()
    return DemoSummary(
        lines=[
            f"Consultations: {consultations.count()} ({len(open_now)} open), "
            f"{Response.objects.filter(consultation__in=consultations).count()} responses"
            f"{f' ({generated} generated for load work)' if generated else ''}, "
            f"{outcomes} 'you said, we did' page{'s' if outcomes != 1 else ''}; "
            f"section at {Page.objects.get(pk=index.pk).url}"
            f"{' (new)' if index_created else ''}"
        ],
        logins=list(LOGINS.values()),
    )
