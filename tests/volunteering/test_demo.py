"""The volunteer programme's demo data tells the documents' story and keeps to their rules: the
steering groups the terms of reference suggest, role profiles approved through the workflow by
someone who did not draft them, and volunteers whose records went through the services."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

from hub.demo import DEMO_PASSWORD
from hub.models import Person
from hub.roles import Role
from hub.volunteering import demo as volunteering_demo
from hub.volunteering import rules, services
from hub.volunteering.enums import ClaimStatus, Responsibility
from hub.volunteering.models import (
    EmergencyContact,
    ExpenseClaim,
    RoleProfile,
    SteeringGroup,
    SteeringGroupMember,
    Volunteer,
    VolunteerRolesPage,
    VolunteerSession,
)
from hub.volunteering.permissions import standing

pytestmark = pytest.mark.django_db

# Every test in this module sees the full demo (loaded once for the module).

DRAMA_PHONE = re.compile(r"020 7946 0\d{3}")
TITLES = {story.key: story.fields["title"] for story in volunteering_demo.STORIES}


def user(key):
    return get_user_model().objects.get(username=volunteering_demo.LOGINS[key].username)


def profile(key):
    return RoleProfile.objects.get(title=TITLES[key])


def workflow_states(profile):
    return WorkflowState.objects.for_instance(profile).order_by("created_at")


def counts():
    return tuple(
        model.objects.count()
        for model in (
            SteeringGroup,
            SteeringGroupMember,
            Person,
            get_user_model(),
            RoleProfile,
            Revision,
            WorkflowState,
            TaskState,
            Volunteer,
            EmergencyContact,
            VolunteerSession,
            ExpenseClaim,
            VolunteerRolesPage,
            Volunteer.history.model,
            ExpenseClaim.history.model,
        )
    )


def test_load_demo_prints_the_programme_and_its_logins(demo):
    assert re.search(
        r"Volunteer programme: 2 steering groups \(20 members\), 8 role profiles .*"
        r"5 open to volunteers, 2 waiting for the steering group\), 7 volunteers .*4 placed",
        demo,
    )
    for login in volunteering_demo.LOGINS.values():
        assert login.username in demo


def test_loading_twice_changes_nothing(demo):
    before = counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert counts() == before
    assert "0 new" in out.getvalue()


class TestSteeringGroups:
    @pytest.mark.parametrize("name", ["Islington", "Hackney"])
    def test_a_member_for_every_responsibility_and_a_deputy(self, demo, name):
        group = SteeringGroup.objects.get(borough__name=name)
        members = group.members.current()
        assert {m.responsibility for m in members.filter(deputy_for=None)} == set(Responsibility)
        assert members.filter(deputy_for=None).count() == len(Responsibility)
        deputy = members.get(deputy_for__isnull=False)
        assert deputy.responsibility == deputy.deputy_for.responsibility
        for member in members:
            member.full_clean()

    def test_everyone_is_invented(self, demo):
        people = Person.objects.filter(steering_group_seats__isnull=False).distinct()
        assert people.count() == 20
        for person in people:
            assert person.email.endswith("@example.org")
            assert DRAMA_PHONE.fullmatch(person.phone)
        for contact in EmergencyContact.objects.all():
            assert DRAMA_PHONE.fullmatch(contact.phone)


class TestLogins:
    @pytest.mark.parametrize(
        ("key", "role", "borough", "manages"),
        [
            ("manager", Role.PROGRAMME_MANAGER, "Islington", True),
            ("steering", Role.STEERING_GROUP, "Islington", False),
            ("deputy", Role.STEERING_GROUP, "Islington", False),
            ("hackney_manager", Role.PROGRAMME_MANAGER, "Hackney", True),
            ("hackney_steering", Role.STEERING_GROUP, "Hackney", False),
        ],
    )
    def test_each_login_has_its_role_and_its_seat(self, demo, key, role, borough, manages):
        account = user(key)
        assert account.check_password(DEMO_PASSWORD)
        assert list(account.groups.values_list("name", flat=True)) == [role.value]
        seat = SteeringGroupMember.objects.current().get(person__user=account)
        assert seat.group.borough.name == borough
        boroughs = standing(account).managed_boroughs if manages else set()
        assert boroughs == ({seat.group.borough_id} if manages else set())
        if role == Role.STEERING_GROUP:
            assert standing(account).steering_boroughs == {seat.group.borough_id}

    def test_the_manager_sits_as_programme_manager_and_the_deputy_as_a_deputy(self, demo):
        seat = SteeringGroupMember.objects.get(person__user=user("manager"))
        assert seat.responsibility == Responsibility.PROGRAMME_MANAGER
        assert SteeringGroupMember.objects.get(person__user=user("deputy")).deputy_for_id


class TestRoleProfiles:
    def test_every_approved_profile_was_approved_through_the_workflow_by_another(self, demo):
        approved = RoleProfile.objects.filter(live_revision__isnull=False)
        assert approved.count() == 6
        for role_profile in approved:
            states = workflow_states(role_profile).filter(status=WorkflowState.STATUS_APPROVED)
            assert states.exists(), role_profile
            for state in states:
                task_state = state.task_states.get(status=TaskState.STATUS_APPROVED)
                drafters = {state.requested_by_id, role_profile.drafted_by_id}
                assert task_state.finished_by_id not in drafters
                assert task_state.finished_by.groups.filter(name=Role.STEERING_GROUP.value).exists()
                assert role_profile.borough_id in standing(task_state.finished_by).steering_boroughs
            # What is live is the version the group approved.
            assert role_profile.live_revision_id == states.last().current_task_state.revision_id

    def test_the_profiles_are_in_every_state(self, demo):
        today = timezone.localdate()
        open_titles = set(
            RoleProfile.objects.open_to_volunteers(today).values_list("title", flat=True)
        )
        assert open_titles == {
            TITLES[key] for key in ("newsletter", "front_counter", "archive", "minutes", "hackney")
        }
        waiting = profile("surveys")
        assert not waiting.live and waiting.workflow_in_progress

        failing = profile("switchboard")
        assert not failing.live and failing.substitution_problems
        assert not workflow_states(failing).exists()
        assert failing.latest_revision.user == user("manager")

        past = profile("stall")
        assert past.live and past.review_overdue(today)
        assert not past.may_take_new_volunteers(today)
        approved_on = TaskState.objects.get(
            workflow_state__in=workflow_states(past), status=TaskState.STATUS_APPROVED
        ).finished_at
        # It was in date when the group approved it.
        assert not rules.risk_assessment_overdue(past.risk_assessed_on, approved_on.date())

    def test_a_live_profile_has_a_change_waiting_and_the_public_see_the_approved_one(
        self, demo, client
    ):
        minutes = profile("minutes")
        added = volunteering_demo.MINUTES.change[1]
        assert minutes.live and minutes.has_unpublished_changes and minutes.workflow_in_progress
        assert added not in minutes.tasks
        assert added in minutes.get_latest_revision_as_object().tasks
        page = VolunteerRolesPage.objects.get()
        response = client.get(page.url + page.reverse_subpage("role", args=[minutes.slug]))
        assert response.status_code == 200
        text = BeautifulSoup(response.content, "html.parser").find("main").get_text(" ")
        assert minutes.task_list[0] in text
        assert added not in text

    def test_every_profile_passes_its_own_validation(self, demo):
        for role_profile in RoleProfile.objects.all():
            role_profile.full_clean()


class TestThePublicPages:
    def test_the_roles_page_is_in_the_volunteer_programme_section(self, demo):
        page = VolunteerRolesPage.objects.get()
        assert page.live
        assert page.get_parent().slug == "volunteer-programme"

    def test_it_lists_the_open_roles_and_offers_both_boroughs(self, demo, client):
        page = VolunteerRolesPage.objects.get()
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert len(soup.select("main li h3 a")) == 5
        options = [option.get_text(strip=True) for option in soup.select("select option")]
        assert options == ["All boroughs", "Hackney", "Islington"]


class TestVolunteers:
    def test_volunteers_are_at_every_stage(self, demo):
        islington = Volunteer.objects.filter(borough__name="Islington")
        placed = islington.filter(role_profile__isnull=False)
        assert placed.count() == 3
        not_placed = islington.filter(role_profile__isnull=True)
        missing = sorted(
            sum(not done for _, done in v.steps_for(None)) for v in not_placed.order_by("name")
        )
        assert missing == [1, 3, 5]  # one step to go, half way, just applied
        for volunteer in Volunteer.objects.all():
            volunteer.full_clean()
            assert not volunteer.eligibility_problems()
            assert volunteer.emergency_contact

    def test_placements_went_through_the_service(self, demo):
        for volunteer in Volunteer.objects.filter(role_profile__isnull=False):
            assert volunteer.role_profile.live
            assert ModelLogEntry.objects.filter(
                action=services.PLACE_VOLUNTEER, object_id=str(volunteer.pk)
            ).exists()
            assert not volunteer.placement_problems(volunteer.role_profile, volunteer.placed_on)

    def test_sessions_over_the_last_two_months_one_volunteer_near_the_cap(self, demo):
        today = timezone.localdate()
        sessions = VolunteerSession.objects.all()
        assert sessions.count() >= 20
        assert all(today - datetime.timedelta(days=62) <= s.day < today for s in sessions)
        assert all(s.recorded_by and s.role_profile_id for s in sessions)
        near = [
            (volunteer, month)
            for volunteer in Volunteer.objects.filter(sessions__isnull=False).distinct()
            for month, minutes in VolunteerSession.objects.minutes_by_month(
                volunteer, {(s.day.year, s.day.month) for s in volunteer.sessions.all()}
            ).items()
            if rules.near_cap(minutes)
        ]
        assert len(near) == 1
        volunteer, _month = near[0]
        assert volunteer.name == "Jasper Okonkwo-Reid"
        long = sessions.filter(minutes__gte=rules.MEAL_SUBSIDY_FROM_MINUTES)
        assert long.exists()
        assert all(s.meal_subsidy > 0 for s in long)

    def test_claims_have_receipts_and_one_is_decided(self, demo):
        claims = ExpenseClaim.objects.all()
        assert claims.count() == 3
        for claim in claims:
            with claim.receipt.open("rb") as receipt:
                assert receipt.read(5) == b"%PDF-"
            assert claim.session.volunteer_id == claim.volunteer_id
        decided = claims.exclude(status=ClaimStatus.SUBMITTED)
        assert decided.count() == 1
        claim = decided.get()
        assert claim.status == ClaimStatus.APPROVED
        assert claim.decided_by == user("manager")
