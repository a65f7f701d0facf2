import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.enums import MinuteItemKind
from hub.models import Borough
from iag.enums import MeetingKind, MemberRole, MembershipStatus
from iag.models import AdvisoryGroup, MinuteItem
from tests.iag.factories import (
    AdvisoryGroupFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteItemFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


class TestAdvisoryGroup:
    def test_one_iag_per_borough(self):
        camden = Borough.objects.get(name="Camden")
        AdvisoryGroupFactory(borough=camden)
        with pytest.raises(IntegrityError), transaction.atomic():
            AdvisoryGroup.objects.create(
                borough=camden, escalation_point_name="x", escalation_point_role="y"
            )

    def test_the_city_of_london_cannot_have_an_mps_iag(self):
        group = AdvisoryGroupFactory.build(borough=Borough.objects.get(name="City of London"))
        with pytest.raises(ValidationError) as error:
            group.full_clean()
        assert "borough" in error.value.message_dict

    def test_a_police_lead_needs_a_rank_of_superintendent_or_above(self):
        group = AdvisoryGroupFactory.build(
            borough=Borough.objects.get(name="Camden"), police_lead_rank=""
        )
        group.police_lead.save()
        group.police_lead_id = group.police_lead.pk
        with pytest.raises(ValidationError, match="Chief Superintendent or a Superintendent"):
            group.full_clean()
        field = AdvisoryGroup._meta.get_field("police_lead_rank")
        assert {value for value, _ in field.choices} == {"chief_superintendent", "superintendent"}

    def test_the_public_sees_the_leads_role_not_their_name(self):
        group = AdvisoryGroupFactory(borough=Borough.objects.get(name="Camden"))
        assert group.police_lead_role == "Superintendent with responsibility for Camden"
        assert group.police_lead.name not in group.police_lead_role

    def test_the_last_meeting_with_the_lead_ignores_other_meetings(self):
        group = AdvisoryGroupFactory(borough=Borough.objects.get(name="Camden"))
        MeetingFactory(group=group, date=TODAY - datetime.timedelta(days=100))
        MeetingFactory(group=group, date=TODAY - datetime.timedelta(days=5),
                       kind=MeetingKind.CHAIR_AND_LEAD)  # fmt: skip
        MeetingFactory(group=group, date=TODAY - datetime.timedelta(days=4),
                       police_lead_attended=False)  # fmt: skip
        MeetingFactory(group=group, date=TODAY + datetime.timedelta(days=4))
        assert group.last_meeting_with_lead_on(TODAY) == TODAY - datetime.timedelta(days=100)
        annotated = AdvisoryGroup.objects.with_last_meeting_with_lead(TODAY).get(pk=group.pk)
        assert annotated.last_meeting_with_lead == TODAY - datetime.timedelta(days=100)

    @time_machine.travel(datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC))
    def test_overdue_groups_are_found_by_the_queryset(self):
        today = datetime.date(2026, 7, 1)
        late = AdvisoryGroupFactory(borough=Borough.objects.get(name="Camden"))
        on_time = AdvisoryGroupFactory(borough=Borough.objects.get(name="Brent"))
        MeetingFactory(group=late, date=datetime.date(2026, 3, 31))
        MeetingFactory(group=on_time, date=datetime.date(2026, 4, 1))
        assert AdvisoryGroup.objects.overdue_for_meeting(today) == [late]


class TestMembership:
    def test_a_chair_without_vetting_or_risk_assessment_is_refused(self):
        membership = MembershipFactory.build(role=MemberRole.CHAIR)
        with pytest.raises(ValidationError, match="principle 10"):
            membership.full_clean(exclude=["person", "group"])

    @pytest.mark.parametrize(
        "trait", [{"chair": True}, {"risk_assessed_chair": True}], ids=["vetted", "risk-assessed"]
    )
    def test_a_cleared_chair_is_accepted(self, trait):
        MembershipFactory.build(**trait).full_clean(exclude=["person", "group"])

    def test_a_risk_assessment_needs_to_say_by_whom(self):
        membership = MembershipFactory.build(risk_assessed_chair=True, risk_assessment_by="")
        with pytest.raises(ValidationError, match="who carried out"):
            membership.full_clean(exclude=["person", "group"])

    def test_one_active_chair_per_group(self):
        chair = MembershipFactory(chair=True)
        with pytest.raises(IntegrityError), transaction.atomic():
            MembershipFactory(group=chair.group, chair=True)
        second = MembershipFactory.build(group=chair.group, chair=True)
        second.person.save()
        second.person_id = second.person.pk
        with pytest.raises(ValidationError, match="already has a chair"):
            second.full_clean()

    def test_a_former_chair_does_not_block_a_new_one(self):
        old = MembershipFactory(chair=True)
        old.status, old.left_on = MembershipStatus.RESIGNED, TODAY
        old.save()
        MembershipFactory(group=old.group, chair=True)

    def public_chair_name(self, group):
        return AdvisoryGroup.objects.with_public_chair_name().get(pk=group.pk).public_chair_name

    def test_the_public_chair_name_is_the_active_chairs_only_with_consent(self):
        chair = MembershipFactory(chair=True)
        MembershipFactory(group=chair.group, publish_name=True)  # a member, not the chair
        assert self.public_chair_name(chair.group) == chair.person.name
        chair.publish_name = False
        chair.save()
        assert self.public_chair_name(chair.group) is None

    def test_a_former_chair_is_not_the_public_chair(self):
        old = MembershipFactory(chair=True)
        old.status, old.left_on = MembershipStatus.RESIGNED, TODAY
        old.save()
        assert self.public_chair_name(old.group) is None
        new = MembershipFactory(group=old.group, chair=True)
        assert self.public_chair_name(old.group) == new.person.name

    @pytest.mark.parametrize(
        ("signed_on", "sees"),
        [(TODAY, True), (None, False), (TODAY - datetime.timedelta(days=400), False)],
        ids=["signed today", "not signed", "lapsed"],
    )
    def test_a_member_sees_confidential_material_only_with_both_agreements(self, signed_on, sees):
        membership = MembershipFactory(
            confidentiality_agreement_signed_on=signed_on,
            information_sharing_agreement_signed_on=TODAY,
        )
        assert membership.may_see_confidential(TODAY, 12) is sees

    def test_an_agreement_dated_tomorrow_is_refused(self):
        membership = MembershipFactory.build(
            information_sharing_agreement_signed_on=TODAY + datetime.timedelta(days=1)
        )
        with pytest.raises(ValidationError, match="future"):
            membership.full_clean(exclude=["person", "group"])

    def test_leaving_is_dated_and_consistent_with_the_status(self):
        membership = MembershipFactory.build(status=MembershipStatus.RESIGNED, left_on=None)
        with pytest.raises(ValidationError, match="date they left"):
            membership.full_clean(exclude=["person", "group"])
        membership = MembershipFactory(joined_on=TODAY)
        membership.left_on = TODAY - datetime.timedelta(days=1)
        membership.status = MembershipStatus.RESIGNED
        with pytest.raises(ValidationError, match="before they joined"):
            membership.full_clean(exclude=["person", "group"])
        with pytest.raises(IntegrityError), transaction.atomic():
            type(membership).objects.filter(pk=membership.pk).update(left_on=TODAY)

    def test_changes_are_recorded_in_history_with_a_reason(self):
        membership = MembershipFactory()
        membership.role = MemberRole.VICE_CHAIR
        membership._change_reason = "Elected vice-chair"
        membership.save()
        latest = membership.history.first()
        assert latest.role == MemberRole.VICE_CHAIR
        assert latest.history_change_reason == "Elected vice-chair"
        assert membership.history.count() == 2


class TestMinuteItems:
    def test_a_confidential_item_keeps_nothing_of_what_was_typed(self):
        item = MinuteItemFactory(
            kind=MinuteItemKind.CONFIDENTIAL, title="Secret", text="Secret words",
            withheld_at_request_of="Supt Example",
        )  # fmt: skip
        item.refresh_from_db()
        assert (item.title, item.text) == ("", "")
        assert item.withheld_at is not None
        assert item.display_title == "Not recorded at the request of the police lead"
        assert not MinuteItem.history.filter(text__contains="Secret").exists()

    def test_the_database_refuses_text_on_a_confidential_item(self):
        item = MinuteItemFactory(withheld=True)
        with pytest.raises(IntegrityError), transaction.atomic():
            MinuteItem.objects.filter(pk=item.pk).update(text="Smuggled in")

    def test_a_withheld_item_says_who_asked(self):
        item = MinuteItemFactory.build(withheld=True, withheld_at_request_of=" ")
        with pytest.raises(ValidationError, match="who asked"):
            item.clean()

    def test_an_ordinary_item_needs_a_title_or_text(self):
        item = MinuteItemFactory.build(title="", text="")
        with pytest.raises(ValidationError, match="title or some text"):
            item.clean()

    def test_the_public_sees_published_minutes_without_withheld_items(self):
        meeting = MeetingFactory()
        kept = MinuteItemFactory(meeting=meeting)
        MinuteItemFactory(meeting=meeting, withheld=True)
        assert list(meeting.public_minute_items()) == []
        meeting.minutes_status = "published"
        meeting.save()
        assert list(meeting.public_minute_items()) == [kept]

    def test_str_never_holds_the_text(self):
        item = MinuteItemFactory(text="The words themselves", sort_order=2)
        assert "words" not in str(item)
