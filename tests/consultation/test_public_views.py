"""The public side of a consultation: the questionnaire (and taking a response through it), the
receipt, the printable and PDF blanks and the published results.

A response is taken once per form, only while the consultation is open (by the London date),
never from a robot, and never acknowledged unless it was stored; a refused form keeps every
answer. Free text and contact details never reach a public page, a receipt or a PDF.
"""

import datetime
import io
import re
import zoneinfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from consultation import rules, services, views
from consultation.forms import HONEYPOT, new_form_token, read_form_token
from consultation.models import Answer, ContactDetails, Question, Response
from hub.models import ThrottleWindow
from tests.consultation.conftest import (
    EMAIL_SENTINEL,
    NAME_SENTINEL,
    PHONE_SENTINEL,
    TEXT_SENTINEL,
)
from tests.consultation.factories import (
    AnswerFactory,
    ResponseFactory,
    consultation_under,
    youth_questionnaire,
)
from tests.helpers import database_rows_containing

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
# 15 June 2026, in British Summer Time: the consultation runs from 1 June to 31 July.
NOW = datetime.datetime(2026, 6, 15, 11, 0, tzinfo=LONDON)
SENTINELS = [NAME_SENTINEL, PHONE_SENTINEL, EMAIL_SENTINEL, TEXT_SENTINEL]


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def token(seconds_ago=10, now=None):
    return new_form_token(
        (now or datetime.datetime.now(tz=datetime.UTC)) - datetime.timedelta(seconds=seconds_ago)
    )


def text_of(response):
    """The page's visible text, with runs of white space made single spaces."""
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    return re.sub(r" ([.,;:])", r"\1", " ".join(soup.get_text(" ").split()))


def pdf_text(body):
    reader = PdfReader(io.BytesIO(body))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def nothing_stored():
    return not (
        Response.objects.exists() or Answer.objects.exists() or ContactDetails.objects.exists()
    )


def kept_answers(response, e):
    """The answers drawn again in the refused form (what the template fills in)."""
    drawn = {q.question.pk: q for q in response.context["questions"]}
    parts = drawn[e.contact.pk].parts
    return {
        "short": drawn[e.short.pk].value,
        "single": [o.value for o in drawn[e.single.pk].options if o.checked],
        "multiple": [o.value for o in drawn[e.multiple.pk].options if o.checked],
        "scale": [o.value for o in drawn[e.scale.pk].options if o.checked],
        "name": parts["name"]["value"],
        "phone": parts["phone"]["value"],
    }


KEPT = {
    "short": "Hackney Youth Club",
    "single": ["High"],
    "multiple": ["Knife crime", "Schools"],
    "scale": ["4"],
    "name": "Ada Example",
    "phone": "020 7946 0123",
}


def assert_answers_kept(response, e):
    assert kept_answers(response, e) == KEPT
    body = response.content.decode()
    assert 'value="Hackney Youth Club"' in body
    assert 'value="Ada Example"' in body
    assert re.search(r'value="High"\s+checked', body)


def is_receipt(response):
    return response.status_code == 302 and "/receipt/" in response.get("Location", "")


class Post:
    """Posting the questionnaire as a browser would."""

    def __init__(self, client, consultation, e):
        self.client, self.consultation, self.e = client, consultation, e

    def __call__(self, form_token=None, address="192.0.2.10", **overrides):
        data = self.e.valid_data(
            form_token=token() if form_token is None else form_token, **overrides
        )
        data = {k: v for k, v in data.items() if v != "<absent>"}
        return self.client.post(self.consultation.url, data, REMOTE_ADDR=address)


@pytest.fixture
def post(client, consultation, every_kind):
    return Post(client, consultation, every_kind)


class TestTheQuestionnaire:
    def test_an_open_consultation_shows_every_question_and_a_fresh_token(
        self, client, consultation, every_kind
    ):
        response = client.get(consultation.url)
        assert response.status_code == 200
        text = text_of(response)
        for question in every_kind.questions:
            assert question.text in text
        issued = read_form_token(response.context["form_token"])
        assert issued is not None and issued[1] == NOW
        soup = BeautifulSoup(response.content, "html.parser")
        form = soup.find("form", method="post")
        assert form.find("input", {"name": "form_token"})["value"] == response.context["form_token"]
        assert form.find("input", {"name": HONEYPOT})["value"] == ""
        assert "Send your answers" in text

    def test_a_person_filling_it_in_gets_a_receipt(self, client, post, consultation, every_kind):
        response = post()
        assert is_receipt(response)
        stored = Response.objects.get()
        assert response["Location"] == route(consultation, "receipt", stored.reference)
        assert (stored.channel, stored.received_on) == ("online", NOW.date())
        assert stored.answers.count() == 9
        assert stored.rule_breaks() == []
        receipt = client.get(response["Location"])
        assert receipt.status_code == 200
        assert stored.reference in text_of(receipt)

    def test_other_methods_are_refused(self, client, consultation):
        response = client.put(consultation.url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, POST"


class TestOpeningAndClosing:
    """Open from the start of 1 June to the end of 31 July, London time (British Summer Time,
    an hour ahead of UTC: the London date changes at 23:00 UTC)."""

    CASES = [
        (datetime.datetime(2026, 5, 31, 23, 59, tzinfo=LONDON), False),  # the day before
        (datetime.datetime(2026, 6, 1, 0, 0, tzinfo=LONDON), True),  # 31 May, 23:00 UTC
        (datetime.datetime(2026, 7, 31, 23, 59, tzinfo=LONDON), True),  # the closing day
        (datetime.datetime(2026, 8, 1, 0, 0, tzinfo=LONDON), False),  # 31 July, 23:00 UTC
    ]

    @pytest.mark.parametrize(("when", "open_"), CASES)
    def test_answers_are_taken_only_while_open(self, post, when, open_):
        with time_machine.travel(when, tick=False):
            response = post(form_token=token(now=when))
        if open_:
            assert is_receipt(response)
            assert Response.objects.get().received_on == when.date()
        else:
            assert response.status_code == 403
            assert "Your answers were not sent" in text_of(response)
            assert nothing_stored()

    @pytest.mark.parametrize(("when", "open_"), CASES)
    def test_the_page_shows_the_form_only_while_open(self, client, consultation, when, open_):
        with time_machine.travel(when, tick=False):
            response = client.get(consultation.url)
        assert response.status_code == 200
        text = text_of(response)
        assert ("Send your answers" in text) is open_
        assert (b'name="form_token"' in response.content) is open_
        if not open_ and when.month == 5:
            assert "This consultation opens on 1 June 2026." in text
        elif not open_:
            assert "This consultation closed on 31 July 2026." in text
            assert route(consultation, "results") in response.content.decode()

    @pytest.mark.parametrize(
        ("when", "notice"),
        [
            (datetime.datetime(2026, 5, 31, 12, 0, tzinfo=LONDON), "opens on 1 June 2026"),
            (datetime.datetime(2026, 8, 1, 12, 0, tzinfo=LONDON), "closed on 31 July 2026"),
        ],
    )
    def test_posting_when_not_open_is_refused_with_a_clear_page(self, post, when, notice):
        with time_machine.travel(when, tick=False):
            response = post(form_token=token(now=when))
        assert response.status_code == 403
        text = text_of(response)
        assert f"This consultation {notice}." in text
        assert "Your answers were not sent, because the consultation is not taking answers." in (
            text
        )
        assert nothing_stored()
        assert ThrottleWindow.objects.count() == 0

    def test_a_form_sent_again_just_after_closing_still_gets_its_receipt(self, post):
        """Stored in the last minute; the browser sends it again after midnight."""
        last_minute = datetime.datetime(2026, 7, 31, 23, 59, 50, tzinfo=LONDON)
        form_token = token(now=last_minute)
        with time_machine.travel(last_minute, tick=False):
            first = post(form_token=form_token)
        with time_machine.travel(last_minute + datetime.timedelta(seconds=20), tick=False):
            again = post(form_token=form_token)
        assert is_receipt(first)
        assert (again.status_code, again["Location"]) == (302, first["Location"])
        assert Response.objects.count() == 1


class TestOneResponsePerForm:
    def test_the_same_form_sent_twice_gives_one_response_and_the_same_receipt(self, post):
        form_token = token()
        first = post(form_token=form_token)
        second = post(form_token=form_token)
        assert is_receipt(first) and is_receipt(second)
        assert first["Location"] == second["Location"]
        assert Response.objects.count() == 1
        assert Answer.objects.count() == 9

    def test_two_forms_give_two_responses(self, post):
        first, second = post(), post()
        assert first["Location"] != second["Location"]
        assert Response.objects.count() == 2

    def test_sent_twice_at_once_both_get_the_same_receipt(self, post, monkeypatch):
        """The second request looked before the first had stored it: the unique key refuses
        the second row and the first response's receipt is given."""
        form_token = token()
        first = post(form_token=form_token)
        manager = Response.objects
        real_filter = manager.filter
        looks = []

        def not_there_yet(*args, **kwargs):
            looks.append(kwargs)
            return manager.none() if len(looks) <= 2 else real_filter(*args, **kwargs)

        monkeypatch.setattr(manager, "filter", not_there_yet)
        second = post(form_token=form_token)
        assert (second.status_code, second["Location"]) == (302, first["Location"])
        assert Response.objects.count() == 1


class TestRobots:
    def test_the_honeypot_filled_in_is_refused_with_the_answers_kept(self, post, every_kind):
        response = post(website="https://cheap-pills.example")
        assert response.status_code == 200
        assert rules.NOT_ACCEPTED in text_of(response)
        assert_answers_kept(response, every_kind)
        assert nothing_stored()

    @pytest.mark.parametrize(("seconds", "accepted"), [(2.9, False), (3, True)])
    def test_sent_back_too_quickly(self, post, every_kind, seconds, accepted):
        response = post(form_token=token(seconds_ago=seconds))
        if accepted:
            assert is_receipt(response)
            assert Response.objects.count() == 1
        else:
            assert response.status_code == 200
            assert rules.TOO_FAST in text_of(response)
            assert_answers_kept(response, every_kind)
            assert nothing_stored()

    def test_sent_again_after_too_quick_a_first_try_is_accepted_with_the_same_token(self, post):
        form_token = token(seconds_ago=1)
        refused = post(form_token=form_token)
        assert refused.context["form_token"] == form_token
        with time_machine.travel(NOW + datetime.timedelta(seconds=5), tick=False):
            assert is_receipt(post(form_token=form_token))

    @pytest.mark.parametrize("form_token", ["", "<absent>", "forged:token", "tampered"])
    def test_a_missing_or_tampered_token_is_refused(self, post, every_kind, form_token):
        if form_token == "tampered":
            good = token()
            form_token = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
        response = post(form_token=form_token)
        assert response.status_code == 200
        assert rules.NOT_ACCEPTED in text_of(response)
        assert_answers_kept(response, every_kind)
        assert read_form_token(response.context["form_token"])[1] == NOW
        assert nothing_stored()

    def test_a_token_older_than_a_day_is_refused_with_a_fresh_one(self, post, every_kind):
        old = token(seconds_ago=24 * 3600 + 1)
        response = post(form_token=old)
        assert response.status_code == 200
        assert rules.EXPIRED in text_of(response)
        assert_answers_kept(response, every_kind)
        fresh = response.context["form_token"]
        assert fresh != old
        assert read_form_token(fresh)[1] == NOW
        assert f'value="{fresh}"' in response.content.decode()
        assert nothing_stored()
        with time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False):
            assert is_receipt(post(form_token=fresh))

    def test_a_token_a_day_old_is_still_accepted(self, post):
        assert is_receipt(post(form_token=token(seconds_ago=24 * 3600)))


class TestAnswersRefused:
    def test_every_answer_is_kept_and_each_error_linked(self, post, every_kind):
        e = every_kind
        response = post(**{f"q{e.long.pk}": "x" * 5001, f"q{e.contact.pk}-consent": "<absent>"})
        assert response.status_code == 200
        assert_answers_kept(response, e)
        assert response.context["error_summary"] == [
            (f"q{e.long.pk}", "Your answer must be 5000 characters or fewer"),
            (f"q{e.contact.pk}-consent", rules.CONSENT_NEEDED),
        ]
        soup = BeautifulSoup(response.content, "html.parser")
        summary = soup.find(class_="govuk-error-summary")
        links = [(a["href"], a.get_text(strip=True)) for a in summary.find_all("a")]
        assert links == [
            (f"#q{e.long.pk}", "Your answer must be 5000 characters or fewer"),
            (f"#q{e.contact.pk}-consent", rules.CONSENT_NEEDED),
        ]
        for anchor, _ in links:
            assert soup.find(id=anchor[1:]) is not None
        assert soup.find("textarea", id=f"q{e.long.pk}").get_text() == "x" * 5001
        assert soup.title.get_text().startswith("Error: ")
        assert nothing_stored()


class TestABriefOutage:
    @pytest.fixture(autouse=True)
    def _no_waiting(self, monkeypatch):
        monkeypatch.setattr(services.time, "sleep", lambda seconds: None)

    def fail(self, monkeypatch, times):
        real_save = Response.save
        calls = []

        def save(self, *args, **kwargs):
            calls.append(1)
            if len(calls) <= times:
                raise OperationalError("the database system is starting up")
            return real_save(self, *args, **kwargs)

        monkeypatch.setattr(Response, "save", save)
        return calls

    def test_a_first_failure_is_retried_and_a_receipt_given(self, post, monkeypatch):
        calls = self.fail(monkeypatch, times=1)
        response = post()
        assert is_receipt(response)
        assert len(calls) == 2
        assert Response.objects.count() == 1
        assert Answer.objects.count() == 9

    def test_a_longer_outage_says_nothing_was_saved_and_keeps_the_answers(
        self, post, every_kind, monkeypatch
    ):
        self.fail(monkeypatch, times=99)
        form_token = token()
        response = post(form_token=form_token)
        assert response.status_code == 503
        assert not is_receipt(response)
        assert response.context["error_summary"][0] == (None, rules.NOT_SAVED)
        assert "Nothing has been sent" in text_of(response)
        assert_answers_kept(response, every_kind)
        assert response.context["form_token"] == form_token
        assert nothing_stored()


class TestRateLimit:
    def test_the_third_form_from_one_address_in_the_window_is_refused(
        self, post, every_kind, settings
    ):
        settings.HUB_SUBMISSIONS_PER_CLIENT = 2
        assert is_receipt(post(address="203.0.113.7"))
        assert is_receipt(post(address="203.0.113.7"))
        refused = post(address="203.0.113.7")
        assert refused.status_code == 429
        assert refused.context["error_summary"][0] == (None, rules.TOO_MANY)
        assert rules.TOO_MANY in text_of(refused)
        assert_answers_kept(refused, every_kind)
        assert Response.objects.count() == 2
        assert is_receipt(post(address="203.0.113.8"))
        assert Response.objects.count() == 3
        assert database_rows_containing("203.0.113.7") == []

    def test_the_count_starts_again_in_the_next_window(self, post, settings):
        settings.HUB_SUBMISSIONS_PER_CLIENT = 1
        settings.HUB_SUBMISSION_WINDOW_SECONDS = 600
        assert is_receipt(post())
        assert post().status_code == 429
        later = NOW + datetime.timedelta(seconds=600)
        with time_machine.travel(later, tick=False):
            assert is_receipt(post(form_token=token(now=later)))


class TestReceipt:
    def test_a_receipt_by_email_when_asked_and_the_address_kept_nowhere(
        self, client, post, consultation
    ):
        response = post(receipt_email=EMAIL_SENTINEL.replace("sentinel", "receipt"))
        stored = Response.objects.get()
        assert response["Location"] == route(consultation, "receipt", stored.reference) + (
            "?emailed=1"
        )
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [EMAIL_SENTINEL.replace("sentinel", "receipt")]
        assert stored.reference in mail.outbox[0].subject
        assert stored.reference in mail.outbox[0].body
        assert database_rows_containing("receipt-address@example.org") == []
        page = client.get(response["Location"])
        assert "We have sent your reference number" in text_of(page)

    def test_a_failed_email_is_said_on_the_receipt_and_the_response_is_safe(
        self, client, post, monkeypatch
    ):
        def broken(**kwargs):
            raise ConnectionRefusedError

        monkeypatch.setattr(views, "send_mail", broken)
        response = post(receipt_email="someone@example.org")
        assert response["Location"].endswith("?emailed=0")
        assert Response.objects.count() == 1
        assert "We could not send the email" in text_of(client.get(response["Location"]))

    def test_no_email_is_sent_for_a_form_sent_again(self, post):
        form_token = token()
        post(form_token=form_token, receipt_email="someone@example.org")
        post(form_token=form_token, receipt_email="someone@example.org")
        assert len(mail.outbox) == 1

    def test_a_reference_is_found_whatever_its_case(self, client, post, consultation):
        post()
        reference = Response.objects.get().reference
        assert client.get(route(consultation, "receipt", reference.lower())).status_code == 200

    def test_an_unknown_reference_or_another_consultations_is_not_found(
        self, client, home, consultation, every_kind
    ):
        other = consultation_under(home, questionnaire=every_kind.questionnaire, title="Other")
        elsewhere = ResponseFactory(consultation=other)
        assert client.get(route(consultation, "receipt", "ABCD-EFGH")).status_code == 404
        assert client.get(route(consultation, "receipt", elsewhere.reference)).status_code == 404
        assert client.get(route(other, "receipt", elsewhere.reference)).status_code == 200


class TestPaperVersions:
    @pytest.fixture
    def youth(self, home):
        return consultation_under(home, questionnaire=youth_questionnaire(), title="Youth")

    @pytest.mark.parametrize("which", ["every_kind", "youth"])
    def test_the_printable_page_has_every_question_in_order(self, client, request, which):
        page = (
            request.getfixturevalue("consultation")
            if which == "every_kind"
            else request.getfixturevalue("youth")
        )
        response = client.get(route(page, "printable"))
        assert response.status_code == 200
        text = text_of(response)
        positions = [text.find(" ".join(q.text.split())) for q in page.questions]
        assert -1 not in positions
        assert positions == sorted(positions)
        assert page.questionnaire.title in text

    @pytest.mark.parametrize("which", ["every_kind", "youth"])
    def test_the_pdf_has_every_question_in_order(self, client, request, which):
        page = (
            request.getfixturevalue("consultation")
            if which == "every_kind"
            else request.getfixturevalue("youth")
        )
        response = client.get(route(page, "pdf"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert (
            response["Content-Disposition"] == f'inline; filename="{page.slug}-questionnaire.pdf"'
        )
        body = response.content
        assert body.startswith(b"%PDF")
        text = pdf_text(body)
        positions = [text.find(" ".join(q.text.split())) for q in page.questions]
        assert -1 not in positions
        assert positions == sorted(positions)
        assert "Closing date:" in text

    def test_the_pdf_offers_every_choice_and_borough(self, client, consultation, every_kind):
        text = pdf_text(client.get(route(consultation, "pdf")).content)
        for choice in every_kind.single.choice_list + every_kind.multiple.choice_list:
            assert choice in text
        assert "Camden" in text and "Westminster" in text
        assert "Tick one number from 1 to 5 (1 is Not at all, 5 is Very)." in text

    def test_without_paper_returns_there_is_no_printable_copy(self, client, consultation):
        consultation.accepts_paper_returns = False
        consultation.save_revision().publish()
        assert client.get(route(consultation, "printable")).status_code == 404
        assert client.get(route(consultation, "pdf")).status_code == 404


class TestPublicResults:
    @pytest.fixture
    def answered(self, post, every_kind):
        e = every_kind
        c = e.contact.pk
        sentinel_answers = {
            f"q{e.short.pk}": TEXT_SENTINEL,
            f"q{e.long.pk}": f"Long {TEXT_SENTINEL}",
            f"q{c}-name": NAME_SENTINEL,
            f"q{c}-phone": PHONE_SENTINEL,
            f"q{c}-email": EMAIL_SENTINEL,
        }
        receipt = post(**sentinel_answers)
        assert is_receipt(receipt)
        post(**{f"q{e.single.pk}": "Low", f"q{e.scale.pk}": "2"})
        return receipt["Location"]

    def test_only_published_counted_questions_are_shown(
        self, client, consultation, every_kind, answered
    ):
        e = every_kind
        Question.objects.filter(pk=e.scale.pk).update(publish_results=False)
        # A free-text question wrongly marked (bypassing the form): still never shown.
        Question.objects.filter(pk=e.short.pk).update(publish_results=True)
        response = client.get(route(consultation, "results"))
        assert response.status_code == 200
        shown = [r.question.pk for r in response.context["results"]]
        assert shown == [e.single.pk, e.multiple.pk, e.boroughs.pk]
        headings = [
            h.get_text(strip=True)
            for h in BeautifulSoup(response.content, "html.parser").find_all("h2")
        ]
        for question in (e.single, e.multiple, e.boroughs):
            assert question.label in headings
        for question in (e.short, e.long, e.scale, e.contact):
            assert question.label not in headings
        text = text_of(response)
        assert "2 responses so far." in text
        assert "High 1 50%" in text and "Low 1 50%" in text

    def test_no_free_text_or_contact_details_reach_any_public_page(
        self, client, consultation, answered
    ):
        pages = {
            "results": client.get(route(consultation, "results")),
            "receipt": client.get(answered),
            "printable": client.get(route(consultation, "printable")),
            "questionnaire": client.get(consultation.url),
            "pdf": client.get(route(consultation, "pdf")),
        }
        for name, response in pages.items():
            assert response.status_code == 200, name
            for sentinel in SENTINELS:
                assert sentinel.encode() not in response.content, (name, sentinel)
        pdf = pdf_text(pages["pdf"].content)
        for sentinel in SENTINELS:
            assert sentinel not in pdf
        # They were stored, so the pages could have shown them.
        for sentinel in SENTINELS:
            assert database_rows_containing(sentinel) != []

    def test_the_number_of_queries_does_not_grow_with_the_responses(
        self, client, consultation, every_kind
    ):
        def add(count):
            for n in range(count):
                response = ResponseFactory(consultation=consultation)
                AnswerFactory(response=response, question=every_kind.single, choice="High")
                AnswerFactory(
                    response=response,
                    question=every_kind.boroughs,
                    borough=every_kind.camden if n % 2 else every_kind.hackney,
                )
                AnswerFactory(response=response, question=every_kind.scale, number=1 + n % 5)

        def count():
            client.get(route(consultation, "results"))  # caches warmed
            with CaptureQueriesContext(connection) as queries:
                response = client.get(route(consultation, "results"))
            assert response.status_code == 200
            return len(queries), response.context["total"]

        add(5)
        few, total = count()
        assert total == 5
        add(55)
        many, total = count()
        assert (many, total) == (few, 60)


class TestConsultationsSection:
    def test_consultations_are_listed_as_open_coming_up_or_closed(
        self, client, home, consultation, every_kind
    ):
        upcoming = consultation_under(
            home,
            questionnaire=every_kind.questionnaire,
            title="Coming up",
            opens_on=datetime.date(2026, 9, 1),
            closes_on=datetime.date(2026, 10, 1),
        )
        closed = consultation_under(
            home,
            questionnaire=every_kind.questionnaire,
            title="Finished",
            opens_on=datetime.date(2026, 1, 1),
            closes_on=datetime.date(2026, 2, 1),
        )
        index = consultation.get_parent().specific
        response = client.get(index.url)
        assert response.status_code == 200
        assert (
            response.context["open"],
            response.context["upcoming"],
            response.context["closed"],
        ) == ([consultation], [upcoming], [closed])


class TestWhatEachProcessRemembers:
    """With ``HUB_ROUTE_CACHE``, the questions and boroughs a response needs are read once per
    generation of the page cache, and an edit of either reaches the questionnaire at once."""

    @pytest.fixture(autouse=True)
    def _remembering(self, settings):
        settings.HUB_ROUTE_CACHE = True

    def test_a_response_reads_neither_the_questions_nor_the_boroughs_again(
        self, client, post, consultation
    ):
        assert is_receipt(post())
        with CaptureQueriesContext(connection) as queries:
            assert is_receipt(post())
        read = " ".join(query["sql"] for query in queries).lower()
        assert Response.objects.count() == 2
        for table in ("consultation_question", "consultation_questionnaire", "hub_borough"):
            assert f'from "{table}"' not in read

    def test_an_edited_question_reaches_the_questionnaire_at_once(
        self, client, consultation, every_kind, django_capture_on_commit_callbacks
    ):
        assert every_kind.short.text in text_of(client.get(consultation.url))
        with django_capture_on_commit_callbacks(execute=True):
            every_kind.short.text = "What is your group called now?"
            every_kind.short.save()
        assert "What is your group called now?" in text_of(client.get(consultation.url))

    def test_a_renamed_borough_reaches_the_questionnaire_at_once(
        self, client, consultation, every_kind, django_capture_on_commit_callbacks
    ):
        assert "Camden" in text_of(client.get(consultation.url))
        with django_capture_on_commit_callbacks(execute=True):
            every_kind.camden.name = "Camden Town"
            every_kind.camden.save()
        assert "Camden Town" in text_of(client.get(consultation.url))

    def test_without_the_setting_every_request_reads_them(self, settings, client, post):
        settings.HUB_ROUTE_CACHE = False
        assert is_receipt(post())
        with CaptureQueriesContext(connection) as queries:
            assert is_receipt(post())
        read = " ".join(query["sql"] for query in queries).lower()
        assert 'from "consultation_question"' in read and 'from "hub_borough"' in read
