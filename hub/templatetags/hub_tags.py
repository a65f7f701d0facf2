import datetime

from django import template
from django.utils import dateformat
from django.utils.safestring import mark_safe
from wagtail.models import Site

from hub.glossary import mark_first_uses
from hub.models import GlossaryTerm
from hub.page_cache import remembered
from hub.permissions import remembered_visible_pages

register = template.Library()


class GlossaryNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # The content was rendered (and escaped) by the templates inside the tag; marking only
        # wraps text between tags, escaping each expansion, so the result stays safe.
        return mark_safe(mark_first_uses(self.nodelist.render(context), GlossaryTerm.expansions()))  # noqa: S308


@register.tag
def glossary(parser, token):
    """``{% glossary %}...{% endglossary %}``: mark the first use of each known acronym."""
    nodelist = parser.parse(("endglossary",))
    parser.delete_first_token()
    return GlossaryNode(nodelist)


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's live, visible children that editors chose to show in menus."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    return remembered_visible_pages(
        request, ("hub.main_navigation", site.pk), lambda: site.root_page.get_children().in_menu()
    )


@register.simple_tag(takes_context=True)
def ancestors_below_root(context, page):
    """The ancestors of ``page`` from the home page down to its parent, as breadcrumbs show
    them; remembered while the page cache's generation stays current."""
    if not (page and page.pk):
        return []
    return remembered(
        context.get("request"),
        ("hub.breadcrumbs", page.pk),
        lambda: list(page.get_ancestors().filter(depth__gt=1)),
    )


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Ancestors from the home page down to the parent of ``page``."""
    request = context.get("request")
    return {"ancestors": ancestors_below_root(context, page), "request": request}


@register.simple_tag
def is_within(page, section):
    """True if ``page`` is ``section`` or sits below it in the page tree."""
    if page is None or section is None or not hasattr(page, "path"):
        return False
    return page.path.startswith(section.path)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with ``changes`` applied (for pagination links)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def outline(stream):
    """Pair each block of a stream with the heading level its own heading should take.

    A question-and-answer block sits one level below the nearest heading block before it (h2
    when there is none), so the page's heading order never skips a level.
    """
    current = 1
    pairs = []
    for block in stream:
        if block.block_type == "heading":
            current = int(block.value["level"][1])
            pairs.append((block, current))
        else:
            pairs.append((block, min(current + 1, 4)))
    return pairs


@register.filter
def duration(value):
    """A timedelta as people say it: "2 days, 3 hours", "45 minutes"."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 60 * 24)
    hours, minutes = divmod(minutes, 60)
    parts = [
        f"{count} {unit}{'' if count == 1 else 's'}"
        for count, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if count
    ]
    return ", ".join(parts[:2]) or "less than a minute"


@register.filter
def in_sentence(label):
    """A label for the middle of a sentence: lower case, with acronyms kept as they are.

    ``"Meeting of the IAG with the police lead"`` becomes ``"meeting of the IAG with the police
    lead"``, where ``|lower`` would have written "iag".
    """
    return " ".join(
        word if len(word) > 1 and word.isupper() else word.lower() for word in str(label).split(" ")
    )


@register.filter
def isodate(value, format_string="j F Y"):
    """A date stored as an ISO string (in compiled figures) shown as people read dates."""
    if not value:
        return ""
    try:
        return dateformat.format(datetime.date.fromisoformat(str(value)), format_string)
    except ValueError:
        return value
