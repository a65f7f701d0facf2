"""The public site's shared page cache: anonymous visitors' pages kept in the cache (Redis in
production) and thrown away as soon as anything the public might see changes.

Why not Django's per-site cache middleware: it keeps pages until they expire, so a published
correction or an unpublished page would stay visible for the whole timeout, and it keys on the
Vary headers of whatever response it saw first. Here every entry carries the *generation* it was
made in; saving or deleting any record that can appear on a public page (a page published,
moved or unpublished, advice, a board's report, a role profile approved...) starts a new
generation when its transaction commits, and entries of older generations are never served.
The generation is read before the page is built, so a page built from data that changed while
it was being built is stored under the old generation and never served either.

Only these are served from, or stored in, the cache:

* GET requests outside the admin from visitors who carry no cookie but the CSRF one (no
  session, so nobody signed in, nobody who entered a page password, no pending message);
* 200 responses that are not streamed, set no cookie and are not marked private, no-store or
  no-cache. A page with a form sets one: Django sends the CSRF cookie again whenever a page
  used its token, even to a visitor who has it. Nearly every page says ``Vary: Cookie``,
  because the user bar looks at the (empty) session; that is harmless here, since no request
  that carries a cookie that could change the page is ever served from the cache.

Pages for signed-in users are therefore never stored in or served from the shared cache. The
entries also expire after ``HUB_PAGE_CACHE_SECONDS`` (0 turns the cache off) so that pages
whose content follows the clock (a consultation opening at midnight) are never older than that.

Each server process also keeps the pages it served lately in its own memory (at most
``LOCAL_BYTES`` of them), and reads the generation from the shared cache at most once every
``HUB_PAGE_CACHE_RECHECK_SECONDS``. A page this process holds is then served with no round trip
at all: a round trip to Redis costs more than a plain Django view's whole work. A change takes
effect at once in the process that made it (it knows the new generation) and within that many
seconds in every other process. 0 reads the generation on every request and keeps no pages in
process memory.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

GENERATION_KEY = "hub:page-cache:generation"
ENTRY_KEY = "hub:page-cache:page:{}"
HIT_HEADER = "X-Hub-Page-Cache"
LONGEST_URL = 500  # longer addresses (odd query strings) are served but never stored
LOCAL_BYTES = 16 * 1024 * 1024  # the most page content each server process keeps in memory
ADMIN_PREFIX = "/admin/"
# Request headers a stored page may say it depends on (see the module's notes on Cookie).
SAFE_VARY = {"cookie", "accept-encoding"}

# Records that are never shown on a public page: saving them does not change one. Everything
# else in the database may be, and saving it starts a new generation. (Forgetting a model here
# only costs some cached pages; forgetting one the other way would serve stale pages.)
BOOKKEEPING_APPS = {
    "admin", "auth", "axes", "contenttypes", "django_tasks_db", "otp_static", "otp_totp",
    "sessions", "wagtailadmin", "wagtailsearch", "wagtailusers",
}  # fmt: skip
BOOKKEEPING_MODELS = {
    "hub.user", "hub.throttlewindow",
    "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry",
    "wagtailcore.workflowstate", "wagtailcore.taskstate", "wagtailcore.pagesubscription",
    "wagtailcore.comment", "wagtailcore.commentreply", "wagtailcore.referenceindex",
    "wagtailimages.rendition",
    # Responses change only the public results "so far" of an open consultation, which may be
    # HUB_PAGE_CACHE_SECONDS old: otherwise every submission would empty the whole cache just
    # when a consultation's launch brings visitors.
    "consultation.response", "consultation.answer", "consultation.contactdetails",
}  # fmt: skip


def cache():
    return caches[settings.HUB_PAGE_CACHE_ALIAS]


def shows_on_public_pages(model):
    meta = model._meta
    if meta.app_label in BOOKKEEPING_APPS or meta.label_lower in BOOKKEEPING_MODELS:
        return False
    # django-simple-history's rows record a change already signalled by the record itself.
    return not hasattr(model, "instance_type")


def first_generation():
    """Where the count starts when the cache holds none (new, flushed or evicted): the clock in
    nanoseconds, so a count started afresh never meets one a server process still remembers."""
    return time.time_ns()


def invalidate():
    """Start a new generation: every page cached, and everything remembered, so far is stale."""
    store = cache()
    store.add(GENERATION_KEY, first_generation(), timeout=None)
    try:
        current = store.incr(GENERATION_KEY)
    except ValueError:  # evicted between the two calls
        current = first_generation()
        store.set(GENERATION_KEY, current, timeout=None)
    # This process knows at once; the others on their next look (HUB_PAGE_CACHE_RECHECK_SECONDS).
    _note_generation(current)


# The generation this server process read last, and when (time.monotonic()).
_seen = (None, 0.0)


def _note_generation(current):
    global _seen
    _seen = (current, time.monotonic())


def _known_generation():
    """The generation this process read less than ``HUB_PAGE_CACHE_RECHECK_SECONDS`` ago, if
    any: no need to ask the shared cache again."""
    current, read_at = _seen
    recheck = settings.HUB_PAGE_CACHE_RECHECK_SECONDS
    if current is None or not recheck or time.monotonic() - read_at >= recheck:
        return None
    return current


def _read_generation():
    store = cache()
    current = store.get(GENERATION_KEY)
    if current is None:
        store.add(GENERATION_KEY, first_generation(), timeout=None)
        current = store.get(GENERATION_KEY)
    _note_generation(current)
    return current


def generation(request, found=None):
    """The current generation, read once per request (``found``: a value already read with it),
    and by this process at most once every ``HUB_PAGE_CACHE_RECHECK_SECONDS``."""
    current = getattr(request, "_hub_generation", None)
    if current is None:
        if found is not None:
            current = found
            _note_generation(found)
        else:
            current = _known_generation() or _read_generation()
        request._hub_generation = current
    return current


def forget_process_state():
    """Forget what this process knows of the generation, and the pages it holds."""
    _note_generation(None)
    local_pages.clear()


class StoredPage(NamedTuple):
    """A page as the shared cache and each process keep it."""

    generation: int
    expires: float  # time.time() after which it is not served
    status: int
    headers: list
    content: bytes


def current_entry(entry, current):
    """``entry`` if it may be served now: a ``StoredPage`` (not a copy in an earlier format)
    made in the current generation, and not expired."""
    if not isinstance(entry, StoredPage):
        return None
    if entry.generation != current or entry.expires <= time.time():
        return None
    return entry


class LocalPages:
    """The pages this process served lately, least recently used first, with at most
    ``LOCAL_BYTES`` of content; kept only while ``HUB_PAGE_CACHE_RECHECK_SECONDS`` is on."""

    def __init__(self):
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # a threaded server shares one per process

    def get(self, key, current):
        with self.lock:
            entry = current_entry(self.entries.get(key), current)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        if not settings.HUB_PAGE_CACHE_RECHECK_SECONDS or len(entry.content) > LOCAL_BYTES:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old.content)
            self.entries[key] = entry
            self.size += len(entry.content)
            while self.size > LOCAL_BYTES:
                _key, oldest = self.entries.popitem(last=False)
                self.size -= len(oldest.content)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


local_pages = LocalPages()


# What each server process remembers between requests: name -> (generation, value).
_remembered = {}


def remembered(request, name, build):
    """``build()``, kept in this process for as long as the generation read for ``request``
    stays current (``HUB_ROUTE_CACHE``), so that it is never older than the public site.

    Used for what nearly every public request needs and few edits change: the sites, the page
    tree and the view restrictions (hub.routing), the navigation, sections and breadcrumbs
    (hub.permissions, hub_tags) and the site settings. Without a shared cache
    the generation would be each process's own, so then everything is built afresh.
    """
    if not settings.HUB_ROUTE_CACHE or request is None:
        return build()
    current = generation(request)
    found = _remembered.get(name)
    if found is not None and found[0] == current:
        return found[1]
    value = build()
    _remembered[name] = (current, value)
    return value


def invalidate_on_commit(sender, **kwargs):
    if shows_on_public_pages(sender):
        transaction.on_commit(invalidate)


def connect_signals():
    post_save.connect(invalidate_on_commit, dispatch_uid="hub_page_cache_saved")
    post_delete.connect(invalidate_on_commit, dispatch_uid="hub_page_cache_deleted")
    # Tree moves and (un)publishing are written partly with bulk updates, which send no
    # post_save for every row they touch.
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(invalidate_on_commit, dispatch_uid=f"hub_page_cache_page_{name}")


def may_use_cache(request):
    if not settings.HUB_PAGE_CACHE_SECONDS or request.method != "GET":
        return False
    if request.path_info.startswith(ADMIN_PREFIX):
        return False
    return set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


def may_store(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    if not vary <= SAFE_VARY:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def entry_key(request):
    address = request.build_absolute_uri()
    return ENTRY_KEY.format(hashlib.sha256(address.encode()).hexdigest())


class AnonymousPageCacheMiddleware:
    """Serve anonymous visitors' public pages from the shared cache (see the module's notes).

    It sits after the security headers and static files and before sessions, so a page served
    from the cache still gets today's security headers. It costs one round trip to the shared
    cache, or none when this process holds the page and knows the generation is current.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        if len(request.get_full_path()) > LONGEST_URL:
            return self.get_response(request)
        key = entry_key(request)
        known = _known_generation()
        if known is not None:
            entry = local_pages.get(key, known)
            if entry is not None:  # held by this process: no round trip at all
                return self.rebuild(entry)
        store = cache()
        found = store.get_many([GENERATION_KEY, key])
        current = generation(request, found.get(GENERATION_KEY))
        entry = current_entry(found.get(key), current)
        if entry is not None:
            local_pages.put(key, entry)
            return self.rebuild(entry)
        response = self.get_response(request)
        if may_store(response):
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            seconds = settings.HUB_PAGE_CACHE_SECONDS
            entry = StoredPage(
                current, time.time() + seconds, response.status_code, headers, response.content
            )
            store.set(key, entry, seconds)
            local_pages.put(key, entry)
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def rebuild(entry):
        response = HttpResponse(entry.content, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response
