"""Admin form behaviour shared by the apps."""

from hub.enums import MinuteItemKind

WITHHELD_FIELDS = ("title", "text")


def discard_withheld_words(data, prefix):
    """A copy of the posted form data with the title and text of every confidential item blanked.

    Done before the form sees the data, so that what was typed is neither saved nor echoed back
    if the form is shown again with an error elsewhere.
    """
    if data is None:
        return None
    cleaned = data.copy()
    for key, value in data.items():
        if (
            key.startswith(f"{prefix}-")
            and key.endswith("-kind")
            and value == MinuteItemKind.CONFIDENTIAL
        ):
            stem = key[: -len("kind")]
            for name in WITHHELD_FIELDS:
                if f"{stem}{name}" in cleaned:
                    cleaned[f"{stem}{name}"] = ""
    return cleaned


def became_withheld(formset):
    """Saved items whose kind the form is changing to confidential."""
    return [
        form.instance
        for form in formset.forms
        if form.instance.pk
        and "kind" in form.changed_data
        and form.cleaned_data.get("kind") == MinuteItemKind.CONFIDENTIAL
        and not form.cleaned_data.get("DELETE")
    ]
