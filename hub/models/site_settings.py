import copy

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from hub.page_cache import remembered


class SiteSetting(BaseSiteSetting):
    """A site setting read outside a request (a service, a command): the default site's."""

    class Meta:
        abstract = True

    @classmethod
    def current(cls):
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()


@register_setting(icon="cog")
class HubSettings(BaseSiteSetting):
    """Values an editor may change without a release: names, contact details, footer links.

    Fixed policy values (the 40 hours a month cap, the quarterly cadence) are named constants in
    each app's ``rules.py`` instead; only what the organisation may legitimately vary lives here.
    """

    # Every public page links both in its footer: read them with the settings, not one by one.
    select_related = ["accessibility_page", "privacy_page"]

    @classmethod
    def for_request(cls, request):
        """Wagtail's, from a copy of the settings this process remembers while the page cache's
        generation stays current (``hub.page_cache.remembered``): every page reads them."""
        name = cls.get_cache_attr_name()
        if not hasattr(request, name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            found = remembered(request, (name, site.pk), lambda: cls.for_site(site))
            instance = copy.copy(found)
            instance._request = request  # as Wagtail's: page links made for this request
            setattr(request, name, instance)
        return getattr(request, name)

    service_name = models.CharField(
        max_length=100,
        default="Partnership and consultation hub",
        help_text="Shown in the header of every public page.",
    )
    organisation_name = models.CharField(
        max_length=200,
        default="The police service and its community partners",
        help_text="Shown in the footer.",
    )
    contact_team = models.CharField(
        max_length=200,
        default="MVP Central Team",
        help_text="Who answers general enquiries, shown in the footer.",
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from every page's footer.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from every page's footer and every questionnaire.",
    )

    panels = [
        FieldPanel("service_name"),
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("contact_team"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="Contact details shown in the footer",
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading="Footer links",
        ),
    ]

    class Meta:
        verbose_name = "hub settings"
