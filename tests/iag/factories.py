"""Factories for IAG records, with traits for the states the principles care about.

Also the source of the IAG demo data (``iag/demo.py``).
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.enums import MinuteItemKind
from hub.models import Borough
from iag import models
from iag.enums import BoroughConnection, MeetingKind, MemberRole, PoliceRank
from iag.rules import quarter_of
from tests.hub.factories import PersonFactory


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


class AdvisoryGroupFactory(DjangoModelFactory):
    class Meta:
        model = models.AdvisoryGroup
        django_get_or_create = ("borough",)

    borough = factory.Iterator(Borough.objects.filter(policed_by_mps=True))
    police_lead = factory.SubFactory(PersonFactory)
    police_lead_rank = PoliceRank.SUPERINTENDENT
    escalation_point_name = factory.Faker("name", locale="en_GB")
    escalation_point_role = "Commander, Territorial Policing"
    differs_from_other_groups = (
        "The IAG gives the police independent advice on community confidence. It is not the "
        "Safer Neighbourhood Board, which sets local policing priorities with residents."
    )
    terms_of_reference = (
        "<p>The group advises the borough's police on how their work affects communities.</p>"
    )
    induction_prologue = "<p>We meet in the evening and welcome newcomers.</p>"
    we_can_help_you_with = "Understanding how the police plan operations and respond to incidents."
    you_can_help_us_with = "Understanding the borough's communities and what worries them."
    created_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=730))


class MembershipFactory(DjangoModelFactory):
    """An active member with both agreements signed a month ago."""

    class Meta:
        model = models.Membership

    group = factory.SubFactory(AdvisoryGroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = MemberRole.MEMBER
    connection = factory.Iterator(BoroughConnection.values)
    joined_on = factory.LazyFunction(lambda: days_ago(400))
    confidentiality_agreement_signed_on = factory.LazyFunction(lambda: days_ago(30))
    information_sharing_agreement_signed_on = factory.LazyFunction(lambda: days_ago(30))

    class Params:
        chair = factory.Trait(
            role=MemberRole.CHAIR,
            vetted_on=factory.LazyFunction(lambda: days_ago(300)),
            official_secrets_act_signed_on=factory.LazyFunction(lambda: days_ago(300)),
            publish_name=True,
        )
        risk_assessed_chair = factory.Trait(
            role=MemberRole.CHAIR,
            risk_assessment_on=factory.LazyFunction(lambda: days_ago(200)),
            risk_assessment_by="Borough Commander",
        )
        unsigned = factory.Trait(
            confidentiality_agreement_signed_on=None,
            information_sharing_agreement_signed_on=None,
        )


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = models.Meeting

    group = factory.SubFactory(AdvisoryGroupFactory)
    kind = MeetingKind.FULL
    date = factory.LazyFunction(lambda: days_ago(20))
    place = "Borough police station, community room"
    agenda = "1. Welcome\n2. Borough update from the police lead\n3. Community concerns"


class MinuteItemFactory(DjangoModelFactory):
    class Meta:
        model = models.MinuteItem

    meeting = factory.SubFactory(MeetingFactory)
    kind = MinuteItemKind.ORDINARY
    title = factory.Sequence(lambda n: f"Item {n}")
    text = factory.Faker("paragraph", locale="en_GB")
    sort_order = factory.Sequence(lambda n: n)

    class Params:
        withheld = factory.Trait(
            kind=MinuteItemKind.CONFIDENTIAL,
            title="",
            text="",
            withheld_at_request_of="The police lead",
        )


class AdviceResponseFactory(DjangoModelFactory):
    class Meta:
        model = models.AdviceResponse

    outcome = "followed"
    decision = factory.LazyAttribute(
        lambda r: "" if r.outcome == "pending" else "What the police decided."
    )
    reasons = factory.LazyAttribute(
        lambda r: (
            "Why it was not followed in full."
            if r.outcome in ("partly_followed", "not_followed")
            else ""
        )
    )
    responded_at = factory.LazyFunction(timezone.now)


class AdviceFactory(DjangoModelFactory):
    """Advice given 10 days ago, due in 28 days, with no response yet.

    Traits give it a response: ``followed``, ``partly_followed``, ``not_followed``, ``pending``
    (or pass ``outcome="followed"``); ``overdue`` makes it 40 days old.
    """

    class Meta:
        model = models.Advice
        skip_postgeneration_save = True

    group = factory.SubFactory(AdvisoryGroupFactory)
    given_on = factory.LazyFunction(lambda: days_ago(10))
    subject = factory.Sequence(lambda n: f"Advice subject {n}")
    category = "operation"
    advice = "Tell the community before the operation, not after it."
    response_due_on = factory.LazyAttribute(lambda a: a.given_on + datetime.timedelta(days=28))
    response = factory.Maybe(
        "outcome",
        yes_declaration=factory.RelatedFactory(
            AdviceResponseFactory, factory_related_name="advice",
            outcome=factory.SelfAttribute("..outcome"),
        ),
        no_declaration=None,
    )  # fmt: skip

    class Params:
        outcome = None
        overdue = factory.Trait(given_on=factory.LazyFunction(lambda: days_ago(40)))
        followed = factory.Trait(outcome="followed")
        partly_followed = factory.Trait(outcome="partly_followed")
        not_followed = factory.Trait(outcome="not_followed")
        pending = factory.Trait(outcome="pending")


class QuarterlyFeedbackFactory(DjangoModelFactory):
    class Meta:
        model = models.QuarterlyFeedback

    group = None
    year = factory.LazyFunction(lambda: quarter_of(days_ago(100)).year)
    quarter = factory.LazyFunction(lambda: quarter_of(days_ago(100)).number)
    summary = "What the police did this quarter."
