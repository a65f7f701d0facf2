import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from hub import services
from hub.enums import MinuteItemKind, MinutesStatus
from iag.models import Attendance, MinuteItem
from iag.services import members_at, record_attendance
from tests.hub.factories import UserFactory
from tests.iag.factories import MeetingFactory, MembershipFactory, MinuteItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory(username="chair")


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    MinuteItemFactory(meeting=meeting)
    return meeting


def actions_logged(meeting):
    return list(
        ModelLogEntry.objects.for_instance(meeting)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )


class TestMinutesLifeCycle:
    def test_drafted_approved_then_published(self, meeting, user):
        services.approve_minutes(meeting, user)
        services.publish_minutes(meeting, user)
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.PUBLISHED
        assert (meeting.minutes_approved_by, meeting.minutes_published_by) == (user, user)
        reasons = list(meeting.history.values_list("history_change_reason", flat=True))
        assert reasons[:2] == ["Minutes published", "Minutes approved"]
        assert {h.history_user for h in meeting.history.all()[:2]} == {user}
        assert actions_logged(meeting) == [services.APPROVE_MINUTES, services.PUBLISH_MINUTES]

    @pytest.mark.parametrize(
        ("status", "service", "message"),
        [
            ("draft", services.publish_minutes, "must be approved"),
            ("approved", services.approve_minutes, "Only draft"),
            ("published", services.approve_minutes, "Only draft"),
            ("published", services.return_minutes_to_draft, "Only approved"),
            ("draft", services.return_minutes_to_draft, "Only approved"),
        ],
    )
    def test_each_step_only_from_the_right_state(self, meeting, user, status, service, message):
        meeting.minutes_status = status
        meeting.save()
        with pytest.raises(ValidationError, match=message):
            service(meeting, user)
        meeting.refresh_from_db()
        assert meeting.minutes_status == status

    def test_empty_minutes_cannot_be_approved(self, user):
        with pytest.raises(ValidationError, match="no items"):
            services.approve_minutes(MeetingFactory(), user)

    def test_approved_minutes_can_go_back_to_draft(self, meeting, user):
        services.approve_minutes(meeting, user)
        services.return_minutes_to_draft(meeting, user)
        meeting.refresh_from_db()
        assert meeting.minutes_status == MinutesStatus.DRAFT
        assert meeting.minutes_approved_by is None


class TestWithholding:
    def test_withholding_erases_the_words_from_every_version(self, user):
        item = MinuteItemFactory(title="Operation Kestrel", text="Words that must go")
        item.text = "Edited words that must go too"
        item.save()
        assert MinuteItem.history.filter(text__contains="must go").count() == 2

        services.withhold_minute_item(item, "Supt Example", user)

        item.refresh_from_db()
        assert item.kind == MinuteItemKind.CONFIDENTIAL
        assert (item.title, item.text) == ("", "")
        assert not MinuteItem.history.filter(text__contains="must go").exists()
        assert not MinuteItem.history.filter(title__contains="Kestrel").exists()
        assert services.WITHHOLD_MINUTE_ITEM in actions_logged(item)
        assert services.WITHHOLD_MINUTE_ITEM not in actions_logged(item.meeting)

    def test_withholding_takes_an_item_off_published_minutes(self, user):
        item = MinuteItemFactory(meeting__minutes_status=MinutesStatus.PUBLISHED)
        assert item in item.meeting.public_minute_items()
        services.withhold_minute_item(item, "Supt Example", user)
        assert item not in item.meeting.public_minute_items()

    def test_withholding_needs_to_say_who_asked(self, user):
        item = MinuteItemFactory()
        with pytest.raises(ValidationError, match="who asked"):
            services.withhold_minute_item(item, "  ", user)


class TestAttendance:
    def test_members_on_the_day_of_the_meeting(self):
        meeting = MeetingFactory(date=datetime.date(2026, 6, 1))
        present = MembershipFactory(group=meeting.group, joined_on=datetime.date(2026, 1, 1))
        MembershipFactory(group=meeting.group, joined_on=datetime.date(2026, 6, 2))
        left_before = MembershipFactory(
            group=meeting.group, joined_on=datetime.date(2025, 1, 1),
            status="resigned", left_on=datetime.date(2026, 5, 31),
        )  # fmt: skip
        left_on_the_day = MembershipFactory(
            group=meeting.group, joined_on=datetime.date(2025, 1, 1),
            status="resigned", left_on=datetime.date(2026, 6, 1),
        )  # fmt: skip
        assert set(members_at(meeting)) == {present, left_on_the_day}
        assert left_before not in members_at(meeting)

    def test_recording_attendance(self, user):
        meeting = MeetingFactory()
        member = MembershipFactory(group=meeting.group)
        record_attendance(meeting, {member.pk: "apologies"}, user)
        record = Attendance.objects.get(meeting=meeting, membership=member)
        assert record.status == "apologies"
        assert record.history.first().history_user == user

    def test_only_members_of_the_group_can_be_recorded(self, user):
        meeting = MeetingFactory()
        stranger = MembershipFactory()
        with pytest.raises(ValidationError, match="members of the group"):
            record_attendance(meeting, {stranger.pk: "present"}, user)
        assert not Attendance.objects.exists()

    def test_attendance_is_frozen_once_minutes_are_approved(self, meeting, user):
        member = MembershipFactory(group=meeting.group)
        services.approve_minutes(meeting, user)
        with pytest.raises(ValidationError, match="approved"):
            record_attendance(meeting, {member.pk: "present"}, user)
