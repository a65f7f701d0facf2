import pytest

from hub.templatetags.hub_tags import in_sentence


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Meeting of the IAG with the police lead", "meeting of the IAG with the police lead"),
        ("Chair and police lead meeting", "chair and police lead meeting"),
        ("IAG", "IAG"),
        # A capital on its own is the start of a sentence, not an acronym.
        ("A Board", "a board"),
        ("Confidential: not recorded", "confidential: not recorded"),
        ("", ""),
    ],
)
def test_in_sentence_lowers_words_but_keeps_acronyms(label, expected):
    assert in_sentence(label) == expected
