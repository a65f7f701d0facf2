from django import forms

from hub.admin_forms import MinutesFormMixin, OwnedRecordForm
from hub.models import Person
from iag.models import AdvisoryGroup, Meeting
from iag.permissions import standing


def groups_user_runs(user):
    """The groups whose records this user keeps: the groups they chair (all, for a superuser)."""
    if user is not None and user.is_superuser:
        return AdvisoryGroup.objects.all()
    return AdvisoryGroup.objects.filter(pk__in=standing(user).chaired)


class GroupRecordForm(OwnedRecordForm):
    """A record that belongs to one group: offered only the groups the user runs."""

    owner_field = "group"

    def owners_for(self, user):
        return groups_user_runs(user)


PERSON_FIELDS = {"person_name": "name", "person_email": "email", "person_phone": "phone"}


def person_is_shared(person, user):
    """A person this chair's form must not rename: someone with their own login, a police lead,
    or a member of a group the chair does not chair. Their details are kept centrally."""
    if user is None or user.is_superuser:
        return False
    return (
        (person.user_id is not None and person.user_id != user.pk)
        or person.led_advisory_groups.exists()
        or person.iag_memberships.active().exclude(group__in=standing(user).chaired).exists()
    )


class MembershipForm(GroupRecordForm):
    """Admit or update a member: the person's details are typed here, not picked from a list of
    everyone in London. (The central team's form has none of these fields, only vetting.)"""

    person_name = forms.CharField(label="Full name", max_length=200)
    person_email = forms.EmailField(label="E-mail address", required=False)
    person_phone = forms.CharField(label="Telephone number", max_length=40, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.keeps_person = "person_name" in self.fields
        if self.keeps_person and self.instance.pk:
            person = self.instance.person
            for field, attribute in PERSON_FIELDS.items():
                self.initial.setdefault(field, getattr(person, attribute))
            if person_is_shared(person, self.for_user):
                for field in PERSON_FIELDS:
                    self.fields[field].disabled = True
                self.fields["person_name"].help_text = (
                    "This person's details are kept by the central team: they also sit "
                    "elsewhere or have their own login."
                )

    def clean(self):
        cleaned = super().clean()
        if self.keeps_person:
            person = self.instance.person if self.instance.person_id else Person()
            for field, attribute in PERSON_FIELDS.items():
                setattr(person, attribute, cleaned.get(field, getattr(person, attribute)) or "")
            self.instance.person = person
        return cleaned

    def save(self, commit=True):
        if self.keeps_person and not self.fields["person_name"].disabled:
            self.instance.person.save()
        return super().save(commit=commit)


class MeetingForm(MinutesFormMixin, GroupRecordForm):
    pass


class AdviceForm(GroupRecordForm):
    """Advice for one of the chair's groups, given at one of its meetings (or at none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "meeting" in self.fields:
            self.fields["meeting"].queryset = Meeting.objects.filter(
                group__in=self.fields["group"].queryset
            ).select_related("group__borough")
