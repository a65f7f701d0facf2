"""The public volunteer-role pages: the role profiles the steering groups have approved, each
without its risk assessment or job-substitution answers."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from hub.models import Borough
from hub.models.pages import BasePage


class VolunteerRolesPage(RoutablePageMixin, BasePage):
    """Lists the roles open to volunteers (approved, risk assessment in date), by borough;
    each role has its own page at ``<slug>/``."""

    template = "pages/volunteer_roles_page.html"
    max_count = 1
    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = "volunteer roles page"

    def open_roles(self):
        from hub.volunteering.models import RoleProfile

        return RoleProfile.objects.open_to_volunteers(timezone.localdate()).select_related(
            "borough"
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for profile in self.open_roles():
            urls.append(
                {"location": f"{base}{profile.slug}/", "lastmod": profile.last_published_at}
            )
        return urls

    @path("")
    def index(self, request):
        roles = self.open_roles()
        boroughs = Borough.objects.filter(pk__in=roles.values("borough")).order_by("name")
        chosen = request.GET.get("borough", "")
        borough = None
        if chosen:
            borough = next((b for b in boroughs if b.slug == chosen), None)
            if borough is not None:
                roles = roles.filter(borough=borough)
        context = self.get_context(request)
        context.update(roles=roles, boroughs=boroughs, borough=borough, chosen=chosen)
        return TemplateResponse(request, self.template, context)

    @path("<slug:slug>/")
    def role(self, request, slug):
        profile = get_object_or_404(self.open_roles(), slug=slug)
        context = self.get_context(request)
        context.update(profile=profile)
        return TemplateResponse(request, "volunteering/role_profile.html", context)
