"""The central team's compliance dashboard: every borough against the principles."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from hub.models import Borough
from iag.compliance import compliance_rows
from tests.helpers import response_body
from tests.iag.factories import AdvisoryGroupFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def by_borough(rows):
    return {row.borough: row for row in rows}


def make_group(name, members=3, meeting_days_ago=20, chair=True, unsigned=0):
    group = AdvisoryGroupFactory(borough=Borough.objects.get(name=name))
    if chair:
        MembershipFactory(group=group, chair=True)
    for index in range(members):
        MembershipFactory(group=group, unsigned=index < unsigned)
    if meeting_days_ago is not None:
        MeetingFactory(group=group, date=TODAY - datetime.timedelta(days=meeting_days_ago))
    return group


def test_each_shortfall_is_found(db):
    make_group("Islington")
    make_group("Hackney", chair=False)
    make_group("Lambeth", unsigned=1)
    make_group("Camden", meeting_days_ago=400)
    rows = by_borough(compliance_rows(TODAY, 12))

    assert rows["Islington"].shortfalls == []
    assert rows["Islington"].chair_cleared
    assert rows["Hackney"].shortfalls == ["No chair"]
    assert rows["Lambeth"].members_without_agreements == 1
    assert rows["Lambeth"].shortfalls == ["Agreements not signed (principle 10)"]
    assert rows["Camden"].overdue_for_meeting
    assert (
        "No meeting with the police lead last quarter (principle 24)" in rows["Camden"].shortfalls
    )
    assert rows["Sutton"].shortfalls == ["No IAG (principle 13)"]
    assert rows["City of London"].shortfalls == []
    assert len(rows) == 33


def test_minutes_awaiting_approval_and_publication_are_counted(db):
    group = make_group("Islington")
    MeetingFactory(group=group, minutes_status="approved")
    MeetingFactory(group=group, date=TODAY + datetime.timedelta(days=3))  # not held yet
    row = by_borough(compliance_rows(TODAY, 12))["Islington"]
    assert (row.minutes_awaiting_approval, row.minutes_awaiting_publication) == (1, 1)


def test_the_number_of_queries_does_not_grow_with_the_data(db):
    make_group("Islington")

    def count():
        with CaptureQueriesContext(connection) as queries:
            compliance_rows(TODAY, 12)
        return len(queries)

    small = count()
    for name in ("Camden", "Brent", "Lambeth", "Hackney", "Barnet"):
        make_group(name, members=8)
    assert count() == small


def test_the_dashboard_and_its_exports_for_the_central_team(client, world):
    client.force_login(world.users["central team"])
    page = client.get(reverse("iag_compliance:index"))
    assert page.status_code == 200
    assert "Sutton" in page.content.decode()

    csv = response_body(client.get(reverse("iag_compliance:index") + "?export=csv")).decode()
    assert csv.splitlines()[0].startswith("Borough,IAG exists (P13)")
    assert len(csv.splitlines()) == 34

    xlsx = client.get(reverse("iag_compliance:index") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response_body(xlsx))).active
    assert sheet.max_row == 34
    assert sheet["A1"].value == "Borough"


def test_formulas_typed_into_records_are_neutralised_in_exports(client, world):
    world.member_a.person.name = '=HYPERLINK("http://evil.example","x")'
    world.member_a.person.save()
    client.force_login(world.users["chair A"])
    csv = response_body(client.get(reverse("iag_members:index") + "?export=csv")).decode()
    assert "'=HYPERLINK" in csv
    assert "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
