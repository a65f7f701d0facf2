"""Admin views that ask the permission policy about each record, not only about the model.

Wagtail's generic model views check the model-level permission when a view is opened; they do not
filter listings by record or check the record that an edit, inspect, history or delete URL
names. These subclasses do both, so that a chair of one group who types the address of another
group's meeting gets "permission denied", and an export holds only rows the user may see.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from hub.exports import SafeSpreadsheetExportMixin

READ = ["view", "change"]


class RecordPermissionMixin:
    """Refuse the named record unless the policy allows one of ``record_permissions`` on it."""

    record_permissions = READ

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        if policy is not None and not policy.user_has_any_permission_for_instance(
            self.request.user, self.record_permissions, instance
        ):
            raise PermissionDenied
        return instance


class ScopedIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    """Lists (and exports) only the records the user may see; links only to what they may edit."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        visible = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change", "delete"]
        )
        return queryset.filter(pk__in=visible.values("pk"))

    @cached_property
    def editable_pks(self):
        return set(
            self.permission_policy.instances_user_has_permission_for(
                self.request.user, "change"
            ).values_list("pk", flat=True)
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if instance.pk in self.editable_pks else None


class ScopedEditView(RecordPermissionMixin, generic.EditView):
    record_permissions = ["change"]


class ScopedInspectView(RecordPermissionMixin, generic.InspectView):
    def _allowed(self, action):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, self.object
        )

    def get_edit_url(self):
        return super().get_edit_url() if self._allowed("change") else None

    def get_delete_url(self):
        return super().get_delete_url() if self._allowed("delete") else None


class ScopedDeleteView(RecordPermissionMixin, generic.DeleteView):
    record_permissions = ["delete"]


class ScopedHistoryView(RecordPermissionMixin, history.HistoryView):
    pass


class ScopedUsageView(RecordPermissionMixin, usage.UsageView):
    pass


def list_queryset(model, select_related):
    """The rows of a list read with the related records its columns and export show: without
    them, every row costs a query for each (``None`` when there are none)."""
    if not select_related:  # select_related() with no names would follow every foreign key
        return None
    return model._default_manager.select_related(*select_related)


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet whose every view respects record-level permissions."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    inspect_view_class = ScopedInspectView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    inspect_view_enabled = True
    # The related records that ``list_display`` and ``list_export`` show (as Django admin's
    # ``list_select_related``), so that the list takes the same number of queries for any
    # number of rows.
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = list_queryset(self.model, self.list_select_related)
        if queryset is not None:
            kwargs.setdefault("queryset", queryset)
        return super().get_index_view_kwargs(**kwargs)


def breadcrumb_trail(base, *steps):
    """Wagtail breadcrumbs from ``base`` through ``(url, label)`` steps; the last is the page."""
    return [*base, *({"url": url, "label": label} for url, label in steps)]


class ServiceStepView(WagtailAdminTemplateMixin, TemplateView):
    """A step in a record's life (approve minutes, submit a report): confirm on GET; on POST
    call ``self.service(self.record, user)`` and go back to the record, with what the service
    refused shown as an error. Subclasses set ``record``, ``service`` and ``done`` in
    ``dispatch`` and say where the record is in ``record_url()``."""

    record = service = None
    done = ""

    def record_url(self):
        raise NotImplementedError

    def done_message(self):
        return self.done

    def post(self, request, *args, **kwargs):
        try:
            self.service(self.record, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.done_message())
        return redirect(self.record_url())


class ScreensViewSet(ViewSet):
    """Admin screens that are not a model's (a dashboard, a roll-up, results), in the menu only
    for the users ``shown_to(user)`` allows. The screens themselves check again."""

    shown_to = None

    @cached_property
    def menu_item_class(self):
        shown_to = type(self).shown_to
        return type(
            f"{type(self).__name__}MenuItem",
            (MenuItem,),
            {"is_shown": lambda item, request: shown_to(request.user)},
        )
