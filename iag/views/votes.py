"""Removal votes in the admin (P12): the chair opens the vote, records proxies, enters ballots or
a show of hands, and closes it; members present cast their own vote and the proxies they hold."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.admin_views import ScopedHistoryView, ScopedInspectView, breadcrumb_trail
from iag import permissions, rules, services
from iag.enums import CountingMethod, MeetingKind, ProxyMethod, VoteChoice
from iag.models import Meeting, Membership, RemovalVote
from iag.views.escalation import ServiceFormMixin


def vote_url(vote):
    return reverse("iag_votes:inspect", args=[vote.pk])


class OpenVoteForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none())
    member = forms.ModelChoiceField(
        queryset=Membership.objects.none(), label="The member concerned"
    )
    counting = forms.ChoiceField(
        choices=CountingMethod.choices, widget=forms.RadioSelect, initial=CountingMethod.BALLOTS
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            group__in=groups, kind=MeetingKind.FULL, minutes_status="draft"
        ).select_related("group__borough")
        self.fields["member"].queryset = (
            Membership.objects.active().filter(group__in=groups).select_related("person")
        )


class OpenVoteView(ServiceFormMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "iag/admin/service_form.html"
    form_class = OpenVoteForm
    page_title = "Open a removal vote"
    header_icon = "group"
    success_message = "Vote opened. Record attendance and any proxies, then the votes."

    def dispatch(self, request, *args, **kwargs):
        self.groups = permissions.standing(request.user).chaired
        if not self.groups and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        groups = self.groups or Meeting.objects.values("group")
        return {**super().get_form_kwargs(), "groups": groups}

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("iag_votes:index"), "Removal votes"),
            ("", self.page_title),
        )

    def perform(self, data):
        self.vote = services.open_removal_vote(
            data["meeting"], data["member"], self.request.user, counting=data["counting"]
        )

    def get_success_url(self):
        return vote_url(self.vote)


class VoteScreen(ServiceFormMixin, WagtailAdminTemplateMixin, FormView):
    """A screen about one open vote."""

    template_name = "iag/admin/service_form.html"
    header_icon = "group"
    counting = None  # the counting method the screen is for, if only one

    def allowed(self):
        return permissions.user_can_run_vote(self.request.user, self.vote)

    def dispatch(self, request, *args, **kwargs):
        self.vote = get_object_or_404(
            RemovalVote.objects.select_related("meeting__group__borough", "member__person"),
            pk=kwargs["pk"],
        )
        if not self.allowed():
            raise PermissionDenied
        if not self.vote.is_open:
            messages.error(request, "The vote is closed.")
            return redirect(vote_url(self.vote))
        if self.counting and self.vote.counting != self.counting:
            messages.error(
                request, f"This vote is counted by {self.vote.get_counting_display().lower()}."
            )
            return redirect(vote_url(self.vote))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("iag_votes:index"), "Removal votes"),
            (vote_url(self.vote), str(self.vote)),
            ("", self.page_title),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.vote, vote=self.vote, **kwargs)

    def get_success_url(self):
        return vote_url(self.vote)

    def group_members(self):
        return (
            Membership.objects.active()
            .filter(group=self.vote.meeting.group)
            .select_related("person")
        )


class ProxyForm(forms.Form):
    given_by = forms.ModelChoiceField(queryset=None, label="Given by (a member who is absent)")
    held_by = forms.ModelChoiceField(queryset=None, label="Held by (a member who is present)")
    method = forms.ChoiceField(
        choices=ProxyMethod.choices, widget=forms.RadioSelect, label="How it was given"
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by"].queryset = members
        self.fields["held_by"].queryset = members


class RecordProxyView(VoteScreen):
    form_class = ProxyForm
    page_title = "Record a proxy"
    success_message = "Proxy recorded."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "members": self.group_members()}

    def perform(self, data):
        services.record_proxy(
            self.vote, self.request.user, given_by=data["given_by"], held_by=data["held_by"],
            method=data["method"],
        )  # fmt: skip


class BallotsForm(forms.Form):
    """One choice per member who may still vote; blank means "not yet"."""

    def __init__(self, *args, voters, **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = list(voters)
        for membership, label in self.voters:
            self.fields[f"voter_{membership.pk}"] = forms.ChoiceField(
                label=label,
                choices=[("", "Not recorded yet"), *VoteChoice.choices],
                widget=forms.RadioSelect,
                required=False,
            )

    def chosen(self):
        return [
            (membership, self.cleaned_data[f"voter_{membership.pk}"])
            for membership, _ in self.voters
            if self.cleaned_data.get(f"voter_{membership.pk}")
        ]


class EnterBallotsView(VoteScreen):
    """The chair records each member's vote (and each proxy's), as given at the meeting."""

    form_class = BallotsForm
    page_title = "Record the votes"
    counting = CountingMethod.BALLOTS
    success_message = "Votes recorded."

    def voters(self, only_for=None):
        electorate = services.current_electorate(self.vote)
        voted = set(self.vote.ballots.values_list("voter_id", flat=True))
        names = {m.pk: m for m in self.group_members()}
        rows = []
        for pk in sorted(electorate.present, key=lambda pk: names[pk].person.name):
            if pk not in voted and (only_for is None or pk == only_for):
                rows.append((names[pk], names[pk].person.name))
        for giver, holder in electorate.proxies.items():
            if giver not in voted and (only_for is None or holder == only_for):
                label = f"{names[giver].person.name}, by proxy held by {names[holder].person.name}"
                rows.append((names[giver], label))
        return rows

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "voters": self.voters()}

    def perform(self, data):
        # All of the form's votes, or none of them.
        with transaction.atomic():
            for membership, choice in self.form.chosen():
                services.cast_ballot(self.vote, self.request.user, voter=membership, choice=choice)


class MyVoteView(EnterBallotsView):
    """A member present casts their own vote, and the votes of the proxies they hold."""

    page_title = "Cast your vote"
    success_message = "Your vote is recorded."

    def allowed(self):
        self.membership = permissions.membership_of(self.request.user, self.vote.meeting.group_id)
        return self.membership is not None and self.membership.pk != self.vote.member_id

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["voters"] = self.voters(only_for=self.membership.pk)
        if not kwargs["voters"]:
            messages.info(self.request, "You have no vote to cast in this vote.")
        return kwargs


class TotalsForm(forms.Form):
    for_removal = forms.IntegerField(min_value=0, label="For removal")
    against = forms.IntegerField(min_value=0, label="Against removal")
    abstain = forms.IntegerField(min_value=0, label="Abstentions")


class EnterTotalsView(VoteScreen):
    form_class = TotalsForm
    page_title = "Enter the show of hands"
    counting = CountingMethod.SHOW_OF_HANDS
    success_message = "Totals recorded."

    def perform(self, data):
        services.enter_show_of_hands(self.vote, self.request.user, **data)


class CloseForm(forms.Form):
    casting_vote = forms.ChoiceField(
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("for", "For removal"),
            ("against", "Against removal"),
            ("", "The chair gives no casting vote (the member stays)"),
        ],
        label="The chair's casting vote",
        help_text="Only on a tie (principle 12).",
    )

    def __init__(self, *args, tie, **kwargs):
        super().__init__(*args, **kwargs)
        if not tie:
            del self.fields["casting_vote"]


class CloseVoteView(VoteScreen):
    form_class = CloseForm
    page_title = "Close the vote"
    success_message = "The vote is closed and its result recorded."
    template_name = "iag/admin/close_vote.html"

    def current_totals(self):
        electorate = services.current_electorate(self.vote)
        try:
            return electorate, services.current_totals(self.vote, electorate)
        except rules.VoteError:
            # More hands than voters since attendance changed: show them; the close refuses.
            vote = self.vote
            return electorate, rules.Totals(vote.hands_for, vote.hands_against, vote.hands_abstain)

    def get_form_kwargs(self):
        _, totals = self.current_totals()
        return {**super().get_form_kwargs(), "tie": bool(totals and totals.is_tie)}

    def get_context_data(self, **kwargs):
        electorate, totals = self.current_totals()
        return super().get_context_data(electorate=electorate, totals=totals, **kwargs)

    def perform(self, data):
        services.close_removal_vote(
            self.vote, self.request.user, casting_vote=data.get("casting_vote") or None
        )


class VoteInspectView(ScopedInspectView):
    template_name = "iag/admin/vote_inspect.html"

    def get_context_data(self, **kwargs):
        vote = self.object
        user = self.request.user
        context = {
            "vote": vote,
            "can_run": vote.is_open and permissions.user_can_run_vote(user, vote),
            "can_see_ballots": permissions.user_can_see_ballots(user, vote),
            "membership": permissions.membership_of(user, vote.meeting.group_id),
        }
        if vote.is_open:
            context["electorate"] = services.current_electorate(vote)
            context["proxies"] = vote.proxies.select_related("given_by__person", "held_by__person")
            context["ballots_cast"] = vote.ballots.count()
        if context["can_see_ballots"]:
            context["ballots"] = vote.ballots.select_related("voter__person", "cast_by__person")
        return super().get_context_data(**context, **kwargs)


class VoteHistoryView(ScopedHistoryView):
    """The vote's audit trail (opened, proxies, votes recorded and by whom, closed): for those who
    may see the individual votes, the chair and the central team."""

    any_permission_required = ["view"]

    def get_object(self, *args, **kwargs):
        vote = super().get_object(*args, **kwargs)
        if not permissions.user_can_see_ballots(self.request.user, vote):
            raise PermissionDenied
        return vote
