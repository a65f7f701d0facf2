"""Who may see and change which IAG records. Access follows membership.

A role (a Wagtail group) says what kind of thing someone may do; their standing with each group
says where:

- the central team reads every group's records and sets groups up;
- a chair keeps their own group's memberships, meetings and minutes (P5, P7), once their own
  agreements are in force;
- a member reads their own group's records; until both agreements are signed and in force they
  see only what is published (P10);
- the police lead reads the records of the group for their borough, and changes none of them.

The ``*_scope`` functions return a ``Q`` over the model for one action; the permission policies
registered in ``wagtail_hooks.py`` use them for every admin screen, export and chooser.
"""

from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from hub.enums import MinutesStatus
from hub.models import Person
from hub.permissions import BaseStanding
from hub.roles import Role, user_has_role
from iag.enums import MemberRole
from iag.models import AdvisoryGroup, IAGSettings, Membership

NOTHING = Q(pk__in=[])


class Standing(BaseStanding):
    """A user's relation to every IAG, worked out once per request."""

    cache_attribute = "_iag_standing"

    def __init__(self, user, today=None):
        super().__init__(user)
        self.today = today or timezone.localdate()

    @cached_property
    def memberships(self):
        if not self.active:
            return []
        person = Person.objects.filter(user=self.user).first()
        if person is None:
            return []
        return list(Membership.objects.active().filter(person=person))

    @cached_property
    def renewal_months(self):
        return IAGSettings.load().agreement_renewal_months

    def _cleared(self, membership):
        return membership.may_see_confidential(self.today, self.renewal_months)

    @cached_property
    def chaired(self) -> set[int]:
        """Groups this user chairs, with their own agreements in force."""
        if not user_has_role(self.user, Role.IAG_CHAIR):
            return set()
        return {
            m.group_id for m in self.memberships if m.role == MemberRole.CHAIR and self._cleared(m)
        }

    @cached_property
    def member_of(self) -> set[int]:
        if not (
            user_has_role(self.user, Role.IAG_MEMBER) or user_has_role(self.user, Role.IAG_CHAIR)
        ):
            return set()
        return {m.group_id for m in self.memberships}

    @cached_property
    def cleared_for(self) -> set[int]:
        """Groups whose confidential records this user, as a member, may read."""
        return {
            m.group_id
            for m in self.memberships
            if m.group_id in self.member_of and self._cleared(m)
        }

    @cached_property
    def led(self) -> set[int]:
        if not (self.active and user_has_role(self.user, Role.POLICE_LEAD)):
            return set()
        return set(
            AdvisoryGroup.objects.filter(police_lead__user=self.user).values_list("pk", flat=True)
        )

    @cached_property
    def reads_in_full(self) -> set[int]:
        return self.chaired | self.cleared_for | self.led

    @cached_property
    def reads_any(self) -> set[int]:
        return self.reads_in_full | self.member_of


def standing(user) -> Standing:
    return Standing.for_user(user)


def _groups(field, ids):
    return Q(**{f"{field}__in": ids}) if ids else NOTHING


def advisory_group_scope(user, action):
    who = standing(user)
    if who.sees_everything:
        return Q()
    if action == "view":
        return _groups("pk", who.reads_any)
    if action == "change":
        return _groups("pk", who.chaired)
    return NOTHING


def membership_scope(user, action):
    """The chair keeps their group's memberships; the central team records vetting on any (the
    fields each may write are set by permissions on the form's panels)."""
    who = standing(user)
    if who.sees_everything and action in ("view", "change"):
        return Q()
    if action == "view":
        return _groups("group", who.reads_any)
    if action in ("add", "change"):
        return _groups("group", who.chaired)
    return NOTHING


def meeting_scope(user, action):
    """Members without agreements in force see only meetings whose minutes are published."""
    who = standing(user)
    if action == "view":
        if who.sees_everything:
            return Q()
        return _groups("group", who.reads_in_full) | (
            _groups("group", who.member_of - who.reads_in_full)
            & Q(minutes_status=MinutesStatus.PUBLISHED)
        )
    # Approved and published minutes are settled: nobody edits or deletes those meetings.
    editable = Q(minutes_status=MinutesStatus.DRAFT)
    if who.user.is_superuser:
        return editable
    if action in ("add", "change", "delete"):
        return _groups("group", who.chaired) & editable
    return NOTHING


def advice_scope(user, action):
    """Chairs record advice for their group and amend it until the police lead has decided;
    members without agreements in force see only what has been published."""
    from iag.models import Advice
    from iag.rules import DECIDED_OUTCOMES

    who = standing(user)
    if action == "view":
        if who.sees_everything:
            return Q()
        return _groups("group", who.reads_in_full) | (
            _groups("group", who.member_of - who.reads_in_full)
            & Q(pk__in=Advice.objects.published().values("pk"))
        )
    undecided = Q(response__isnull=True) | ~Q(response__outcome__in=sorted(DECIDED_OUTCOMES))
    if who.user.is_superuser:
        return undecided if action == "change" else Q()
    if action == "add":
        return _groups("group", who.chaired)
    if action == "change":
        return _groups("group", who.chaired) & undecided
    return NOTHING


def confidential_record_scope(user, action):
    """Gold Group requests and escalations: read by the group's cleared members, its chair and
    police lead, and the central team; created through the services, never edited."""
    who = standing(user)
    if action == "view":
        return Q() if who.sees_everything else _groups("group", who.reads_in_full)
    if action == "add":
        return Q() if who.user.is_superuser else _groups("group", who.reads_in_full)
    return NOTHING


def user_can_respond(user, advice) -> bool:
    """The police lead responds only for their borough (P29)."""
    return user.has_perm("iag.respond_advice") and advice.group_id in standing(user).led


def user_can_request_gold_group(user, group) -> bool:
    """ "IAG members may suggest to the MPS lead that a Gold Group is needed" (P2)."""
    who = standing(user)
    return user.has_perm("iag.add_goldgrouprequest") and group.pk in (who.cleared_for | who.chaired)


def user_can_answer_gold_group(user, request) -> bool:
    return user.has_perm("iag.answer_goldgrouprequest") and request.group_id in standing(user).led


def user_can_raise_escalation(user, group) -> bool:
    """A difficulty between the IAG and the police may be raised from either side (P23)."""
    who = standing(user)
    return user.has_perm("iag.add_escalation") and group.pk in (who.chaired | who.led)


def user_can_resolve_escalation(user, escalation) -> bool:
    who = standing(user)
    return user.has_perm("iag.resolve_escalation") and (
        who.sees_everything or escalation.group_id in (who.chaired | who.led)
    )


def vote_scope(user, action):
    """Removal votes: the members of the group and its police lead see them (and the result);
    they are opened and run by the chair through the services, never edited."""
    who = standing(user)
    if action == "view":
        return Q() if who.sees_everything else _groups("meeting__group", who.reads_any | who.led)
    return NOTHING


def user_can_run_vote(user, vote) -> bool:
    """The group's chair runs the vote: proxies, ballots or totals, the close."""
    return user_can_run_meeting(user, vote.meeting) and vote.member.person.user_id != user.pk


def user_can_see_ballots(user, vote) -> bool:
    """Who voted how: the chair and the central team only."""
    who = standing(user)
    return who.sees_everything or vote.meeting.group_id in who.chaired


def membership_of(user, group_id):
    """The user's active membership of the group, or None."""
    return next((m for m in standing(user).memberships if m.group_id == group_id), None)


def user_can_see_vetting(user, membership) -> bool:
    """Vetting notes: the chair, the police lead and the central team, not other members."""
    who = standing(user)
    return who.sees_everything or membership.group_id in (who.chaired | who.led)


def user_can_see_contact_details(user, membership) -> bool:
    """Members' e-mail and telephone: their chair and the central team only."""
    who = standing(user)
    return who.sees_everything or membership.group_id in who.chaired


def user_can_see_withheld_items(user, meeting) -> bool:
    """That an item was withheld, and at whose request, is itself confidential."""
    who = standing(user)
    return who.sees_everything or meeting.group_id in who.reads_in_full


def user_can_run_meeting(user, meeting) -> bool:
    """Attendance, approval and publication of the minutes: the group's chair."""
    who = standing(user)
    return who.user.is_superuser or meeting.group_id in who.chaired


def user_can_see_compliance(user) -> bool:
    return standing(user).active and user.has_perm("iag.view_compliance")
