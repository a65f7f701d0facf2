"""Factories for the shared records and public pages.

Also the source of the demo data (``manage.py load_demo``), so that tests and demo data agree on
what a valid record looks like. Contact details are invented: telephone numbers come from the
ranges Ofcom keeps for drama (020 7946 0xxx) and e-mail addresses use example.org.
"""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from hub import models
from hub.enums import OrganisationKind

# Invented place-like names for organisations; combined with a kind of body below.
PLACES = [
    "Ashdown", "Brookfield", "Cedarvale", "Elmstead", "Fernhill", "Greystone", "Hollybank",
    "Larkrise", "Meadowside", "Northgate", "Oakridge", "Parkview", "Quayside", "Rosewell",
    "Southmere", "Thornbury", "Upton Vale", "Westbrook", "Willowdene", "Yarrow Fields",
]  # fmt: skip
BODIES = {
    OrganisationKind.YOUTH: ["Youth Club", "Young People's Project", "Youth Forum"],
    OrganisationKind.VOLUNTARY: ["Volunteer Centre", "Community Trust", "Advice Centre"],
    OrganisationKind.COMMUNITY: ["Residents' Association", "Community Association"],
    OrganisationKind.FAITH: ["Faith Forum", "Interfaith Network"],
    OrganisationKind.NETWORK: ["Voluntary Action Network"],
}


def drama_phone(n):
    """A London number from Ofcom's drama range, never a real line."""
    return f"020 7946 {n % 1000:04d}"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = models.User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")

    class Params:
        superuser = factory.Trait(is_staff=True, is_superuser=True)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = models.Person
        django_get_or_create = ("name",)

    name = factory.Faker("name", locale="en_GB")
    email = factory.LazyAttribute(lambda p: f"{slugify(p.name).replace('-', '.')}@example.org")
    phone = factory.Sequence(drama_phone)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = models.Organisation
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    # A sequence, not an Iterator, so that reset_sequence() makes the demo data repeatable.
    kind = factory.Sequence(lambda n: list(BODIES)[n % len(BODIES)])
    name = factory.LazyAttributeSequence(
        lambda o, n: f"{PLACES[n % len(PLACES)]} {BODIES[o.kind][n % len(BODIES[o.kind])]}"
    )
    description = factory.Faker("sentence", nb_words=12, locale="en_GB")
    website = factory.LazyAttribute(lambda o: f"https://{slugify(o.name)}.example.org/")

    @factory.post_generation
    def boroughs(self, create, extracted, **kwargs):
        if create and extracted:
            self.boroughs.set(extracted)


class GlossaryTermFactory(DjangoModelFactory):
    class Meta:
        model = models.GlossaryTerm
        django_get_or_create = ("acronym",)

    acronym = factory.Sequence(lambda n: f"TST{n}")
    expansion = factory.Faker("catch_phrase", locale="en_GB")
    explanation = factory.Faker("sentence", locale="en_GB")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."


class FAQPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.FAQPage

    title = factory.Sequence(lambda n: f"Questions {n}")
    body = factory.LazyFunction(
        lambda: [
            (
                "question_answer",
                {
                    "question": "Is this a question?",
                    "answer": "<p>Yes, and this is the answer.</p>",
                },
            )
        ]
    )


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.NewsIndexPage

    title = "News"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.NewsPage

    title = factory.Sequence(lambda n: f"News item {n}")
    intro = "What happened."
    date = factory.Faker("date_between", start_date="-2y", end_date="today")


class GlossaryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.GlossaryPage

    title = "Jargon buster"
