import io
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command
from wagtail.models import Page

from hub.demo import loader
from hub.demo.content import glossary
from hub.models import GlossaryTerm, Organisation, Person, User

pytestmark = pytest.mark.django_db

# Every test in this module sees the full demo (loaded once for the module).


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


def counts():
    return (
        Page.objects.count(),
        GlossaryTerm.objects.count(),
        Person.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
    )


def test_loading_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_it_does_not_overwrite_an_editors_changes(demo):
    term = GlossaryTerm.objects.get(acronym="CID")
    term.explanation = "Edited by an editor."
    term.save()
    call_command("load_demo", stdout=io.StringIO())
    term.refresh_from_db()
    assert term.explanation == "Edited by an editor."


def test_it_loads_the_page_tree_glossary_and_logins(demo):
    slugs = set(Page.objects.live().values_list("slug", flat=True))
    assert {
        "volunteer-programme",
        "frequently-asked-questions",
        "guide-for-units",
        "statement-of-expectation",
        "steering-group",
        "news",
        "information-update-october-2007",
        "jargon-buster",
        "accessibility-statement",
        "privacy-notice",
    } <= slugs
    assert GlossaryTerm.objects.count() == len(glossary.TERMS)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(loader.DEMO_PASSWORD)
    assert "admin" in demo and loader.DEMO_PASSWORD in demo


def test_pages_have_revisions_so_editors_see_their_history(demo):
    for page in Page.objects.live().filter(depth__gt=2):
        assert page.latest_revision is not None, page.title


def test_demo_people_are_invented(demo):
    for person in Person.objects.all():
        assert person.email.endswith("@example.org"), person.email
        # Ofcom's drama range for London: never a real line.
        assert re.fullmatch(r"020 7946 0\d{3}", person.phone), person.phone


def test_the_seed_makes_the_same_people_every_time(demo):
    count = Person.objects.count()
    first, _ = loader.load_directory()
    second, _ = loader.load_directory()
    assert [p.name for p in first] == [p.name for p in second]
    assert Person.objects.count() == count
