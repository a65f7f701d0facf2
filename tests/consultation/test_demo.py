"""The consultation demo data: the document's questionnaire in two rounds, responses that keep the
questionnaire's rules, "you said, we did" linked to live actions, and the load-work option."""

import io
import re
from collections import Counter

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, ModelLogEntry

from consultation import demo as consultation_demo
from consultation import rules, services
from consultation.enums import Channel, ConsultationStatus, QuestionKind
from consultation.forms import PaperResponseForm, ResponseForm, field_name
from consultation.models import (
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    ContactDetails,
    OutcomePage,
    Questionnaire,
    Response,
)
from hub.roles import Role
from tests.consultation.conftest import posted

pytestmark = pytest.mark.django_db

# Every test in this module sees the full demo (loaded once for the module).

SOURCE = (
    settings.BASE_DIR.parent / "shared" / "seeds" / "youth-consultation-and-voluntary-sector-"
    "partnership.txt"
)
# The questionnaire as the source document prints it.
DOCUMENT_QUESTIONS = [
    "What is the name of your Voluntary Organisation?",
    "Q1. Which Boroughs of London are you most involved with",
    "Q2. Could you please identify areas of good practise that your Organisation is involved in "
    "with the Police. (We are keen to know about the initiative and the outcomes)",
    "Q3. This Partnership will be looking at interventions across the Crime and Disorder arena. "
    "What would you like the Partnership to focus on?",
    "Q4. How would you assess your current involvement with the Metropolitan Police? (Please "
    "circle your response: High, Medium or Low).",
    "Q5. If you would like your views on this Partnership to be considered, and you are not able "
    "to attend any consultation meeting, please could you complete your details below, with a "
    "phone number, and we will contact you to listen to your views.",
]
DOCUMENT_INTRODUCTION = (
    "This questionnaire is designed to find out the current involvement between the Voluntary "
    "Sector and the Metropolitan Police. We are keen to know of joint initiatives, outcomes and "
    "any tensions. We also would like to know your views on the future direction of the "
    "Partnership as well as priorities that they can work towards."
)


def rounds():
    return (
        ConsultationPage.objects.get(slug=consultation_demo.FIRST_ROUND["slug"]),
        ConsultationPage.objects.get(slug=consultation_demo.SECOND_ROUND["slug"]),
    )


def shares(values):
    counts = Counter(values)
    total = sum(counts.values())
    return {key: count / total for key, count in counts.items()}


def test_the_questionnaire_is_the_documents_word_for_word(demo):
    first, second = rounds()
    assert first.questionnaire == second.questionnaire
    questionnaire = first.questionnaire
    assert Questionnaire.objects.filter(title=questionnaire.title).count() == 1
    printed = [question.label for question in questionnaire.ordered_questions()]
    assert printed == DOCUMENT_QUESTIONS
    assert questionnaire.introduction == DOCUMENT_INTRODUCTION
    assert questionnaire.closing_words == "Many thanks."
    if SOURCE.exists():  # the source documents sit beside the project, where they are kept
        lines = SOURCE.read_text(encoding="utf-8").splitlines()
        for text in [*DOCUMENT_QUESTIONS, DOCUMENT_INTRODUCTION, "Many thanks."]:
            assert text in lines, text


def test_the_section_and_the_two_rounds(demo):
    today = timezone.localdate()
    index = ConsultationIndexPage.objects.live().get()
    assert index.url == "/consultations/" and index.show_in_menus
    first, second = rounds()
    assert {first.get_parent().pk, second.get_parent().pk} == {index.pk}
    assert first.live and second.live
    assert first.status_on(today) == ConsultationStatus.CLOSED
    assert 50 <= (today - first.closes_on).days <= 70
    assert second.status_on(today) == ConsultationStatus.OPEN
    assert (today - second.opens_on).days == 21 and (second.closes_on - today).days == 35
    for consultation in (first, second):
        assert "15,000" in consultation.audience and "youth clubs" in consultation.audience
        assert consultation.postal_address.startswith("Partnership Office")
        assert consultation.accepts_paper_returns
    assert first.responses.count() == consultation_demo.FIRST.responses == 300
    assert second.responses.count() == consultation_demo.SECOND.responses == 120
    assert "Consultations: 2 (1 open), 420 responses, 1 'you said, we did' page" in demo


def test_responses_come_by_every_channel_from_across_london(demo):
    for consultation in rounds():
        responses = consultation.responses.all()
        channels = shares(responses.values_list("channel", flat=True))
        assert 0.6 <= channels[Channel.ONLINE] <= 0.8
        assert 0.15 <= channels[Channel.PAPER] <= 0.35
        assert 0.01 <= channels[Channel.EMAIL] <= 0.12
        answers = Answer.objects.filter(response__consultation=consultation)
        named = Counter(answers.exclude(borough=None).values_list("borough__name", flat=True))
        assert len(named) >= 20
        # Inner London answers most; every return names one to three boroughs.
        assert named["Lambeth"] > named["Sutton"] and named["Southwark"] > named["Havering"]
        per_response = Counter(answers.exclude(borough=None).values_list("response", flat=True))
        assert set(Counter(per_response.values())) == {1, 2, 3}
        involvement = Counter(
            answers.filter(question__number="Q4").values_list("choice", flat=True)
        )
        assert set(involvement) == {"High", "Medium", "Low"}
        assert len(set(involvement.values())) == 3  # uneven
        assert involvement["High"] < min(involvement["Medium"], involvement["Low"])
        contact = ContactDetails.objects.filter(response__consultation=consultation).count()
        assert 0.08 <= contact / responses.count() <= 0.22


def test_free_text_answers_read_like_youth_organisations(demo):
    first, _ = rounds()
    answers = Answer.objects.filter(response__consultation=first)
    names = set(answers.filter(question__number="").values_list("text", flat=True))
    assert len(names) >= 50
    good_practice = answers.filter(question__number="Q2")
    focus = answers.filter(question__number="Q3")
    assert 0.65 * 300 <= good_practice.count() < 300 and 0.65 * 300 <= focus.count() < 300
    said = " ".join(focus.values_list("text", flat=True)).lower()
    for topic in ("knife crime", "stop and search", "mentoring", "youth clubs", "street games"):
        assert topic in said, topic
    assert not good_practice.filter(text__contains="{").exists()


def test_every_response_keeps_the_questionnaires_rules(demo):
    data_entry = get_user_model().objects.get(username="data-entry")
    now = timezone.now()
    for response in Response.objects.select_related("consultation", "questionnaire"):
        assert response.rule_breaks() == [], response.reference
        consultation = response.consultation
        assert rules.received_in_time(
            response.received_on, consultation.opens_on, consultation.closes_on
        )
        assert response.submitted_at <= now
        local_day = timezone.localdate(response.submitted_at)
        if response.channel == Channel.ONLINE:
            assert response.entered_by is None and local_day == response.received_on
            assert response.idempotency_key is not None
        else:
            assert response.entered_by == data_entry and local_day >= response.received_on
        received = response.history.earliest("history_date")
        assert received.history_change_reason == (
            f"Received ({Channel(response.channel).label.lower()})"
        )
        assert received.history_date == response.submitted_at
    assert Response.objects.values("reference").distinct().count() == Response.objects.count()


def test_typed_in_returns_are_in_the_audit_log(demo):
    typed_in = Response.objects.exclude(channel=Channel.ONLINE)
    entries = ModelLogEntry.objects.filter(action=services.ENTER_PAPER_RETURN)
    assert entries.count() == typed_in.count()
    response = typed_in.first()
    entry = entries.get(object_id=str(response.pk))
    assert (entry.user, entry.timestamp) == (response.entered_by, response.submitted_at)


def form_data(response):
    """What the respondent (or the volunteer typing in their return) sent, rebuilt from the rows."""
    answers = list(response.answers.all())
    data = {}
    for question in response.questionnaire.ordered_questions():
        given = [answer for answer in answers if answer.question_id == question.pk]
        if question.kind == QuestionKind.BOROUGHS:
            data[field_name(question)] = [answer.borough_id for answer in given]
        elif question.kind == QuestionKind.CONTACT:
            contact = ContactDetails.objects.filter(response=response).first()
            if contact is not None:
                data[field_name(question, "name")] = contact.name
                data[field_name(question, "phone")] = contact.phone
                data[field_name(question, "email")] = contact.email
                data[field_name(question, "consent")] = "on"
        elif given:
            data[field_name(question)] = given[0].text or given[0].choice
    if response.channel != Channel.ONLINE:
        data.update(channel=response.channel, received_on=response.received_on.isoformat())
    return posted(data)


def rows(answers):
    return sorted((a.question_id, a.text, a.choice, a.borough_id, a.number) for a in answers)


def test_responses_hold_exactly_what_the_questionnaire_form_makes(demo):
    first, second = rounds()
    sample = [
        *Response.objects.filter(consultation=first).order_by("pk")[:40],
        *Response.objects.filter(consultation=second, contact__isnull=False)[:10],
        *Response.objects.filter(consultation=second, channel=Channel.PAPER)[:10],
    ]
    for response in sample:
        consultation = response.consultation
        data = form_data(response)
        if response.channel == Channel.ONLINE:
            form = ResponseForm(consultation.questions, data)
        else:
            form = PaperResponseForm(consultation, data)
        assert form.is_valid(), (response.reference, form.errors)
        assert rows(form.answers()) == rows(response.answers.all())
        made = form.contact_details()
        kept = ContactDetails.objects.filter(response=response).first()
        assert (made is None) == (kept is None)
        if kept is not None:
            assert (made.name, made.phone, made.email) == (kept.name, kept.phone, kept.email)


def test_contact_details_are_invented_and_one_was_erased(demo):
    contacts = ContactDetails.objects.all()
    assert contacts.count() >= 40
    for contact in contacts:
        assert re.fullmatch(r"020 7946 0\d{3}", contact.phone), contact.phone
        assert contact.email == "" or contact.email.endswith("@example.org"), contact.email
        assert contact.consented_at == contact.response.submitted_at
    assert contacts.exclude(email="").exists() and contacts.filter(email="").exists()
    erased = Response.objects.get(contact_removal="erased")
    assert not ContactDetails.objects.filter(response=erased).exists()
    assert erased.answers.filter(choice=rules.CONSENTED).exists()


def test_you_said_we_did_is_live_and_shows_the_actions(demo, rf):
    first, _ = rounds()
    outcome = first.outcome()
    assert isinstance(outcome, OutcomePage) and outcome.live
    assert "300 voluntary youth organisations" in outcome.summary
    request = rf.get(outcome.url)
    request.user = AnonymousUser()
    findings = outcome.get_context(request)["findings"]
    assert 3 <= len(findings) <= 4
    for finding, actions in findings:
        assert actions, finding
        assert {action.pk for action in actions} == set(
            finding.actions.values_list("pk", flat=True)
        )
        assert all(action.plan.is_public for action in actions)
    statuses = {action.status for _, actions in findings for action in actions}
    assert len(statuses) >= 3
    # The second round points to what came of the first.
    _, second = rounds()
    assert f'id="{outcome.pk}"' in second.purpose


LOGINS = {
    "consultation-manager": Role.CONSULTATION_MANAGER,
    "data-entry": Role.DATA_ENTRY,
}


@pytest.mark.parametrize("username", list(LOGINS))
def test_demo_logins_have_their_roles(client, demo, username):
    user = get_user_model().objects.get(username=username)
    assert set(user.groups.values_list("name", flat=True)) == {LOGINS[username].value}
    assert username in demo
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_consultation_managers_edit_and_publish_the_section(demo):
    index = ConsultationIndexPage.objects.get()
    granted = GroupPagePermission.objects.filter(
        group__name=Role.CONSULTATION_MANAGER.value, page=index
    )
    assert set(granted.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }
    manager = get_user_model().objects.get(username="consultation-manager")
    first, _ = rounds()
    permissions = first.permissions_for_user(manager)
    assert permissions.can_edit() and permissions.can_publish()
    data_entry = get_user_model().objects.get(username="data-entry")
    assert not first.permissions_for_user(data_entry).can_edit()


def test_the_seed_invents_the_same_returns_every_time(demo):
    _, second = rounds()
    now = timezone.now()

    def invented():
        maker = consultation_demo.ReturnMaker(second, 7, consultation_demo.SECOND.involvement, now)
        return [
            (made.channel, made.received_on, made.submitted_at, rows(made.answers),
             made.contact and (made.contact.name, made.contact.phone, made.contact.email))
            for made in maker.make(50)
        ]  # fmt: skip

    assert invented() == invented()


def counts():
    return tuple(
        model.objects.count()
        for model in (
            ConsultationIndexPage,
            ConsultationPage,
            OutcomePage,
            Questionnaire,
            Response,
            Answer,
            ContactDetails,
            Response.history.model,
            GroupPagePermission,
            ModelLogEntry,
            get_user_model(),
        )
    )


def test_loading_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_the_responses_option_tops_the_open_round_up(demo):
    first, second = rounds()
    out = io.StringIO()
    call_command("load_demo", responses=500, stdout=out)
    assert second.responses.count() == 500
    assert first.responses.count() == 300
    assert "800 responses (380 generated for load work)" in out.getvalue()
    added = second.responses.order_by("-pk")[:380]
    assert Counter(response.channel for response in added).keys() == set(Channel)
    for response in list(added)[::10]:
        assert response.rule_breaks() == [], response.reference
        assert rules.received_in_time(response.received_on, second.opens_on, second.closes_on)
    # Asking again for the same total adds nothing; a smaller one removes nothing.
    before = counts()
    call_command("load_demo", responses=500, stdout=io.StringIO())
    call_command("load_demo", responses=200, stdout=io.StringIO())
    assert counts() == before
