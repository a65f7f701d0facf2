from django import forms
from django.core.exceptions import ValidationError

from hub.admin_forms import MinutesFormMixin, OwnedRecordForm
from hub.models import Organisation, Person
from partnerships.enums import BoardKind
from partnerships.models import ActionPlan, Board
from partnerships.permissions import boards_user_keeps_members_of, boards_user_keeps_records_for


class BoardRecordForm(OwnedRecordForm):
    """A record of one board: offered only the boards the user sits on (all, for the central
    team); an existing record never moves to another board."""

    owner_field = "board"

    def owners_for(self, user):
        return boards_user_keeps_records_for(user)


class BoardMeetingForm(MinutesFormMixin, BoardRecordForm):
    pass


class BoardReportForm(BoardRecordForm):
    def owners_for(self, user):
        # The executive board is the accountable body: it reports to no board.
        return super().owners_for(user).reporting()


class InitiativeForm(BoardRecordForm):
    def owners_for(self, user):
        return super().owners_for(user).filter(kind=BoardKind.PROJECT)


def people_on_boards(boards):
    return Person.objects.filter(
        board_memberships__left_on__isnull=True, board_memberships__board__in=boards
    ).distinct()


class ActionForm(OwnedRecordForm):
    """An action in one of the user's boards' plans, owned by someone who sits on a board."""

    owner_field = "plan"

    def owners_for(self, user):
        return ActionPlan.objects.filter(
            board__in=boards_user_keeps_records_for(user)
        ).select_related("board")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            # A plain list of board members, not the directory's chooser (which board members
            # may not open): names only, never contact details.
            self.fields["owner"] = forms.ModelChoiceField(
                queryset=people_on_boards(boards_user_keeps_records_for(self.for_user)),
                required=False,
                help_text=self.fields["owner"].help_text,
            )


class BoardMembershipForm(OwnedRecordForm):
    """Seat someone on a board: someone who already sits on one of the partnership's boards
    (so that the chair of the central project board is the same person on the executive
    board), or a new person whose details are typed here."""

    owner_field = "board"

    existing_person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="Someone who already sits on a partnership board",
    )
    person_name = forms.CharField(label="Or a new person: full name", required=False)
    person_email = forms.EmailField(label="Their e-mail address", required=False)
    person_phone = forms.CharField(label="Their telephone number", max_length=40, required=False)

    NEW_PERSON = ("existing_person", "person_name", "person_email", "person_phone")

    def owners_for(self, user):
        return boards_user_keeps_members_of(user)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in self.NEW_PERSON:
                self.fields.pop(name, None)
        else:
            partnerships = self.fields["board"].queryset.values("partnership")
            self.fields["existing_person"].queryset = people_on_boards(
                Board.objects.filter(partnership__in=partnerships)
            ).order_by("name")
        if "organisation" in self.fields:
            self.fields["organisation"] = forms.ModelChoiceField(
                queryset=Organisation.objects.all(),
                required=False,
                label="Organisation represented",
            )

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            existing, name = cleaned.get("existing_person"), (cleaned.get("person_name") or "")
            if existing and name.strip():
                raise ValidationError(
                    "Choose someone who already sits, or type a new person: not both."
                )
            if not existing and not name.strip():
                self.add_error(
                    "existing_person", "Choose who is joining, or type a new person's name."
                )
        return cleaned

    def _post_clean(self):
        if not self.instance.pk and not self.errors:
            existing = self.cleaned_data.get("existing_person")
            self.instance.person = existing or Person(
                name=self.cleaned_data["person_name"].strip(),
                email=self.cleaned_data.get("person_email") or "",
                phone=self.cleaned_data.get("person_phone") or "",
            )
        super()._post_clean()

    def save(self, commit=True):
        if self.instance.person_id is None and self.instance.person is not None:
            self.instance.person.save()
        return super().save(commit=commit)
