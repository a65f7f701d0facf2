from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from hub.admin_forms import became_withheld, discard_withheld_words
from hub.models import Person
from hub.services import erase_withheld_words
from iag.models import AdvisoryGroup
from iag.permissions import standing


def groups_user_runs(user):
    """The groups whose records this user keeps: the groups they chair (all, for a superuser)."""
    if user is not None and user.is_superuser:
        return AdvisoryGroup.objects.all()
    return AdvisoryGroup.objects.filter(pk__in=standing(user).chaired)


class GroupRecordForm(WagtailAdminModelForm):
    """A record that belongs to one group: offer only the groups the user runs, and never let an
    existing record move to another group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group_field = self.fields.get("group")
        if group_field is not None:
            group_field.queryset = groups_user_runs(self.for_user)
            if self.instance.pk:
                group_field.disabled = True
            elif group_field.queryset.count() == 1:
                group_field.initial = group_field.queryset.first()


class MembershipForm(GroupRecordForm):
    """Admit or update a member: the person's details are typed here, not picked from a list of
    everyone in London."""

    person_name = forms.CharField(label="Full name", max_length=200)
    person_email = forms.EmailField(label="E-mail address", required=False)
    person_phone = forms.CharField(label="Telephone number", max_length=40, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            person = self.instance.person
            self.initial.setdefault("person_name", person.name)
            self.initial.setdefault("person_email", person.email)
            self.initial.setdefault("person_phone", person.phone)

    def clean(self):
        cleaned = super().clean()
        person = self.instance.person if self.instance.person_id else Person()
        person.name = cleaned.get("person_name", person.name)
        person.email = cleaned.get("person_email", "")
        person.phone = cleaned.get("person_phone", "")
        self.instance.person = person
        return cleaned

    def save(self, commit=True):
        self.instance.person.save()
        return super().save(commit=commit)


class MeetingForm(GroupRecordForm):
    def __init__(self, data=None, *args, **kwargs):
        super().__init__(discard_withheld_words(data, "minute_items"), *args, **kwargs)

    def save(self, commit=True):
        withheld_now = became_withheld(self.formsets["minute_items"])
        meeting = super().save(commit=commit)
        for item in withheld_now:
            erase_withheld_words(item)
        return meeting
