"""Principle 26: a confidential matter is "not recorded at the request of the police lead".

A unique sentinel typed into confidential minute items, through every route a chair has, must be
found in no database row (history, search index and audit log included), no HTTP response to
anyone, and no log line.
"""

import logging
import uuid

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hub.enums import MinutesStatus
from iag.models import IAGDirectoryPage, Meeting
from tests.helpers import database_rows_containing, report_figure, response_body
from tests.iag.factories import MinuteItemFactory

pytestmark = pytest.mark.django_db


def meeting_form(group, items, place):
    return nested_form_data(
        {
            "group": group.pk,
            "kind": "full",
            "date": "2026-11-01",
            "start_time": "",
            "place": place,
            "police_lead_attended": "on",
            "agenda": "",
            "guests": inline_formset([]),
            "minute_items": inline_formset(items),
        }
    )


def test_a_withheld_item_is_stored_nowhere_and_shown_to_no_one(client, world, home, caplog):
    caplog.set_level(logging.DEBUG)
    sentinel = f"SENTINEL-{uuid.uuid4().hex}"
    directory = IAGDirectoryPage(title="IAGs", slug="iags")
    home.add_child(instance=directory)
    directory.save_revision().publish()
    responses = []
    client.force_login(world.users["chair A"])

    # 1. Typed into a new confidential item.
    items = [
        {"kind": "ordinary", "title": "Open item", "text": "Open words",
         "withheld_at_request_of": ""},
        {"kind": "confidential", "title": f"{sentinel} title", "text": f"{sentinel} text",
         "withheld_at_request_of": "Supt Example"},
    ]  # fmt: skip
    responses.append(
        client.post(reverse("iag_meetings:add"), meeting_form(world.group_a, items, "Hall"))
    )
    meeting = Meeting.objects.get(place="Hall")

    # 2. Typed into a confidential item on a form that fails for another reason.
    bad = [
        {"kind": "confidential", "title": sentinel, "text": sentinel, "withheld_at_request_of": ""}
    ]
    responses.append(client.post(reverse("iag_meetings:add"), meeting_form(world.group_a, bad, "")))

    # 3. An item recorded with the sentinel, then withheld on the form...
    recorded = MinuteItemFactory(
        meeting=world.meeting_a, title="Recorded", text=f"{sentinel} later"
    )
    edit = nested_form_data(
        {
            "kind": "full", "date": world.meeting_a.date.isoformat(), "start_time": "",
            "place": world.meeting_a.place, "police_lead_attended": "on", "agenda": "",
            "guests": inline_formset([]),
            "minute_items": inline_formset(
                [{"id": recorded.pk, "kind": "confidential", "title": "Recorded",
                  "text": f"{sentinel} later", "withheld_at_request_of": "Supt Example"}],
                initial=1,
            ),
        }
    )  # fmt: skip
    responses.append(client.post(reverse("iag_meetings:edit", args=[world.meeting_a.pk]), edit))
    # ...and 4. one withheld afterwards with the withhold action.
    later = MinuteItemFactory(meeting=meeting, title=f"{sentinel} again", text=f"{sentinel} again")
    responses.append(
        client.post(
            reverse("iag_meetings:withhold_item", args=[meeting.pk, later.pk]),
            {"requested_by": "Supt Example"},
        )
    )

    # Approve and publish, so the minutes reach the public pages.
    for action in ("approve", "publish"):
        responses.append(
            client.post(reverse("iag_meetings:minutes_action", args=[meeting.pk, action]))
        )
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    assert meeting.minute_items.count() == 3

    # Every screen, as every role.
    admin_urls = [
        reverse("iag_meetings:index"),
        reverse("iag_meetings:index") + "?export=csv",
        reverse("iag_meetings:index") + "?export=xlsx",
        reverse("iag_meetings:inspect", args=[meeting.pk]),
        reverse("iag_meetings:history", args=[meeting.pk]),
        reverse("iag_meetings:inspect", args=[world.meeting_a.pk]),
        reverse("iag_meetings:edit", args=[world.meeting_a.pk]),
        reverse("iag_meetings:history", args=[world.meeting_a.pk]),
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_reports:site_history"),
    ]
    public_urls = [
        directory.url,
        f"{directory.url}islington/",
        f"{directory.url}islington/minutes/{meeting.pk}/",
        f"{directory.url}islington/induction-pack/",
        f"{directory.url}islington/induction-pack/pdf/",
        reverse("search") + "?q=SENTINEL",  # not the whole sentinel: the query is echoed
    ]
    for user in world.users.values():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in admin_urls + public_urls:
            responses.append(client.get(url))

    leaks = [r.wsgi_request.path for r in responses if sentinel.encode() in response_body(r)]
    report_figure(f"withheld-item sentinel sweep: {len(responses)} responses, {len(leaks)} leaks")
    assert leaks == []
    assert database_rows_containing(sentinel) == []
    assert sentinel not in caplog.text
    assert len(responses) > 100
