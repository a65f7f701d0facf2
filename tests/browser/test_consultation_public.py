"""The consultation's public pages in a real browser: an organisation answers the questionnaire
with the keyboard alone and gets a receipt; every page passes axe (WCAG 2.2 A and AA); and the
questionnaire works without JavaScript.

The form refuses answers sent less than ``rules.MINIMUM_FILL_SECONDS`` after it was served, so
the tests wait out whatever is left of that time before they send the form.
"""

import datetime
import time

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Site

from consultation import rules
from consultation.enums import QuestionKind
from consultation.forms import field_name
from consultation.models import ContactDetails, Finding, Response
from hub.models import Borough, HubSettings
from partnerships.enums import ActionStatus
from partnerships.models import PartnershipPage
from tests.browser.helpers import describe, tab_to
from tests.consultation.factories import (
    AnswerFactory,
    FindingFactory,
    OutcomePageFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ResponseFactory,
    consultation_under,
    youth_questionnaire,
)
from tests.hub.factories import PersonFactory, StandardPageFactory
from tests.partnerships.factories import ActionFactory, ActionPlanFactory, build_structure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORGANISATION = "Riverside Youth Project"
CONTACT_NAME = "Robin Example"
CONTACT_PHONE = "020 7946 0321"
RECEIPT_EMAIL = "office@riverside-youth.example.org"
GOOD_PRACTICE = "A joint summer football league with the Safer Neighbourhoods team."
OWNER = "Ottoline Actionowner"


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def wait_out_the_fill_time(served_at):
    """The form is refused if it comes back sooner than a person could have filled it in."""
    remaining = rules.MINIMUM_FILL_SECONDS + 0.5 - (time.monotonic() - served_at)
    if remaining > 0:
        time.sleep(remaining)


class Questions:
    """The youth questionnaire's questions by what they ask, with their fields' ids."""

    def __init__(self, consultation):
        questions = consultation.questions
        self.name, self.boroughs, self.good_practice, self.focus = questions[:4]
        self.involvement, self.contact = questions[4:]
        assert self.boroughs.kind == QuestionKind.BOROUGHS
        assert self.involvement.kind == QuestionKind.SINGLE_CHOICE
        assert self.contact.kind == QuestionKind.CONTACT
        self.borough_names = list(Borough.objects.order_by("name").values_list("name", flat=True))

    def borough_id(self, name):
        return f"{field_name(self.boroughs)}-{self.borough_names.index(name)}"

    def choice_id(self, choice):
        return f"{field_name(self.involvement)}-{self.involvement.choice_list.index(choice)}"


@pytest.fixture
def home(live_server):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def privacy_page(home):
    privacy = StandardPageFactory(parent=home, title="Privacy notice", slug="privacy")
    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    return privacy


@pytest.fixture
def consultation(home, privacy_page):
    """An open consultation with the source document's questionnaire."""
    return consultation_under(
        home,
        questionnaire=youth_questionnaire(),
        title="Youth organisations and the police",
        slug="youth-organisations",
        audience="Voluntary youth organisations in London",
        postal_address="Partnership Office\n1 Example Street\nLondon",
    )


@pytest.fixture
def closed_consultation(home, consultation):
    """A closed consultation with responses, and its "you said, we did" page, whose finding is
    answered by an action in a partnership's public action plan."""
    closed = consultation_under(
        home,
        questionnaire=consultation.questionnaire,
        closed=True,
        title="Safer streets for young people",
        slug="safer-streets",
    )
    questions = Questions(closed)
    boroughs = list(Borough.objects.order_by("name")[:3])
    for index, choice in enumerate(["High", "Medium", "Medium", "Low"]):
        response = ResponseFactory(consultation=closed, received_on=closed.closes_on)
        AnswerFactory(response=response, question=questions.involvement, choice=choice)
        AnswerFactory(response=response, question=questions.boroughs, borough=boroughs[index % 3])

    structure = build_structure()
    partnership_page = home.add_child(
        instance=PartnershipPage(
            title="Voluntary sector and police partnership",
            slug="partnership",
            partnership=structure.partnership,
        )
    )
    partnership_page.save_revision().publish()
    plan = ActionPlanFactory(board=structure.youth)
    action = ActionFactory(
        plan=plan,
        title="Hold evening youth forums",
        status=ActionStatus.IN_PROGRESS,
        owner=PersonFactory(name=OWNER),
    )
    private = ActionFactory(
        plan=ActionPlanFactory(board=structure.project_a, is_public=False),
        title="Brief the neighbourhood inspectors",
    )
    outcome = OutcomePageFactory(parent=closed, title="You said, we did", slug="you-said-we-did")
    finding = FindingFactory(page=outcome)
    Finding.actions.through.objects.create(finding=finding, action=action)
    Finding.actions.through.objects.create(finding=finding, action=private)
    return closed


def test_an_organisation_answers_with_the_keyboard_alone(live_server, consultation, page):
    questions = Questions(consultation)
    page.goto(live_server.url + consultation.url)
    page.get_by_role("button", name="Send your answers").wait_for()
    served_at = time.monotonic()

    tab_to(page, field_name(questions.name))
    page.keyboard.type(ORGANISATION)
    tab_to(page, questions.borough_id("Hackney"))
    page.keyboard.press("Space")
    tab_to(page, questions.borough_id("Islington"))
    page.keyboard.press("Space")
    tab_to(page, field_name(questions.good_practice))
    page.keyboard.type(GOOD_PRACTICE)
    tab_to(page, questions.choice_id("High"))  # Tab reaches the first radio of the group
    page.keyboard.press("Space")
    tab_to(page, field_name(questions.contact, "name"))
    page.keyboard.type(CONTACT_NAME)
    page.keyboard.press("Tab")
    page.keyboard.type(CONTACT_PHONE)
    tab_to(page, field_name(questions.contact, "consent"))
    page.keyboard.press("Space")
    tab_to(page, "receipt_email")
    page.keyboard.type(RECEIPT_EMAIL)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Send your answers":
            break
    else:
        pytest.fail("The Send your answers button could not be reached with the Tab key")
    wait_out_the_fill_time(served_at)
    page.keyboard.press("Enter")

    page.wait_for_url("**/receipt/**")
    panel = page.locator(".govuk-panel--confirmation")
    panel.wait_for()
    assert panel.get_by_role("heading", level=1).inner_text() == "Answers sent"
    reference = panel.locator("strong").inner_text().strip()
    assert page.get_by_text("We have sent your reference number").is_visible()

    response = Response.objects.get(reference=reference)
    assert response.consultation_id == consultation.pk
    assert response.channel == "online"
    answers = {}
    for answer in response.answers.select_related("borough"):
        answers.setdefault(answer.question_id, []).append(answer.value)
    assert answers == {
        questions.name.pk: [ORGANISATION],
        questions.boroughs.pk: ["Hackney", "Islington"],
        questions.good_practice.pk: [GOOD_PRACTICE],
        questions.involvement.pk: ["High"],
        questions.contact.pk: [rules.CONSENTED],
    }
    assert (response.contact.name, response.contact.phone) == (CONTACT_NAME, CONTACT_PHONE)
    assert response.rule_breaks() == []

    # The receipt by email: the reference, and neither the answers nor the contact details.
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [RECEIPT_EMAIL]
    assert reference in email.subject and reference in email.body
    for private in (ORGANISATION, CONTACT_NAME, CONTACT_PHONE, GOOD_PRACTICE):
        assert private not in email.body


@pytest.fixture
def every_kind(home, consultation):
    """An open consultation asking one required question of every kind, with a response."""
    questionnaire = QuestionnaireFactory(title="Every kind of question")
    for trait in ("short", "long", "single", "multiple", "boroughs", "scale", "contact"):
        extra = {} if trait == "short" else {trait: True}
        QuestionFactory(
            questionnaire=questionnaire,
            required=True,
            publish_results=trait in ("single", "multiple", "boroughs", "scale"),
            help_text="A hint." if trait in ("short", "single", "contact") else "",
            **extra,
        )
    page = consultation_under(
        home, questionnaire=questionnaire, title="Every kind", slug="every-kind"
    )
    response = ResponseFactory(consultation=page)
    for question in page.questions:
        if question.kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
            AnswerFactory(response=response, question=question, choice=question.choice_list[0])
        elif question.kind == QuestionKind.SCALE:
            AnswerFactory(response=response, question=question, number=question.scale_highest)
        elif question.kind == QuestionKind.BOROUGHS:
            AnswerFactory(response=response, question=question, borough=Borough.objects.first())
    return page


def test_the_public_pages_have_no_axe_violations(
    live_server, consultation, closed_consultation, every_kind, home, page, axe
):
    upcoming = consultation_under(
        home, questionnaire=consultation.questionnaire, upcoming=True, title="Coming soon"
    )
    response = ResponseFactory(consultation=consultation)
    outcome = closed_consultation.outcome()
    pages = {
        "consultations": consultation.get_parent().url,
        "questionnaire": consultation.url,
        "questionnaire with every kind of question": every_kind.url,
        "printable questionnaire with every kind of question": route(every_kind, "printable"),
        "results for every kind of question": route(every_kind, "results"),
        "receipt": route(consultation, "receipt", response.reference),
        "receipt, email not sent": route(consultation, "receipt", response.reference)
        + "?emailed=0",
        "results so far": route(consultation, "results"),
        "printable questionnaire": route(consultation, "printable"),
        "upcoming consultation": upcoming.url,
        "closed consultation": closed_consultation.url,
        "results": route(closed_consultation, "results"),
        "you said, we did": outcome.url,
    }
    found = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        page.locator("h1").wait_for()
        assert page.locator("h1").count() == 1, name
        if violations := axe(page):
            found[name] = describe(violations)

    # The questionnaires sent back empty: the error summary, and an error beside each field.
    for name, questionnaire, errors in (
        ("questionnaire with errors", consultation, 3),
        ("every kind of question with errors", every_kind, 8),  # contact: name and phone
    ):
        page.goto(live_server.url + questionnaire.url)
        page.get_by_role("button", name="Send your answers").click()
        summary = page.locator(".govuk-error-summary")
        summary.wait_for()
        assert page.title().startswith("Error: ")
        page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
        links = summary.locator("a")
        assert links.count() == errors, name
        for link in links.all():
            target = link.get_attribute("href")
            assert page.locator(f"main form {target}").count() == 1, target
        messages = page.locator(".govuk-error-message")
        assert messages.count() == errors, name
        for message in messages.all():
            error_id = message.get_attribute("id")
            assert page.locator(f"[aria-describedby~='{error_id}']").count() == 1, error_id
            assert message.locator(".govuk-visually-hidden").inner_text() == "Error:"
        if violations := axe(page):
            found[name] = describe(violations)
    assert found == {}, "\n".join(f"{name}: {report}" for name, report in found.items())


def test_the_results_and_you_said_we_did_pages_show_figures_and_actions(
    live_server, closed_consultation, page
):
    page.goto(live_server.url + route(closed_consultation, "results"))
    page.get_by_role("heading", level=1, name="Results").wait_for()
    assert page.get_by_text("4 responses").is_visible()
    figures = page.locator("figure svg[role='img']")
    assert figures.count() == 2  # Q1 and Q4 are published; free text and contact never are
    assert "The table below gives the figures" in figures.first.get_attribute("aria-label")
    involvement = page.locator("table").nth(1)
    assert involvement.locator("tbody tr").all_inner_texts() == [
        "High\t1\t25%",
        "Medium\t2\t50%",
        "Low\t1\t25%",
    ]

    page.goto(live_server.url + closed_consultation.outcome().url)
    page.get_by_role("heading", level=1, name="You said, we did").wait_for()
    main = page.locator("main")
    assert main.get_by_text("More youth workers in the evenings.").is_visible()
    assert main.locator(".govuk-tag").inner_text() == "In progress"
    assert "Brief the neighbourhood inspectors" not in main.inner_text()
    assert OWNER not in page.content()
    main.get_by_role("link", name="Hold evening youth forums").click()
    page.get_by_role("heading", level=1, name="Action plan").wait_for()


def test_the_questionnaire_works_without_javascript(live_server, consultation, no_js_page):
    page = no_js_page
    questions = Questions(consultation)
    page.goto(live_server.url + consultation.get_parent().url)
    page.get_by_role("link", name=consultation.title).click()
    page.get_by_role("button", name="Send your answers").wait_for()
    served_at = time.monotonic()

    # Part of the answers, then back with errors and with what was typed still there.
    page.get_by_label("What is the name of your Voluntary Organisation?").fill(ORGANISATION)
    wait_out_the_fill_time(served_at)
    page.get_by_role("button", name="Send your answers").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert summary.get_by_role("link", name="Select at least one borough").is_visible()
    assert summary.get_by_role("link", name="Select an answer").is_visible()
    assert page.locator(f"#{field_name(questions.name)}").input_value() == ORGANISATION

    page.get_by_label("Hackney").check()
    page.get_by_label("Medium").check()
    page.get_by_role("button", name="Send your answers").click()
    page.wait_for_url("**/receipt/**")
    reference = page.locator(".govuk-panel--confirmation strong").inner_text().strip()
    response = Response.objects.get(reference=reference)
    assert sorted(answer.value for answer in response.answers.all()) == sorted(
        [ORGANISATION, "Hackney", "Medium", rules.NOT_CONSENTED]
    )
    assert not ContactDetails.objects.filter(response=response).exists()

    page.get_by_role("link", name="See the results so far").click()
    page.get_by_role("heading", level=1, name="Results").wait_for()
    assert page.get_by_text("1 response so far").is_visible()


def test_answers_sent_after_the_consultation_closes_are_not_taken(
    live_server, consultation, page, axe
):
    questions = Questions(consultation)
    page.goto(live_server.url + consultation.url)
    page.get_by_role("button", name="Send your answers").wait_for()
    served_at = time.monotonic()
    page.get_by_label("What is the name of your Voluntary Organisation?").fill(ORGANISATION)
    page.locator(f"#{questions.borough_id('Camden')}").check()
    page.locator(f"#{questions.choice_id('Low')}").check()
    today = timezone.localdate()
    type(consultation).objects.filter(pk=consultation.pk).update(
        opens_on=today - datetime.timedelta(days=60), closes_on=today - datetime.timedelta(days=1)
    )
    wait_out_the_fill_time(served_at)
    page.get_by_role("button", name="Send your answers").click()
    page.get_by_text("Your answers were not sent").wait_for()
    assert page.get_by_text("This consultation closed on").is_visible()
    assert axe(page) == []
    assert not Response.objects.filter(consultation=consultation).exists()


def test_the_questionnaire_links_the_privacy_notice_and_the_paper_versions(
    live_server, consultation, page
):
    page.goto(live_server.url + consultation.url)
    main = page.locator("main")
    main.get_by_role("button", name="Send your answers").wait_for()
    assert main.get_by_role("link", name="privacy notice").get_attribute("href") == "/privacy/"
    assert main.get_by_role("link", name="print the questionnaire").is_visible()
    assert main.get_by_role("link", name="download it as a PDF").is_visible()
    assert not page.locator("#website").is_visible()  # the robots' field is never shown

    main.get_by_role("link", name="print the questionnaire").click()
    page.get_by_role("heading", level=1).wait_for()
    assert page.locator(".hub-paper-question").count() == len(consultation.questions)
    assert page.get_by_text("Partnership Office").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("header.govuk-template__header").is_visible()
    assert not page.locator("footer.govuk-template__footer").is_visible()
    assert not page.get_by_text("use your browser’s print command").is_visible()
    assert page.get_by_role("heading", name=consultation.questions[1].label).is_visible()
