"""Admin form behaviour shared by the apps."""

from wagtail.admin.forms import WagtailAdminModelForm

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


class OwnedRecordForm(WagtailAdminModelForm):
    """A record that belongs to one body (an IAG, a board): offer only the bodies the user keeps
    records for, and never let an existing record move to another body.

    Subclasses name the field in ``owner_field`` and say which bodies in ``owners_for(user)``.
    """

    owner_field = "group"

    def owners_for(self, user):
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields.get(self.owner_field)
        if owner is not None:
            if self.instance.pk:
                # It stays where it is: the one choice is its own body, whoever is editing
                # (a reviewer in a workflow may keep no body's records themselves).
                current = getattr(self.instance, f"{self.owner_field}_id")
                owner.queryset = owner.queryset.model._default_manager.filter(pk=current)
                owner.disabled = True
            else:
                owner.queryset = self.owners_for(self.for_user)
                if owner.queryset.count() == 1:
                    owner.initial = owner.queryset.first()


class MinutesFormMixin:
    """A meeting form whose confidential items' words are thrown away before anything sees them,
    and erased from history when an item already saved becomes confidential."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(discard_withheld_words(data, "minute_items"), *args, **kwargs)

    def save(self, commit=True):
        from hub.services import erase_withheld_words

        withheld_now = became_withheld(self.formsets["minute_items"])
        meeting = super().save(commit=commit)
        for item in withheld_now:
            erase_withheld_words(item)
        return meeting
