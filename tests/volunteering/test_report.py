"""The monthly report: per borough the user may see, the hours given in the month (a session
past midnight at the end of a month split as the cap counts it), the sessions that began in it
and their meal subsidies, and the volunteers near the cap; a clear message for a month it
cannot read; and the same number of queries however many sessions there are."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import is_refused
from tests.volunteering.record_factories import PlacedVolunteerFactory, VolunteerSessionFactory

pytestmark = pytest.mark.django_db

URL = reverse("volunteering_report:index")
T = datetime.time


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 28, 18, 0), tick=False):
        yield


def session(volunteer, day, starts_at, ends_at):
    return VolunteerSessionFactory(volunteer=volunteer, day=day, starts_at=starts_at,
                                   ends_at=ends_at)  # fmt: skip


def march(day):
    return datetime.date(2026, 3, day)


@pytest.fixture
def month(programme):
    """Islington: Araminta near the cap (37 hours), Bertram 4 hours in March and a session
    from 28 February into 1 March. Camden: Cressida, 8 hours."""
    araminta = PlacedVolunteerFactory(name="Araminta Vellacott")
    for day in range(1, 10):
        session(araminta, march(day), T(9), T(13))
    session(araminta, march(10), T(9), T(10))
    bertram = PlacedVolunteerFactory(name="Bertram Quennell")
    session(bertram, march(12), T(10), T(14))
    session(bertram, datetime.date(2026, 2, 28), T(22), T(2))
    cressida = PlacedVolunteerFactory(name="Cressida Fenwright", borough=programme.other_borough)
    session(cressida, march(5), T(9), T(17))
    return araminta


def signed_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def rows_of(response):
    return {
        row["borough"].name: (
            row["hours"],
            row["sessions"],
            row["subsidies"],
            Decimal(row["subsidy_total"]),
            [volunteer["name"] for volunteer in row["near_cap"]],
        )
        for row in response.context["rows"]
    }


ISLINGTON_MARCH = ("43", 11, 10, Decimal("30.00"), ["Araminta Vellacott"])
CAMDEN_MARCH = ("8", 1, 1, Decimal("3.00"), [])


class TestTheFigures:
    def test_the_central_team_sees_every_boroughs_programme(self, client, programme, month):
        response = signed_in(client, programme.users["central team"]).get(URL + "?month=2026-03")
        assert response.status_code == 200
        assert rows_of(response) == {"Camden": CAMDEN_MARCH, "Islington": ISLINGTON_MARCH}
        text = response.content.decode()
        assert "Araminta Vellacott</a>: 37 hours, 3 left" in text

    def test_a_manager_sees_only_their_borough(self, client, programme, month):
        response = signed_in(client, programme.manager).get(URL + "?month=2026-03")
        assert rows_of(response) == {"Islington": ISLINGTON_MARCH}
        assert "Cressida Fenwright" not in response.content.decode()
        response = signed_in(client, programme.other_manager).get(URL + "?month=2026-03")
        assert rows_of(response) == {"Camden": CAMDEN_MARCH}

    def test_hours_past_midnight_count_in_the_month_they_were_given(self, client, programme, month):
        # Bertram's session of 28 February: two hours in February, two in March (counted
        # above); the session and its subsidy belong to February, when it began.
        response = signed_in(client, programme.manager).get(URL + "?month=2026-02")
        assert rows_of(response) == {"Islington": ("2", 1, 1, Decimal("3.00"), [])}

    def test_this_month_when_none_is_asked_for(self, client, programme, month):
        client = signed_in(client, programme.manager)
        for url in (URL, URL + "?month="):
            response = client.get(url)
            assert response.context["month"] == datetime.date(2026, 3, 1)
            assert rows_of(response) == {"Islington": ISLINGTON_MARCH}

    def test_a_month_with_nothing_given(self, client, programme, month):
        response = signed_in(client, programme.manager).get(URL + "?month=2025-06")
        assert rows_of(response) == {"Islington": ("0", 0, 0, Decimal("0"), [])}


class TestWhoSeesIt:
    @pytest.mark.parametrize(
        "who", ["anonymous", "no role", "steering group member", "deputy", "other borough's member"]
    )
    def test_refused_to_everyone_else(self, client, programme, month, who):
        response = signed_in(client, programme.users[who]).get(URL)
        assert is_refused(response)
        assert b"Araminta" not in response.content


class TestAMonthItCannotRead:
    @pytest.mark.parametrize(
        "month", ["2026-13", "2026-00", "March", "2026-3", "26-03", "0000-01", "2026-03-01"]
    )
    def test_a_clear_message_not_an_error(self, client, programme, month):
        response = signed_in(client, programme.manager).get(URL, {"month": month})
        assert response.status_code == 200
        assert response.context["rows"] is None
        text = response.content.decode()
        assert "Enter a month as YYYY-MM, for example 2026-03." in text


def test_the_same_number_of_queries_for_3_and_30_sessions(client, programme):
    def near_cap_volunteer(borough):
        volunteer = PlacedVolunteerFactory(borough=borough)
        for day in (2, 3, 4):  # 12.5 hours each: 37.5 hours
            session(volunteer, march(day), T(9), T(21, 30))

    client = signed_in(client, programme.users["central team"])
    client.get(URL)  # the first request of a test warms caches the report does not use

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        assert response.status_code == 200
        near = sum(len(row["near_cap"]) for row in response.context["rows"])
        return len(captured.captured_queries), near

    near_cap_volunteer(programme.borough)
    three = queries()
    for index in range(9):
        near_cap_volunteer(programme.other_borough if index % 2 else programme.borough)
    thirty = queries()
    assert (three[1], thirty[1]) == (1, 10)
    assert thirty[0] == three[0]
