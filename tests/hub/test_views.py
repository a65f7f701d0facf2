import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.hub.factories import GlossaryTermFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal_links(base, html):
    parser = LinkCollector()
    parser.feed(html)
    for href in parser.links:
        url = urlparse(urljoin(base, href))
        if url.scheme in ("", "http") and url.netloc in ("", "testserver"):
            yield url.path


def test_every_live_page_is_reachable_from_the_home_page(client, demo, home):
    """Follow links from the home page only; every live page must be found."""
    seen, queue = set(), ["/"]
    while queue:
        path = queue.pop()
        if path in seen or path.startswith(("/admin/", "/documents/", "/static/")):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            queue.extend(internal_links(path, response.content.decode()))
    live_paths = {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert live_paths - seen == set()
    assert len(live_paths) >= 11


def test_the_seeded_pages_carry_the_source_documents(client, demo):
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
    def test_every_page_has_a_skip_link_landmarks_and_one_h1(self, client, demo):
        for path in ["/", "/volunteer-programme/", "/news/", "/jargon-buster/", reverse("search")]:
            html = client.get(path).content.decode()
            assert 'href="#main-content"' in html, path
            assert 'id="main-content"' in html, path
            assert "<header" in html and "<footer" in html and "<nav" in html, path
            assert len(re.findall(r"<h1\b", html)) == 1, path

    def test_headings_never_skip_a_level_on_any_page(self, client, demo):
        paths = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
        for path in [*paths, reverse("search") + "?q=volunteer"]:
            main = client.get(path).content.decode().split('id="main-content"')[1]
            levels = [int(level) for level in re.findall(r"<h([1-6])\b", main)]
            assert levels[0] == 1, path
            for previous, current in zip(levels, levels[1:], strict=False):
                assert current <= previous + 1, f"{path}: h{previous} then h{current}"

    def test_breadcrumbs_show_the_way_back(self, client, demo):
        html = client.get("/volunteer-programme/steering-group/").content.decode()
        crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
        assert ">Home<" in crumbs and ">Volunteer programme<" in crumbs

    def test_the_current_section_is_marked_in_the_navigation(self, client, demo):
        html = client.get("/volunteer-programme/steering-group/").content.decode()
        assert re.search(r'href="/volunteer-programme/"\s+aria-current="true"', html)

    def test_the_footer_links_the_accessibility_statement_and_privacy_notice(self, client, demo):
        html = client.get("/").content.decode()
        assert 'href="/accessibility-statement/"' in html
        assert 'href="/privacy-notice/"' in html

    def test_an_unknown_address_gets_a_friendly_404(self, client, demo):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert b"Page not found" in response.content
        assert b"Traceback" not in response.content

    def test_public_pages_need_no_javascript(self, client, demo):
        for path in ["/", "/volunteer-programme/frequently-asked-questions/", reverse("search")]:
            assert "<script" not in client.get(path).content.decode(), path
