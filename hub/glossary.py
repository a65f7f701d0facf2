"""Mark the first use of each known acronym in a page's text as ``<abbr title="...">``.

A pure function over HTML, so it can be tested on its own. It only ever touches text between
tags: never a tag, an attribute or a comment, and never text inside an element where an
``<abbr>`` would be wrong or unhelpful (links, existing abbreviations, code, form controls,
scripts and styles).
"""

import re
from collections.abc import Iterable

from django.utils.html import escape

# Elements whose text is left alone. Void elements never contain text, so need no entry.
SKIP_ELEMENTS = frozenset(
    {
        "a",
        "abbr",
        "button",
        "code",
        "kbd",
        "label",
        "option",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "svg",
        "textarea",
        "title",
    }
)

# A tag ends at the first ">" outside a quoted attribute value, so that an acronym inside an
# attribute is never marked up, whatever the value holds.
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<(?:\"[^\"]*\"|'[^']*'|[^'\">])*>", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


def _term_pattern(acronyms: Iterable[str]) -> re.Pattern | None:
    # Longest first, so that MVPM wins over MVP; whole words only, case-sensitive.
    alternatives = sorted({a for a in acronyms if a}, key=lambda a: (-len(a), a))
    if not alternatives:
        return None
    body = "|".join(re.escape(a) for a in alternatives)
    # Try the alternatives only where one could start: a page is mostly other letters.
    first = "".join(sorted({re.escape(a[0]) for a in alternatives}))
    # Not inside a character reference either: "x27" in "&#x27;" is not a word.
    return re.compile(rf"(?=[{first}])(?<![\w&#])({body})(?![\w])")


def mark_first_uses(html: str, terms: dict[str, str]) -> str:
    """Return ``html`` with the first use of each acronym in ``terms`` wrapped in ``<abbr>``.

    ``terms`` maps an acronym to its expansion. Matching is case-sensitive and whole-word:
    "AWARE" is the computer system, "aware" is an ordinary word.
    """
    pattern = _term_pattern(terms)
    if pattern is None or not html:
        return html

    seen: set[str] = set()
    skip_depth = 0
    out: list[str] = []
    position = 0

    def mark(text: str) -> str:
        def replace(match: re.Match) -> str:
            acronym = match.group(1)
            if acronym in seen:
                return acronym
            seen.add(acronym)
            return f'<abbr title="{escape(terms[acronym])}">{acronym}</abbr>'

        return pattern.sub(replace, text)

    for token in _TOKEN.finditer(html):
        text = html[position : token.start()]
        out.append(mark(text) if skip_depth == 0 and len(seen) < len(terms) else text)
        tag = token.group(0)
        out.append(tag)
        position = token.end()

        name_match = _TAG_NAME.match(tag)
        if name_match and name_match.group(2).lower() in SKIP_ELEMENTS:
            closing = name_match.group(1) == "/"
            self_closing = tag.rstrip(">").rstrip().endswith("/")
            if closing:
                skip_depth = max(0, skip_depth - 1)
            elif not self_closing:
                skip_depth += 1

    tail = html[position:]
    out.append(mark(tail) if skip_depth == 0 else tail)
    return "".join(out)
