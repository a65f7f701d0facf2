"""A corpus of hostile strings for the XSS regression test (tests/browser/test_xss.py).

Each string carries a unique marker (``X01``...) so that a finding names the string that caused
it. A string that executes sets ``window.__xss`` to its marker (or opens a dialog with it); one
that is rendered as markup instead of text leaves an element the scanner below can find even when
a Content Security Policy stops it from running: every tag the corpus writes carries a
``data-xss`` attribute, an ``on...`` handler or a ``javascript:`` URL naming ``__xss``.

Also here: rich text made the way the admin's editor makes it, and checks on the other outputs
(PDF bytes, CSV cells).
"""

import io
import json
import re

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter


class Hostile(str):
    """A hostile string that knows its marker."""

    def __new__(cls, key, text):
        value = super().__new__(cls, text)
        value.key = key
        return value


CORPUS = [
    Hostile("X01", "<script>window.__xss='X01'</script>"),
    Hostile("X02", "<img src=x data-xss=X02 onerror=\"window.__xss='X02'\">"),
    Hostile("X03", "\"><svg data-xss=X03 onload=window.__xss='X03'>"),
    Hostile("X04", "'><details open data-xss=X04 ontoggle=window.__xss='X04'>"),
    Hostile("X05", "javascript:window.__xss='X05'"),
    Hostile("X06", "</textarea><script>window.__xss='X06'</script><textarea>"),
    Hostile("X07", "</title><script>window.__xss='X07'</script>"),
    # Template evaluation (Django, Jinja, JS template literals): evaluated it reads X0849X08.
    Hostile("X08", "X08{{ 7*7 }}X08 X08${7*7}X08 {% now 'Y' %}"),
    Hostile("X09", "'-alert('X09')-'"),
    Hostile("X10", "\";alert('X10');//"),
    Hostile("X11", "<a href=\"javascript:window.__xss='X11'\" data-xss=X11>click me</a>"),
    Hostile("X12", "[click me](javascript:window.__xss='X12') **X12**"),
    Hostile("X13", '=HYPERLINK("https://evil.example/?X13","X13")'),
    Hostile("X14", "+cmd|' /C calc'!A0 X14"),
    Hostile("X15", "-2+3+cmd|' /C calc'!A0 X15"),
    Hostile("X16", "@SUM(1+1)*cmd|' /C calc'!A0 X16"),
    Hostile("X17", "<iframe data-xss=X17 srcdoc=\"<script>parent.__xss='X17'</script>\"></iframe>"),
    Hostile("X18", "<math><mtext><table><mglyph><style><img data-xss=X18 src=x>"),
    Hostile("X19", "&lt;script&gt;window.__xss='X19'&lt;/script&gt; &amp;lt;b&amp;gt;X19"),
    Hostile("X20", "<!--X20--><b data-xss=X20>X20</b>"),
    Hostile("X21", "\u202eX21 \u2028alert('X21')\u2029 \\u003cscript\\u003e"),
    Hostile("X22", '<meta data-xss=X22 http-equiv=refresh content="0;url=javascript:1">'),
    Hostile("X23", "' onfocus='window.__xss=\"X23\"' autofocus data-xss='X23"),
    Hostile("X24", '" onfocus="window.__xss=\'X24\'" autofocus data-xss="X24'),
    Hostile("X25", "</script><script>window.__xss='X25'</script>"),
    # Unquoted attribute break-out: dangerous only where text lands inside a tag.
    Hostile("X26", "x data-xss=X26 onmouseover=window.__xss='X26' autofocus onfocus=x"),
    Hostile("X27", "\t=1+1+cmd|' /C calc'!A0 X27"),
]
# Users' own names, with markers of their own (U), so that a page showing only the signed-in
# user's name (as the admin's menu does on every screen) is not mistaken for one showing records.
USER_NAMES = {
    "iag-chair": (
        "<img src=x data-xss=U01 onerror=\"window.__xss='U01'\">",
        "U02\" autofocus onfocus=\"window.__xss='U02'",
    ),
    "police-lead": ("<script>window.__xss='U03'</script>", "U04' onmouseover='window.__xss=1"),
    "central": ("\"><svg data-xss=U05 onload=window.__xss='U05'>", "U06 </textarea>"),
}
BY_KEY = {item.key: item for item in CORPUS}
# Strings a spreadsheet would run as a formula if a cell began with them.
FORMULAS = [BY_KEY[key] for key in ("X13", "X14", "X15", "X16", "X27")]
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def everything(separator="\n"):
    """The whole corpus as one text (for text fields with no length limit)."""
    return separator.join(CORPUS)


def fitting(limit, start=0, separator=" "):
    """As many corpus strings as fit in ``limit`` characters, starting at ``start``."""
    out = ""
    for offset in range(len(CORPUS)):
        item = CORPUS[(start + offset) % len(CORPUS)]
        candidate = f"{out}{separator}{item}" if out else item
        if len(candidate) > limit:
            break
        out = candidate
    return out


# --- Rich text, made as the admin's editor makes it --------------------------------------------
#
# The editor (Draftail) posts "contentstate" JSON, which Wagtail converts to its stored HTML with
# a whitelist: text is escaped, and a link's URL is dropped unless its scheme is safe. Rich text
# stored any other way (straight into the database) is trusted by Wagtail as it stands.

HOSTILE_URLS = [
    "javascript:window.__xss='R01'",
    "JaVaScRiPt:window.__xss='R02'",
    " \tjava\nscript:window.__xss='R03'",
    "data:text/html,<script>parent.__xss='R04'</script>",
    "vbscript:window.__xss='R05'",
    "https://example.org/?q=\"><script>window.__xss='R06'</script>",
]


def editor_rich_text(features, paragraphs, urls=HOSTILE_URLS, page_id=None):
    """Stored rich text for ``paragraphs`` of plain text, each followed by a link to one of
    ``urls`` (in turn); with ``page_id``, also a page link whose id is itself hostile."""
    blocks, entities = [], {}
    for number, text in enumerate(paragraphs):
        label = f"link {number}"
        body = f"{text} {label}"
        entity_ranges = []
        if urls:
            key = len(entities)
            entities[str(key)] = {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": urls[number % len(urls)]},
            }
            entity_ranges.append({"offset": len(text) + 1, "length": len(label), "key": key})
        blocks.append(
            {
                "key": f'k{number}"><b data-xss=K{number}>',
                "type": "unstyled",
                "depth": 0,
                "text": body,
                "inlineStyleRanges": [{"offset": 0, "length": min(5, len(text)), "style": "BOLD"}],
                "entityRanges": entity_ranges,
            }
        )
    if page_id is not None:
        key = len(entities)
        entities[str(key)] = {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"id": page_id, "url": "javascript:window.__xss='R07'"},
        }
        blocks.append(
            {
                "key": "page-link",
                "type": "unstyled",
                "depth": 0,
                "text": "An internal link",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 3, "length": 8, "key": key}],
            }
        )
    contentstate = json.dumps({"blocks": blocks, "entityMap": entities})
    return ContentstateConverter(features).to_database_format(contentstate)


# --- The browser side --------------------------------------------------------------------------

# Runs before any of the page's own scripts: records every assignment to window.__xss, even one
# the page makes after another has overwritten it.
TRAP_SCRIPT = """
(() => {
    const hits = [];
    Object.defineProperty(window, "__xssHits", { value: hits });
    Object.defineProperty(window, "__xss", {
        configurable: false,
        get() { return hits.length ? hits[hits.length - 1] : undefined; },
        set(value) { hits.push(String(value)); },
    });
})();
"""

# Elements and attributes the corpus could have injected into the page, whether or not anything
# ran. Legitimate data only ever appears as text or inside an attribute's value; never as an
# attribute's name, an on... handler, a javascript: URL, a script's code or an <img src=x>.
SCAN_SCRIPT = r"""
() => {
    const found = [];
    const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data",
        "poster", "background", "ping"]);
    const EXECUTABLE_SCRIPT = /^(|(text|application)\/(java|ecma)script|module)$/i;
    const describe = (element) => element.outerHTML.slice(0, 160);
    const scan = (root) => {
        for (const element of root.querySelectorAll("*")) {
            const tag = element.localName;
            for (const attribute of element.attributes) {
                const name = attribute.name.toLowerCase();
                const value = attribute.value;
                if (/xss/i.test(name)) {
                    found.push(["attribute " + name, describe(element)]);
                } else if (name.startsWith("on") && /xss|alert/i.test(value)) {
                    found.push(["handler " + name, describe(element)]);
                } else if (URL_ATTRIBUTES.has(name)) {
                    const squashed = value.replace(/[\s\u0000-\u0020]+/g, "").toLowerCase();
                    if (/(^|url=)(javascript|vbscript|data:text\/html)/.test(squashed)) {
                        found.push(["url " + name, describe(element)]);
                    }
                } else if (name === "srcdoc" && /xss/i.test(value)) {
                    found.push(["srcdoc", describe(element)]);
                } else if (name === "content" && element.hasAttribute("http-equiv")
                        && /url=/i.test(value)) {
                    found.push(["meta refresh", describe(element)]);
                }
            }
            if (tag === "script" && EXECUTABLE_SCRIPT.test(element.type || "")
                    && /__xss|alert\(/.test(element.textContent)) {
                found.push(["script", describe(element)]);
            }
            if (tag === "img" && element.getAttribute("src") === "x") {
                found.push(["img src=x", describe(element)]);
            }
            if (tag === "template") scan(element.content);
        }
    };
    scan(document);
    // X08's {{ 7*7 }} and ${7*7}, evaluated by a template engine, read X0849X08.
    if (document.documentElement.outerHTML.includes("X0849X08")) {
        found.push(["template evaluated", "X08"]);
    }
    return found;
}
"""

# One round trip per page: what ran, what was injected, and the page's markup.
VISIT_SCRIPT = (
    "() => [window.__xssHits.slice(), (" + SCAN_SCRIPT + ")(), document.documentElement.outerHTML]"
)

# --- PDF and CSV -------------------------------------------------------------------------------

ACTIVE_PDF_CONTENT = re.compile(
    rb"/(JavaScript|JS|OpenAction|AA|Launch|SubmitForm|ImportData|RichMedia|EmbeddedFile|XFA)\b"
)


def pdf_text(data):
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squash(text):
    """Text without whitespace, and without characters a PDF's standard fonts cannot show."""
    return "".join(ch for ch in text if not ch.isspace() and ord(ch) < 256)


def pdf_active_content(data):
    """Names of active content in a PDF: in its bytes and in its object tree."""
    from pypdf import PdfReader

    found = {match.decode() for match in ACTIVE_PDF_CONTENT.findall(data)}
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    for key in ("/OpenAction", "/AA", "/AcroForm"):
        if key in root:
            found.add(key)
    names = root.get("/Names")
    if names is not None:
        found.update(key for key in ("/JavaScript", "/EmbeddedFiles") if key in names.get_object())
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                action = action.get_object()
                uri = str(action.get("/URI", ""))
                if action.get("/S") != "/URI" or not uri.lower().startswith(("http", "mailto")):
                    found.add(f"annotation action {action.get('/S')} {uri}")
    return found


def formula_cells(rows):
    """Cells a spreadsheet would evaluate: those beginning with a formula trigger."""
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_TRIGGERS)]
