"""A member's sessions end when their membership does (they may have seen its records)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_sessions_end_when_a_membership_ends(client, world):
    from iag.enums import MembershipStatus

    user = world.users["member A"]
    client.force_login(user)
    assert client.get(reverse("iag_members:index")).status_code == 200
    other = Client()
    other.force_login(world.users["chair A"])
    membership = world.member_a
    membership.status = MembershipStatus.RESIGNED
    membership.left_on = membership.joined_on
    membership.save()
    response = client.get(reverse("iag_members:index"))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    # Other people's sessions are untouched.
    assert other.get(reverse("iag_members:index")).status_code == 200


def test_saving_an_active_membership_ends_nothing(client, world):
    client.force_login(world.users["member A"])
    world.member_a.left_reason = ""
    world.member_a.save()
    assert client.get(reverse("iag_members:index")).status_code == 200


@pytest.mark.parametrize("change", ["demoted", "deleted"])
def test_sessions_end_when_a_chair_is_demoted_or_a_membership_deleted(client, world, change):
    client.force_login(world.users["chair A"])
    assert client.get(reverse("iag_members:index")).status_code == 200
    membership = world.chair_a
    if change == "demoted":
        membership.role = "member"
        membership.save()
    else:
        membership.attendance.all().delete()
        membership.delete()
    response = client.get(reverse("iag_members:index"))
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
