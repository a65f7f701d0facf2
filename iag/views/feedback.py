"""Compiling the quarterly feedback from the register (the central team, in the admin)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from hub.admin_views import breadcrumb_trail
from iag import services
from iag.models import QuarterlyFeedback


class CompileFeedbackView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "iag/admin/compile_feedback.html"
    page_title = "Compile from the register"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.feedback = get_object_or_404(QuarterlyFeedback, pk=kwargs["pk"])
        policy = policy_registry.get_by_type(QuarterlyFeedback)
        if not policy.user_has_permission_for_instance(request.user, "change", self.feedback):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def edit_url(self):
        return reverse("wagtailsnippets_iag_quarterlyfeedback:edit", args=[self.feedback.pk])

    def get_breadcrumbs_items(self):
        return breadcrumb_trail(
            self.breadcrumbs_items, (self.edit_url(), str(self.feedback)), ("", self.page_title)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(feedback=self.feedback, **kwargs)

    def post(self, request, *args, **kwargs):
        services.compile_quarterly_feedback(self.feedback, request.user)
        messages.success(
            request,
            "Compiled as a new draft. Preview it, then submit it for the central team's approval.",
        )
        return redirect(self.edit_url())
