import itertools
import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.hub.factories import GlossaryTermFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_the_seeded_pages_carry_the_source_documents(client, site_content):
    checks = {
        "/volunteer-programme/frequently-asked-questions/": "Are volunteers vetted?",
        "/news/information-update-october-2007/": "Giving Something Back",
        "/volunteer-programme/guide-for-units/": "Creating a Role Profile for the Steering Group",
        "/volunteer-programme/statement-of-expectation/": "MPS responsibilities",
        "/volunteer-programme/steering-group/": "Partnership Chief Inspector",
    }
    for path, text in checks.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path


class TestGlossaryMarkup:
    def test_the_first_use_on_a_page_becomes_an_abbreviation(self, client, home):
        GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")
        page = StandardPageFactory(
            parent=home,
            title="Station visits",
            body=[("paragraph", "<p>Collect forms from the CID. The CID is upstairs.</p>")],
        )
        html = client.get(page.url).content.decode()
        main = html.split('id="main-content"')[1]
        assert main.count('<abbr title="Criminal Investigation Department">CID</abbr>') == 1
        assert "The CID is upstairs" in main

    def test_a_new_term_applies_at_once(self, client, home):
        page = StandardPageFactory(
            parent=home, title="Forms", body=[("paragraph", "<p>An MG11 form.</p>")]
        )
        assert "<abbr" not in client.get(page.url).content.decode().split("main-content")[1]
        GlossaryTermFactory(acronym="MG11", expansion="Witness statement form")
        assert '<abbr title="Witness statement form">MG11</abbr>' in (
            client.get(page.url).content.decode()
        )


class TestLayout:
    def test_every_page_has_a_skip_link_landmarks_and_one_h1(self, client, site_content):
        for path in ["/", "/volunteer-programme/", "/news/", "/jargon-buster/", reverse("search")]:
            html = client.get(path).content.decode()
            assert 'href="#main-content"' in html, path
            assert 'id="main-content"' in html, path
            assert "<header" in html and "<footer" in html and "<nav" in html, path
            assert len(re.findall(r"<h1\b", html)) == 1, path

    def test_headings_never_skip_a_level_on_any_page(self, client, site_content):
        paths = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
        for path in [*paths, reverse("search") + "?q=volunteer"]:
            main = client.get(path).content.decode().split('id="main-content"')[1]
            levels = [int(level) for level in re.findall(r"<h([1-6])\b", main)]
            assert levels[0] == 1, path
            for previous, current in itertools.pairwise(levels):
                assert current <= previous + 1, f"{path}: h{previous} then h{current}"

    def test_breadcrumbs_show_the_way_back(self, client, site_content):
        html = client.get("/volunteer-programme/steering-group/").content.decode()
        crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
        assert ">Home<" in crumbs and ">Volunteer programme<" in crumbs

    def test_the_current_section_is_marked_in_the_navigation(self, client, site_content):
        html = client.get("/volunteer-programme/steering-group/").content.decode()
        assert re.search(r'href="/volunteer-programme/"\s+aria-current="true"', html)

    def test_the_footer_links_the_accessibility_statement_and_privacy_notice(
        self, client, site_content
    ):
        html = client.get("/").content.decode()
        assert 'href="/accessibility-statement/"' in html
        assert 'href="/privacy-notice/"' in html

    def test_an_unknown_address_gets_a_friendly_404(self, client, site_content):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert b"Page not found" in response.content
        assert b"Traceback" not in response.content

    def test_public_pages_need_no_javascript(self, client, site_content):
        for path in ["/", "/volunteer-programme/frequently-asked-questions/", reverse("search")]:
            assert "<script" not in client.get(path).content.decode(), path
