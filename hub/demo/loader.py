"""Demo content for the hub's shared core: the public page tree, glossary, people, logins.

Idempotent: records are found by a natural key (slug, acronym, name, username) and created only
when missing, so running it again changes nothing and never overwrites an editor's changes.
"""

import datetime
from dataclasses import dataclass

import factory.random
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from hub.demo.content import (
    faq,
    glossary,
    information_update,
    site_pages,
    statement_of_expectation,
    steering_group,
    unit_guide,
    volunteer_programme,
)
from hub.models import (
    Borough,
    FAQPage,
    GlossaryPage,
    GlossaryTerm,
    HomePage,
    HubSettings,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

DEMO_SEED = 20071001
DEMO_PASSWORD = "hub-demo-password"  # noqa: S105 - demo logins only; refused in production
DEMO_PEOPLE = 24
DEMO_ORGANISATIONS = 16
DEMO_CONTACT_EMAIL = "mvp-central-team@example.org"
DEMO_CONTACT_PHONE = "020 7946 0000"  # Ofcom's drama range: not a real line.


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    is_superuser: bool = False


@dataclass
class DemoSummary:
    lines: list[str]
    logins: list[DemoLogin]


ADMIN_LOGIN = DemoLogin("admin", "Administrator (every permission)", is_superuser=True)


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).first()


def ensure_page(parent, page_class, spec, **extra):
    """The child of ``parent`` with ``spec['slug']``, created and published if missing."""
    existing = child_by_slug(parent, spec["slug"])
    if existing is not None:
        return existing.specific, False
    fields = {key: value for key, value in spec.items() if key not in {"date"}}
    if "date" in spec:
        fields["date"] = datetime.date.fromisoformat(spec["date"])
    page = page_class(**fields, **extra)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load_pages(home):
    created = 0
    section, new = ensure_page(home, StandardPage, volunteer_programme.PAGE, show_in_menus=True)
    created += new
    for page_class, spec in [
        (FAQPage, faq.PAGE),
        (StandardPage, unit_guide.PAGE),
        (StandardPage, statement_of_expectation.PAGE),
        (StandardPage, steering_group.PAGE),
    ]:
        created += ensure_page(section, page_class, spec)[1]

    news, new = ensure_page(home, NewsIndexPage, site_pages.NEWS_INDEX, show_in_menus=True)
    created += new
    created += ensure_page(news, NewsPage, information_update.PAGE)[1]

    created += ensure_page(home, GlossaryPage, site_pages.GLOSSARY, show_in_menus=True)[1]
    accessibility, new = ensure_page(home, StandardPage, site_pages.ACCESSIBILITY)
    created += new
    privacy, new = ensure_page(home, StandardPage, site_pages.PRIVACY)
    created += new
    return created, accessibility, privacy


def load_site_settings(site, accessibility, privacy):
    hub_settings = HubSettings.for_site(site)
    hub_settings.contact_email = hub_settings.contact_email or DEMO_CONTACT_EMAIL
    hub_settings.contact_phone = hub_settings.contact_phone or DEMO_CONTACT_PHONE
    hub_settings.accessibility_page = hub_settings.accessibility_page or accessibility
    hub_settings.privacy_page = hub_settings.privacy_page or privacy
    hub_settings.save()


def load_glossary():
    created = 0
    for acronym, expansion, explanation in glossary.TERMS:
        _, new = GlossaryTerm.objects.get_or_create(
            acronym=acronym, defaults={"expansion": expansion, "explanation": explanation}
        )
        created += new
    return created


def load_directory():
    """Invented people and organisations; the fixed seed makes the same ones every time."""
    from tests.hub.factories import OrganisationFactory, PersonFactory

    factory.random.reseed_random(DEMO_SEED)
    PersonFactory.reset_sequence(0)
    OrganisationFactory.reset_sequence(0)
    boroughs = list(Borough.objects.policed_by_mps())
    people = PersonFactory.create_batch(DEMO_PEOPLE)
    organisations = [
        OrganisationFactory(boroughs=boroughs[i % len(boroughs) : i % len(boroughs) + 2])
        for i in range(DEMO_ORGANISATIONS)
    ]
    return people, organisations


def ensure_login(login: DemoLogin, roles=(), person=None):
    """The demo user for ``login``, in the given roles and linked to ``person`` if given."""
    user, created = get_user_model().objects.get_or_create(
        username=login.username,
        defaults={
            "email": f"{login.username}@example.org",
            "is_staff": True,
            "is_superuser": login.is_superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    for role in roles:
        user.groups.add(Group.objects.get(name=role.value))
    if person is not None and person.user_id != user.pk:
        person.user = user
        person.save()
    return user


def home_page():
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the hub's home page.")
    return home


def load(**options):
    """The shared core's demo content; other apps add theirs in their own ``demo.py``."""
    home = home_page()
    pages_created, accessibility, privacy = load_pages(home)
    load_site_settings(Site.objects.get(is_default_site=True), accessibility, privacy)
    terms_created = load_glossary()
    people, organisations = load_directory()
    ensure_login(ADMIN_LOGIN)
    return DemoSummary(
        lines=[
            f"{Page.objects.live().filter(depth__gt=1).count()} live pages "
            f"({pages_created} new), {terms_created} new glossary terms, "
            f"{len(people)} people, {len(organisations)} organisations"
        ],
        logins=[ADMIN_LOGIN],
    )
