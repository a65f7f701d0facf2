"""Wagtail's own page assertions pin the page tree: where each type may be created, and that it
renders and is editable."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from hub.models import (
    FAQPage,
    GlossaryPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from hub.volunteering.models import VolunteerRolesPage
from iag.models import IAGDirectoryPage
from tests.hub.factories import (
    FAQPageFactory,
    GlossaryPageFactory,
    GlossaryTermFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)


class PageTreeTests(WagtailPageTestCase):
    def test_the_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_what_the_home_page_may_hold(self):
        # The apps add their own sections (the IAG directory, the partnership, consultations,
        # volunteer roles) by naming the home page as parent.
        from consultation.models import ConsultationIndexPage
        from partnerships.models import PartnershipPage

        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {
                StandardPage,
                FAQPage,
                NewsIndexPage,
                GlossaryPage,
                IAGDirectoryPage,
                PartnershipPage,
                ConsultationIndexPage,
                VolunteerRolesPage,
            },
        )

    def test_standard_pages_nest_and_hold_faqs(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanCreateAt(StandardPage, FAQPage)
        self.assertCanCreateAt(StandardPage, VolunteerRolesPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)

    def test_news_pages_live_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanNotCreateAt(HomePage, NewsPage)

    def test_leaf_pages_have_no_children(self):
        for leaf in (FAQPage, NewsPage, GlossaryPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_the_glossary_and_news_index_are_single(self):
        self.assertEqual(GlossaryPage.max_count, 1)
        self.assertEqual(NewsIndexPage.max_count, 1)


class PageRenderAndEditTests(WagtailPageTestCase):
    def login(self):
        # Signing in goes through django-axes, which needs the request that client.login()
        # does not pass; the sign-in itself is tested in tests/hub/test_security.py.
        user = self.create_superuser("page-editor")
        self.client.force_login(user)
        return user

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.standard = StandardPageFactory(parent=cls.home, title="About the hub")
        cls.faq = FAQPageFactory(parent=cls.standard)
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.news = NewsPageFactory(parent=cls.news_index)
        cls.glossary = GlossaryPageFactory(parent=cls.home)
        GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")

    def test_every_page_type_renders(self):
        for page in (self.home, self.standard, self.faq, self.news_index, self.news, self.glossary):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)

    def form(self, page, body=(), **extra):
        """The edit form's data; StreamFields are built by the admin's JavaScript, so are given."""
        data = {"title": page.title, "slug": page.slug, "intro": "Edited.", **extra}
        if hasattr(page, "body"):
            data["body"] = streamfield(list(body))
        return nested_form_data(data)

    def test_every_page_type_is_editable(self):
        paragraph = ("paragraph", rich_text("<p>Edited in the admin.</p>"))
        question = ("question_answer", {"question": "Why?", "answer": rich_text("<p>So.</p>")})
        forms = {
            self.home: self.form(self.home, [paragraph]),
            self.standard: self.form(self.standard, [paragraph]),
            self.faq: self.form(self.faq, [question]),
            self.news_index: self.form(self.news_index),
            self.news: self.form(self.news, [paragraph], date="2026-11-02"),
            self.glossary: self.form(self.glossary),
        }
        for page, data in forms.items():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsEditable(page, post_data=data)

    def test_pages_can_be_created_through_the_admin(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "New section",
                    "slug": "new-section",
                    "intro": "About it.",
                    "body": streamfield([("heading", {"text": "First", "level": "h2"})]),
                }
            ),
        )
        self.assertCanCreate(
            self.news_index,
            NewsPage,
            nested_form_data(
                {
                    "title": "An update",
                    "slug": "an-update",
                    "date": "2026-11-02",
                    "body": streamfield([]),
                }
            ),
        )

    def test_the_news_index_pages_through_its_items(self):
        for n in range(12):
            NewsPageFactory(parent=self.news_index, title=f"Update {n}")
        first = self.client.get(self.news_index.url)
        second = self.client.get(self.news_index.url, {"page": 2})
        self.assertContains(first, 'rel="next"')
        self.assertContains(second, 'rel="prev"')
        self.assertEqual(len(first.context["news_pages"]), 10)
        self.assertEqual(len(second.context["news_pages"]), 3)

    def test_the_glossary_page_lists_every_term(self):
        response = self.client.get(self.glossary.url)
        self.assertContains(response, "Criminal Investigation Department")
        self.assertContains(response, 'id="term-cid"')
