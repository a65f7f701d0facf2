import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from hub.demo import loader
from hub.demo.content import glossary
from hub.models import GlossaryTerm, Organisation, Person, User

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        GlossaryTerm.objects.count(),
        Person.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
    )


def test_loading_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_it_does_not_overwrite_an_editors_changes(demo):
    term = GlossaryTerm.objects.get(acronym="CID")
    term.explanation = "Edited by an editor."
    term.save()
    call_command("load_demo", stdout=io.StringIO())
    term.refresh_from_db()
    assert term.explanation == "Edited by an editor."


def test_it_loads_the_page_tree_glossary_and_logins(demo):
    assert Page.objects.live().filter(depth__gt=1).count() == 11
    assert GlossaryTerm.objects.count() == len(glossary.TERMS)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(loader.DEMO_PASSWORD)
    assert "admin" in demo and loader.DEMO_PASSWORD in demo


def test_pages_have_revisions_so_editors_see_their_history(demo):
    for page in Page.objects.live().filter(depth__gt=2):
        assert page.latest_revision is not None, page.title


def test_demo_people_are_invented(demo):
    for person in Person.objects.all():
        assert person.email.endswith("@example.org"), person.email
        # Ofcom's drama range for London: never a real line.
        assert re.fullmatch(r"020 7946 0\d{3}", person.phone), person.phone


def test_the_seed_makes_the_same_people_every_time(demo):
    names = sorted(Person.objects.values_list("name", flat=True))
    Person.objects.all().delete()
    call_command("load_demo", stdout=io.StringIO())
    assert sorted(Person.objects.values_list("name", flat=True)) == names


def test_it_refuses_to_run_where_demo_data_is_switched_off(db, settings):
    settings.HUB_ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="switched off"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="admin").exists()
