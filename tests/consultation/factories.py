"""Factories for consultations, questionnaires and responses; also the source of the demo data.

``youth_questionnaire()`` builds the source document's questionnaire for voluntary youth
organisations, word for word (youth-consultation-and-voluntary-sector-partnership.txt).
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from consultation import models, rules
from consultation.enums import Channel, QuestionKind
from tests.hub.factories import drama_phone

YOUTH_TITLE = "Questionnaire for voluntary youth organisations"
YOUTH_INTRODUCTION = (
    "This questionnaire is designed to find out the current involvement between the Voluntary "
    "Sector and the Metropolitan Police. We are keen to know of joint initiatives, outcomes and "
    "any tensions. We also would like to know your views on the future direction of the "
    "Partnership as well as priorities that they can work towards."
)
YOUTH_CLOSING = "Many thanks."
INVOLVEMENT = ["High", "Medium", "Low"]
# (number, text, kind, required, choices, help text): the document's questions, in its words.
YOUTH_QUESTIONS = [
    ("", "What is the name of your Voluntary Organisation?", QuestionKind.SHORT_TEXT, True, [], ""),
    ("Q1", "Which Boroughs of London are you most involved with", QuestionKind.BOROUGHS, True,
     [], "Select all the boroughs that apply."),
    ("Q2", "Could you please identify areas of good practise that your Organisation is involved "
     "in with the Police. (We are keen to know about the initiative and the outcomes)",
     QuestionKind.LONG_TEXT, False, [], ""),
    ("Q3", "This Partnership will be looking at interventions across the Crime and Disorder "
     "arena. What would you like the Partnership to focus on?", QuestionKind.LONG_TEXT, False,
     [], ""),
    ("Q4", "How would you assess your current involvement with the Metropolitan Police? (Please "
     "circle your response: High, Medium or Low).", QuestionKind.SINGLE_CHOICE, True,
     INVOLVEMENT, ""),
    ("Q5", "If you would like your views on this Partnership to be considered, and you are not "
     "able to attend any consultation meeting, please could you complete your details below, "
     "with a phone number, and we will contact you to listen to your views.",
     QuestionKind.CONTACT, False, [], ""),
]  # fmt: skip


class QuestionnaireFactory(DjangoModelFactory):
    class Meta:
        model = models.Questionnaire

    title = factory.Sequence(lambda n: f"Questionnaire {n}")
    introduction = "Tell us what you think."


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = models.Question

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    kind = QuestionKind.SHORT_TEXT
    required = False
    sort_order = factory.Sequence(int)

    class Params:
        single = factory.Trait(kind=QuestionKind.SINGLE_CHOICE, choices="High\nMedium\nLow")
        multiple = factory.Trait(
            kind=QuestionKind.MULTIPLE_CHOICE, choices="Knife crime\nSafer streets\nSchools"
        )
        boroughs = factory.Trait(kind=QuestionKind.BOROUGHS)
        scale = factory.Trait(
            kind=QuestionKind.SCALE, scale_lowest=1, scale_highest=5,
            scale_lowest_label="Not at all", scale_highest_label="Very",
        )  # fmt: skip
        long = factory.Trait(kind=QuestionKind.LONG_TEXT)
        contact = factory.Trait(kind=QuestionKind.CONTACT)


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def youth_questionnaire():
    """The document's questionnaire: Q1 (boroughs) and Q4 (involvement) published as figures."""
    questionnaire = QuestionnaireFactory(
        title=YOUTH_TITLE, introduction=YOUTH_INTRODUCTION, closing_words=YOUTH_CLOSING
    )
    for order, (number, text, kind, required, choices, hint) in enumerate(YOUTH_QUESTIONS):
        QuestionFactory(
            questionnaire=questionnaire, number=number, text=text, kind=kind, required=required,
            choices="\n".join(choices), help_text=hint, sort_order=order,
            publish_results=kind in rules.COUNTED_KINDS,
        )  # fmt: skip
    return questionnaire


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ConsultationIndexPage

    title = "Consultations"
    slug = "consultations"
    intro = "Have your say."


class ConsultationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ConsultationPage

    title = factory.Sequence(lambda n: f"Consultation {n}")
    intro = "We would like to hear from you."
    purpose = "<p>To hear from youth organisations.</p>"
    audience = "Voluntary youth organisations"
    opens_on = factory.LazyFunction(lambda: days_from_today(-10))
    closes_on = factory.LazyFunction(lambda: days_from_today(20))
    questionnaire = factory.SubFactory(QuestionnaireFactory)
    postal_address = "Partnership Office, 1 Example Street, London"

    class Params:
        closed = factory.Trait(
            opens_on=factory.LazyFunction(lambda: days_from_today(-60)),
            closes_on=factory.LazyFunction(lambda: days_from_today(-30)),
        )
        upcoming = factory.Trait(
            opens_on=factory.LazyFunction(lambda: days_from_today(5)),
            closes_on=factory.LazyFunction(lambda: days_from_today(35)),
        )


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = models.Response

    consultation = factory.SubFactory(ConsultationPageFactory)
    questionnaire = factory.SelfAttribute("consultation.questionnaire")
    channel = Channel.ONLINE
    received_on = factory.LazyFunction(timezone.localdate)


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = models.Answer

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory)


class ContactDetailsFactory(DjangoModelFactory):
    class Meta:
        model = models.ContactDetails

    response = factory.SubFactory(ResponseFactory)
    name = factory.Faker("name", locale="en_GB")
    phone = factory.Sequence(drama_phone)
    email = factory.Sequence(lambda n: f"respondent{n}@example.org")


class OutcomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.OutcomePage

    title = "You said, we did"
    summary = "<p>What we heard and what we are doing.</p>"


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = models.Finding

    page = factory.SubFactory(OutcomePageFactory)
    you_said = "More youth workers in the evenings."
    we_did = "Two evening projects start this spring."


def consultation_under(home, questionnaire=None, **kwargs):
    """A consultation page (and the consultations section, if missing) under ``home``."""
    index = models.ConsultationIndexPage.objects.first() or ConsultationIndexPageFactory(
        parent=home
    )
    if questionnaire is not None:
        kwargs["questionnaire"] = questionnaire
    return ConsultationPageFactory(parent=index, **kwargs)
