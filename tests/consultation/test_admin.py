"""The consultation's admin screens end to end: typing in a paper return, the results with
their filters and free text, the exports, a response's page, erasing contact details, and
what each role is refused."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from consultation import services
from consultation.enums import Channel, QuestionKind
from consultation.forms import field_name
from consultation.models import ContactDetails, Question, Response
from hub.models import Borough
from hub.roles import Role
from tests.consultation.factories import (
    AnswerFactory,
    ContactDetailsFactory,
    ResponseFactory,
    consultation_under,
    youth_questionnaire,
)
from tests.helpers import database_rows_containing, is_refused, response_body
from tests.hub.factories import UserFactory

SENTINEL_NAME = "Zephyrine Quillfeather"
SENTINEL_PHONE = "020 7946 0999"


def user_in(role, username):
    user = UserFactory(username=username)
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def people(db):
    return {
        "manager": user_in(Role.CONSULTATION_MANAGER, "manager"),
        "volunteer": user_in(Role.DATA_ENTRY, "volunteer"),
        "other volunteer": user_in(Role.DATA_ENTRY, "volunteer2"),
        "central team": user_in(Role.CENTRAL_TEAM, "central"),
        "no role": user_in(None, "nobody"),
    }


@pytest.fixture
def as_user(client, people):
    def sign_in(role):
        client.logout()
        client.force_login(people[role])
        return client

    return sign_in


@pytest.fixture
def consultation(home):
    return consultation_under(home, questionnaire=youth_questionnaire())


def questions(consultation):
    return {question.number or "name": question for question in consultation.questions}


def paper_return(consultation, **extra):
    q = questions(consultation)
    camden, hackney = Borough.objects.filter(name__in=["Camden", "Hackney"])
    return {
        "channel": Channel.PAPER,
        "received_on": (consultation.opens_on + datetime.timedelta(days=1)).isoformat(),
        field_name(q["name"]): "Larkrise Youth Club",
        field_name(q["Q1"]): [camden.pk, hackney.pk],
        field_name(q["Q2"]): "Street games on Friday nights with the safer neighbourhoods team.",
        field_name(q["Q4"]): "Medium",
        field_name(q["Q5"], "name"): SENTINEL_NAME,
        field_name(q["Q5"], "phone"): SENTINEL_PHONE,
        field_name(q["Q5"], "consent"): "on",
        **extra,
    }


def enter_url(consultation):
    return reverse("consultation_paper:enter", args=[consultation.pk])


def test_a_volunteer_types_in_a_paper_return(as_user, people, consultation):
    client = as_user("volunteer")
    response = client.post(enter_url(consultation), paper_return(consultation))
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.channel == Channel.PAPER
    assert stored.entered_by == people["volunteer"]
    assert stored.rule_breaks() == []
    assert stored.contact.name == SENTINEL_NAME
    assert ModelLogEntry.objects.filter(action=services.ENTER_PAPER_RETURN).count() == 1
    # The form is ready for the next return, and says which one was saved.
    page = client.get(response["Location"])
    assert stored.reference in page.content.decode()


def test_a_paper_return_with_errors_is_shown_again_and_nothing_is_saved(as_user, consultation):
    client = as_user("volunteer")
    data = paper_return(consultation)
    q = questions(consultation)
    data[field_name(q["Q4"])] = "Very high"
    del data[field_name(q["Q5"], "consent")]
    response = client.post(enter_url(consultation), data)
    assert response.status_code == 200
    assert Response.objects.count() == 0
    form = response.context["form"]
    assert field_name(q["Q4"]) in form.errors
    assert field_name(q["Q5"], "consent") in form.errors
    # What was typed is still there.
    assert "Larkrise Youth Club" in response.content.decode()


@pytest.mark.parametrize(
    ("days_from_opening", "accepted"),
    [(-1, False), (0, True)],
)
def test_a_paper_return_counts_only_if_it_arrived_while_the_consultation_was_open(
    as_user, consultation, days_from_opening, accepted
):
    received = consultation.opens_on + datetime.timedelta(days=days_from_opening)
    data = paper_return(consultation, received_on=received.isoformat())
    response = as_user("volunteer").post(enter_url(consultation), data)
    assert (response.status_code == 302) is accepted
    assert Response.objects.count() == int(accepted)


def test_a_return_received_on_the_closing_day_counts_after_closing(as_user, home):
    closed = consultation_under(home, questionnaire=youth_questionnaire(), closed=True)
    for received, accepted in (
        (closed.closes_on, True),
        (closed.closes_on + datetime.timedelta(days=1), False),
    ):
        data = paper_return(closed, received_on=received.isoformat())
        response = as_user("volunteer").post(enter_url(closed), data)
        assert (response.status_code == 302) is accepted


def test_a_paper_return_is_not_acknowledged_when_the_database_fails(
    as_user, consultation, monkeypatch
):
    def failing(*args, **kwargs):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(services, "_store", failing)
    monkeypatch.setattr(services.time, "sleep", lambda seconds: None)
    response = as_user("volunteer").post(enter_url(consultation), paper_return(consultation))
    assert response.status_code == 503
    assert "nothing was saved" in response.content.decode()
    assert "Larkrise Youth Club" in response.content.decode()
    assert Response.objects.count() == 0


def test_volunteers_see_their_own_entries_never_contact_details(as_user, consultation):
    as_user("volunteer").post(enter_url(consultation), paper_return(consultation))
    stored = Response.objects.get()
    inspect = reverse("consultation_responses:inspect", args=[stored.pk])

    client = as_user("volunteer")
    listing = client.get(reverse("consultation_responses:index"))
    assert stored.reference in listing.content.decode()
    page = client.get(inspect)
    assert page.status_code == 200
    assert "Larkrise Youth Club" in page.content.decode()
    assert SENTINEL_NAME not in page.content.decode()
    assert SENTINEL_PHONE not in page.content.decode()

    other = as_user("other volunteer")
    assert (
        stored.reference not in other.get(reverse("consultation_responses:index")).content.decode()
    )
    assert is_refused(other.get(inspect))

    manager_page = as_user("manager").get(inspect).content.decode()
    assert SENTINEL_NAME in manager_page


@pytest.mark.parametrize("role", ["volunteer", "central team", "no role"])
def test_only_managers_see_results_exports_and_erase(as_user, consultation, role):
    stored = ResponseFactory(consultation=consultation)
    ContactDetailsFactory(response=stored)
    client = as_user(role)
    for url in (
        reverse("consultation_results:index"),
        reverse("consultation_results:consultation", args=[consultation.pk]),
        reverse("consultation_results:export", args=[consultation.pk, "csv"]),
        reverse("consultation_results:export", args=[consultation.pk, "xlsx"]),
        reverse("consultation_responses:erase", args=[stored.pk]),
        reverse("consultation_questionnaires:index"),
    ):
        assert is_refused(client.get(url)), url
    client.post(reverse("consultation_responses:erase", args=[stored.pk]))
    assert ContactDetails.objects.filter(response=stored).exists()


def test_nobody_edits_a_response(as_user, consultation):
    stored = ResponseFactory(consultation=consultation, channel=Channel.ONLINE)
    for role in ("manager", "volunteer"):
        client = as_user(role)
        url = reverse("consultation_responses:edit", args=[stored.pk])
        assert is_refused(client.get(url))
        client.post(url, {"channel": Channel.EMAIL})
        stored.refresh_from_db()
        assert stored.channel == Channel.ONLINE


def test_the_add_button_leads_to_paper_entry(as_user):
    response = as_user("volunteer").get(reverse("consultation_responses:add"))
    assert response.status_code == 302
    assert response["Location"] == reverse("consultation_paper:index")


def add_responses(consultation, count, borough_names=("Camden",), channel=Channel.ONLINE):
    q = questions(consultation)
    boroughs = list(Borough.objects.filter(name__in=borough_names))
    for index in range(count):
        response = ResponseFactory(consultation=consultation, channel=channel)
        AnswerFactory(response=response, question=q["name"], text=f"Organisation {index}")
        for borough in boroughs:
            AnswerFactory(response=response, question=q["Q1"], borough=borough)
        AnswerFactory(response=response, question=q["Q4"], choice=["High", "Low"][index % 2])
        AnswerFactory(response=response, question=q["Q3"], text=f"Focus on knife crime {index}")


def test_the_manager_sees_results_with_filters(as_user, consultation):
    add_responses(consultation, 3, ("Camden",), Channel.ONLINE)
    add_responses(consultation, 1, ("Hackney",), Channel.PAPER)
    url = reverse("consultation_results:consultation", args=[consultation.pk])
    client = as_user("manager")

    everything = client.get(url).context
    assert everything["total"] == 4
    involvement = next(r for r in everything["results"] if r.question.number == "Q4")
    assert [(row.label, row.count, row.percent) for row in involvement.rows] == [
        ("High", 3, 75), ("Medium", 0, 0), ("Low", 1, 25),
    ]  # fmt: skip

    hackney = Borough.objects.get(name="Hackney")
    assert client.get(url, {"borough": hackney.pk}).context["total"] == 1
    assert client.get(url, {"channel": Channel.PAPER}).context["total"] == 1
    assert client.get(url, {"channel": Channel.EMAIL}).context["total"] == 0

    searched = client.get(url, {"q": "crime 2"}).context
    focus = next(r for r in searched["results"] if r.question.number == "Q3")
    assert [answer.text for answer in focus.text_answers] == ["Focus on knife crime 2"]
    # Bad filter values are ignored rather than failing.
    assert client.get(url, {"borough": "not-a-borough"}).status_code == 200


def test_every_written_answer_is_listed_and_searchable(as_user, consultation):
    add_responses(consultation, 60)
    q3 = questions(consultation)["Q3"]
    url = reverse("consultation_results:text_answers", args=[consultation.pk, q3.pk])
    client = as_user("manager")
    page = client.get(url).context["answers"]
    assert page.paginator.count == 60
    assert len(page.object_list) == 50
    assert client.get(url, {"q": "crime 59"}).context["answers"].paginator.count == 1


def test_the_results_screen_makes_the_same_number_of_queries_for_more_responses(
    as_user, consultation
):
    from django.db import connection

    client = as_user("manager")
    url = reverse("consultation_results:consultation", args=[consultation.pk])
    counts = []
    for more in (5, 55):
        add_responses(consultation, more, ("Camden", "Hackney"))
        client.get(url)  # warm the per-request caches Wagtail keeps (site, settings)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def read_csv(response):
    text = response_body(response).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_exports_neutralise_formulas_and_hold_contact_details_only_for_managers(
    as_user, consultation, people
):
    q = questions(consultation)
    stored = ResponseFactory(consultation=consultation)
    AnswerFactory(response=stored, question=q["name"], text='=HYPERLINK("http://x")')
    AnswerFactory(response=stored, question=q["Q5"], choice="yes")
    ContactDetailsFactory(response=stored, name=SENTINEL_NAME, phone=SENTINEL_PHONE)
    csv_url = reverse("consultation_results:export", args=[consultation.pk, "csv"])
    xlsx_url = reverse("consultation_results:export", args=[consultation.pk, "xlsx"])

    rows = read_csv(as_user("manager").get(csv_url))
    assert rows[0][-3:] == ["Contact name", "Contact phone", "Contact email"]
    assert rows[1][0] == stored.reference
    assert '\'=HYPERLINK("http://x")' in rows[1]
    assert SENTINEL_NAME in rows[1]

    workbook = load_workbook(io.BytesIO(response_body(as_user("manager").get(xlsx_url))))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    formula = next(cell for cell in cells if str(cell.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"

    # A manager without the contact-details permission gets the answers, not the details.
    group = Group.objects.get(name=Role.CONSULTATION_MANAGER.value)
    limited = user_in(None, "analyst")
    limited.user_permissions.set(group.permissions.exclude(codename="view_contact_details"))
    from django.test import Client

    analyst = Client()
    analyst.force_login(limited)
    rows = read_csv(analyst.get(csv_url))
    assert "Contact name" not in rows[0]
    assert SENTINEL_NAME not in str(rows)


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_exports_make_the_same_number_of_queries_for_more_responses(as_user, consultation, format):
    from django.db import connection

    client = as_user("manager")
    url = reverse("consultation_results:export", args=[consultation.pk, format])
    counts = []
    for more in (5, 55):
        add_responses(consultation, more, ("Camden", "Hackney"))
        client.get(url)  # warm the per-request caches Wagtail keeps (site, settings)
        with CaptureQueriesContext(connection) as queries:
            response_body(client.get(url))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_export_row_holds_every_answer_in_the_order_given_and_only_kept_details(
    as_user, consultation
):
    add_responses(consultation, 2, ("Hackney", "Camden"))
    kept, erased = Response.objects.order_by("pk")
    for response in (kept, erased):
        ContactDetailsFactory(response=response, name=SENTINEL_NAME, phone=SENTINEL_PHONE, email="")
    services.erase_contact_details(erased, None)
    client = as_user("manager")
    rows = read_csv(
        client.get(reverse("consultation_results:export", args=[consultation.pk, "csv"]))
    )
    q1 = rows[0].index("Q1")
    assert [(row[0], row[q1], row[-3:]) for row in rows[1:]] == [
        (kept.reference, "Camden; Hackney", [SENTINEL_NAME, SENTINEL_PHONE, ""]),
        (erased.reference, "Camden; Hackney", ["", "", ""]),
    ]
    assert rows[1][1:5] == [
        "Online",
        kept.received_on.isoformat(),
        kept.submitted_at.isoformat(timespec="seconds"),
        "",
    ]


def test_the_results_screen_shows_a_new_response_at_once(as_user, consultation):
    client = as_user("manager")
    url = reverse("consultation_results:consultation", args=[consultation.pk])
    add_responses(consultation, 2)
    assert client.get(url).context["total"] == 2
    add_responses(consultation, 1, ("Hackney",), Channel.PAPER)
    context = client.get(url).context
    assert context["total"] == 3
    assert dict(context["by_channel"])["Paper"] == 1


def test_a_manager_erases_contact_details_and_the_results_stay(as_user, consultation):
    as_user("volunteer").post(enter_url(consultation), paper_return(consultation))
    stored = Response.objects.get()
    url = reverse("consultation_results:consultation", args=[consultation.pk])
    client = as_user("manager")
    before = [(r.question.pk, r.answered, [(x.label, x.count) for x in r.rows])
              for r in client.get(url).context["results"]]  # fmt: skip

    erase = reverse("consultation_responses:erase", args=[stored.pk])
    assert client.get(erase).status_code == 200
    assert client.post(erase).status_code == 302
    assert not ContactDetails.objects.filter(response=stored).exists()
    assert database_rows_containing(SENTINEL_NAME) == []
    assert database_rows_containing(SENTINEL_PHONE) == []
    after = [(r.question.pk, r.answered, [(x.label, x.count) for x in r.rows])
             for r in client.get(url).context["results"]]  # fmt: skip
    assert after == before
    stored.refresh_from_db()
    assert stored.contact_removal == "erased"
    assert ModelLogEntry.objects.filter(action=services.ERASE_CONTACT).count() == 1


def questionnaire_post(questionnaire, rows, **extra):
    """The questionnaire edit form's POST: ``rows`` of question field dicts."""
    data = {
        "title": questionnaire.title,
        "introduction": questionnaire.introduction,
        "closing_words": questionnaire.closing_words,
        "questions-TOTAL_FORMS": str(len(rows)),
        "questions-INITIAL_FORMS": str(sum(1 for row in rows if row.get("id"))),
        "questions-MIN_NUM_FORMS": "1",
        "questions-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for index, row in enumerate(rows):
        defaults = {
            "number": "", "text": "A question?", "help_text": "", "kind": QuestionKind.SHORT_TEXT,
            "choices": "", "scale_lowest": "1", "scale_highest": "5", "scale_lowest_label": "",
            "scale_highest_label": "", "ORDER": str(index + 1), "id": "", "DELETE": "",
        }  # fmt: skip
        for key, value in {**defaults, **row}.items():
            if key in ("required", "publish_results") and not value:
                continue
            data[f"questions-{index}-{key}"] = value
    return data


def existing_rows(questionnaire):
    return [
        {
            "id": str(question.pk), "number": question.number, "text": question.text,
            "kind": question.kind, "choices": question.choices,
            "required": "on" if question.required else "",
            "publish_results": "on" if question.publish_results else "",
            "help_text": question.help_text,
        }
        for question in questionnaire.ordered_questions()
    ]  # fmt: skip


def test_a_manager_builds_a_questionnaire(as_user):
    client = as_user("manager")
    from consultation.models import Questionnaire

    url = reverse("consultation_questionnaires:add")
    rows = [
        {"number": "Q1", "text": "Which boroughs?", "kind": QuestionKind.BOROUGHS,
         "publish_results": "on", "required": "on"},
        {"number": "Q2", "text": "How safe do you feel?", "kind": QuestionKind.SCALE,
         "scale_lowest": "1", "scale_highest": "5", "publish_results": "on"},
    ]  # fmt: skip
    questionnaire = Questionnaire(title="Cadet scheme questionnaire")
    response = client.post(url, questionnaire_post(questionnaire, rows))
    assert response.status_code == 302, response.context["form"].errors
    created = Questionnaire.objects.get(title="Cadet scheme questionnaire")
    assert [q.kind for q in created.ordered_questions()] == [
        QuestionKind.BOROUGHS,
        QuestionKind.SCALE,
    ]


def test_a_questionnaire_has_one_contact_block_and_keeps_answered_questions(as_user, consultation):
    questionnaire = consultation.questionnaire
    url = reverse("consultation_questionnaires:edit", args=[questionnaire.pk])
    client = as_user("manager")
    rows = existing_rows(questionnaire) + [
        {"text": "Another contact?", "kind": QuestionKind.CONTACT}
    ]
    response = client.post(url, questionnaire_post(questionnaire, rows))
    assert response.status_code == 200
    assert "one contact-details question at most" in response.content.decode()
    assert questionnaire.questions.count() == 6

    q2 = Question.objects.get(questionnaire=questionnaire, number="Q2")
    AnswerFactory(response=ResponseFactory(consultation=consultation), question=q2, text="Yes")
    rows = existing_rows(questionnaire)
    next(row for row in rows if row["id"] == str(q2.pk))["DELETE"] = "on"
    response = client.post(url, questionnaire_post(questionnaire, rows))
    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode()
    assert Question.objects.filter(pk=q2.pk).exists()


def test_a_consultation_with_responses_cannot_be_deleted(client, consultation):
    ResponseFactory(consultation=consultation)
    client.force_login(UserFactory(username="admin", superuser=True))
    response = client.post(reverse("wagtailadmin_pages:delete", args=[consultation.pk]))
    assert response.status_code == 302
    assert type(consultation).objects.filter(pk=consultation.pk).exists()


def test_the_menu_shows_each_role_what_it_may_use(as_user):
    manager = as_user("manager").get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("consultation_results:index") in manager
    volunteer = as_user("volunteer").get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("consultation_paper:index") in volunteer
    assert reverse("consultation_results:index") not in volunteer


def test_paper_entry_lists_only_consultations_that_have_opened(as_user, home, consultation):
    upcoming = consultation_under(home, questionnaire=youth_questionnaire(), upcoming=True)
    client = as_user("volunteer")
    listing = client.get(reverse("consultation_paper:index")).context["consultations"]
    assert consultation in listing and upcoming not in listing
    assert client.get(enter_url(upcoming)).status_code == 404
    assert timezone.localdate() >= consultation.opens_on


def test_an_editor_links_findings_to_actions_and_publishing_keeps_the_links(client, consultation):
    """A finding's actions travel in the page's revision: the page form saves them, publishing
    keeps them, and the public page shows each action with its status."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from consultation.models import OutcomePage
    from partnerships.enums import ActionStatus
    from tests.partnerships.factories import ActionFactory

    public = ActionFactory(title="Youth panel in every borough", plan__is_public=True)
    ActionFactory(title="A private action", plan__is_public=False)
    public.status = ActionStatus.IN_PROGRESS
    public.save()
    client.force_login(UserFactory(username="editor", is_superuser=True))
    data = nested_form_data(
        {
            "title": "You said, we did",
            "slug": "you-said-we-did",
            "intro": "",
            "summary": rich_text("<p>What we heard.</p>"),
            "findings": inline_formset(
                [{"you_said": "More youth panels.", "we_did": "Set one up."}]
            ),
            "action-publish": "publish",
        }
    )
    # nested_form_data would spread a list over numbered keys; a multiple select repeats one key.
    data["findings-0-actions"] = [public.pk]
    url = reverse("wagtailadmin_pages:add", args=["consultation", "outcomepage", consultation.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = OutcomePage.objects.child_of(consultation).get()
    finding = page.findings.get()
    assert list(finding.actions.all()) == [public]
    assert list(page.get_latest_revision_as_object().findings.first().actions.all()) == [public]
    body = client.get(page.url).content.decode()
    assert "Youth panel in every borough" in body
    assert "In progress" in body
