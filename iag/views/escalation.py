"""Gold Group requests (P2) and escalations (P23) in the admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.admin_views import ScopedInspectView, breadcrumb_trail
from iag import permissions, services
from iag.enums import GoldGroupDecision
from iag.models import AdvisoryGroup, Escalation, GoldGroupRequest


def groups_where(user, predicate):
    return AdvisoryGroup.objects.filter(
        pk__in=[group.pk for group in AdvisoryGroup.objects.all() if predicate(user, group)]
    )


class GroupChoiceForm(forms.Form):
    group = forms.ModelChoiceField(queryset=AdvisoryGroup.objects.none())

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        if groups.count() == 1:
            self.fields["group"].initial = groups.first()


class GoldGroupRequestForm(GroupChoiceForm):
    incident = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="The incident")
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Why it is critical from a community confidence perspective",
    )


class EscalationForm(GroupChoiceForm):
    difficulty = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="The difficulty between the IAG and the police",
    )


class ServiceFormMixin:
    """Hand a valid form to ``perform`` (a service call); show what the service refuses as
    errors on the form, with everything typed kept."""

    def form_valid(self, form):
        self.form = form
        try:
            self.perform(form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class ServiceCreateView(ServiceFormMixin, WagtailAdminTemplateMixin, FormView):
    """A create screen that hands the form to a service instead of saving a model form."""

    template_name = "iag/admin/service_form.html"
    allowed = None  # (user, group) -> bool
    index_url_name = None

    def get_groups(self):
        return groups_where(self.request.user, type(self).allowed)

    def dispatch(self, request, *args, **kwargs):
        if not self.get_groups().exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "groups": self.get_groups()}

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse(self.index_url_name), self.index_label),
            ("", self.page_title),
        )

    def get_success_url(self):
        return reverse(self.index_url_name)


class RequestGoldGroupView(ServiceCreateView):
    form_class = GoldGroupRequestForm
    page_title = "Ask for a Gold Group"
    header_icon = "warning"
    index_url_name = "iag_gold_groups:index"
    index_label = "Gold Group requests"
    success_message = "Request sent: the police lead has been told."
    allowed = staticmethod(permissions.user_can_request_gold_group)

    def perform(self, data):
        services.request_gold_group(
            data["group"], self.request.user, incident=data["incident"], reasons=data["reasons"]
        )


class RaiseEscalationView(ServiceCreateView):
    form_class = EscalationForm
    page_title = "Raise a difficulty"
    header_icon = "warning"
    index_url_name = "iag_escalations:index"
    index_label = "Escalations"
    success_message = "Raised with the group's named point of escalation."
    allowed = staticmethod(permissions.user_can_raise_escalation)

    def perform(self, data):
        services.raise_escalation(data["group"], self.request.user, difficulty=data["difficulty"])


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(choices=GoldGroupDecision.choices, widget=forms.RadioSelect)
    decision_reasons = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Reasons")


class OutcomeForm(forms.Form):
    outcome = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="How it was resolved")


class ServiceActionView(ServiceFormMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "iag/admin/service_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        if not type(self).allowed(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def get_success_url(self):
        return reverse(f"{self.namespace}:inspect", args=[self.object.pk])

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse(f"{self.namespace}:index"), self.index_label),
            (self.get_success_url(), str(self.object)),
            ("", self.page_title),
        )


class AnswerGoldGroupView(ServiceActionView):
    model = GoldGroupRequest
    form_class = AnswerForm
    page_title = "Answer the request"
    header_icon = "warning"
    namespace = "iag_gold_groups"
    index_label = "Gold Group requests"
    success_message = "Answer recorded."
    allowed = staticmethod(permissions.user_can_answer_gold_group)

    def perform(self, data):
        services.answer_gold_group(
            self.object, self.request.user, decision=data["decision"],
            reasons=data["decision_reasons"],
        )  # fmt: skip


class ResolveEscalationView(ServiceActionView):
    model = Escalation
    form_class = OutcomeForm
    page_title = "Record the outcome"
    header_icon = "warning"
    namespace = "iag_escalations"
    index_label = "Escalations"
    success_message = "Outcome recorded."
    allowed = staticmethod(permissions.user_can_resolve_escalation)

    def perform(self, data):
        services.resolve_escalation(self.object, self.request.user, outcome=data["outcome"])


class GoldGroupInspectView(ScopedInspectView):
    template_name = "iag/admin/gold_group_inspect.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            gold=self.object,
            can_answer=permissions.user_can_answer_gold_group(self.request.user, self.object),
            **kwargs,
        )


class EscalationInspectView(ScopedInspectView):
    template_name = "iag/admin/escalation_inspect.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            escalation=self.object,
            can_resolve=permissions.user_can_resolve_escalation(self.request.user, self.object),
            **kwargs,
        )
