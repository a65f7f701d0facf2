"""Role profiles are approved by the borough's steering group through a Wagtail workflow:
drafted, submitted, approved by a member who did not draft it, published; edited and approved
again. Any "yes" in the job-substitution test blocks approval."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from hub.volunteering import rules
from hub.volunteering.models import RoleProfile
from tests.helpers import is_refused
from tests.volunteering.factories import RoleProfileFactory, borough

pytestmark = pytest.mark.django_db


def draft(user, **fields):
    profile = RoleProfileFactory(drafted_by=user, **fields)
    # As the editor saves a draft: incomplete fields are allowed until it is published.
    profile.save_revision(user=user, clean=False)
    return profile


def submit(profile, user):
    profile.get_workflow().start(profile, user)
    profile.refresh_from_db()
    return profile.current_workflow_task_state


def act(profile, user, action="approve"):
    profile.refresh_from_db()
    task_state = profile.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, action)
    profile.refresh_from_db()
    return profile


def actions_for(profile, user):
    profile.refresh_from_db()
    task = profile.current_workflow_task_state.task.specific
    return {name for name, _label, _modal in task.get_actions(profile, user)}


class TestTheWholeWay:
    def test_drafted_submitted_approved_published_edited_and_approved_again(self, programme):
        profile = draft(programme.manager)
        assert profile.live is False
        assert not RoleProfile.objects.open_to_volunteers(datetime.date.today()).exists()

        submit(profile, programme.manager)
        assert actions_for(profile, programme.union_rep) == {"approve", "reject"}
        act(profile, programme.union_rep)
        assert profile.live is True
        assert profile.current_workflow_state is None
        assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
        assert list(RoleProfile.objects.open_to_volunteers(datetime.date.today())) == [profile]

        # A new task is a deviation from the profile: it waits for the group again, and until
        # then what is live (what volunteers do, what the public sees) is the approved version.
        edited = profile.get_latest_revision_as_object()
        edited.tasks += "\nAnswer the team's phone"
        edited.save_revision(user=programme.manager)
        profile.refresh_from_db()
        assert profile.has_unpublished_changes
        assert "Answer the team's phone" not in RoleProfile.objects.get(pk=profile.pk).tasks
        submit(profile, programme.manager)
        act(profile, programme.business)
        assert "Answer the team's phone" in RoleProfile.objects.get(pk=profile.pk).tasks
        assert WorkflowState.objects.filter(status=WorkflowState.STATUS_APPROVED).count() == 2

    def test_a_member_may_ask_for_changes_and_the_profile_stays_unpublished(self, programme):
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        act(profile, programme.union_rep, "reject")
        assert profile.live is False
        assert TaskState.objects.get().status == TaskState.STATUS_REJECTED


class TestWhoMayApprove:
    def test_the_person_who_drafted_it_may_not_approve_it(self, programme):
        # The business manager sits on the group, drafts a revision, then tries to approve it.
        profile = draft(programme.manager)
        latest = profile.get_latest_revision_as_object()
        latest.purpose += " Reworded by the business manager."
        latest.save_revision(user=programme.business)
        submit(profile, programme.manager)
        assert actions_for(profile, programme.business) == {"reject"}
        with pytest.raises(PermissionDenied, match="You drafted this version"):
            act(profile, programme.business)
        assert actions_for(profile, programme.union_rep) == {"approve", "reject"}

    def test_the_programme_manager_is_not_an_approver(self, programme):
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        assert actions_for(profile, programme.manager) == set()
        with pytest.raises(PermissionDenied):
            act(profile, programme.manager)

    def test_a_deputy_approves_in_the_members_place(self, programme):
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        act(profile, programme.deputy)
        assert profile.live is True

    @pytest.mark.parametrize("who", ["other_member", "other_manager"])
    def test_another_boroughs_steering_group_may_not(self, programme, who):
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        user = getattr(programme, who)
        assert actions_for(profile, user) == set()
        with pytest.raises(PermissionDenied):
            act(profile, user)
        assert profile.live is False

    def test_a_member_who_has_left_may_not(self, programme):
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        seat = programme.group.members.get(person__user=programme.union_rep)
        seat.left_on = datetime.date.today()
        seat.save()
        user = type(programme.union_rep).objects.get(pk=programme.union_rep.pk)
        assert actions_for(profile, user) == set()

    def test_each_member_sees_only_their_own_boroughs_profiles_waiting(self, programme):
        here = draft(programme.manager)
        there = draft(programme.other_manager, borough=borough("Camden"))
        submit(here, programme.manager)
        submit(there, programme.other_manager)
        waiting = {
            state.workflow_state.object_id
            for state in TaskState.objects.reviewable_by(programme.union_rep)
        }
        assert waiting == {str(here.pk)}
        assert TaskState.objects.reviewable_by(programme.manager).count() == 0


class TestWhatBlocksApproval:
    @pytest.mark.parametrize("question", list(rules.SUBSTITUTION_QUESTIONS))
    def test_any_yes_in_the_substitution_test_blocks_approval(self, programme, question):
        profile = draft(programme.manager, **{question: True})
        submit(profile, programme.manager)
        assert actions_for(profile, programme.union_rep) == {"reject"}
        with pytest.raises(PermissionDenied, match=rules.SUBSTITUTION_REFUSALS[question][:30]):
            act(profile, programme.union_rep)
        assert profile.live is False

    def test_an_unanswered_question_blocks_approval(self, programme):
        profile = draft(programme.manager, paid_overtime=None)
        submit(profile, programme.manager)
        assert actions_for(profile, programme.union_rep) == {"reject"}

    @pytest.mark.parametrize(("age", "approvable"), [(364, True), (365, True), (366, False)])
    def test_a_risk_assessment_past_its_yearly_review_blocks_approval(
        self, programme, age, approvable
    ):
        with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
            assessed = datetime.date(2026, 6, 1) - datetime.timedelta(days=age)
            profile = draft(programme.manager, risk_assessed_on=assessed)
            submit(profile, programme.manager)
            assert ("approve" in actions_for(profile, programme.union_rep)) is approvable

    def test_what_is_approved_is_the_version_submitted(self, programme):
        """A "yes" saved after submission is refused when someone approves: the task reads the
        version waiting, not an older one."""
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        failing = profile.get_latest_revision_as_object()
        failing.in_job_description = True
        revision = failing.save_revision(user=programme.manager)
        task_state = RoleProfile.objects.get(pk=profile.pk).current_workflow_task_state
        task_state.revision = revision
        task_state.save()
        with pytest.raises(PermissionDenied):
            act(profile, programme.union_rep)

    def test_the_database_refuses_a_live_profile_that_fails_the_test(self, programme):
        profile = RoleProfileFactory(legal_obligation=True)
        profile.live = True
        with pytest.raises(IntegrityError), transaction.atomic():
            profile.save()


class TestTheAdminScreens:
    def test_a_member_approves_from_the_admin_and_another_borough_cannot(self, client, programme):
        profile = draft(programme.manager)
        submit(profile, programme.manager)
        task_state = RoleProfile.objects.get(pk=profile.pk).current_workflow_task_state
        url = reverse(
            "wagtailsnippets_volunteering_roleprofile:workflow_action",
            args=[profile.pk, "approve", task_state.pk],
        )
        client.force_login(programme.other_member)
        assert is_refused(client.post(url, {}))
        assert RoleProfile.objects.get(pk=profile.pk).live is False
        client.force_login(programme.union_rep)
        approved = client.post(url, {})
        assert approved.status_code in (200, 302)
        assert RoleProfile.objects.get(pk=profile.pk).live is True

    def test_a_member_reads_their_boroughs_profiles_and_not_anothers(self, client, programme):
        here = draft(programme.manager, title="Front counter helper")
        there = draft(programme.other_manager, borough=borough("Camden"), title="Archive helper")
        client.force_login(programme.union_rep)
        listing = client.get(reverse("wagtailsnippets_volunteering_roleprofile:list"))
        assert "Front counter helper" in listing.content.decode()
        assert "Archive helper" not in listing.content.decode()
        inspect = "wagtailsnippets_volunteering_roleprofile:inspect"
        assert client.get(reverse(inspect, args=[here.pk])).status_code == 200
        assert is_refused(client.get(reverse(inspect, args=[there.pk])))
        edit = "wagtailsnippets_volunteering_roleprofile:edit"
        assert is_refused(client.get(reverse(edit, args=[here.pk])))


class TestWhoIsTold:
    def test_only_the_boroughs_own_steering_group_is_emailed(self, programme, mailoutbox):
        profile = draft(programme.manager, title="Front counter helper")
        submit(profile, programme.manager)
        told = {address for message in mailoutbox for address in message.to}
        assert told == {
            programme.union_rep.email,
            programme.business.email,
            programme.deputy.email,
        }
        assert all("Front counter helper" in message.subject for message in mailoutbox)

    def test_someone_who_drafted_the_version_is_not_asked_to_review_it(self, programme, mailoutbox):
        profile = draft(programme.manager)
        latest = profile.get_latest_revision_as_object()
        latest.purpose += " Reworded."
        latest.save_revision(user=programme.business, clean=False)
        submit(profile, programme.manager)
        told = {address for message in mailoutbox for address in message.to}
        assert programme.business.email not in told
        assert programme.union_rep.email in told


def test_a_member_approves_from_the_edit_screen(client, programme):
    """The editor's "Approve" posts the whole form: the borough, which a reviewer keeps no
    records for, stays valid because it cannot change."""
    profile = draft(programme.manager, title="Front counter helper")
    submit(profile, programme.manager)
    client.force_login(programme.union_rep)
    url = reverse("wagtailsnippets_volunteering_roleprofile:edit", args=[profile.pk])
    assert client.get(url).status_code == 200
    data = {
        name: getattr(profile, name)
        for name in (
            "unit",
            "title",
            "purpose",
            "tasks",
            "training",
            "skills",
            "time_commitment",
            "risk_findings",
        )
    }
    data.update(
        dict.fromkeys(rules.SUBSTITUTION_QUESTIONS, "False"),
        risk_assessed_on=profile.risk_assessed_on.isoformat(),
        risk_assessed_by=profile.risk_assessed_by,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert RoleProfile.objects.get(pk=profile.pk).live is True


@pytest.mark.parametrize(
    ("age", "label"),
    [(364, "Review by 2 Jun 2026"), (365, "Review by 1 Jun 2026"), (366, "Past review")],
)
def test_the_list_flags_profiles_past_their_yearly_review(client, programme, age, label):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
        RoleProfileFactory(
            title="Front counter helper",
            risk_assessed_on=datetime.date(2026, 6, 1) - datetime.timedelta(days=age),
        )
        client.force_login(programme.manager)
        listing = client.get(reverse("wagtailsnippets_volunteering_roleprofile:list"))
        assert label in listing.content.decode()
