"""Factories for the volunteer programme, with traits for its states. Everyone is invented."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.models import Borough
from hub.volunteering import models
from hub.volunteering.enums import Responsibility
from tests.hub.factories import PersonFactory, drama_phone


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def borough(name):
    return Borough.objects.get(name=name)


class SteeringGroupFactory(DjangoModelFactory):
    class Meta:
        model = models.SteeringGroup
        django_get_or_create = ("borough",)

    borough = factory.LazyFunction(lambda: borough("Islington"))
    purpose = "<p>To support the borough volunteer programme manager.</p>"
    terms_of_reference = "<ul><li>To consider and approve all volunteer roles.</li></ul>"


class SteeringGroupMemberFactory(DjangoModelFactory):
    class Meta:
        model = models.SteeringGroupMember

    group = factory.SubFactory(SteeringGroupFactory)
    person = factory.SubFactory(PersonFactory)
    responsibility = Responsibility.UNION_REP
    joined_on = factory.LazyFunction(lambda: days_ago(400))


class RoleProfileFactory(DjangoModelFactory):
    """A draft profile that passes the substitution test and was risk assessed last month."""

    class Meta:
        model = models.RoleProfile

    borough = factory.LazyFunction(lambda: borough("Islington"))
    unit = "Safer Neighbourhoods"
    title = factory.Sequence(lambda n: f"Ward newsletter editor {n}")
    purpose = "To produce the ward newsletter so that residents hear what their team is doing."
    tasks = "Collect news from the team\nEdit the newsletter\nSend it to subscribers"
    training = "The unit's newsletter template and house style."
    skills = "Good written English."
    time_commitment = "4 hours once a fortnight"
    risk_assessed_on = factory.LazyFunction(lambda: days_ago(30))
    risk_assessed_by = "Borough volunteer programme manager"
    risk_findings = "Office work; no lone working."
    legal_obligation = False
    paid_overtime = False
    in_job_description = False

    class Params:
        approved = factory.Trait(live=True)
        past_review = factory.Trait(risk_assessed_on=factory.LazyFunction(lambda: days_ago(400)))


class VolunteerFactory(DjangoModelFactory):
    """Eligible, with every step before starting done (manual handling and emergency life
    saving too), not yet placed."""

    class Meta:
        model = models.Volunteer

    borough = factory.LazyFunction(lambda: borough("Islington"))
    name = factory.Faker("name", locale="en_GB")
    born_on = factory.LazyFunction(lambda: days_ago(365 * 40))
    resident_since = factory.LazyFunction(lambda: days_ago(365 * 20))
    security_cleared_on = factory.LazyFunction(lambda: days_ago(60))
    first_reference_on = factory.LazyFunction(lambda: days_ago(55))
    second_reference_on = factory.LazyFunction(lambda: days_ago(50))
    interviewed_on = factory.LazyFunction(lambda: days_ago(45))
    inducted_on = factory.LazyFunction(lambda: days_ago(40))
    manual_handling_on = factory.LazyFunction(lambda: days_ago(40))
    emergency_life_saving_on = factory.LazyFunction(lambda: days_ago(40))
    role_trained_on = factory.LazyFunction(lambda: days_ago(35))

    class Params:
        not_started = factory.Trait(
            security_cleared_on=None,
            first_reference_on=None,
            second_reference_on=None,
            interviewed_on=None,
            inducted_on=None,
            manual_handling_on=None,
            emergency_life_saving_on=None,
            role_trained_on=None,
        )


class EmergencyContactFactory(DjangoModelFactory):
    class Meta:
        model = models.EmergencyContact

    volunteer = factory.SubFactory(VolunteerFactory)
    name = factory.Faker("name", locale="en_GB")
    relationship = "Sister"
    phone = factory.Sequence(drama_phone)
