"""Serving public pages from a map of the page tree that each server process remembers.

Wagtail finds a page by asking the database for the site, then for each level of the address
and its specific page, then for the view restrictions of the page and its ancestors: seven
queries or more before a page starts to be built, on every request, for answers that change
only when an editor publishes, moves or restricts a page. Here each server process remembers
the sites, the tree (every page's place, slug, type and alias) and the view restrictions for as
long as the page cache's generation stays current (``hub.page_cache.remembered``): any save of
a page, site or restriction starts a new generation when it commits, so none of it is ever
older than the public site. A page is then found with one query, for the page itself.

The walk is Wagtail's own (``Page.route``): from the site's root page, each part of the address
names a child by its slug, and the last page must be live. A page type that routes for itself
(``RoutablePageMixin`` and any other that overrides ``route``) is handed the rest of the address
as Wagtail would hand it. Whatever cannot be answered from the map (a page deleted since it was
made, a type whose model has gone) is left to Wagtail's routing, so the answer is always
Wagtail's. Without ``HUB_ROUTE_CACHE`` the routing here is not used at all; a page's reversed
address (``serve_path``) is remembered either way, since it depends only on the page's path, the
URLconf and the script prefix.
"""

import contextlib
import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from hub.page_cache import remembered


@dataclass(frozen=True)
class Node:
    id: int
    path: str
    slug: str
    content_type_id: int
    alias_of_id: int | None


class Tree:
    """Every page's place in the tree, by id and by parent and slug."""

    def __init__(self, rows):
        self.by_id = {}
        self.children = {}
        for row in rows:
            node = Node(*row)
            self.by_id[node.id] = node
            self.children.setdefault(node.path[: -Page.steplen], {})[node.slug] = node
        self.by_path = {node.path: node for node in self.by_id.values()}

    @classmethod
    def load(cls):
        fields = ("id", "path", "slug", "content_type_id", "alias_of_id")
        return cls(Page.objects.order_by().values_list(*fields))

    def child(self, node, slug):
        return self.children.get(node.path, {}).get(slug)

    def ancestry(self, node):
        """The page and its ancestors, as ``Page.get_view_restrictions`` checks them."""
        steps = range(Page.steplen, len(node.path) + 1, Page.steplen)
        return [self.by_path[node.path[:end]] for end in steps if node.path[:end] in self.by_path]


class ViewRestrictions:
    """Every view restriction, with its page and groups, by the page it is set on."""

    def __init__(self, restrictions):
        self.all = restrictions
        self.by_page = {}
        for restriction in restrictions:
            self.by_page.setdefault(restriction.page_id, []).append(restriction)

    @classmethod
    def load(cls):
        return cls(
            list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
        )

    def applying_to(self, tree, node):
        """What ``Page.get_view_restrictions`` finds: those on the page and its ancestors, an
        alias taking its original's."""
        pages = set()
        for step in tree.ancestry(node):
            while step.alias_of_id is not None and step.alias_of_id in tree.by_id:
                step = tree.by_id[step.alias_of_id]
            pages.add(step.id)
        return [r for page in sorted(pages) for r in self.by_page.get(page, [])]


def tree(request):
    return remembered(request, "hub.routing.tree", Tree.load)


def view_restrictions(request):
    return remembered(request, "hub.routing.view_restrictions", ViewRestrictions.load)


MOST_HOSTS = 100  # names remembered per generation: Host headers are the visitor's to choose


def find_site(request):
    """``Site.find_for_request``, from the answers this process remembers."""
    if not hasattr(request, "_wagtail_site"):
        sites = remembered(request, "hub.routing.sites", dict)
        place = (split_domain_port(request._get_raw_host())[0], request.get_port())
        if place in sites:
            site = sites[place]
        else:
            try:
                site = get_site_for_hostname(*place)
            except Site.DoesNotExist:
                site = None
            if len(sites) < MOST_HOSTS:
                sites[place] = site
        request._wagtail_site = site
    return request._wagtail_site


class NotMapped(Exception):
    """The map cannot answer; Wagtail's routing will."""


def page_model(node):
    model = ContentType.objects.get_for_id(node.content_type_id).model_class()
    if model is None or not issubclass(model, Page):
        raise NotMapped
    return model


def load(node, model, tree, request):
    try:
        page = model._default_manager.get(pk=node.id)
    except model.DoesNotExist as gone:
        raise NotMapped from gone
    restrictions = view_restrictions(request).applying_to(tree, node)
    page._hub_view_restrictions = restrictions
    return page


def route(request, path):
    """What ``Page.route_for_request`` would return for ``path``, or raise ``NotMapped``."""
    site = find_site(request)
    if site is None:
        return None
    pages = tree(request)
    node = pages.by_id.get(site.root_page_id)
    if node is None:
        raise NotMapped
    components = [component for component in path.split("/") if component]
    while True:
        model = page_model(node)
        if not components or model.route is not Page.route:
            try:
                return load(node, model, pages, request).route(request, components)
            except Http404:
                return None
        node = pages.child(node, components[0])
        if node is None:
            return None
        components = components[1:]


def serve(request, path):
    """Wagtail's ``serve``, with the site and the route found from the map."""
    from wagtail.views import serve as wagtail_serve  # it needs the models loaded

    if settings.HUB_ROUTE_CACHE and not hasattr(request, "_wagtail_route_for_request"):
        with contextlib.suppress(NotMapped):
            request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)


class RoutedPage:
    """For page models: the view restrictions the map found for the page, without a query.

    ``route`` leaves them on the page it found, and Wagtail's check before serving it
    (``check_view_restrictions``) reads them from here. They come as a query set holding its
    results already, so anything that refines it (``order_by``) asks the database as before.
    """

    def get_view_restrictions(self):
        known = getattr(self, "_hub_view_restrictions", None)
        if known is None:
            return super().get_view_restrictions()
        restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in known])
        restrictions._result_cache = list(known)
        restrictions._prefetch_done = True
        return restrictions

    def get_url_parts(self, request=None):
        """Wagtail's ``Page.get_url_parts``, with the path from ``serve_path``. Wagtail reverses
        the address of the page on every link to it, and a ``routablepageurl`` to one of a
        page's routes starts from the page's own address, so a page listing forty minutes and
        pieces of advice reversed it forty times. Whatever this does not cover (content
        languages, a page on more than one site) is left to Wagtail."""
        sites = self._get_relevant_site_root_paths(request)
        if settings.WAGTAIL_I18N_ENABLED or len({values[0] for values in sites}) > 1:
            return super().get_url_parts(request)
        if not sites:
            return None
        site_id, root_path, root_url, _language_code = sites[0]
        page_path = serve_path(self.url_path[len(root_path) :])
        if page_path is None:
            return (site_id, None, None)
        if not WAGTAIL_APPEND_SLASH and page_path != "/":
            page_path = page_path.rstrip("/")
        return (site_id, root_url, page_path)


MOST_PATHS = 10_000  # page addresses remembered by serve_path: more than the hub has pages


def serve_path(path):
    """``reverse("wagtail_serve", args=(path,))``, or None where it does not reverse,
    remembered for the URLconf and script prefix in use."""
    return _serve_path(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), path)


@functools.lru_cache(maxsize=MOST_PATHS)
def _serve_path(urlconf, prefix, path):
    try:
        return reverse("wagtail_serve", urlconf=urlconf, args=(path,))
    except NoReverseMatch:
        return None
