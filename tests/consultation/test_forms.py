"""The questionnaire as a form: each kind of question validated at its edges, the contact block's
consent rules, the online form's guards against robots (signed token, honeypot, fill time,
expiry) and the paper form's date received. A refused form keeps every answer given."""

import datetime

import pytest
import time_machine
from django.core import signing

from consultation import rules
from consultation.enums import Channel, QuestionKind
from consultation.forms import (
    PaperResponseForm,
    PublicResponseForm,
    ResponseForm,
    new_form_token,
    read_form_token,
)
from hub.models import Borough
from tests.consultation.conftest import posted

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 11, 0, tzinfo=datetime.UTC)


def answers_of(form):
    """What the form would store: ``[(question id, text, choice, borough id, number)]``."""
    return [(a.question_id, a.text, a.choice, a.borough_id, a.number) for a in form.answers()]


def response_form(questions, data=None):
    return ResponseForm(questions, None if data is None else posted(data))


def name(question, part=""):
    return f"q{question.pk}-{part}" if part else f"q{question.pk}"


class TestRequiredAndOptional:
    KINDS = ["short", "long", "single", "multiple", "boroughs", "scale"]
    MESSAGES = {
        "short": "Enter your answer",
        "long": "Enter your answer",
        "single": "Select an answer",
        "multiple": "Select at least one answer",
        "boroughs": "Select at least one borough",
        "scale": "Select a number",
    }
    # Left blank: the field not sent at all (as browsers do for unticked boxes), or sent empty.
    BLANKS = [(kind, None) for kind in KINDS] + [
        ("short", ""),
        ("short", "   "),
        ("long", ""),
        ("long", " \r\n "),
        ("single", ""),
        ("scale", ""),
    ]

    @pytest.mark.parametrize(("kind", "blank"), BLANKS)
    def test_a_required_question_left_blank_is_refused(self, every_kind, kind, blank):
        question = getattr(every_kind, kind)
        question.required = True
        form = response_form([question], {} if blank is None else {name(question): blank})
        assert form.errors == {name(question): [self.MESSAGES[kind]]}

    @pytest.mark.parametrize(("kind", "blank"), BLANKS)
    def test_an_optional_question_may_be_left_blank_and_nothing_is_stored(
        self, every_kind, kind, blank
    ):
        question = getattr(every_kind, kind)
        question.required = False
        form = response_form([question], {} if blank is None else {name(question): blank})
        assert form.is_valid(), form.errors
        assert answers_of(form) == []


class TestText:
    @pytest.mark.parametrize(
        ("kind", "length", "error"),
        [
            ("short", 200, None),
            ("short", 201, "Your answer must be 200 characters or fewer"),
            ("long", 5000, None),
            ("long", 5001, "Your answer must be 5000 characters or fewer"),
        ],
    )
    def test_length_at_its_edge(self, every_kind, kind, length, error):
        question = getattr(every_kind, kind)
        text = "é" * (length - 1) + "!"
        form = response_form([question], {name(question): text})
        if error:
            assert form.errors == {name(question): [error]}
        else:
            assert form.is_valid(), form.errors
            assert answers_of(form) == [(question.pk, text, "", None, None)]

    def test_surrounding_space_is_not_kept_nor_counted(self, every_kind):
        question = every_kind.short
        form = response_form([question], {name(question): "  " + "a" * 200 + "\n "})
        assert form.is_valid(), form.errors
        assert answers_of(form) == [(question.pk, "a" * 200, "", None, None)]

    def test_null_characters_are_refused(self, every_kind):
        question = every_kind.long
        form = response_form([question], {name(question): "a\x00b"})
        assert form.errors == {name(question): ["Null characters are not allowed."]}

    def test_line_breaks_in_long_text_are_kept(self, every_kind):
        question = every_kind.long
        form = response_form([question], {name(question): "First.\r\nSecond."})
        assert form.is_valid()
        assert answers_of(form)[0][1] == "First.\r\nSecond."


class TestSingleChoice:
    @pytest.mark.parametrize("value", ["High", "Medium", "Low"])
    def test_one_of_the_choices(self, every_kind, value):
        question = every_kind.single
        form = response_form([question], {name(question): value})
        assert form.is_valid()
        assert answers_of(form) == [(question.pk, "", value, None, None)]

    @pytest.mark.parametrize("value", ["Very high", "high", "High ", "0"])
    def test_anything_else_is_refused(self, every_kind, value):
        question = every_kind.single
        form = response_form([question], {name(question): value})
        assert form.errors == {name(question): ["Select one of the answers given"]}


class TestMultipleChoice:
    def test_several_choices(self, every_kind):
        question = every_kind.multiple
        form = response_form([question], {name(question): ["Schools", "Knife crime"]})
        assert form.is_valid()
        assert answers_of(form) == [
            (question.pk, "", "Schools", None, None),
            (question.pk, "", "Knife crime", None, None),
        ]

    def test_an_invalid_choice_among_valid_ones_is_refused(self, every_kind):
        question = every_kind.multiple
        form = response_form([question], {name(question): ["Schools", "Parks", "Knife crime"]})
        assert form.errors == {name(question): ["Select only from the answers given"]}

    def test_a_choice_sent_twice_is_stored_once(self, every_kind):
        question = every_kind.multiple
        data = {name(question): ["Schools", "Schools", "Safer streets", "Schools"]}
        form = response_form([question], data)
        assert form.is_valid()
        assert answers_of(form) == [
            (question.pk, "", "Schools", None, None),
            (question.pk, "", "Safer streets", None, None),
        ]


class TestBoroughs:
    def test_boroughs_by_id(self, every_kind):
        question = every_kind.boroughs
        camden, hackney = every_kind.camden, every_kind.hackney
        form = response_form([question], {name(question): [str(hackney.pk), str(camden.pk)]})
        assert form.is_valid()
        assert answers_of(form) == [
            (question.pk, "", "", hackney.pk, None),
            (question.pk, "", "", camden.pk, None),
        ]

    def test_every_borough_is_offered(self, every_kind):
        form = response_form([every_kind.boroughs])
        assert len(form.fields[name(every_kind.boroughs)].choices) == Borough.objects.count() == 33

    @pytest.mark.parametrize(
        "bad", ["999999", "Camden", "-1", "1.0", "", " 1"], ids=lambda v: repr(v)
    )
    def test_an_unknown_or_non_numeric_id_is_refused(self, every_kind, bad):
        question = every_kind.boroughs
        form = response_form([question], {name(question): [str(every_kind.camden.pk), bad]})
        assert form.errors == {name(question): ["Select only from the boroughs listed"]}

    def test_a_borough_sent_twice_is_stored_once(self, every_kind):
        question = every_kind.boroughs
        camden = str(every_kind.camden.pk)
        form = response_form([question], {name(question): [camden, camden]})
        assert form.is_valid()
        assert answers_of(form) == [(question.pk, "", "", every_kind.camden.pk, None)]


class TestScale:
    """The factory's scale runs from 1 to 5."""

    @pytest.mark.parametrize(
        ("value", "number"),
        [
            ("0", None),
            ("1", 1),
            ("3", 3),
            ("5", 5),
            ("6", None),
            ("three", None),
            ("2.5", None),
            ("-1", None),
        ],
    )
    def test_from_the_lowest_to_the_highest_point(self, every_kind, value, number):
        question = every_kind.scale
        form = response_form([question], {name(question): value})
        if number is None:
            assert form.errors == {name(question): ["Choose a number from 1 to 5"]}
        else:
            assert form.is_valid()
            assert answers_of(form) == [(question.pk, "", "", None, number)]

    def test_a_scale_from_zero_takes_zero(self, every_kind):
        question = every_kind.scale
        question.scale_lowest = 0
        form = response_form([question], {name(question): "0"})
        assert form.is_valid()
        assert answers_of(form) == [(question.pk, "", "", None, 0)]


class TestContactDetails:
    @pytest.fixture
    def q(self, every_kind):
        return every_kind.contact

    def contact_form(self, q, **parts):
        return response_form([q], {name(q, part): value for part, value in parts.items()})

    def test_details_with_consent_are_kept_apart_from_the_answer(self, q):
        form = self.contact_form(
            q, name=" Ada Example ", phone="020 7946 0123", email="ada@example.org", consent="on"
        )
        assert form.is_valid(), form.errors
        assert answers_of(form) == [(q.pk, "", rules.CONSENTED, None, None)]
        details = form.contact_details()
        assert (details.name, details.phone, details.email) == (
            "Ada Example",
            "020 7946 0123",
            "ada@example.org",
        )

    @pytest.mark.parametrize(
        "parts",
        [
            {"name": "Ada", "phone": "020 7946 0123"},
            {"name": "Ada"},
            {"phone": "020 7946 0123"},
            {"email": "ada@example.org"},
        ],
    )
    def test_details_without_consent_are_refused(self, q, parts):
        form = self.contact_form(q, **parts)
        assert not form.is_valid()
        assert form.errors[name(q, "consent")] == [rules.CONSENT_NEEDED]

    def test_consent_without_a_name_or_phone_is_refused(self, q):
        form = self.contact_form(q, consent="on")
        assert form.errors == {
            name(q, "name"): [rules.NAME_NEEDED],
            name(q, "phone"): [rules.PHONE_NEEDED],
        }

    def test_consent_without_a_phone_is_refused(self, q):
        form = self.contact_form(q, consent="on", name="Ada", email="ada@example.org")
        assert form.errors == {name(q, "phone"): [rules.PHONE_NEEDED]}

    def test_consent_without_a_name_is_refused(self, q):
        form = self.contact_form(q, consent="on", phone="020 7946 0123")
        assert form.errors == {name(q, "name"): [rules.NAME_NEEDED]}

    @pytest.mark.parametrize(
        "phone", ["call me", "020 7946", "020-7946-ABCD", "+44 20 7946 0000 000 0"]
    )
    def test_a_bad_phone_number_is_refused(self, q, phone):
        form = self.contact_form(q, consent="on", name="Ada", phone=phone)
        assert form.errors == {name(q, "phone"): [rules.PHONE_INVALID]}

    def test_a_phone_number_longer_than_the_column_is_refused(self, q):
        form = self.contact_form(q, consent="on", name="Ada", phone="0" * 31)
        assert form.errors == {name(q, "phone"): [rules.PHONE_INVALID]}

    def test_a_name_too_long_is_refused_once(self, q):
        form = self.contact_form(q, consent="on", name="A" * 101, phone="020 7946 0123")
        assert form.errors == {name(q, "name"): ["Your name must be 100 characters or fewer"]}

    def test_a_name_too_long_without_consent_still_asks_for_consent(self, q):
        form = self.contact_form(q, name="A" * 101)
        assert form.errors == {
            name(q, "name"): ["Your name must be 100 characters or fewer"],
            name(q, "phone"): [rules.PHONE_NEEDED],
            name(q, "consent"): [rules.CONSENT_NEEDED],
        }

    @pytest.mark.parametrize("phone", ["+44 20 7946 0000", " +44 (0)20 7946 0000 ", "02079460000"])
    def test_a_good_phone_number_with_spaces_and_plus_44_is_accepted(self, q, phone):
        form = self.contact_form(q, consent="on", name="Ada", phone=phone)
        assert form.is_valid(), form.errors
        assert form.contact_details().phone == phone.strip()

    def test_a_bad_email_address_is_refused(self, q):
        form = self.contact_form(q, consent="on", name="Ada", phone="020 7946 0123", email="ada")
        assert form.errors == {name(q, "email"): ["Enter an email address, like name@example.org"]}

    def test_all_blank_on_an_optional_question_records_no_consent(self, q):
        form = self.contact_form(q, name="", phone=" ", email="")
        assert form.is_valid(), form.errors
        assert answers_of(form) == [(q.pk, "", rules.NOT_CONSENTED, None, None)]
        assert form.contact_details() is None

    def test_a_required_contact_question_left_blank_is_refused(self, q):
        q.required = True
        form = self.contact_form(q)
        assert form.errors == {
            name(q, "name"): [rules.NAME_NEEDED],
            name(q, "phone"): [rules.PHONE_NEEDED],
        }

    def test_a_required_contact_question_answered_is_accepted(self, q):
        q.required = True
        form = self.contact_form(q, consent="on", name="Ada", phone="020 7946 0123")
        assert form.is_valid(), form.errors


class TestARefusedFormKeepsTheAnswers:
    def test_every_answer_is_drawn_again_with_the_errors(self, every_kind):
        e = every_kind
        data = e.valid_data(**{name(e.short): "x" * 201, name(e.contact, "phone"): "call me"})
        form = response_form(e.questions, data)
        assert not form.is_valid()
        drawn = {r.question.pk: r for r in form.rendered_questions()}
        assert drawn[e.short.pk].value == "x" * 201
        assert drawn[e.short.pk].errors == ["Your answer must be 200 characters or fewer"]
        assert drawn[e.long.pk].value == data[name(e.long)]
        assert drawn[e.long.pk].errors == []

        def checked(question):
            return [o.value for o in drawn[question.pk].options if o.checked]

        assert checked(e.single) == ["High"]
        assert checked(e.multiple) == ["Knife crime", "Schools"]
        assert set(checked(e.boroughs)) == {str(e.camden.pk), str(e.hackney.pk)}
        assert checked(e.scale) == ["4"]
        parts = drawn[e.contact.pk].parts
        assert {part: parts[part]["value"] for part in parts} == {
            "name": "Ada Example",
            "phone": "call me",
            "email": "ada@example.org",
            "consent": "on",
        }
        assert drawn[e.contact.pk].errors == [rules.PHONE_INVALID]

    def test_an_invalid_choice_is_drawn_unticked(self, every_kind):
        question = every_kind.single
        form = response_form([question], {name(question): "Very high"})
        form.is_valid()
        assert [o.checked for o in form.rendered_questions()[0].options] == [False] * 3

    def test_the_error_summary_follows_the_questions_and_links_to_each_field(self, every_kind):
        e = every_kind
        data = e.valid_data(
            **{name(e.scale): "9", name(e.short): "", name(e.contact, "consent"): None}
        )
        form = response_form(e.questions, data)
        assert not form.is_valid()
        scale_first_option = f"{name(e.scale)}-0"
        assert form.error_summary() == [
            (name(e.short), "Enter your answer"),
            (scale_first_option, "Choose a number from 1 to 5"),
            (name(e.contact, "consent"), rules.CONSENT_NEEDED),
        ]

    def test_an_unbound_form_draws_nothing_ticked(self, every_kind):
        drawn = ResponseForm(every_kind.questions).rendered_questions()
        assert all(not o.checked for r in drawn for o in r.options)
        assert [r.value for r in drawn if r.kind in rules.TEXT_KINDS] == ["", ""]


class TestFormToken:
    def test_it_carries_a_key_and_the_time_it_was_issued(self):
        token = new_form_token(NOW)
        key, issued = read_form_token(token)
        assert issued == NOW
        assert read_form_token(new_form_token(NOW))[0] != key

    @pytest.mark.parametrize(
        "token",
        [
            None,
            "",
            "not a token",
            signing.dumps({"k": "7c7f7a5e-0000-4000-8000-000000000000", "t": 0}, salt="other"),
            signing.dumps({"k": "not-a-uuid", "t": 0}, salt="consultation.form-token"),
            signing.dumps({"t": 0}, salt="consultation.form-token"),
            signing.dumps([1, 2], salt="consultation.form-token"),
        ],
        ids=["none", "empty", "not signed", "other salt", "bad key", "no key", "not a dict"],
    )
    def test_a_missing_tampered_or_foreign_token_reads_as_none(self, token):
        assert read_form_token(token) is None

    def test_a_tampered_token_reads_as_none(self):
        token = new_form_token(NOW)
        value, signature = token.rsplit(":", 1)
        assert read_form_token(f"{value}:{signature[::-1]}") is None
        assert read_form_token(token[1:]) is None


class TestPublicForm:
    @pytest.fixture
    def e(self, every_kind):
        return every_kind

    def public_form(self, e, issued_seconds_ago=10, now=NOW, token=None, **extra):
        if token is None:
            token = new_form_token(now - datetime.timedelta(seconds=issued_seconds_ago))
        data = e.valid_data(form_token=token, **extra)
        return PublicResponseForm(e.questions, posted(data), now=now)

    def test_a_person_filling_it_in_is_accepted(self, e):
        token = new_form_token(NOW - datetime.timedelta(minutes=5))
        form = self.public_form(e, token=token)
        assert form.is_valid(), form.errors
        assert form.idempotency_key == read_form_token(token)[0]
        assert form.token_to_render() == token

    def test_the_honeypot_filled_in_is_refused_with_the_answers_kept(self, e):
        form = self.public_form(e, website="http://spam.example")
        assert not form.is_valid()
        assert form.non_field_errors() == [rules.NOT_ACCEPTED]
        assert form.has_error("__all__", code="honeypot")
        assert form.rendered_questions()[0].value == "Hackney Youth Club"

    @pytest.mark.parametrize(
        ("seconds", "accepted"), [(0, False), (2.9, False), (3, True), (3.5, True)]
    )
    def test_sent_back_faster_than_a_person_could_is_refused(self, e, seconds, accepted):
        form = self.public_form(e, issued_seconds_ago=seconds)
        assert form.is_valid() is accepted
        if not accepted:
            assert form.non_field_errors() == [rules.TOO_FAST]
            assert not form.token_expired  # the same token is sent back: still one response

    @pytest.mark.parametrize(
        ("age", "accepted"),
        [
            (datetime.timedelta(days=1), True),
            (datetime.timedelta(days=1, seconds=1), False),
            (datetime.timedelta(days=7), False),
        ],
    )
    def test_a_token_older_than_a_day_is_refused_and_a_fresh_one_given(self, e, age, accepted):
        old = new_form_token(NOW - age)
        form = self.public_form(e, token=old)
        assert form.is_valid() is accepted
        if accepted:
            assert form.token_to_render() == old
        else:
            assert form.non_field_errors() == [rules.EXPIRED]
            fresh = form.token_to_render()
            assert fresh != old
            assert read_form_token(fresh)[1] == NOW
            assert form.rendered_questions()[0].value == "Hackney Youth Club"

    @pytest.mark.parametrize("token", ["", "garbage", "tampered"])
    def test_a_missing_or_tampered_token_is_refused_and_a_fresh_one_given(self, e, token):
        if token == "tampered":
            good = new_form_token(NOW - datetime.timedelta(minutes=1))
            token = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
        form = self.public_form(e, token=token)
        assert not form.is_valid()
        assert form.non_field_errors() == [rules.NOT_ACCEPTED]
        assert form.idempotency_key is None
        assert read_form_token(form.token_to_render())[1] == NOW

    def test_no_token_field_at_all_is_refused(self, e):
        form = PublicResponseForm(e.questions, posted(e.valid_data()), now=NOW)
        assert not form.is_valid()
        assert form.non_field_errors() == [rules.NOT_ACCEPTED]

    def test_a_good_token_is_kept_when_an_answer_is_wrong(self, e):
        token = new_form_token(NOW - datetime.timedelta(minutes=1))
        form = self.public_form(e, token=token, **{name(e.scale): "99"})
        assert not form.is_valid()
        assert form.token_to_render() == token

    def test_an_unbound_form_gets_a_new_token_issued_now(self, e):
        form = PublicResponseForm(e.questions, now=NOW)
        assert read_form_token(form.token_to_render())[1] == NOW

    def test_a_bad_receipt_address_is_listed_in_the_summary(self, e):
        form = self.public_form(e, receipt_email="not an address")
        assert not form.is_valid()
        assert form.error_summary() == [
            ("receipt_email", "Enter an email address, like name@example.org")
        ]

    def test_the_receipt_address_is_not_part_of_what_is_stored(self, e):
        form = self.public_form(e, receipt_email="me@example.org")
        assert form.is_valid()
        stored = [a.text + a.choice for a in form.answers()]
        assert not any("me@example.org" in value for value in stored)
        assert form.contact_details().email == "ada@example.org"


class TestPaperForm:
    """A paper or e-mailed return counts if it arrived while the consultation was open (1 June
    to 31 July 2026); it may be typed in later, but not dated in the future."""

    def paper_form(self, consultation, every_kind, received_on, channel=Channel.PAPER):
        data = every_kind.valid_data(channel=channel, received_on=received_on)
        return PaperResponseForm(consultation, posted(data))

    @pytest.mark.parametrize(
        ("received_on", "accepted"),
        [("2026-05-31", False), ("2026-06-01", True), ("2026-07-31", True), ("2026-08-01", False)],
    )
    @time_machine.travel(datetime.datetime(2026, 9, 1, 12, tzinfo=datetime.UTC), tick=False)
    def test_received_while_the_consultation_was_open(
        self, consultation, every_kind, received_on, accepted
    ):
        form = self.paper_form(consultation, every_kind, received_on)
        assert form.is_valid() is accepted
        if not accepted:
            assert form.errors["received_on"] == [
                "The consultation took answers from 1 June 2026 to 31 July 2026; a return "
                f"received on {datetime.date.fromisoformat(received_on):%-d %B %Y} cannot be "
                "counted."
            ]
            assert ("received_on", form.errors["received_on"][0]) in form.error_summary()

    def test_a_return_cannot_be_dated_in_the_future(self, consultation, every_kind):
        with time_machine.travel(datetime.datetime(2026, 6, 10, 12, tzinfo=datetime.UTC)):
            future = self.paper_form(consultation, every_kind, "2026-06-11")
            today = self.paper_form(consultation, every_kind, "2026-06-10")
            assert future.errors == {"received_on": ["The date received cannot be in the future."]}
            assert today.is_valid(), today.errors

    @pytest.mark.parametrize(
        ("channel", "accepted"),
        [(Channel.PAPER, True), (Channel.EMAIL, True), (Channel.ONLINE, False)],
    )
    @time_machine.travel(datetime.datetime(2026, 9, 1, 12, tzinfo=datetime.UTC), tick=False)
    def test_typed_in_returns_came_by_paper_or_email(
        self, consultation, every_kind, channel, accepted
    ):
        form = self.paper_form(consultation, every_kind, "2026-06-02", channel=channel)
        assert form.is_valid() is accepted

    def test_the_paper_form_asks_the_same_questions_as_the_online_form(self, consultation):
        paper = PaperResponseForm(consultation)
        online = PublicResponseForm(consultation.questions)
        questions = [f for f in paper.fields if f.startswith("q")]
        assert questions == [f for f in online.fields if f.startswith("q")]
        assert list(paper.fields)[:2] == ["channel", "received_on"]
        assert QuestionKind.CONTACT in {q.kind for q in paper.questions}
