from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from consultation import permissions, services
from consultation.models import ConsultationPage, Response

# Registered before the viewsets are built, so that every screen, export and chooser uses it.
register_permission_policy(
    Response, permissions.ResponsePermissionPolicy(Response, permissions.response_scope)
)


@hooks.register("register_admin_viewset")
def register_viewsets():
    from consultation.viewsets import ConsultationViewSetGroup

    return ConsultationViewSetGroup()


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        services.ENTER_PAPER_RETURN, "Enter a paper return", "Paper or e-mailed return entered"
    )
    actions.register_action(
        services.ERASE_CONTACT, "Erase contact details", "Contact details erased on request"
    )
    actions.register_action(
        services.PURGE_CONTACT,
        "Remove expired contact details",
        "Contact details removed after the retention period",
    )


@hooks.register("before_delete_page")
def keep_consultations_with_responses(request, page):
    """A consultation that has responses cannot be deleted (they would go with it): unpublish
    it instead."""
    specific = page.specific
    if isinstance(specific, ConsultationPage) and specific.responses.exists():
        messages.error(
            request,
            f"“{page.title}” has responses, so it cannot be deleted. Unpublish it instead.",
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
