"""Forms of the volunteers' records: each offers only what the user may act on (their own
boroughs' volunteers, the roles open in that borough), and leaves the rules to the services,
which say what they refuse on the field it concerns."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.db.models import Q

from hub.admin_forms import OwnedRecordForm
from hub.volunteering.admin_forms import managed_boroughs
from hub.volunteering.models import EmergencyContact, Volunteer, VolunteerSession
from hub.volunteering.models.volunteers import (
    RECEIPT_MAX_BYTES,
    RECEIPT_SIGNATURES,
    RECEIPT_TYPES_LABEL,
    validate_receipt,
)

# Sessions and claims are usually entered within days; a volunteer who left recently may still
# have some to enter, and a claim may rest on a session of the last few months.
RECENT_DAYS = 92


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class VolunteerForm(OwnedRecordForm):
    """A volunteer is recorded in a borough the user manages and stays there."""

    owner_field = "borough"

    def owners_for(self, user):
        return managed_boroughs(user)


class VolunteerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, volunteer):
        return f"{volunteer.name} ({volunteer.borough.name})"


def volunteers_of(user):
    return Volunteer.objects.filter(borough__in=managed_boroughs(user)).select_related("borough")


class EmergencyContactForm(forms.ModelForm):
    class Meta:
        model = EmergencyContact
        fields = ["name", "relationship", "phone"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"})}


class PlacementForm(forms.Form):
    role_profile = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label="Role",
        help_text="Only roles the borough's steering group has approved, whose risk assessment "
        "is within its yearly review.",
    )

    def __init__(self, *args, profiles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_profile"].queryset = profiles


class SessionForm(forms.Form):
    """The report form a volunteer completes after each session."""

    volunteer = VolunteerChoiceField(queryset=None)
    day = forms.DateField(label="Date", widget=date_input())
    starts_at = forms.TimeField(label="Started at", widget=time_input())
    ends_at = forms.TimeField(
        label="Ended at",
        widget=time_input(),
        help_text="A time before the start means the session ran past midnight. Hours count in "
        "the month they were given, and no month may pass 40 hours.",
    )
    notes = forms.CharField(
        label="What they did", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, today, **kwargs):
        super().__init__(*args, **kwargs)
        recently = today - datetime.timedelta(days=RECENT_DAYS)
        self.fields["volunteer"].queryset = volunteers_of(user).filter(
            Q(left_on__isnull=True) | Q(left_on__gte=recently), role_profile__isnull=False
        )


class ClaimForm(forms.Form):
    volunteer = VolunteerChoiceField(queryset=None)
    session = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Session (optional)",
        help_text="The session the expense was for, if it was for one.",
    )
    spent_on = forms.DateField(label="Date of the expense", widget=date_input())
    description = forms.CharField(
        max_length=300, help_text="For example “Bus fares to and from the station”."
    )
    amount = forms.DecimalField(
        label="Amount (£)", max_digits=7, decimal_places=2, min_value=Decimal("0.01")
    )
    receipt = forms.FileField(
        validators=[validate_receipt],
        help_text=f"A scan or photograph of the receipt: {RECEIPT_TYPES_LABEL}, at most "
        f"{RECEIPT_MAX_BYTES // (1024 * 1024)} MB.",
        widget=forms.FileInput(attrs={"accept": ",".join(RECEIPT_SIGNATURES)}),
        error_messages={"required": "Attach the receipt: every claim needs one."},
    )

    def __init__(self, *args, user, today, volunteer=None, **kwargs):
        super().__init__(*args, **kwargs)
        volunteers = volunteers_of(user)
        self.fields["volunteer"].queryset = volunteers
        sessions = VolunteerSession.objects.filter(
            volunteer__in=volunteers, day__gte=today - datetime.timedelta(days=RECENT_DAYS)
        ).select_related("volunteer")
        if volunteer is not None:
            sessions = sessions.filter(volunteer=volunteer)
        self.fields["session"].queryset = sessions


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve the claim"), ("refuse", "Refuse the claim")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when you refuse a claim.",
    )


MONTH_FORMAT = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_ERROR = "Enter a month as YYYY-MM, for example 2026-03."


class MonthForm(forms.Form):
    month = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
        help_text="As YYYY-MM.",
    )

    def clean_month(self):
        """``(year, month)``, or ``None`` when no month was asked for."""
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH_FORMAT.match(value)
        if not match:
            raise forms.ValidationError(MONTH_ERROR)
        year, month = int(match[1]), int(match[2])
        if not (1 <= month <= 12 and datetime.MINYEAR < year < datetime.MAXYEAR):
            raise forms.ValidationError(MONTH_ERROR)
        return (year, month)
