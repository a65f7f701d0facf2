"""The public pages: home, standard content, FAQs, news, and the jargon buster."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BodyBlock, FAQBlock
from hub.models.glossary import GlossaryTerm
from hub.permissions import pages_visible_to, remembered_visible_pages
from hub.routing import RoutedPage

NEWS_PER_PAGE = 10


class BasePage(RoutedPage, Page):
    """What every public page has: a short introduction shown under the title and in listings."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="One or two sentences. Shown under the title, in listings and in search results.",
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Live children this visitor may see, in the order editors set in the page tree.
        context["children"] = remembered_visible_pages(
            request, ("hub.children", self.pk), lambda: self.get_children().specific()
        )
        return context


class HomePage(BasePage):
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each page type says where it may live (parent_page_types), so that the
    # apps can put their own sections under the home page without hub naming them.

    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = "home page"


class StandardPage(BasePage):
    """A page of content. With children, it also lists them ("In this section")."""

    body = StreamField(BodyBlock(), blank=True)

    template = "pages/standard_page.html"
    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = ["hub.StandardPage", "hub.FAQPage", "volunteering.VolunteerRolesPage"]

    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = "standard page"


class FAQPage(BasePage):
    body = StreamField(FAQBlock(), help_text="Questions and answers, grouped under headings.")

    template = "pages/faq_page.html"
    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = []

    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = "FAQ page"


class NewsIndexPage(BasePage):
    """Information updates, newest first."""

    template = "pages/news_index_page.html"
    max_count = 1
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["hub.NewsPage"]

    class Meta:
        verbose_name = "news index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = pages_visible_to(request, NewsPage.objects.child_of(self)).order_by("-date", "-pk")
        context["news_pages"] = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(BasePage):
    date = models.DateField("date published", default=datetime.date.today)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/news_page.html"
    parent_page_types = ["hub.NewsIndexPage"]
    subpage_types = []

    search_fields = BasePage.search_fields + [index.SearchField("body")]
    content_panels = BasePage.content_panels + [FieldPanel("date"), FieldPanel("body")]

    class Meta:
        verbose_name = "news page"


class GlossaryPage(BasePage):
    """The jargon buster: every glossary term, in alphabetical order."""

    template = "pages/glossary_page.html"
    max_count = 1
    parent_page_types = ["hub.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "glossary page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = GlossaryTerm.objects.all()
        return context
