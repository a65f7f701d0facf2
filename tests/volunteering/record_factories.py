"""Factories for volunteers' records (placements, sessions, expense claims) and their receipts.
Everyone is invented; phone numbers come from Ofcom's drama range."""

import datetime

import factory
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from factory.django import DjangoModelFactory

from hub.volunteering import models, rules
from hub.volunteering.models.volunteers import month_key
from tests.volunteering.factories import RoleProfileFactory, VolunteerFactory, days_ago

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def receipts_in(location):
    """Keep receipts under ``location`` (a test's ``tmp_path``), never in the real folder."""
    storages = {
        **settings.STORAGES,
        "receipts": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(location), "base_url": None},
        },
    }
    return override_settings(STORAGES=storages)


def receipt(name="receipt.pdf", content=PDF, size=None):
    """An uploaded file; ``size`` pads it to that many bytes."""
    if size is not None:
        content = content + b"\x00" * (size - len(content))
    return SimpleUploadedFile(name, content)


class PlacedVolunteerFactory(VolunteerFactory):
    """Eligible, every step done, placed three months ago in an approved role of their
    borough."""

    role_profile = factory.SubFactory(
        RoleProfileFactory, approved=True, borough=factory.SelfAttribute("..borough")
    )
    placed_on = factory.LazyFunction(lambda: days_ago(90))


def session_fields(day, starts_at, ends_at, subsidy=rules.MEAL_SUBSIDY_MAXIMUM):
    minutes = rules.session_minutes(day, starts_at, ends_at)
    split = rules.minutes_by_month(day, starts_at, ends_at)
    return {
        "minutes": minutes,
        "month_minutes": {month_key(*month): given for month, given in split.items()},
        "meal_subsidy": rules.meal_subsidy(minutes, subsidy),
    }


class VolunteerSessionFactory(DjangoModelFactory):
    """A session stored directly (no cap check), for screens and the report; tests of the rules
    record sessions through the service."""

    class Meta:
        model = models.VolunteerSession

    volunteer = factory.SubFactory(PlacedVolunteerFactory)
    role_profile = factory.SelfAttribute("volunteer.role_profile")
    day = factory.LazyFunction(lambda: days_ago(1))
    starts_at = datetime.time(9, 0)
    ends_at = datetime.time(13, 0)
    notes = "Edited the ward newsletter."

    @factory.lazy_attribute
    def minutes(self):
        return session_fields(self.day, self.starts_at, self.ends_at)["minutes"]

    @factory.lazy_attribute
    def month_minutes(self):
        return session_fields(self.day, self.starts_at, self.ends_at)["month_minutes"]

    @factory.lazy_attribute
    def meal_subsidy(self):
        return session_fields(self.day, self.starts_at, self.ends_at)["meal_subsidy"]


class ExpenseClaimFactory(DjangoModelFactory):
    """A submitted claim with a PDF receipt (use inside ``receipts_in``)."""

    class Meta:
        model = models.ExpenseClaim

    volunteer = factory.SubFactory(PlacedVolunteerFactory)
    spent_on = factory.LazyFunction(lambda: days_ago(2))
    description = "Bus fares to and from the station"
    amount = "4.80"
    receipt = factory.django.FileField(filename="receipt.pdf", data=PDF)
