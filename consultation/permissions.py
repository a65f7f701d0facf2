"""Who may see what of a consultation. Each predicate is the one place its rule is decided.

- Consultation managers see every response, the results, the exports and contact details.
- Data-entry volunteers type in paper returns and see the ones they entered, without contact
  details (theirs or anyone's).
- Nobody edits a response: it is what someone said. A manager may delete one (spam, a duplicate
  paper return), which its history records.
"""

from django.db.models import Q

from hub.permissions import ScopedPermissionPolicy


def _may(user, codename):
    return user.is_active and user.has_perm(f"consultation.{codename}")


def user_can_see_results(user):
    """Results, and so every response: the consultation managers."""
    return _may(user, "view_results")


def user_can_export_responses(user):
    return _may(user, "export_responses")


def user_can_see_contact_details(user):
    return _may(user, "view_contact_details")


def user_can_erase_contact_details(user):
    return _may(user, "erase_contact_details")


def user_can_enter_paper_returns(user):
    return _may(user, "add_response")


def response_scope(user, action):
    if user_can_see_results(user):
        return Q()
    return Q(entered_by=user)


class ResponsePermissionPolicy(ScopedPermissionPolicy):
    """Responses are never changed through the admin, by anyone."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "change"])
