"""The public IAG directory, group pages, published minutes and induction packs."""

import datetime
import io

import pytest
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader

from hub.enums import MinutesStatus
from iag.models import IAGDirectoryPage
from tests.hub.factories import GlossaryTermFactory
from tests.iag.factories import MeetingFactory, MinuteItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    page = IAGDirectoryPage(title="Independent Advisory Groups", slug="iag")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def url(directory, *parts):
    return directory.url + "".join(f"{part}/" for part in parts)


def test_the_directory_lists_every_borough_and_says_which_have_no_iag(client, world, directory):
    body = client.get(directory.url).content.decode()
    assert body.count('scope="row"') == 33
    assert url(directory, "islington") in body and url(directory, "camden") in body
    assert "No IAG yet" in body  # 30 boroughs have none in this world
    assert "the City of London has its own police force" in body


class TestGroupPage:
    def test_it_says_the_group_is_independent_and_not_party_political(
        self, client, world, directory
    ):
        body = client.get(url(directory, "islington")).content.decode()
        assert "not party political" in body
        assert "independent" in body

    def test_the_chair_is_named_only_with_consent(self, client, world, directory):
        name = escape(world.chair_a.person.name)
        assert name in client.get(url(directory, "islington")).content.decode()
        world.chair_a.publish_name = False
        world.chair_a.save()
        body = client.get(url(directory, "islington")).content.decode()
        assert name not in body
        assert "has not agreed to be named" in body

    def test_the_police_lead_appears_by_role_not_name(self, client, world, directory):
        body = client.get(url(directory, "islington")).content.decode()
        assert "Superintendent with responsibility for Islington" in body
        assert escape(world.group_a.police_lead.name) not in body

    def test_members_and_contact_details_are_not_public(self, client, world, directory):
        body = client.get(url(directory, "islington")).content.decode()
        assert escape(world.member_a.person.name) not in body
        assert world.chair_a.person.email not in body

    def test_a_borough_without_an_iag_has_no_group_page(self, client, world, directory):
        assert client.get(url(directory, "sutton")).status_code == 404


class TestPublishedMinutes:
    def test_only_published_minutes_are_listed_and_shown(self, client, world, directory):
        published = MeetingFactory(group=world.group_a, minutes_status=MinutesStatus.PUBLISHED)
        MinuteItemFactory(meeting=published, title="Public business")
        draft = world.meeting_a
        MinuteItemFactory(meeting=draft, title="Draft business")
        group_page = client.get(url(directory, "islington")).content.decode()
        assert url(directory, "islington", "minutes", published.pk) in group_page
        assert url(directory, "islington", "minutes", draft.pk) not in group_page
        shown = client.get(url(directory, "islington", "minutes", published.pk))
        assert "Public business" in shown.content.decode()
        assert client.get(url(directory, "islington", "minutes", draft.pk)).status_code == 404

    def test_meetings_to_come_in_date_order_and_published_minutes_newest_first(
        self, client, world, directory
    ):
        today = timezone.localdate()
        later, sooner = (
            MeetingFactory(group=world.group_a, date=today + datetime.timedelta(days=days))
            for days in (40, 1)
        )
        MeetingFactory(group=world.group_a, date=today)  # today's: past, minutes not published
        older, newer = (
            MeetingFactory(
                group=world.group_a,
                date=today - datetime.timedelta(days=days),
                minutes_status=MinutesStatus.PUBLISHED,
            )
            for days in (200, 100)
        )
        response = client.get(url(directory, "islington"))
        assert response.context["upcoming"] == [sooner, later]
        assert response.context["published"] == [newer, older]
        body = response.content.decode()
        assert body.index(url(directory, "islington", "minutes", newer.pk)) < body.index(
            url(directory, "islington", "minutes", older.pk)
        )

    def test_the_meeting_kind_reads_in_a_sentence_with_its_acronym_kept(
        self, client, world, directory
    ):
        meeting = MeetingFactory(
            group=world.group_a,
            date=datetime.date(2026, 3, 5),
            minutes_status=MinutesStatus.PUBLISHED,
        )
        link = "Minutes of meeting of the IAG with the police lead, 5 March 2026"
        assert link in client.get(url(directory, "islington")).content.decode()
        shown = client.get(url(directory, "islington", "minutes", meeting.pk)).content.decode()
        assert "Minutes: meeting of the IAG with the police lead, 5 March 2026" in shown
        assert "the iag" not in shown

    def test_withheld_items_never_appear(self, client, world, directory):
        meeting = MeetingFactory(group=world.group_a, minutes_status=MinutesStatus.PUBLISHED)
        MinuteItemFactory(meeting=meeting, title="Open item")
        MinuteItemFactory(meeting=meeting, withheld=True, withheld_at_request_of="Supt Quill")
        body = client.get(url(directory, "islington", "minutes", meeting.pk)).content.decode()
        assert "Open item" in body
        assert "Supt Quill" not in body
        assert "Not recorded" not in body

    def test_minutes_of_another_borough_are_not_reachable_through_this_one(
        self, client, world, directory
    ):
        meeting = MeetingFactory(group=world.group_b, minutes_status=MinutesStatus.PUBLISHED)
        assert client.get(url(directory, "islington", "minutes", meeting.pk)).status_code == 404


class TestInductionPack:
    def test_the_printable_page_has_every_part_of_principle_20(self, client, world, directory):
        GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")
        body = client.get(url(directory, "islington", "induction-pack")).content.decode()
        for text in (
            "We meet in the evening",  # the local prologue
            "We can help you with",
            "You can help us with",
            "Terms of reference",
            "Criminal Investigation Department",  # the jargon, explained
            "not party political",
        ):
            assert text in body, text

    def test_the_pdf_says_the_same(self, client, world, directory):
        GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")
        response = client.get(url(directory, "islington", "induction-pack", "pdf"))
        assert response["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(response.content))
        text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
        assert reader.metadata.title == "Islington Independent Advisory Group: induction pack"
        for snippet in ("We meet in the evening", "You can help us with", "Criminal Investigation"):
            assert snippet in text, snippet
        assert world.group_a.escalation_point_name not in text
