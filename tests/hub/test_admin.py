"""The admin screens for the shared records."""

import pytest
from django.urls import reverse

from hub.models import Borough, GlossaryTerm
from tests.hub.factories import GlossaryTermFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def snippet_url(model, view, *args):
    return reverse(f"wagtailsnippets_hub_{model._meta.model_name}:{view}", args=args)


def test_glossary_terms_are_listed_created_and_edited(admin_client):
    GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")
    assert (
        b"Criminal Investigation Department"
        in admin_client.get(snippet_url(GlossaryTerm, "list")).content
    )
    response = admin_client.post(
        snippet_url(GlossaryTerm, "add"),
        {"acronym": "BCU", "expansion": "Basic Command Unit", "explanation": "A policing area."},
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(acronym="BCU")
    response = admin_client.post(
        snippet_url(GlossaryTerm, "edit", term.pk),
        {"acronym": "BCU", "expansion": "Basic Command Unit", "explanation": "Changed."},
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.explanation == "Changed."


def test_a_duplicate_term_re_renders_the_form_with_the_error_and_keeps_the_input(admin_client):
    GlossaryTermFactory(acronym="CID")
    response = admin_client.post(
        snippet_url(GlossaryTerm, "add"),
        {"acronym": "cid", "expansion": "Typed by the editor", "explanation": "Kept."},
    )
    assert response.status_code == 200
    assert b"already in the glossary" in response.content
    assert b"Typed by the editor" in response.content
    assert GlossaryTerm.objects.count() == 1


def test_the_glossary_exports_as_csv(admin_client):
    GlossaryTermFactory(acronym="CID", expansion="Criminal Investigation Department")
    response = admin_client.get(snippet_url(GlossaryTerm, "list"), {"export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Criminal Investigation Department" in body


def test_boroughs_are_read_only_even_for_an_administrator(admin_client):
    borough = Borough.objects.get(name="Camden")
    assert admin_client.get(snippet_url(Borough, "list")).status_code == 200
    assert admin_client.get(snippet_url(Borough, "inspect", borough.pk)).status_code == 200
    for view, args in (("add", ()), ("edit", (borough.pk,)), ("delete", (borough.pk,))):
        response = admin_client.get(snippet_url(Borough, view, *args))
        assert response.status_code in (302, 403), view
    response = admin_client.post(snippet_url(Borough, "edit", borough.pk), {"name": "Renamed"})
    borough.refresh_from_db()
    assert borough.name == "Camden"


def test_people_contact_details_are_not_in_the_list_or_export(admin_client):
    PersonFactory(name="Ada Example", email="ada.example@example.org", phone="020 7946 0123")
    listing = admin_client.get(snippet_url(PersonFactory._meta.model, "list")).content
    assert b"Ada Example" in listing
    assert b"ada.example@example.org" not in listing
    export = admin_client.get(snippet_url(PersonFactory._meta.model, "list"), {"export": "csv"})
    body = b"".join(export.streaming_content) if export.streaming else export.content
    assert b"Ada Example" in body and b"020 7946 0123" not in body


def test_organisations_are_filterable_by_kind(admin_client):
    OrganisationFactory(name="Larkrise Youth Club", kind="youth")
    OrganisationFactory(name="Oakridge Faith Forum", kind="faith")
    response = admin_client.get(
        snippet_url(OrganisationFactory._meta.model, "list"), {"kind": "youth"}
    )
    assert b"Larkrise Youth Club" in response.content
    assert b"Oakridge Faith Forum" not in response.content


def test_formulas_in_exports_are_neutralised(admin_client):
    OrganisationFactory(name="=cmd|' /C calc'!A0", kind="youth")
    export = admin_client.get(
        snippet_url(OrganisationFactory._meta.model, "list"), {"export": "csv"}
    )
    body = b"".join(export.streaming_content) if export.streaming else export.content
    assert b"'=cmd" in body
