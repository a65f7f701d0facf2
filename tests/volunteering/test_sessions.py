"""Recording the sessions volunteers give: the 40 hours a month cap at its edges, a session
past midnight at the end of a month (rules.MIDNIGHT_RULE: the hours before midnight count in
that month, the rest in the next, and the session is refused if either month would pass 40
hours), the meal subsidy from four hours at the site's amount, what else is refused, the
history and audit log, and the screens."""

import datetime
import threading
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from hub.volunteering import services
from hub.volunteering.models import VolunteeringSettings, VolunteerSession
from tests.helpers import is_refused
from tests.volunteering.factories import VolunteerFactory, days_ago
from tests.volunteering.record_factories import (
    ExpenseClaimFactory,
    PlacedVolunteerFactory,
    receipts_in,
)

pytestmark = pytest.mark.django_db

T = datetime.time


def at(hour, minute=0):
    return T(hour, minute)


def give(volunteer, day, starts_at, ends_at, user=None):
    return services.record_session(
        volunteer, day=day, starts_at=starts_at, ends_at=ends_at, user=user
    )


def march(day):
    return datetime.date(2026, 3, day)


def thirty_six_hours_in_march(volunteer):
    """Nine four-hour mornings, 1 to 9 March."""
    for day in range(1, 10):
        give(volunteer, march(day), at(9), at(13))


def refused(volunteer, **session):
    before = VolunteerSession.objects.count()
    with pytest.raises(ValidationError) as error:
        services.record_session(volunteer, user=None, **session)
    assert VolunteerSession.objects.count() == before, "a refused session saved nothing"
    return " ".join(error.value.messages)


@pytest.fixture
def frozen_end_of_march():
    with time_machine.travel(datetime.datetime(2026, 3, 28, 18, 0), tick=False):
        yield


@pytest.fixture
def frozen_start_of_april():
    with time_machine.travel(datetime.datetime(2026, 4, 2, 12, 0), tick=False):
        yield


@pytest.mark.usefixtures("frozen_end_of_march")
class TestTheMonthlyCap:
    @pytest.mark.parametrize(
        ("ends_at", "total", "allowed"),
        [(at(12, 30), "39.5", True), (at(13), "40", True), (at(13, 30), "40.5", False)],
    )
    def test_forty_hours_allowed_forty_and_a_half_refused(self, ends_at, total, allowed):
        volunteer = PlacedVolunteerFactory()
        thirty_six_hours_in_march(volunteer)
        session = {"day": march(10), "starts_at": at(9), "ends_at": ends_at}
        if allowed:
            give(volunteer, **session)
            assert VolunteerSession.objects.minutes_by_month(volunteer, [(2026, 3)]) == {
                (2026, 3): int(Decimal(total) * 60)
            }
        else:
            problem = refused(volunteer, **session)
            assert f"{total} hours in March 2026" in problem

    def test_only_the_volunteers_own_hours_in_that_month_count(self):
        volunteer = PlacedVolunteerFactory()
        other = PlacedVolunteerFactory()
        thirty_six_hours_in_march(volunteer)
        thirty_six_hours_in_march(other)
        give(volunteer, datetime.date(2026, 2, 20), at(9), at(17))
        give(volunteer, march(10), at(9), at(13))
        assert "40.25 hours" in refused(
            volunteer, day=march(11), starts_at=at(9), ends_at=at(9, 15)
        )


@pytest.mark.usefixtures("frozen_start_of_april")
class TestASessionPastMidnightAtTheEndOfAMonth:
    """MIDNIGHT_RULE: split at midnight into the months the hours were given in."""

    def thirty_eight_hours_in_march(self):
        volunteer = PlacedVolunteerFactory()
        thirty_six_hours_in_march(volunteer)
        give(volunteer, march(10), at(9), at(11))
        return volunteer

    def test_allowed_when_both_months_stay_within_forty_hours(self):
        volunteer = self.thirty_eight_hours_in_march()
        session = give(volunteer, march(31), at(22), at(2))
        assert session.minutes == 240
        assert session.month_minutes == {"2026-03": 120, "2026-04": 120}
        totals = VolunteerSession.objects.minutes_by_month(volunteer, [(2026, 3), (2026, 4)])
        assert totals == {(2026, 3): 2400, (2026, 4): 120}

    def test_refused_when_the_earlier_month_would_pass_forty_hours(self):
        # Two and a half hours before midnight take March to 40.5; April would have only 1.
        volunteer = self.thirty_eight_hours_in_march()
        problem = refused(volunteer, day=march(31), starts_at=at(21, 30), ends_at=at(1))
        assert "40.5 hours in March 2026" in problem
        assert "April" not in problem

    def test_the_same_session_earlier_in_the_month_counts_wholly_in_it(self):
        volunteer = self.thirty_eight_hours_in_march()
        assert "42 hours in March 2026" in refused(
            volunteer, day=march(20), starts_at=at(22), ends_at=at(2)
        )


@pytest.mark.usefixtures("frozen_end_of_march")
class TestTheMealSubsidy:
    @pytest.mark.parametrize(
        ("ends_at", "subsidy"), [(at(12, 59), Decimal("0.00")), (at(13), Decimal("3.00"))]
    )
    def test_from_four_hours_at_one_session(self, ends_at, subsidy):
        session = give(PlacedVolunteerFactory(), march(20), at(9), ends_at)
        assert session.meal_subsidy == subsidy

    def test_the_amount_follows_the_site_setting(self):
        setting = VolunteeringSettings.current()
        setting.meal_subsidy = Decimal("2.50")
        setting.save()
        volunteer = PlacedVolunteerFactory()
        assert give(volunteer, march(20), at(9), at(13)).meal_subsidy == Decimal("2.50")
        assert give(volunteer, march(21), at(9), at(12, 59)).meal_subsidy == Decimal("0.00")


@pytest.mark.usefixtures("frozen_end_of_march")
class TestWhatElseIsRefused:
    def test_a_volunteer_not_placed_in_a_role(self):
        problem = refused(VolunteerFactory(), day=march(20), starts_at=at(9), ends_at=at(12))
        assert "has not been placed in a role" in problem

    def test_a_session_after_the_volunteer_left(self):
        volunteer = PlacedVolunteerFactory(left_on=march(10))
        assert "left the programme" in refused(
            volunteer, day=march(11), starts_at=at(9), ends_at=at(12)
        )
        give(volunteer, march(10), at(9), at(12))  # the day they left, entered late

    def test_a_session_in_the_future(self):
        assert "cannot be in the future" in refused(
            PlacedVolunteerFactory(), day=march(29), starts_at=at(9), ends_at=at(12)
        )

    def test_a_session_before_the_placement(self):
        volunteer = PlacedVolunteerFactory(placed_on=march(10))
        assert "placed in their role on 10 March 2026" in refused(
            volunteer, day=march(9), starts_at=at(9), ends_at=at(12)
        )

    def test_a_session_that_starts_and_ends_at_the_same_time(self):
        assert "starts and ends at the same time" in refused(
            PlacedVolunteerFactory(), day=march(20), starts_at=at(9), ends_at=at(9)
        )

    def test_a_session_overlapping_one_already_recorded(self):
        volunteer = PlacedVolunteerFactory()
        give(volunteer, march(19), at(22), at(2))
        assert "overlaps a session already recorded" in refused(
            volunteer, day=march(20), starts_at=at(1), ends_at=at(4)
        )
        give(volunteer, march(20), at(2), at(4))  # straight after it is fine


@pytest.mark.usefixtures("frozen_end_of_march")
class TestHistoryAndAuditLog:
    def test_recording_writes_both(self, programme):
        volunteer = PlacedVolunteerFactory()
        session = give(volunteer, march(20), at(9), at(13), user=programme.manager)
        record = session.history.get()
        assert (record.history_change_reason, record.history_user) == (
            "Session recorded",
            programme.manager,
        )
        entry = ModelLogEntry.objects.get(action=services.RECORD_SESSION)
        assert (entry.object_id, entry.user, entry.data["minutes"]) == (
            str(session.pk),
            programme.manager,
            240,
        )
        assert session.role_profile == volunteer.role_profile
        assert session.recorded_by == programme.manager

    def test_deleting_writes_both(self, programme):
        session = give(PlacedVolunteerFactory(), march(20), at(9), at(13))
        services.delete_session(session, programme.manager)
        assert not VolunteerSession.objects.filter(pk=session.pk).exists()
        deleted = VolunteerSession.history.filter(id=session.pk, history_type="-").get()
        assert (deleted.history_change_reason, deleted.history_user) == (
            "Session deleted",
            programme.manager,
        )
        assert ModelLogEntry.objects.filter(
            action=services.DELETE_SESSION, object_id=str(session.pk)
        ).exists()

    def test_a_session_a_claim_rests_on_is_not_deleted(self, tmp_path):
        session = give(PlacedVolunteerFactory(), march(20), at(9), at(13))
        with receipts_in(tmp_path):
            ExpenseClaimFactory(volunteer=session.volunteer, session=session)
        with pytest.raises(ValidationError, match="expense claim refers to this session"):
            services.delete_session(session, None)
        assert VolunteerSession.objects.filter(pk=session.pk).exists()


def signed_in(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.mark.usefixtures("frozen_end_of_march")
class TestTheScreens:
    def add_url(self):
        return reverse("volunteering_sessions:add")

    def data(self, volunteer, **changes):
        return {
            "volunteer": volunteer.pk,
            "day": "2026-03-20",
            "starts_at": "09:00",
            "ends_at": "13:00",
            "notes": "Sorted the lost property log.",
            **changes,
        }

    def test_records_a_session_through_the_service(self, client, programme):
        volunteer = PlacedVolunteerFactory()
        response = signed_in(client, programme.manager).post(self.add_url(), self.data(volunteer))
        assert response.status_code == 302
        session = VolunteerSession.objects.get()
        assert (session.minutes, session.meal_subsidy, session.recorded_by) == (
            240,
            Decimal("3.00"),
            programme.manager,
        )
        assert ModelLogEntry.objects.filter(action=services.RECORD_SESSION).count() == 1

    def test_a_session_past_the_cap_is_shown_as_an_error_and_nothing_saved(self, client, programme):
        volunteer = PlacedVolunteerFactory()
        thirty_six_hours_in_march(volunteer)
        response = signed_in(client, programme.manager).post(
            self.add_url(), self.data(volunteer, ends_at="13:30")
        )
        assert response.status_code == 200
        errors = " ".join(response.context["form"].non_field_errors())
        assert "40.5 hours in March 2026" in errors
        assert response.context["form"]["notes"].value() == "Sorted the lost property log."
        assert VolunteerSession.objects.count() == 9

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"ends_at": ""}, "ends_at"),
            ({"day": "31/02/2026"}, "day"),
            ({"starts_at": "9am"}, "starts_at"),
        ],
    )
    def test_form_errors_show_and_nothing_is_saved(self, client, programme, changes, field):
        volunteer = PlacedVolunteerFactory()
        response = signed_in(client, programme.manager).post(
            self.add_url(), self.data(volunteer, **changes)
        )
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert not VolunteerSession.objects.exists()

    def test_offers_only_placed_volunteers_of_the_managers_borough(self, client, programme):
        here = PlacedVolunteerFactory()
        VolunteerFactory()  # not placed
        camden = PlacedVolunteerFactory(borough=programme.other_borough)
        client = signed_in(client, programme.manager)
        response = client.get(self.add_url())
        assert list(response.context["form"].fields["volunteer"].queryset) == [here]
        response = client.post(self.add_url(), self.data(camden))
        assert "volunteer" in response.context["form"].errors
        assert not VolunteerSession.objects.exists()

    @pytest.mark.parametrize("who", ["central team", "steering group member", "no role"])
    def test_others_cannot_record(self, client, programme, who):
        volunteer = PlacedVolunteerFactory()
        client = signed_in(client, programme.users[who])
        assert is_refused(client.get(self.add_url()))
        assert is_refused(client.post(self.add_url(), self.data(volunteer)))
        assert not VolunteerSession.objects.exists()

    def test_the_manager_deletes_a_session_recorded_in_error(self, client, programme):
        session = give(PlacedVolunteerFactory(), march(20), at(9), at(13))
        url = reverse("volunteering_sessions:delete", args=[session.pk])
        other = signed_in(client, programme.other_manager)
        assert is_refused(other.post(url))
        assert VolunteerSession.objects.filter(pk=session.pk).exists()
        response = signed_in(client, programme.manager).post(url)
        assert response.status_code == 302
        assert not VolunteerSession.objects.filter(pk=session.pk).exists()
        assert ModelLogEntry.objects.filter(action=services.DELETE_SESSION).exists()

    def test_a_session_cannot_be_edited_by_anyone(self, client, programme, superuser):
        session = give(PlacedVolunteerFactory(), march(20), at(9), at(13))
        url = reverse("volunteering_sessions:edit", args=[session.pk])
        for user in (programme.manager, superuser):
            assert is_refused(signed_in(client, user).post(url, {"notes": "changed"}))
        session.refresh_from_db()
        assert session.notes == ""

    def test_the_list_and_its_export_hold_only_the_managers_borough(self, client, programme):
        give(PlacedVolunteerFactory(name="Araminta Islingford"), march(20), at(9), at(13))
        give(
            PlacedVolunteerFactory(name="Bartholomew Camdenworth", borough=programme.other_borough),
            march(20),
            at(9),
            at(13),
        )
        client = signed_in(client, programme.manager)
        csv = b"".join(
            client.get(reverse("volunteering_sessions:index") + "?export=csv").streaming_content
        ).decode()
        assert "Araminta Islingford" in csv
        assert "Bartholomew Camdenworth" not in csv


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sessions_recorded_at_once_cannot_pass_the_cap_together():
    """The volunteer's row is locked, so the second waits for the first and then sees its
    hours. Without the lock both would see 36 hours and both be saved (44 hours)."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks under concurrent requests are a PostgreSQL behaviour")
    with time_machine.travel(datetime.datetime(2026, 3, 28, 18, 0), tick=False):
        volunteer = PlacedVolunteerFactory(placed_on=days_ago(60))
        thirty_six_hours_in_march(volunteer)
        barrier = threading.Barrier(2)
        outcomes = []

        def record(day):
            try:
                barrier.wait()
                give(volunteer.__class__.objects.get(pk=volunteer.pk), march(day), at(9), at(13))
                outcomes.append("saved")
            except ValidationError:
                outcomes.append("refused")
            finally:
                connection.close()

        threads = [threading.Thread(target=record, args=(day,)) for day in (20, 21)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(outcomes) == ["refused", "saved"]
        assert VolunteerSession.objects.minutes_by_month(volunteer, [(2026, 3)]) == {
            (2026, 3): 2400
        }
