import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from hub.models import Borough, GlossaryTerm, HomePage, User
from tests.hub.factories import GlossaryTermFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_user_model_is_the_hubs_own():
    assert get_user_model() is User


class TestBoroughs:
    def test_all_32_london_boroughs_and_the_city_are_loaded(self):
        assert Borough.objects.count() == 33

    def test_the_city_of_london_is_not_policed_by_the_mps(self):
        city = Borough.objects.get(name="City of London")
        assert city.policed_by_mps is False
        assert Borough.objects.policed_by_mps().count() == 32
        assert city not in Borough.objects.policed_by_mps()

    def test_every_borough_has_an_ons_code_and_a_unique_slug(self):
        codes = list(Borough.objects.values_list("gss_code", flat=True))
        assert all(re.fullmatch(r"E090000(0[1-9]|[12]\d|3[0-3])", code) for code in codes)
        assert len(set(Borough.objects.values_list("slug", flat=True))) == 33

    def test_boroughs_are_listed_alphabetically(self):
        names = list(Borough.objects.values_list("name", flat=True))
        assert names == sorted(names)
        assert names[0] == "Barking and Dagenham"


def test_the_home_page_is_the_root_of_the_default_site(site):
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live


class TestGlossaryTerm:
    def test_acronyms_are_unique_whatever_their_case(self):
        GlossaryTermFactory(acronym="CID")
        with pytest.raises(IntegrityError):
            GlossaryTerm.objects.create(acronym="cid", expansion="x", explanation="y")

    def test_a_duplicate_is_reported_as_a_validation_error(self):
        GlossaryTermFactory(acronym="CID")
        term = GlossaryTerm(acronym="Cid", expansion="x", explanation="y")
        with pytest.raises(ValidationError, match="already in the glossary"):
            term.full_clean()

    @pytest.mark.parametrize("acronym", ["MG11", "CID", "Fed Rep", "R&D", "A"])
    def test_acronyms_as_they_appear_in_text_are_accepted(self, acronym):
        GlossaryTerm(acronym=acronym, expansion="x", explanation="y").full_clean()

    @pytest.mark.parametrize("acronym", ["", " MVP", "MVP ", "M/P", "<b>", "MVP!", "Fed  Rep"])
    def test_anything_else_is_refused(self, acronym):
        with pytest.raises(ValidationError):
            GlossaryTerm(acronym=acronym, expansion="x", explanation="y").full_clean()

    def test_expansions_are_cached_and_forgotten_when_a_term_changes(
        self, django_assert_num_queries
    ):
        GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")
        assert GlossaryTerm.expansions() == {"CID": "Criminal Investigation Department"}
        with django_assert_num_queries(0):
            GlossaryTerm.expansions()
        GlossaryTermFactory(acronym="BCU", expansion="Basic Command Unit")
        assert GlossaryTerm.expansions()["BCU"] == "Basic Command Unit"
        GlossaryTerm.objects.get(acronym="CID").delete()
        assert "CID" not in GlossaryTerm.expansions()


def test_people_and_organisations_read_as_their_names():
    assert str(PersonFactory(name="Ada Example")) == "Ada Example"
    assert str(OrganisationFactory(name="Larkrise Youth Club")) == "Larkrise Youth Club"
