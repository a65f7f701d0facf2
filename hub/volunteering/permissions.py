"""Who may see and do what in the volunteer programme. Access follows the steering groups:

- A borough volunteer programme manager (a current seat as "Borough volunteer programme
  manager" on a borough's steering group, and the role) runs that borough: its steering group's
  membership, its role profiles (drafts; never publishing), its volunteers, their sessions and
  their expense claims, which only they approve. Only they see volunteers' emergency contacts.
- A steering group member (a current seat, a deputy's included, and the role) reads their
  borough's group and role profiles and approves profiles through the workflow
  (``models.workflow``); they see no volunteer's records.
- The central team reads every borough's group, profiles, volunteers, sessions, claims and the
  monthly report, never emergency contacts, and sets up each borough's steering group.
- Nobody publishes a role profile except through the steering group's approval.
"""

from functools import cached_property

from django.db.models import Q

from hub.permissions import BaseStanding, ScopedPermissionPolicy
from hub.roles import Role, user_has_role
from hub.volunteering.enums import Responsibility

NOTHING = Q(pk__in=[])
EVERYTHING = Q()


class VolunteeringStanding(BaseStanding):
    cache_attribute = "_volunteering_standing"

    @cached_property
    def seats(self):
        from hub.volunteering.models import SteeringGroupMember

        if not self.active:
            return []
        return list(SteeringGroupMember.objects.of_user(self.user).select_related("group"))

    @cached_property
    def managed_boroughs(self) -> set[int]:
        if not (self.active and user_has_role(self.user, Role.PROGRAMME_MANAGER)):
            return set()
        return {
            seat.group.borough_id
            for seat in self.seats
            if seat.responsibility == Responsibility.PROGRAMME_MANAGER
        }

    @cached_property
    def steering_boroughs(self) -> set[int]:
        if not (self.active and user_has_role(self.user, Role.STEERING_GROUP)):
            return set()
        return {seat.group.borough_id for seat in self.seats}

    @cached_property
    def reads_boroughs(self) -> set[int]:
        return self.managed_boroughs | self.steering_boroughs


def standing(user) -> VolunteeringStanding:
    return VolunteeringStanding.for_user(user)


def _in(field, ids):
    return Q(**{f"{field}__in": ids}) if ids else NOTHING


def _may(user, permission):
    return bool(user and user.is_active and user.has_perm(f"volunteering.{permission}"))


# Predicates.
def user_manages_borough(user, borough_id) -> bool:
    return standing(user).is_superuser or borough_id in standing(user).managed_boroughs


def user_can_see_emergency_contact(user, volunteer) -> bool:
    """Only the volunteer's own borough manager (GUIDE: emergency contact details "are
    available from the MVP MVPM's office")."""
    return _may(user, "view_emergency_contact") and user_manages_borough(user, volunteer.borough_id)


def user_can_decide_claim(user, claim) -> bool:
    """GUIDE: "Please never sign off a volunteer's expenses ... refer this back to the MVPM for
    approval." The borough's programme manager, nobody else."""
    return _may(user, "decide_expenseclaim") and user_manages_borough(
        user, claim.volunteer.borough_id
    )


def user_can_place_volunteer(user, volunteer) -> bool:
    return _may(user, "place_volunteer") and user_manages_borough(user, volunteer.borough_id)


def user_can_see_report(user) -> bool:
    s = standing(user)
    return _may(user, "view_volunteer_report") and (s.sees_everything or bool(s.managed_boroughs))


def report_boroughs(user):
    """The boroughs whose monthly report ``user`` sees: ``None`` for all."""
    s = standing(user)
    return None if s.sees_everything else s.managed_boroughs


# Scopes, one per model: Q() for every record.
def _borough_scope(field, user, action, readers_too):
    s = standing(user)
    if s.is_superuser:
        return EVERYTHING
    if action == "view" and s.sees_everything:
        return EVERYTHING
    boroughs = set(s.managed_boroughs)
    if action == "view" and readers_too:
        boroughs |= s.steering_boroughs
    return _in(field, boroughs)


def steering_group_scope(user, action):
    s = standing(user)
    if s.sees_everything:  # the central team sets up and keeps every borough's group
        return EVERYTHING
    if action == "delete":
        return NOTHING
    return _borough_scope("borough", user, action, readers_too=True)


def steering_member_scope(user, action):
    if standing(user).sees_everything:
        return EVERYTHING
    return _borough_scope("group__borough", user, action, readers_too=True)


def role_profile_scope(user, action):
    if action == "publish":
        return EVERYTHING if standing(user).is_superuser else NOTHING
    scope = _borough_scope("borough", user, action, readers_too=True)
    if action == "delete":
        # A profile the steering group never approved may be thrown away; an approved one is
        # a record of what volunteers were asked to do.
        return scope & Q(live_revision__isnull=True, live=False)
    return scope


def volunteer_scope(user, action):
    return _borough_scope("borough", user, action, readers_too=False)


def volunteer_record_scope(user, action):
    """Sessions and expense claims: the volunteer's borough."""
    return _borough_scope("volunteer__borough", user, action, readers_too=False)


class RoleProfilePermissionPolicy(ScopedPermissionPolicy):
    """Publishing is the steering group's, through the workflow. Wagtail publishes an approved
    version as the member who approved it and asks only whether they may publish this kind of
    record, so a sitting member may; but no one may publish a particular profile directly
    (``role_profile_scope`` gives "publish" on no record), so the editor offers no "Publish"
    button and the approval task's checks cannot be stepped round."""

    def user_has_permission(self, user, action):
        if action == "publish":
            s = standing(user)
            return s.is_superuser or bool(s.steering_boroughs)
        if action == "add":
            return super().user_has_permission(user, action) and bool(
                standing(user).managed_boroughs or standing(user).is_superuser
            )
        return super().user_has_permission(user, action)
