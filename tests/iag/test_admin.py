"""The chair's admin screens, end to end through the forms."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hub.enums import MinuteItemKind, MinutesStatus
from iag.models import Attendance, Meeting, Membership, MinuteItem
from tests.helpers import is_refused
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def membership_form(group, **overrides):
    data = {
        "group": group.pk,
        "person_name": "Ada Example",
        "person_email": "ada.example@example.org",
        "person_phone": "020 7946 0101",
        "role": "member",
        "connection": "lives",
        "joined_on": TODAY.isoformat(),
        "status": "active",
        "left_on": "",
        "left_reason": "",
        "confidentiality_agreement_signed_on": TODAY.isoformat(),
        "information_sharing_agreement_signed_on": TODAY.isoformat(),
        "vetted_on": "",
        "official_secrets_act_signed_on": "",
        "risk_assessment_on": "",
        "risk_assessment_by": "",
        "vetting_notes": "",
    }
    data.update(overrides)
    return data


def meeting_form(group, items=(), **overrides):
    data = {
        "group": group.pk,
        "kind": "full",
        "date": (TODAY - datetime.timedelta(days=1)).isoformat(),
        "start_time": "",
        "place": "Community hall",
        "police_lead_attended": "on",
        "agenda": "1. Welcome",
        "guests": inline_formset([]),
        "minute_items": inline_formset(list(items)),
    }
    data.update(overrides)
    return nested_form_data(data)


class TestMembership:
    def test_a_chair_admits_a_member_to_their_own_group(self, client, world):
        client.force_login(world.users["chair A"])
        response = client.post(reverse("iag_members:add"), membership_form(world.group_a))
        assert response.status_code == 302, response.content.decode()[:2000]
        membership = Membership.objects.get(person__name="Ada Example")
        assert membership.group == world.group_a
        assert membership.person.email == "ada.example@example.org"
        assert membership.history.first().history_user == world.users["chair A"]

    def test_a_chair_cannot_admit_to_another_group(self, client, world):
        client.force_login(world.users["chair A"])
        response = client.post(reverse("iag_members:add"), membership_form(world.group_b))
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not Membership.objects.filter(person__name="Ada Example").exists()

    def test_the_police_lead_cannot_admit_members(self, client, world):
        client.force_login(world.users["police lead A"])
        response = client.post(reverse("iag_members:add"), membership_form(world.group_a))
        assert is_refused(response)
        assert not Membership.objects.filter(person__name="Ada Example").exists()

    def test_appointing_an_uncleared_chair_is_refused_and_the_input_kept(self, client, world):
        world.chair_a.status, world.chair_a.left_on = "resigned", TODAY
        world.chair_a.save()
        # The group has no chair now; a site administrator records the one it elects.
        client.force_login(UserFactory(username="root", superuser=True))
        response = client.post(
            reverse("iag_members:add"), membership_form(world.group_a, role="chair")
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "must be vetted and have signed the Official Secrets Act" in body
        assert "Ada Example" in body and "ada.example@example.org" in body
        assert not Membership.objects.filter(person__name="Ada Example").exists()

    def test_an_agreement_dated_tomorrow_is_refused(self, client, world):
        client.force_login(world.users["chair A"])
        tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
        response = client.post(
            reverse("iag_members:add"),
            membership_form(world.group_a, confidentiality_agreement_signed_on=tomorrow),
        )
        assert response.status_code == 200
        assert "A date in the future" in response.content.decode()


class TestMeetings:
    def test_a_chair_records_a_meeting_with_a_withheld_item(self, client, world):
        client.force_login(world.users["chair A"])
        items = [
            {"kind": "ordinary", "title": "Borough update", "text": "Crime is down.",
             "withheld_at_request_of": ""},
            {"kind": "confidential", "title": "Operation Kestrel", "text": "Secret words",
             "withheld_at_request_of": "Supt Example"},
        ]  # fmt: skip
        response = client.post(reverse("iag_meetings:add"), meeting_form(world.group_a, items))
        assert response.status_code == 302, response.content.decode()[:3000]
        meeting = Meeting.objects.get(place="Community hall")
        withheld = meeting.minute_items.get(kind=MinuteItemKind.CONFIDENTIAL)
        assert (withheld.title, withheld.text) == ("", "")
        assert withheld.withheld_at_request_of == "Supt Example"
        assert withheld.withheld_at is not None
        assert not MinuteItem.history.filter(text__contains="Secret").exists()
        # Every change is attributed to the person who made it.
        assert {h.history_user for h in MinuteItem.history.filter(meeting=meeting)} == {
            world.users["chair A"]
        }
        assert meeting.history.get().history_user == world.users["chair A"]

    def test_a_withheld_item_needs_to_say_who_asked(self, client, world):
        client.force_login(world.users["chair A"])
        items = [{"kind": "confidential", "title": "", "text": "Never echoed",
                  "withheld_at_request_of": ""}]  # fmt: skip
        response = client.post(reverse("iag_meetings:add"), meeting_form(world.group_a, items))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Say who asked" in body
        assert "Never echoed" not in body

    def test_approved_minutes_cannot_be_edited(self, client, world):
        world.meeting_a.minutes_status = MinutesStatus.APPROVED
        world.meeting_a.save()
        client.force_login(world.users["chair A"])
        response = client.get(reverse("iag_meetings:edit", args=[world.meeting_a.pk]))
        assert is_refused(response)

    def test_attendance_approve_and_publish(self, client, world):
        from tests.iag.factories import MinuteItemFactory

        MinuteItemFactory(meeting=world.meeting_a)
        client.force_login(world.users["chair A"])
        url = reverse("iag_meetings:attendance", args=[world.meeting_a.pk])
        form = client.get(url)
        assert world.member_a.person.name in form.content.decode()
        data = {f"member_{m.pk}": "present" for m in Membership.objects.filter(group=world.group_a)}
        data[f"member_{world.member_a.pk}"] = "apologies"
        assert client.post(url, data).status_code == 302
        assert Attendance.objects.get(membership=world.member_a).status == "apologies"

        for action in ("approve", "publish"):
            client.post(reverse("iag_meetings:minutes_action", args=[world.meeting_a.pk, action]))
        world.meeting_a.refresh_from_db()
        assert world.meeting_a.minutes_status == MinutesStatus.PUBLISHED
        assert world.meeting_a.minutes_published_by == world.users["chair A"]

    def test_publishing_draft_minutes_is_refused_with_a_message(self, client, world):
        client.force_login(world.users["chair A"])
        response = client.post(
            reverse("iag_meetings:minutes_action", args=[world.meeting_a.pk, "publish"]),
            follow=True,
        )
        assert "must be approved before they are published" in response.content.decode()
        world.meeting_a.refresh_from_db()
        assert world.meeting_a.minutes_status == MinutesStatus.DRAFT
