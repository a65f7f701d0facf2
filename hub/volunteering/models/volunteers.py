"""Volunteers, the steps before they may start, their placement in a role, the sessions they
give and the expenses they claim. Decided records: django-simple-history, except emergency
contact details, which are personal data kept apart without history (DESIGN, Confidentiality)."""

import datetime
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, IntegerField, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from hub.volunteering import rules
from hub.volunteering.enums import ClaimStatus, Step

# Where each step's date is kept on a volunteer.
STEP_FIELDS = {
    Step.SECURITY_CLEARANCE: "security_cleared_on",
    Step.REFERENCES: "second_reference_on",
    Step.INTERVIEW: "interviewed_on",
    Step.INDUCTION: "inducted_on",
    Step.MANUAL_HANDLING: "manual_handling_on",
    Step.EMERGENCY_LIFE_SAVING: "emergency_life_saving_on",
    Step.ROLE_TRAINING: "role_trained_on",
}


def step_date(label):
    return models.DateField(label, null=True, blank=True)


class Volunteer(models.Model):
    borough = models.ForeignKey("hub.Borough", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("full name", max_length=200)
    born_on = models.DateField("date of birth")
    resident_since = models.DateField(
        "resident in the UK since",
        help_text="The programme is open to anyone over 18 who has been a UK resident for at "
        "least three years.",
    )
    security_cleared_on = step_date("security cleared on")
    first_reference_on = step_date("first professional reference received on")
    second_reference_on = step_date("second professional reference received on")
    interviewed_on = step_date("interviewed on")
    inducted_on = step_date("induction (including health and safety) on")
    manual_handling_on = step_date("manual handling training on")
    emergency_life_saving_on = step_date("emergency life saving training on")
    role_trained_on = step_date("role training on")

    role_profile = models.ForeignKey(
        "volunteering.RoleProfile",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="volunteers",
    )
    placed_on = models.DateField(null=True, blank=True, editable=False)
    left_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    panels = [
        FieldPanel("borough"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("born_on"), FieldPanel("resident_since")]),
        MultiFieldPanel(
            [
                FieldPanel("security_cleared_on"),
                FieldRowPanel(
                    [FieldPanel("first_reference_on"), FieldPanel("second_reference_on")]
                ),
                FieldPanel("interviewed_on"),
                FieldPanel("inducted_on"),
                FieldRowPanel(
                    [FieldPanel("manual_handling_on"), FieldPanel("emergency_life_saving_on")]
                ),
                FieldPanel("role_trained_on"),
            ],
            heading="Before they start",
        ),
        FieldPanel("left_on"),
    ]

    class Meta:
        ordering = ["borough__name", "name"]
        permissions = [
            ("place_volunteer", "Can place a volunteer in a role"),
            ("view_emergency_contact", "Can see volunteers' emergency contact details"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_placed(self):
        """In a role and still volunteering: sessions may be recorded."""
        return self.role_profile_id is not None and self.left_on is None

    def eligibility_problems(self, today=None):
        return rules.eligibility_problems(
            self.born_on, self.resident_since, today or timezone.localdate()
        )

    def step_done(self, step) -> bool:
        if step == Step.REFERENCES:
            return bool(self.first_reference_on and self.second_reference_on)
        return bool(getattr(self, STEP_FIELDS[step]))

    def steps_for(self, profile):
        """``(step, done)`` for every step the role needs."""
        needed = profile.required_steps if profile else rules.required_steps(False, False)
        return [(Step(step), self.step_done(step)) for step in needed]

    def placement_problems(self, profile, today=None):
        """Why this volunteer cannot be placed in ``profile`` today, if they cannot."""
        today = today or timezone.localdate()
        problems = list(self.eligibility_problems(today))
        if self.left_on:
            problems.append("The volunteer has left the programme.")
        if profile.borough_id != self.borough_id:
            problems.append("The role is in another borough.")
        if not profile.live:
            problems.append("The role profile has not been approved by the steering group.")
        elif profile.review_overdue(today):
            problems.append(
                "The role's risk assessment is past its yearly review: it cannot take new "
                "volunteers until it is reviewed."
            )
        missing = [step.label for step, done in self.steps_for(profile) if not done]
        if missing:
            problems.append("Not yet done: " + "; ".join(missing) + ".")
        return problems

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        for name in ["born_on", "resident_since", *STEP_FIELDS.values(), "first_reference_on"]:
            value = getattr(self, name)
            if value and value > today:
                errors[name] = "This date cannot be in the future."
        if self.born_on and self.resident_since and self.resident_since < self.born_on:
            errors["resident_since"] = "They cannot have been resident before they were born."
        if self.born_on and self.resident_since and "born_on" not in errors:
            for problem in self.eligibility_problems(today):
                field = "born_on" if "18" in problem else "resident_since"
                errors.setdefault(field, problem)
        if errors:
            raise ValidationError(errors)


class EmergencyContact(models.Model):
    """Personal data, seen only by the borough's volunteer programme manager; no history, so
    that a correction or removal leaves no copy behind."""

    volunteer = models.OneToOneField(
        Volunteer, on_delete=models.CASCADE, related_name="emergency_contact"
    )
    name = models.CharField("contact's name", max_length=200)
    relationship = models.CharField(max_length=100, blank=True)
    phone = models.CharField("telephone number", max_length=40)

    panels = [FieldPanel("name"), FieldPanel("relationship"), FieldPanel("phone")]

    def __str__(self):
        return f"Emergency contact for {self.volunteer}"


class VolunteerSessionQuerySet(models.QuerySet):
    def touching_month(self, year, month):
        """Sessions that gave any minutes in that month (one that ran past midnight into it
        included)."""
        return self.filter(month_minutes__has_key=month_key(year, month))

    def touching_months(self, months):
        condition = Q(pk__in=[])
        for year, month in months:
            condition |= Q(month_minutes__has_key=month_key(year, month))
        return self.filter(condition)

    def minutes_by_month(self, volunteer, months):
        """``{(year, month): minutes}`` already given by ``volunteer`` in those months."""
        totals = dict.fromkeys(months, 0)
        rows = (
            self.filter(volunteer=volunteer)
            .touching_months(totals)
            .values_list("month_minutes", flat=True)
        )
        for split in rows:
            for key, minutes in split.items():
                month = parse_month_key(key)
                if month in totals:
                    totals[month] += minutes
        return totals

    def _in_month(self, year, month):
        """Minutes given in that month, for each session (0 for a session that gave none)."""
        return Coalesce(Cast(KT(f"month_minutes__{month_key(year, month)}"), IntegerField()), 0)

    def month_totals_by_borough(self, year, month):
        """One row per borough: the minutes given in the month, and the sessions that started
        in it with their meal subsidies (a subsidy is due for the day the session began)."""
        started = Q(day__year=year, day__month=month)
        return (
            self.touching_month(year, month)
            .order_by()
            .values("volunteer__borough_id")
            .annotate(
                minutes=Sum(self._in_month(year, month)),
                sessions=Count("pk", filter=started),
                subsidies=Count("pk", filter=started & Q(meal_subsidy__gt=0)),
                subsidy_total=Sum("meal_subsidy", filter=started),
            )
        )

    def month_totals_by_volunteer(self, year, month):
        """One row per volunteer who gave time in the month, with the minutes given."""
        return (
            self.touching_month(year, month)
            .order_by()
            .values("volunteer_id", "volunteer__name", "volunteer__borough_id")
            .annotate(minutes=Sum(self._in_month(year, month)))
        )


class VolunteerSession(models.Model):
    """The report form a volunteer completes after each session (GUIDE: "this needs to be
    completed by the volunteer after each session of volunteering")."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="sessions")
    role_profile = models.ForeignKey(
        "volunteering.RoleProfile", on_delete=models.PROTECT, related_name="sessions"
    )
    day = models.DateField("date")
    starts_at = models.TimeField("started at")
    ends_at = models.TimeField(
        "ended at", help_text="A time before the start means the session ran past midnight."
    )
    notes = models.TextField("what they did", blank=True)
    minutes = models.PositiveIntegerField(editable=False)
    # {"2026-01": 120, "2026-02": 120}: the minutes given in each calendar month.
    month_minutes = models.JSONField(default=dict, editable=False)
    meal_subsidy = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal("0.00"), editable=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = VolunteerSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-starts_at"]
        verbose_name = "volunteering session"
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gt=0), name="volunteering_sessions_last_some_time"
            ),
        ]

    def __str__(self):
        return f"{self.volunteer}, {self.day:%-d %B %Y} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def hours(self):
        return rules.hours_label(self.minutes)


class ConfiguredStorage(Storage):
    """The storage configured as ``STORAGES[alias]``, looked up each time it is used.

    A model field's storage is otherwise built once, when the model is defined, so a change of
    ``STORAGES`` (another location in a deployment's settings, or a test's override) would
    never reach it, and receipts could be written somewhere nobody meant them to go."""

    def __init__(self, alias):
        self.alias = alias

    @property
    def backend(self):
        return storages[self.alias]

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def get_valid_name(self, name):
        return self.backend.get_valid_name(name)

    def get_alternative_name(self, file_root, file_ext):
        return self.backend.get_alternative_name(file_root, file_ext)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def path(self, name):
        return self.backend.path(name)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        return self.backend.size(name)

    def url(self, name):
        return self.backend.url(name)

    def get_accessed_time(self, name):
        return self.backend.get_accessed_time(name)

    def get_created_time(self, name):
        return self.backend.get_created_time(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)


def receipts_storage():
    """Private: outside MEDIA_ROOT, with no URL; served only after a permission check."""
    return ConfiguredStorage("receipts")


# SoE: expenses "must be supported by receipts". A scan or a photograph of one.
RECEIPT_MAX_BYTES = 5 * 1024 * 1024
# Each allowed extension, with how such a file begins (so a renamed file is refused too).
RECEIPT_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
RECEIPT_CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
RECEIPT_TYPES_LABEL = "a PDF, JPG or PNG file"


def receipt_extension(name):
    return PurePath(name or "").suffix.lower()


def validate_receipt(value):
    """A receipt is a PDF, JPG or PNG of at most 5 MB whose contents are what its name says.
    Checked on upload; a receipt already stored is not read again."""
    if not value or getattr(value, "_committed", False):
        return
    extension = receipt_extension(value.name)
    if extension not in RECEIPT_SIGNATURES:
        raise ValidationError(
            f"Upload the receipt as {RECEIPT_TYPES_LABEL}: “{PurePath(value.name).name}” is not "
            "one.",
            code="receipt_type",
        )
    size = value.size
    if not size:
        raise ValidationError("The file is empty: choose the receipt again.", code="empty")
    if size > RECEIPT_MAX_BYTES:
        raise ValidationError(
            f"The file is {size / (1024 * 1024):.1f} MB: a receipt may be at most "
            f"{RECEIPT_MAX_BYTES // (1024 * 1024)} MB. Scan or photograph it at a lower "
            "resolution.",
            code="receipt_size",
        )
    file = getattr(value, "file", value)
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    if not head.startswith(RECEIPT_SIGNATURES[extension]):
        raise ValidationError(
            f"The file is called “{PurePath(value.name).name}” but is not a "
            f"{extension.lstrip('.').upper()}: upload the receipt as {RECEIPT_TYPES_LABEL}.",
            code="receipt_contents",
        )


class ExpenseClaim(models.Model):
    """SoE: "Reimburse previously agreed out-of-pocket expenses which must be supported by
    receipts." GUIDE: "Please never sign off a volunteer's expenses ... refer this back to the
    MVPM for approval." Only the borough's programme manager decides a claim."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="claims")
    session = models.ForeignKey(
        VolunteerSession, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    spent_on = models.DateField("date of the expense")
    description = models.CharField(
        max_length=300, help_text="For example “Bus fares to and from the station”."
    )
    amount = models.DecimalField(
        "amount (£)",
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    receipt = models.FileField(
        upload_to="receipts/%Y/%m/",
        storage=receipts_storage,
        validators=[validate_receipt],
        help_text=f"A scan or photograph of the receipt: {RECEIPT_TYPES_LABEL}, at most "
        f"{RECEIPT_MAX_BYTES // (1024 * 1024)} MB.",
    )
    status = models.CharField(
        max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED, editable=False
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    reason = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["receipt"])

    class Meta:
        ordering = ["-spent_on"]
        permissions = [("decide_expenseclaim", "Can approve or refuse expense claims")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ClaimStatus.REFUSED) | ~Q(reason=""),
                name="volunteering_refused_claims_give_a_reason",
                violation_error_message="Say why the claim is refused.",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer}: £{self.amount} on {self.spent_on:%-d %B %Y}"

    @property
    def is_decided(self):
        return self.status != ClaimStatus.SUBMITTED

    @property
    def receipt_filename(self):
        """What the download is called: nothing of the uploader's own file name."""
        return f"receipt-{self.pk}{receipt_extension(self.receipt.name)}"

    @property
    def receipt_content_type(self):
        return RECEIPT_CONTENT_TYPES.get(
            receipt_extension(self.receipt.name), "application/octet-stream"
        )

    def clean(self):
        super().clean()
        if self.spent_on and self.spent_on > timezone.localdate():
            raise ValidationError({"spent_on": "The date of the expense cannot be in the future."})
        if self.session_id and self.volunteer_id and self.session.volunteer_id != self.volunteer_id:
            raise ValidationError({"session": "That session was given by another volunteer."})


def month_key(year, month):
    """The key of a month in ``VolunteerSession.month_minutes``: "2026-03"."""
    return f"{year}-{month:02d}"


def parse_month_key(key):
    year, month = (int(part) for part in key.split("-"))
    return (year, month)


def month_of(day: datetime.date):
    return (day.year, day.month)
