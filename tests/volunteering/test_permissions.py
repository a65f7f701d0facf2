"""Who may open which steering-group and role-profile screen, for their own borough's records
and another's: every role against every screen, compared with an explicit allow-table."""

import pytest
from django.urls import reverse

from hub.volunteering.enums import Responsibility
from hub.volunteering.models import RoleProfile, SteeringGroupMember
from tests.helpers import is_refused
from tests.hub.factories import PersonFactory
from tests.volunteering.factories import RoleProfileFactory, borough

pytestmark = pytest.mark.django_db

HERE_READERS = {"programme manager", "steering group member", "deputy", "central team"}
HERE_KEEPERS = {"programme manager", "central team"}
ALL_ROLES = HERE_READERS | {"other borough's manager", "other borough's member"}


def screens(programme, profile, member):
    group = programme.group
    profiles = "wagtailsnippets_volunteering_roleprofile"
    return {
        # name: (url, who may open it)
        "steering groups list": (
            reverse("volunteering_steering_groups:index"),
            ALL_ROLES,
        ),
        "steering group inspect": (
            reverse("volunteering_steering_groups:inspect", args=[group.pk]),
            HERE_READERS,
        ),
        "steering group edit": (
            reverse("volunteering_steering_groups:edit", args=[group.pk]),
            HERE_KEEPERS,
        ),
        # History screens are Wagtail's, for those who may change the record.
        "steering group history": (
            reverse("volunteering_steering_groups:history", args=[group.pk]),
            HERE_KEEPERS,
        ),
        "steering group add": (reverse("volunteering_steering_groups:add"), {"central team"}),
        "member inspect": (
            reverse("volunteering_steering_members:inspect", args=[member.pk]),
            HERE_READERS,
        ),
        "member edit": (
            reverse("volunteering_steering_members:edit", args=[member.pk]),
            HERE_KEEPERS,
        ),
        "member add": (
            reverse("volunteering_steering_members:add"),
            {"programme manager", "other borough's manager", "central team"},
        ),
        "profiles list": (reverse(f"{profiles}:list"), ALL_ROLES),
        "profile inspect": (reverse(f"{profiles}:inspect", args=[profile.pk]), HERE_READERS),
        "profile history": (
            reverse(f"{profiles}:history", args=[profile.pk]),
            {"programme manager"},
        ),
        "profile edit": (reverse(f"{profiles}:edit", args=[profile.pk]), {"programme manager"}),
        "profile delete": (
            reverse(f"{profiles}:delete", args=[profile.pk]),
            {"programme manager"},
        ),
        "profile add": (
            reverse(f"{profiles}:add"),
            {"programme manager", "other borough's manager"},
        ),
    }


def test_every_role_on_every_screen_matches_the_allow_table(client, programme):
    profile = RoleProfileFactory(title="Front counter helper", drafted_by=programme.manager)
    profile.save_revision(user=programme.manager, clean=False)
    member = programme.group.members.get(person__user=programme.union_rep)
    unexpected = []
    tried = 0
    for screen, (url, allowed) in screens(programme, profile, member).items():
        for role, user in programme.users.items():
            client.logout()
            if user is not None:
                client.force_login(user)
            response = client.get(url)
            tried += 1
            opened = response.status_code == 200
            if role in allowed and not opened:
                unexpected.append(f"{role} refused {screen} ({response.status_code})")
            elif role not in allowed and not is_refused(response):
                unexpected.append(f"{role} opened {screen} ({response.status_code})")
    assert tried == 14 * 8  # screens x roles
    assert unexpected == [], "\n".join(unexpected)


def test_lists_hold_only_the_boroughs_a_user_reads(client, programme):
    RoleProfileFactory(title="Front counter helper")
    RoleProfileFactory(title="Archive helper", borough=borough("Camden"))
    url = reverse("wagtailsnippets_volunteering_roleprofile:list")
    seen = {}
    for role in ("programme manager", "steering group member", "other borough's member"):
        client.force_login(programme.users[role])
        body = client.get(url).content.decode()
        seen[role] = {
            title for title in ("Front counter helper", "Archive helper") if title in body
        }
    client.force_login(programme.users["central team"])
    body = client.get(url + "?export=csv")
    exported = b"".join(body.streaming_content if body.streaming else [body.content]).decode()
    assert seen == {
        "programme manager": {"Front counter helper"},
        "steering group member": {"Front counter helper"},
        "other borough's member": {"Archive helper"},
    }
    assert "Front counter helper" in exported and "Archive helper" in exported


def test_a_manager_drafts_only_for_their_own_borough(client, programme):
    client.force_login(programme.manager)
    url = reverse("wagtailsnippets_volunteering_roleprofile:add")
    form = client.get(url).context["form"]
    assert list(form.fields["borough"].queryset) == [programme.borough]
    data = {
        "borough": programme.other_borough.pk,
        "unit": "Front counter",
        "title": "Counter helper",
        "purpose": "To welcome visitors.",
        "tasks": "Greet visitors",
        "training": "Front counter procedures.",
        "time_commitment": "4 hours a week",
        "legal_obligation": "False",
        "paid_overtime": "False",
        "in_job_description": "False",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "borough" in response.context["form"].errors
    assert not RoleProfile.objects.exists()
    response = client.post(url, {**data, "borough": programme.borough.pk})
    assert response.status_code == 302
    profile = RoleProfile.objects.get()
    assert profile.borough == programme.borough
    assert profile.live is False
    assert profile.drafted_by == programme.manager


def test_an_existing_profile_cannot_move_to_another_borough(client, programme):
    profile = RoleProfileFactory(drafted_by=programme.manager)
    client.force_login(programme.manager)
    url = reverse("wagtailsnippets_volunteering_roleprofile:edit", args=[profile.pk])
    form = client.get(url).context["form"]
    assert form.fields["borough"].disabled


def test_nobody_publishes_a_profile_directly(client, programme):
    """Not the manager who drafted it, not a steering member: only the workflow publishes."""
    profile = RoleProfileFactory(drafted_by=programme.manager)
    client.force_login(programme.manager)
    url = reverse("wagtailsnippets_volunteering_roleprofile:edit", args=[profile.pk])
    page = client.get(url).content.decode()
    assert 'name="action-publish"' not in page
    assert 'name="action-submit"' in page
    client.post(
        url,
        {
            "unit": profile.unit,
            "title": profile.title,
            "purpose": profile.purpose,
            "tasks": profile.tasks,
            "training": profile.training,
            "time_commitment": profile.time_commitment,
            "legal_obligation": "False",
            "paid_overtime": "False",
            "in_job_description": "False",
            "action-publish": "publish",
        },
    )
    assert RoleProfile.objects.get(pk=profile.pk).live is False


def test_a_deputy_must_stand_in_for_a_member_of_the_same_group(programme):
    from django.core.exceptions import ValidationError

    elsewhere = programme.other_group.members.first()
    deputy = SteeringGroupMember(
        group=programme.group,
        person=PersonFactory(),
        responsibility=elsewhere.responsibility,
        deputy_for=elsewhere,
    )
    with pytest.raises(ValidationError, match="same group"):
        deputy.full_clean()
    member = programme.group.members.get(responsibility=Responsibility.UNION_REP)
    other_job = SteeringGroupMember(
        group=programme.group,
        person=PersonFactory(),
        responsibility=Responsibility.FEDERATION_REP,
        deputy_for=member,
    )
    with pytest.raises(ValidationError, match="member's responsibility"):
        other_job.full_clean()
