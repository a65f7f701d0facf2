"""A sentinel in every confidential place of a consultation's responses, and every consultation
screen, export and public page crawled as every role: a role not entitled to a sentinel receives
it in no response, no export, no receipt, no search result, no e-mail and no log line.

What is confidential follows ``consultation/permissions.py``: respondents' contact details are
the managers' alone (not even the volunteer who typed them in sees them); written answers are
never public and are read by the managers and by the volunteer who typed in that return; a
data-entry volunteer sees only the returns they entered; a question whose results the managers
did not publish is counted on no public page; the e-mailed receipt carries the reference only.
The roles are those of tests/consultation/test_admin.py, a site editor and the anonymous public.
"""

import datetime
import io
import logging
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission

from consultation.forms import field_name, new_form_token
from consultation.models import Response
from hub.models import Borough
from hub.roles import Role
from tests.consultation import test_admin
from tests.consultation.factories import QuestionFactory
from tests.consultation.test_admin import enter_url, paper_return, questions
from tests.helpers import (
    XLSX_CONTENT_TYPE,
    crawl_for_sentinels,
    report_sweep,
    response_body,
)
from tests.hub.factories import UserFactory

pytestmark = pytest.mark.django_db

# The roles and the consultation (the source document's questionnaire) of the admin tests.
people = test_admin.people
consultation = test_admin.consultation

MANAGERS = {"manager"}
UNPUBLISHED = "SENTINEL-CUNPUBLISHED"


def receipt_url(consultation, response):
    return consultation.url + consultation.reverse_subpage("receipt", args=[response.reference])


def plant(client, people, consultation):
    """Take an online response (with an e-mailed receipt) and two paper returns typed in by two
    volunteers, each with sentinels; return ``({sentinel: entitled roles}, responses)``."""
    q = questions(consultation)
    QuestionFactory(
        questionnaire=consultation.questionnaire, number="Q6", single=True, sort_order=99,
        text=f"{UNPUBLISHED} question whose results are not published?", publish_results=False,
    )  # fmt: skip
    consultation.__dict__.pop("questions", None)
    unpublished = next(question for question in consultation.questions if question.number == "Q6")
    places = {}

    # Online, through the public questionnaire (the view calls the service and sends the receipt).
    client.logout()
    token = new_form_token(timezone.now() - datetime.timedelta(seconds=30))
    online = {
        "form_token": token,
        field_name(q["name"]): "SENTINEL-CSHORT Youth Club",
        field_name(q["Q1"]): [Borough.objects.get(name="Camden").pk],
        field_name(q["Q2"]): "SENTINEL-CWRITTEN words of an online respondent",
        field_name(q["Q4"]): "High",
        field_name(q["Q5"], "name"): "Sentinel Crespondent",
        field_name(q["Q5"], "phone"): "020 7946 0921",
        field_name(q["Q5"], "email"): "sentinel-crespondent@example.org",
        field_name(q["Q5"], "consent"): "on",
        field_name(unpublished): "Low",
        "receipt_email": "sentinel-creceipt@example.org",
    }
    posted = client.post(consultation.url, online, REMOTE_ADDR="192.0.2.20")
    assert posted.status_code == 302 and "emailed=1" in posted["Location"], posted.status_code
    places["SENTINEL-CSHORT"] = MANAGERS
    places["SENTINEL-CWRITTEN"] = MANAGERS
    places["Sentinel Crespondent"] = MANAGERS
    places["020 7946 0921"] = MANAGERS
    places["sentinel-crespondent@example.org"] = MANAGERS
    places["sentinel-creceipt@example.org"] = set()  # used to send the receipt, never kept
    places[UNPUBLISHED] = MANAGERS  # shown only with the questionnaire itself (see below)

    # Paper returns typed in by each volunteer: the written answer is the typist's and the
    # managers'; the contact details are the managers' alone.
    for role, word, phone in (("volunteer", "COWN", "0922"), ("other volunteer", "COTHER", "0923")):
        client.force_login(people[role])
        data = paper_return(
            consultation,
            **{
                field_name(q["Q3"]): f"SENTINEL-{word}TEXT typed in from paper",
                field_name(q["Q5"], "name"): f"Sentinel {word.title()}respondent",
                field_name(q["Q5"], "phone"): f"020 7946 {phone}",
                field_name(unpublished): "Medium",
            },
        )
        assert client.post(enter_url(consultation), data).status_code == 302
        places[f"SENTINEL-{word}TEXT"] = MANAGERS | {role}
        places[f"Sentinel {word.title()}respondent"] = MANAGERS
        places[f"020 7946 {phone}"] = MANAGERS
    client.logout()
    return places, list(Response.objects.order_by("pk"))


def crawl_urls(consultation, responses):
    """Every consultation screen and public route, and the URLs that show the questionnaire
    itself (where the unpublished question's words are the question, not a result)."""
    results = reverse("consultation_results:consultation", args=[consultation.pk])
    text_questions = [q for q in consultation.questions if q.kind in ("short_text", "long_text")]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("consultation_results:index"),
        results,
        results + "?q=SENTINEL",
        *[
            reverse("consultation_results:text_answers", args=[consultation.pk, question.pk])
            for question in text_questions
        ],
        reverse("consultation_results:export", args=[consultation.pk, "csv"]),
        reverse("consultation_results:export", args=[consultation.pk, "xlsx"]),
        reverse("consultation_paper:index"),
        reverse("consultation_responses:index"),
        reverse("consultation_responses:index") + "?export=csv",
        reverse("consultation_responses:index") + "?export=xlsx",
        reverse("consultation_responses:index") + "?q=SENTINEL",
        reverse("consultation_responses:add"),
        reverse("consultation_questionnaires:index"),
        reverse("consultation_questionnaires:edit", args=[consultation.questionnaire_id]),
        reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        reverse("wagtailadmin_pages:history", args=[consultation.pk]),
        consultation.get_parent().url,
        consultation.url + consultation.reverse_subpage("results"),
        reverse("search") + "?q=SENTINEL",
        reverse("search") + "?q=Crespondent",
    ]
    inspects = []
    for response in responses:
        inspects.append(reverse("consultation_responses:inspect", args=[response.pk]))
        for view in ("history", "edit", "delete", "usage", "erase"):
            urls.append(reverse(f"consultation_responses:{view}", args=[response.pk]))
        urls.append(receipt_url(consultation, response))
    with_questionnaire = [
        consultation.url,
        consultation.url + consultation.reverse_subpage("printable"),
        consultation.url + consultation.reverse_subpage("pdf"),
        enter_url(consultation),
        *inspects,
    ]
    return urls + with_questionnaire, set(with_questionnaire)


def site_editor(consultation):
    """An editor of the public pages, the consultation's included (never its responses)."""
    user = UserFactory(username="editor")
    group, _ = Group.objects.get_or_create(name=Role.SITE_EDITOR.value)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=consultation.get_parent().get_parent(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user.groups.add(group)
    return user


def test_no_confidential_sentinel_reaches_anyone_not_entitled(
    client, people, consultation, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        places, responses = plant(client, people, consultation)
    (receipt,) = mail.outbox
    online = next(response for response in responses if response.entered_by_id is None)
    assert receipt.to == ["sentinel-creceipt@example.org"]
    assert online.reference in receipt.subject and online.reference in receipt.body

    urls, with_questionnaire = crawl_urls(consultation, responses)
    roles = {"anonymous": None, **people, "site editor": site_editor(consultation)}
    leaks, tried, unseen = crawl_for_sentinels(client, roles, urls, places)
    # The unpublished question is shown with the questionnaire itself, never with its results.
    leaks = [
        leak for leak in leaks if not (leak[0] == UNPUBLISHED and leak[2] in with_questionnaire)
    ]
    leaks = report_sweep("consultation", places, tried, leaks, mail.outbox, caplog.text)
    assert leaks == [], "\n".join(leaks)
    # The sweep would notice: each entitled role found each of its sentinels somewhere.
    assert unseen == set()
    assert tried > 250


def test_an_xlsx_export_is_searched_inside_its_zip(client, people, consultation):
    """``response_body`` opens an XLSX (a zip archive): the sweeps and the URL matrix see a
    sentinel in a spreadsheet cell, which the compressed bytes hide, and openpyxl still reads
    the body it returns."""
    plant(client, people, consultation)
    client.force_login(people["manager"])
    export = client.get(reverse("consultation_results:export", args=[consultation.pk, "xlsx"]))
    assert export["Content-Type"] == XLSX_CONTENT_TYPE
    assert zipfile.is_zipfile(io.BytesIO(export.content))
    assert b"SENTINEL-CWRITTEN" not in export.content
    body = response_body(export)
    assert b"SENTINEL-CWRITTEN" in body
    # And the body still opens as a spreadsheet, for the tests that read its cells.
    cells = [cell for row in load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True)
             for cell in row]  # fmt: skip
    assert any("SENTINEL-CWRITTEN" in str(cell) for cell in cells)
    csv = client.get(reverse("consultation_results:export", args=[consultation.pk, "csv"]))
    assert b"SENTINEL-CWRITTEN" in response_body(csv)
