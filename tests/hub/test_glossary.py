"""The first use of a known acronym in page text becomes <abbr title="...">."""

import pytest

from hub.glossary import mark_first_uses

TERMS = {
    "MVP": "Met Volunteer Programme",
    "MVPM": "Borough MVP Manager",
    "AWARE": "An MPS computer system",
    "MG11": "Witness statement form",
    "Fed Rep": "Police Federation representative",
}

ABBR_MVP = '<abbr title="Met Volunteer Programme">MVP</abbr>'


def test_only_the_first_use_is_marked():
    html = "<p>The MVP began in 2001.</p><p>MVP volunteers give time.</p>"
    assert mark_first_uses(html, TERMS) == (
        f"<p>The {ABBR_MVP} began in 2001.</p><p>MVP volunteers give time.</p>"
    )


def test_each_term_is_marked_once_independently():
    result = mark_first_uses("<p>MG11 and MVP, then MG11 and MVP.</p>", TERMS)
    assert result.count("<abbr") == 2
    assert result.index("MG11</abbr>") < result.index("MVP</abbr>")


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("AWARE login", True),
        ("be aware of", False),  # case-sensitive: an ordinary word is left alone
        ("Aware of", False),
        ("MVPs", False),  # whole words only
        ("XMVP", False),
        ("MVP.", True),
        ("(MVP)", True),
        ("MVP", True),
    ],
)
def test_matching_is_case_sensitive_and_whole_word(text, marked):
    assert ("<abbr" in mark_first_uses(f"<p>{text}</p>", TERMS)) is marked


def test_longest_acronym_wins():
    result = mark_first_uses("<p>Ask your MVPM about the MVP.</p>", TERMS)
    assert '<abbr title="Borough MVP Manager">MVPM</abbr>' in result
    assert ABBR_MVP in result


def test_multi_word_terms_are_matched():
    assert '<abbr title="Police Federation representative">Fed Rep</abbr>' in mark_first_uses(
        "<p>The Fed Rep attends.</p>", TERMS
    )


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/mvp/">MVP</a>',
        "<abbr>MVP</abbr>",
        "<code>MVP</code>",
        "<script>var MVP = 1;</script>",
        "<style>.MVP {}</style>",
        '<label for="x">MVP</label>',
        "<textarea>MVP</textarea>",
        "<!-- MVP -->",
        '<img alt="MVP" src="x.png">',
        '<p title="MVP">text</p>',
    ],
)
def test_never_marks_inside_links_code_controls_comments_or_attributes(html):
    assert mark_first_uses(html, TERMS) == html


def test_a_use_inside_a_link_does_not_count_as_the_first_use():
    html = '<p><a href="/x/">MVP</a> and the MVP.</p>'
    assert mark_first_uses(html, TERMS) == f'<p><a href="/x/">MVP</a> and the {ABBR_MVP}.</p>'


def test_text_after_a_skipped_element_is_still_marked():
    result = mark_first_uses("<p><code>MVP</code> then MVP</p>", TERMS)
    assert result == f"<p><code>MVP</code> then {ABBR_MVP}</p>"


def test_expansions_are_escaped():
    result = mark_first_uses("<p>XSS here</p>", {"XSS": '"><script>alert(1)</script>'})
    assert "<script>" not in result
    assert "&quot;&gt;&lt;script&gt;" in result


def test_no_terms_leaves_html_unchanged():
    html = "<p>MVP</p>"
    assert mark_first_uses(html, {}) == html
    assert mark_first_uses("", TERMS) == ""


def test_marking_never_breaks_out_of_an_attribute():
    """A ">" inside a quoted attribute value does not end the tag, so the acronym in the
    attribute is left alone and the <abbr> goes in the text."""
    html = mark_first_uses('<p title="a>b XSSB">XSSB</p>', {"XSSB": 'x" onmouseover="y'})
    assert html.startswith('<p title="a>b XSSB">')
    assert "<abbr" in html and 'onmouseover="y"' not in html


def test_a_character_reference_is_not_a_word():
    assert mark_first_uses("<p>it&#x27;s x27</p>", {"x27": "a term"}).startswith(
        "<p>it&#x27;s <abbr"
    )
