from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import routing, side_doors, two_factor, views
from hub.audit import ScopedLogEntriesView


def side_door(route, view, name):
    """A Wagtail admin screen wrapped with the check it lacks (``hub.side_doors``)."""
    return path(route, require_admin_access(view), name=name)


# Wagtail admin screens that show titles without asking whether the user may see them, with the
# missing check added (hub.side_doors). They must come before Wagtail's admin URLs, which would
# otherwise match first.
admin_side_doors = [
    side_door(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        side_doors.bulk_action,
        "hub_bulk_action",
    ),
    side_door(
        "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        side_doors.move_confirm,
        "hub_page_move_confirm",
    ),
    side_door(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        side_doors.confirm_workflow_cancellation,
        "hub_page_confirm_workflow_cancellation",
    ),
    side_door("admin/choose-page/", side_doors.BrowseView.as_view(), "hub_choose_page"),
    side_door(
        "admin/choose-page/<int:parent_page_id>/",
        side_doors.BrowseView.as_view(),
        "hub_choose_page_child",
    ),
    side_door(
        "admin/choose-page/search/", side_doors.SearchView.as_view(), "hub_choose_page_search"
    ),
    side_door(
        "admin/choose-page/chosen-multiple/",
        side_doors.ChosenMultipleView.as_view(),
        "hub_choose_page_chosen_multiple",
    ),
    side_door(
        "admin/choose-external-link/",
        side_doors.ExternalLinkView.as_view(),
        "hub_choose_page_external_link",
    ),
    side_door("admin/tag-autocomplete/", side_doors.tag_autocomplete, "hub_tag_autocomplete"),
    side_door("admin/images/chooser/", side_doors.image_chooser, "hub_image_chooser"),
    side_door("admin/images/", side_doors.image_index, "hub_image_index"),
    side_door("admin/images/results/", side_doors.image_index_results, "hub_image_index_results"),
    side_door("admin/documents/", side_doors.document_index, "hub_document_index"),
    side_door(
        "admin/documents/results/", side_doors.document_index_results, "hub_document_index_results"
    ),
    side_door(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        side_doors.tag_autocomplete,
        "hub_tag_model_autocomplete",
    ),
    side_door(
        "admin/reports/page-types-usage/",
        side_doors.PageTypesUsageReportView.as_view(),
        "hub_page_types_usage",
    ),
    side_door(
        "admin/reports/page-types-usage/results/",
        side_doors.PageTypesUsageReportView.as_view(results_only=True),
        "hub_page_types_usage_results",
    ),
    side_door("admin/workflows/task_chooser/", side_doors.task_chooser, "hub_task_chooser"),
    side_door(
        "admin/workflows/task_chooser/results/",
        side_doors.task_chooser_results,
        "hub_task_chooser_results",
    ),
    side_door(
        "admin/workflows/task_chooser/create/",
        side_doors.task_chooser_create,
        "hub_task_chooser_create",
    ),
    side_door(
        "admin/workflows/task_chooser/<int:task_id>/",
        side_doors.task_chosen,
        "hub_task_chosen",
    ),
]


urlpatterns = [
    # Wagtail's site history report, replaced by one that respects record-level permissions.
    # These must come before Wagtail's admin URLs, which would otherwise match first.
    path(
        "admin/reports/site-history/",
        require_admin_access(ScopedLogEntriesView.as_view()),
        name="hub_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(ScopedLogEntriesView.as_view(results_only=True)),
        name="hub_site_history_results",
    ),
    *admin_side_doors,
    path("admin/two-factor/setup/", two_factor.SetupView.as_view(), name="two_factor_setup"),
    path("admin/two-factor/", two_factor.VerifyView.as_view(), name="two_factor_verify"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    # The project's URLconf wires in the apps' public, non-page URLs (by name: hub's own code
    # never imports the apps).
    path("open-data/", include("iag.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's page serving comes last: it matches every remaining path. Pages are found from
    # the page tree each process remembers (hub.routing), under Wagtail's own name and pattern.
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]
