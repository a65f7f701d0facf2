from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import two_factor, views
from hub.audit import ScopedLogEntriesView

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
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]
