"""Taking a response (once per form, retried through a brief database outage, never half
stored) and removing contact details, on request or once the retention period has passed,
without changing a single answer or figure."""

import datetime
import io

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, InterfaceError, OperationalError
from wagtail.models import ModelLogEntry

from consultation import results, services
from consultation.enums import Channel, ContactRemoval
from consultation.forms import ResponseForm
from consultation.models import Answer, ConsultationSettings, ContactDetails, Response
from consultation.views import THROTTLE_SCOPE
from hub import throttle
from hub.models import ThrottleWindow
from tests.consultation.conftest import (
    EMAIL_SENTINEL,
    NAME_SENTINEL,
    PHONE_SENTINEL,
    posted,
)
from tests.consultation.factories import consultation_under
from tests.helpers import database_rows_containing
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
OPEN_DAY = D(2026, 6, 15)
KEY = "9a1c5b7e-3f2d-4c8b-9e6a-1d2f3a4b5c6d"
SENTINELS = [NAME_SENTINEL, PHONE_SENTINEL, EMAIL_SENTINEL]


def form_for(every_kind, **overrides):
    form = ResponseForm(every_kind.questions, posted(every_kind.valid_data(**overrides)))
    assert form.is_valid(), form.errors
    return form


def respond(consultation, every_kind, today=OPEN_DAY, key=None, sentinels=False, **overrides):
    if sentinels:
        c = every_kind.contact.pk
        overrides = {
            f"q{c}-name": NAME_SENTINEL,
            f"q{c}-phone": PHONE_SENTINEL,
            f"q{c}-email": EMAIL_SENTINEL,
            **overrides,
        }
    form = form_for(every_kind, **overrides)
    return services.take_response(
        consultation, form.answers(), form.contact_details(), key=key, today=today
    )


def stored():
    """Every response, answer and contact detail stored, as plain values."""
    return (
        sorted(Response.objects.values_list("pk", "channel", "received_on")),
        sorted(
            Answer.objects.values_list(
                "response_id", "question_id", "text", "choice", "borough_id", "number"
            )
        ),
        sorted(ContactDetails.objects.values_list("response_id", "name", "phone", "email")),
    )


def figures(consultation):
    """The results, as plain values, for comparing before and after a change."""
    total, each = results.question_results(
        consultation.questions, Response.objects.filter(consultation=consultation)
    )
    return total, [
        (
            r.question.pk,
            r.answered,
            [(row.label, row.count, row.percent) for row in r.rows],
            [a.pk for a in r.text_answers],
            r.text_total,
        )
        for r in each
    ]


def logged(response):
    return list(
        ModelLogEntry.objects.for_instance(response)
        .order_by("pk")
        .values_list("action", "user__username")
    )


class TestTakingAResponseOnline:
    def test_the_answers_and_contact_details_are_stored(self, consultation, every_kind):
        response, created = respond(consultation, every_kind)
        assert created
        assert (response.channel, response.received_on, response.entered_by) == (
            Channel.ONLINE,
            OPEN_DAY,
            None,
        )
        assert response.questionnaire == every_kind.questionnaire
        assert response.answers.count() == 9
        assert response.contact.name == "Ada Example"
        assert response.rule_breaks() == []
        latest = response.history.latest("history_id")
        assert latest.history_change_reason == "Received (online)"
        assert latest.history_user is None
        assert logged(response) == []

    @pytest.mark.parametrize(
        ("today", "taken"),
        [
            (D(2026, 5, 31), False),
            (D(2026, 6, 1), True),
            (D(2026, 7, 31), True),
            (D(2026, 8, 1), False),
        ],
    )
    def test_only_while_the_consultation_is_open(self, consultation, every_kind, today, taken):
        if taken:
            response, created = respond(consultation, every_kind, today=today)
            assert created and response.received_on == today
        else:
            with pytest.raises(ValidationError, match="not taking answers"):
                respond(consultation, every_kind, today=today)
            assert stored() == ([], [], [])

    def test_an_online_response_is_typed_in_by_no_one(self, consultation, every_kind):
        form = form_for(every_kind)
        response, _ = services.take_response(
            consultation, form.answers(), entered_by=UserFactory(), today=OPEN_DAY
        )
        assert response.entered_by is None


class TestTakingAPaperReturn:
    @pytest.fixture
    def volunteer(self):
        return UserFactory(username="data-entry")

    def enter(self, consultation, every_kind, volunteer, received_on, channel=Channel.PAPER):
        form = form_for(every_kind)
        return services.take_response(
            consultation,
            form.answers(),
            form.contact_details(),
            channel=channel,
            received_on=received_on,
            entered_by=volunteer,
            today=D(2026, 9, 1),
        )

    @pytest.mark.parametrize("channel", [Channel.PAPER, Channel.EMAIL])
    def test_a_return_typed_in_after_closing_records_who_typed_it(
        self, consultation, every_kind, volunteer, channel
    ):
        response, created = self.enter(consultation, every_kind, volunteer, D(2026, 7, 31), channel)
        assert created
        assert (response.channel, response.received_on, response.entered_by) == (
            channel,
            D(2026, 7, 31),
            volunteer,
        )
        latest = response.history.latest("history_id")
        assert (latest.history_user, latest.history_change_reason) == (
            volunteer,
            f"Received ({channel.label.lower()})",
        )
        assert logged(response) == [(services.ENTER_PAPER_RETURN, "data-entry")]

    @pytest.mark.parametrize("received_on", [D(2026, 5, 31), D(2026, 8, 1), None])
    def test_a_return_that_arrived_outside_the_dates_is_refused(
        self, consultation, every_kind, volunteer, received_on
    ):
        with pytest.raises(ValidationError, match="did not arrive while the consultation"):
            self.enter(consultation, every_kind, volunteer, received_on)
        assert stored() == ([], [], [])


class TestOneResponsePerForm:
    def test_the_same_key_twice_gives_back_the_first_response(self, consultation, every_kind):
        first, created_first = respond(consultation, every_kind, key=KEY)
        before = stored()
        again, created_again = respond(
            consultation, every_kind, key=KEY, **{f"q{every_kind.single.pk}": "Low"}
        )
        assert (created_first, created_again) == (True, False)
        assert again == first
        assert stored() == before
        assert str(first.idempotency_key) == KEY

    def test_different_keys_give_different_responses(self, consultation, every_kind):
        first, _ = respond(consultation, every_kind, key=KEY)
        second, created = respond(
            consultation, every_kind, key="0b9f4c1e-2a3d-4e5f-8a7b-6c5d4e3f2a1b"
        )
        assert created and second != first
        assert Response.objects.count() == 2

    def test_sent_twice_at_once_the_later_save_gives_back_the_first(
        self, consultation, every_kind, monkeypatch
    ):
        """The other request stored the response after the view looked for it: the unique key
        refuses the second row, and the first response is given back. Nothing is looked up
        before that refusal, since the view has only just looked."""
        first, _ = respond(consultation, every_kind, key=KEY)
        before = stored()
        manager = Response.objects
        real_filter = manager.filter
        looked = []

        def filter_and_count(*args, **kwargs):
            looked.append(kwargs)
            return real_filter(*args, **kwargs)

        monkeypatch.setattr(manager, "filter", filter_and_count)
        again, created = respond(consultation, every_kind, key=KEY)
        assert (again, created) == (first, False)
        assert looked == [{"idempotency_key": KEY}]  # once, after the refusal
        assert stored() == before

    def test_a_refused_save_whose_first_is_not_found_yet_is_looked_for_again(
        self, consultation, every_kind, monkeypatch
    ):
        """The look after the refusal missed the other request's row (not yet visible): the
        next attempt looks again before saving, finds it, and stores nothing more."""
        first, _ = respond(consultation, every_kind, key=KEY)
        before = stored()
        manager = Response.objects
        real_filter = manager.filter
        looked = []

        def filter_missing_the_first_look(*args, **kwargs):
            looked.append(kwargs)
            if len(looked) == 1:
                return manager.none()
            return real_filter(*args, **kwargs)

        monkeypatch.setattr(manager, "filter", filter_missing_the_first_look)
        again, created = respond(consultation, every_kind, key=KEY)
        assert (again, created) == (first, False)
        assert len(looked) == 2
        assert stored() == before

    def test_a_refusal_for_another_reason_is_not_mistaken_for_a_resend(
        self, consultation, every_kind, monkeypatch
    ):
        def refuse(*args, **kwargs):
            raise IntegrityError("duplicate key value violates unique constraint")

        monkeypatch.setattr(services, "_store", refuse)
        with pytest.raises(services.NotSaved):
            respond(consultation, every_kind, key=KEY)
        assert stored() == ([], [], [])


class TestABriefOutage:
    @pytest.fixture
    def pauses(self, monkeypatch):
        slept = []
        monkeypatch.setattr(services.time, "sleep", slept.append)
        return slept

    def fail_response_save(self, monkeypatch, times, error=OperationalError):
        real_save = Response.save
        calls = []

        def save(self, *args, **kwargs):
            calls.append(1)
            if len(calls) <= times:
                raise error("server closed the connection unexpectedly")
            return real_save(self, *args, **kwargs)

        monkeypatch.setattr(Response, "save", save)
        return calls

    @pytest.mark.parametrize("error", [OperationalError, InterfaceError])
    def test_a_failed_save_is_retried_and_stored_once(
        self, consultation, every_kind, monkeypatch, pauses, error
    ):
        calls = self.fail_response_save(monkeypatch, times=1, error=error)
        response, created = respond(consultation, every_kind, key=KEY)
        assert created
        assert len(calls) == 2
        assert pauses == [0.2]
        assert Response.objects.count() == 1
        assert response.answers.count() == 9
        assert ContactDetails.objects.filter(response=response).count() == 1

    def test_two_failures_then_success(self, consultation, every_kind, monkeypatch, pauses):
        self.fail_response_save(monkeypatch, times=2)
        respond(consultation, every_kind)
        assert pauses == [0.2, 0.8]
        assert Response.objects.count() == 1

    def test_a_longer_outage_stores_nothing(self, consultation, every_kind, monkeypatch, pauses):
        calls = self.fail_response_save(monkeypatch, times=99)
        with pytest.raises(services.NotSaved):
            respond(consultation, every_kind, key=KEY)
        assert len(calls) == services.SAVE_ATTEMPTS == 3
        assert pauses == [0.2, 0.8]
        assert stored() == ([], [], [])

    def test_a_failure_part_way_leaves_no_half_stored_response(
        self, consultation, every_kind, monkeypatch, pauses
    ):
        manager = Answer.objects
        real_bulk_create = manager.bulk_create
        calls = []

        def bulk_create(*args, **kwargs):
            calls.append(1)
            if len(calls) == 1:
                raise OperationalError("could not write to the disk")
            return real_bulk_create(*args, **kwargs)

        monkeypatch.setattr(manager, "bulk_create", bulk_create)
        response, created = respond(consultation, every_kind)
        assert created and len(calls) == 2
        assert list(Response.objects.all()) == [response]
        assert Answer.objects.count() == 9
        assert response.history.count() == 1
        assert response.rule_breaks() == []


class TestErasure:
    @pytest.fixture
    def erasing(self, consultation, every_kind):
        kept, _ = respond(consultation, every_kind)
        response, _ = respond(consultation, every_kind, sentinels=True)
        return response, kept

    @pytest.fixture
    def officer(self):
        return UserFactory(username="data-protection")

    def test_the_details_were_stored(self, erasing):
        for sentinel in SENTINELS:
            assert database_rows_containing(sentinel) != []

    def test_one_respondents_details_go_from_every_table(self, erasing, officer):
        response, kept = erasing
        services.erase_contact_details(response, officer, today=D(2026, 6, 20))
        for sentinel in SENTINELS:
            assert database_rows_containing(sentinel) == []
        assert ContactDetails.objects.filter(response=kept).exists()
        response.refresh_from_db()
        assert (response.contact_removal, response.contact_removed_on) == (
            ContactRemoval.ERASED,
            D(2026, 6, 20),
        )

    def test_the_answers_and_the_results_stay_the_same(self, consultation, erasing, officer):
        response, _ = erasing
        answers_before = list(
            response.answers.values_list("question_id", "text", "choice", "borough_id", "number")
        )
        figures_before = figures(consultation)
        services.erase_contact_details(response, officer)
        assert (
            list(
                response.answers.values_list(
                    "question_id", "text", "choice", "borough_id", "number"
                )
            )
            == answers_before
        )
        assert figures(consultation) == figures_before
        assert Response.objects.get(pk=response.pk).rule_breaks() == []

    def test_the_history_and_the_audit_log_say_who_and_why(self, erasing, officer):
        response, _ = erasing
        services.erase_contact_details(response, officer)
        latest = response.history.latest("history_id")
        assert (latest.history_user, latest.history_change_reason) == (
            officer,
            "Erased at the respondent's request",
        )
        assert logged(response) == [(services.ERASE_CONTACT, "data-protection")]

    def test_erasing_twice_is_refused(self, erasing, officer):
        response, _ = erasing
        services.erase_contact_details(response, officer)
        history = response.history.count()
        with pytest.raises(ValidationError, match="holds no contact details"):
            services.erase_contact_details(response, officer)
        assert response.history.count() == history
        assert len(logged(response)) == 1

    def test_a_response_without_details_cannot_be_erased(self, consultation, every_kind, officer):
        c = every_kind.contact.pk
        response, _ = respond(
            consultation,
            every_kind,
            **{f"q{c}-name": "", f"q{c}-phone": "", f"q{c}-email": "", f"q{c}-consent": None},
        )
        with pytest.raises(ValidationError):
            services.erase_contact_details(response, officer)
        assert logged(response) == []


class TestRetention:
    """Contact details are kept for the site setting's number of days (here 30) after the
    consultation closes on 31 July 2026: the last day is 30 August."""

    @pytest.fixture
    def responses(self, site, consultation, every_kind):
        settings = ConsultationSettings.for_site(site)
        settings.contact_retention_days = 30
        settings.save()
        with_details, _ = respond(consultation, every_kind, sentinels=True)
        without, _ = respond(
            consultation,
            every_kind,
            **{
                f"q{every_kind.contact.pk}-{part}": None
                for part in ("name", "phone", "email", "consent")
            },
        )
        return with_details, without

    @pytest.fixture
    def later(self, home, every_kind):
        """Another consultation, closing later: its details are not yet due to go."""
        consultation = consultation_under(
            home,
            questionnaire=every_kind.questionnaire,
            title="Later",
            opens_on=D(2026, 6, 1),
            closes_on=D(2026, 12, 31),
        )
        return respond(consultation, every_kind)[0]

    def purge(self, day):
        at_three = datetime.datetime.combine(day, datetime.time(3, 0), tzinfo=datetime.UTC)
        with time_machine.travel(at_three, tick=False):
            return services.purge_expired_contact_details()

    def test_on_the_last_day_the_details_stay(self, responses, later):
        assert self.purge(D(2026, 8, 30)) == 0
        assert ContactDetails.objects.count() == 2
        assert Response.objects.filter(contact_removal="").count() == 3

    def test_the_day_after_they_go(self, consultation, responses, later):
        with_details, without = responses
        before = figures(consultation)
        answers_before = stored()[1]
        history_without = without.history.count()
        assert self.purge(D(2026, 8, 31)) == 1
        with_details.refresh_from_db()
        assert (with_details.contact_removal, with_details.contact_removed_on) == (
            ContactRemoval.RETENTION,
            D(2026, 8, 31),
        )
        assert with_details.history.latest("history_id").history_change_reason == (
            "Removed once the retention period had passed"
        )
        assert logged(with_details) == [(services.PURGE_CONTACT, None)]
        assert list(ContactDetails.objects.values_list("response", flat=True)) == [later.pk]
        assert figures(consultation) == before
        assert stored()[1] == answers_before
        assert without.history.count() == history_without
        assert logged(without) == []
        for sentinel in SENTINELS:
            assert database_rows_containing(sentinel) == []
        assert with_details.rule_breaks() == []

    def test_purging_again_removes_nothing_more(self, responses):
        assert self.purge(D(2026, 9, 1)) == 1
        assert self.purge(D(2026, 9, 2)) == 0
        assert ModelLogEntry.objects.filter(action=services.PURGE_CONTACT).count() == 1

    def test_the_setting_can_be_passed_in(self, responses):
        assert services.purge_expired_contact_details(today=D(2026, 8, 1), retention_days=0) == 1


class TestPurgeCommand:
    def test_it_removes_expired_details_and_forgets_old_submission_counts(
        self, site, consultation, every_kind
    ):
        settings = ConsultationSettings.for_site(site)
        settings.contact_retention_days = 0
        settings.save()
        respond(consultation, every_kind, sentinels=True)
        window = django_settings.HUB_SUBMISSION_WINDOW_SECONDS
        earlier = datetime.datetime(2026, 8, 1, 8, 0, tzinfo=datetime.UTC)
        now = datetime.datetime(2026, 8, 1, 9, 0, 30, tzinfo=datetime.UTC)
        throttle.allow(THROTTLE_SCOPE, "192.0.2.1", 60, window, now=earlier)
        throttle.allow(THROTTLE_SCOPE, "192.0.2.1", 60, window, now=now)
        throttle.allow("someone.else", "192.0.2.1", 60, window, now=earlier)
        out = io.StringIO()
        with time_machine.travel(now, tick=False):
            call_command("purge_contact_details", stdout=out)
        assert out.getvalue() == (
            "Contact details removed from 1 response; 1 old submission count forgotten.\n"
        )
        assert ContactDetails.objects.count() == 0
        assert sorted(ThrottleWindow.objects.values_list("scope", "window")) == [
            (THROTTLE_SCOPE, throttle.window_of(now, window)),
            ("someone.else", throttle.window_of(earlier, window)),
        ]
        assert database_rows_containing(NAME_SENTINEL) == []

    def test_with_nothing_to_do_it_says_so(self, db):
        out = io.StringIO()
        call_command("purge_contact_details", stdout=out)
        assert out.getvalue() == (
            "Contact details removed from 0 responses; 0 old submission counts forgotten.\n"
        )
