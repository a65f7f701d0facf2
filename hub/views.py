import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Site

from hub.permissions import pages_visible_to

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


SEARCH_WORDS = re.compile(r"\w+")


def search(request):
    """Full-text search over the live pages of this site that the visitor may see."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        site = Site.find_for_request(request)
        pages = pages_visible_to(request).descendant_of(site.root_page, inclusive=True)
        # Only words are searched: punctuation means nothing to the search, and some of it
        # (quotes, brackets, "<") is syntax to SQLite's full-text engine, which would fail.
        words = " ".join(SEARCH_WORDS.findall(query))
        found = pages.specific().search(words) if words else pages.none()
        results = Paginator(found, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "hub/search.html", {"query": query, "results": results})
