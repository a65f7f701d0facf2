"""Admin forms for the steering groups and role profiles: each offers only the boroughs (or
groups) the user keeps, and never lets a record move to another borough."""

from django import forms

from hub.admin_forms import OwnedRecordForm
from hub.models import Borough
from hub.volunteering import rules


def managed_boroughs(user):
    from hub.volunteering.permissions import standing

    s = standing(user)
    if s.is_superuser:
        return Borough.objects.all()
    return Borough.objects.filter(pk__in=s.managed_boroughs)


class RoleProfileForm(OwnedRecordForm):
    """A profile is drafted for a borough its author manages. The job-substitution test is
    yes/no radios, with no third "unknown" choice offered."""

    owner_field = "borough"

    def owners_for(self, user):
        return managed_boroughs(user)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.for_user is not None:
            self.instance.drafted_by = self.for_user  # (not a form field: cannot be posted)
        for name in rules.SUBSTITUTION_QUESTIONS:
            field = self.fields.get(name)
            if field is not None:
                field.choices = [(True, "Yes"), (False, "No")]
                field.widget = forms.RadioSelect(choices=field.choices)


class SteeringGroupForm(OwnedRecordForm):
    """The central team sets up a borough's group; its programme manager keeps it after."""

    owner_field = "borough"

    def owners_for(self, user):
        from hub.volunteering.permissions import standing

        if standing(user).sees_everything:
            return Borough.objects.all()
        return managed_boroughs(user)


class SteeringGroupMemberForm(OwnedRecordForm):
    owner_field = "group"

    def owners_for(self, user):
        from hub.volunteering.models import SteeringGroup
        from hub.volunteering.permissions import standing

        if standing(user).sees_everything:
            return SteeringGroup.objects.all()
        return SteeringGroup.objects.filter(borough__in=standing(user).managed_boroughs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        deputy_for = self.fields.get("deputy_for")
        if deputy_for is not None:
            groups = self.fields["group"].queryset
            deputy_for.queryset = deputy_for.queryset.filter(
                group__in=groups, deputy_for__isnull=True, left_on__isnull=True
            )
