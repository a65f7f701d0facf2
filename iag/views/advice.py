"""The advice register in the admin: record advice, respond to it, see every version."""

import datetime
from itertools import chain

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.generic import FormView, TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from hub.admin_views import ScopedEditView, ScopedInspectView, breadcrumb_trail
from iag import permissions, rules, services
from iag.enums import ResponseOutcome
from iag.models import Advice, AdviceResponse, DifferingView


class AdviceScreenMixin(WagtailAdminTemplateMixin):
    """A screen about one piece of advice (``self.advice``), under the register."""

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items,
            (reverse("iag_advice:index"), "Advice register"),
            (reverse("iag_advice:inspect", args=[self.advice.pk]), str(self.advice)),
            ("", self.page_title),
        )


class AdviceCreateView(generic.CreateView):
    def save_instance(self):
        return services.record_advice(self.form.instance, self.request.user, save=self.form.save)


class AdviceEditView(ScopedEditView):
    def save_instance(self):
        return services.amend_advice(self.form.instance, self.request.user, save=self.form.save)


class AdviceInspectView(ScopedInspectView):
    template_name = "iag/admin/advice_inspect.html"

    def get_context_data(self, **kwargs):
        advice = self.object
        user = self.request.user
        return super().get_context_data(
            advice=advice,
            response=advice.current_response,
            differing_views=advice.differing_views.all(),
            overdue=advice.is_overdue(timezone.localdate()),
            can_respond=permissions.user_can_respond(user, advice),
            **kwargs,
        )


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=ResponseOutcome.choices,
        widget=forms.RadioSelect,
        label="What was done with the advice",
    )
    decision = forms.CharField(
        label="The decision taken",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Required once a decision is made (not for 'pending').",
    )
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Required unless the advice was followed (principle 29).",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean(self):
        cleaned = super().clean()
        outcome = cleaned.get("outcome")
        if rules.reasons_required(outcome or "") and not cleaned.get("reasons", "").strip():
            self.add_error(
                "reasons",
                "Give the reasons: they are required unless the advice was followed.",
            )
        if outcome in rules.DECIDED_OUTCOMES and not cleaned.get("decision", "").strip():
            self.add_error("decision", "Say what was decided.")
        return cleaned


class RespondView(AdviceScreenMixin, FormView):
    """The police lead records, or changes, the decision on a piece of advice.

    The form carries the version it was opened at; if someone else saved in the meantime, the
    editor sees both versions side by side and chooses, rather than overwriting silently.
    """

    template_name = "iag/admin/respond.html"
    form_class = ResponseForm
    header_icon = "comment"
    page_title = "Respond to advice"

    def dispatch(self, request, *args, **kwargs):
        self.advice = get_object_or_404(Advice.objects.select_related("group"), pk=kwargs["pk"])
        if not permissions.user_can_respond(request.user, self.advice):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        response = self.advice.current_response
        if response is None:
            return {"version": 0, "outcome": ResponseOutcome.PENDING}
        return {
            "version": response.version,
            "outcome": response.outcome,
            "decision": response.decision,
            "reasons": response.reasons,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            advice=self.advice, differing_views=self.advice.differing_views.all(), **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.respond_to_advice(
                self.advice,
                self.request.user,
                outcome=data["outcome"],
                decision=data["decision"],
                reasons=data["reasons"],
                expected_version=data["version"],
            )
        except services.ResponseConflict as conflict:
            return self.conflict(form, conflict.current)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
            return self.form_invalid(form)
        messages.success(self.request, "Response saved. The chair has been told.")
        return redirect(reverse("iag_advice:inspect", args=[self.advice.pk]))

    def conflict(self, form, current):
        """Show theirs and mine; the form, re-armed with their version, saves mine if asked."""
        resubmit = ResponseForm(
            initial={**form.cleaned_data, "version": current.version if current else 0}
        )
        context = self.get_context_data(form=resubmit, conflict=True, theirs=current,
                                        mine=form.cleaned_data)  # fmt: skip
        return TemplateResponse(
            self.request, "iag/admin/respond_conflict.html", context, status=409
        )


class AdviceVersionsView(AdviceScreenMixin, TemplateView):
    """Every version of the advice, its differing views and its response, field by field, with
    who made each change and when."""

    template_name = "iag/admin/advice_versions.html"
    header_icon = "history"
    page_title = "Versions"

    def dispatch(self, request, *args, **kwargs):
        self.advice = get_object_or_404(Advice, pk=kwargs["pk"])
        policy = policy_registry.get_by_type(Advice)
        if not policy.user_has_any_permission_for_instance(
            request.user, ["view", "change"], self.advice
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        records = chain(
            ((record, "Advice") for record in Advice.history.filter(id=self.advice.pk)),
            (
                (record, "Response")
                for record in AdviceResponse.history.filter(advice_id=self.advice.pk)
            ),
            (
                (record, "Differing view")
                for record in DifferingView.history.filter(advice_id=self.advice.pk)
            ),
        )
        return super().get_context_data(
            advice=self.advice, versions=version_rows(records), **kwargs
        )


HIDDEN_IN_VERSIONS = {"id", "advice", "group", "version", "recorded_by", "responded_by",
                      "responded_at", "sort_order", "response_due_on"}  # fmt: skip


def shown(field, instance):
    """A field's value as a reader would want it: a choice by its label, a date in words."""
    value = getattr(instance, field.attname)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return str(getattr(instance, field.name))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return str(value)


def version_rows(records):
    """One row per historical record, newest first, with what changed since the previous version
    of the same object."""
    rows = []
    previous = {}
    for record, label in sorted(records, key=lambda pair: pair[0].history_date):
        before = previous.get((label, record.id))
        fields = [
            f for f in record.instance._meta.concrete_fields if f.name not in HIDDEN_IN_VERSIONS
        ]
        changes = []
        for field in fields:
            new = shown(field, record.instance)
            old = shown(field, before.instance) if before else ""
            if old != new:
                changes.append({"field": field.verbose_name, "old": old, "new": new})
        rows.append(
            {
                "what": label,
                "when": record.history_date,
                "who": record.history_user,
                "kind": record.get_history_type_display(),
                "reason": record.history_change_reason,
                "changes": changes,
            }
        )
        previous[(label, record.id)] = record
    return list(reversed(rows))
