"""The benchmark's in-process side: what it needs to know from Django, as JSON on stdout.

Run by bench/run.py with the benchmark's settings and database:

    probe.py prepare           the URLs to measure, signed-in sessions, a questionnaire to send
    probe.py queries           SQL queries per page type (Django's test client, in process)
    probe.py memory            peak memory while the CSV exports stream
    probe.py stored            how many responses the open consultation holds
"""

import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from consultation.enums import ConsultationStatus, QuestionKind  # noqa: E402
from consultation.forms import HONEYPOT, field_name, new_form_token  # noqa: E402
from consultation.models import ConsultationPage, Response  # noqa: E402
from hub.models import Borough, User  # noqa: E402
from hub.models.pages import StandardPage  # noqa: E402
from iag.models import Advice, IAGDirectoryPage  # noqa: E402

TOKEN_AGE = 60  # seconds: well past the shortest time a person takes to fill the form in


def open_consultation():
    pages = ConsultationPage.objects.live().order_by("-opens_on")
    return next(page for page in pages if page.status == ConsultationStatus.OPEN)


def session_for(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def public_pages():
    directory = IAGDirectoryPage.objects.live().first()
    group = directory.url + "islington/"
    standard = StandardPage.objects.live().public().order_by("path").first()
    return {
        "home": "/",
        "standard page": standard.url,
        "IAG directory": directory.url,
        "IAG group page": group,
        "consultation public results": open_consultation().url + "results/",
    }


def admin_pages():
    consultation = open_consultation()
    advice = reverse("iag_advice:index")
    results = "consultation_results:"
    return {
        "consultation results (admin)": (
            "consultation-manager",
            reverse(results + "consultation", args=[consultation.pk]),
        ),
        "responses CSV export": (
            "consultation-manager",
            reverse(results + "export", args=[consultation.pk, "csv"]),
        ),
        "responses XLSX export": (
            "consultation-manager",
            reverse(results + "export", args=[consultation.pk, "xlsx"]),
        ),
        "advice register": ("central", advice),
        "advice register CSV export": ("central", advice + "?export=csv"),
        "advice register XLSX export": ("central", advice + "?export=xlsx"),
        "compliance dashboard": ("central", reverse("iag_compliance:index")),
    }


def questionnaire_answers(consultation):
    """A complete, valid answer to every question but the contact block."""
    borough = Borough.objects.order_by("name").first()
    data = {HONEYPOT: ""}
    for question in consultation.questions:
        name = field_name(question)
        kind = question.kind
        if kind == QuestionKind.SHORT_TEXT:
            data[name] = "Benchmark youth club"
        elif kind == QuestionKind.LONG_TEXT:
            data[name] = "Written answer sent by the benchmark."
        elif kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
            data[name] = question.choice_list[0]
        elif kind == QuestionKind.BOROUGHS:
            data[name] = str(borough.pk)
        elif kind == QuestionKind.SCALE:
            data[name] = str(question.scale_lowest)
    return data


def prepare(count):
    consultation = open_consultation()
    issued = timezone.now() - timezone.timedelta(seconds=TOKEN_AGE)
    return {
        "public": public_pages(),
        "admin": admin_pages(),
        "sessions": {name: session_for(name) for name in ("central", "consultation-manager")},
        "questionnaire": consultation.url,
        "answers": questionnaire_answers(consultation),
        "tokens": [new_form_token(issued) for _ in range(count)],
    }


def sizes():
    consultation = open_consultation()
    return {
        "responses": Response.objects.filter(consultation=consultation).count(),
        "advice": Advice.objects.count(),
        "boroughs with advice": Advice.objects.values("group__borough").distinct().count(),
    }


def queries():
    """Queries per page type: anonymous for the public pages, the role that uses each admin one."""
    counts = {}
    anonymous = Client()
    for label, url in public_pages().items():
        counts[label] = count_queries(anonymous, url)
    clients = {}
    for label, (username, url) in admin_pages().items():
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(User.objects.get(username=username))
        counts[label] = count_queries(clients[username], url)
    return {"sizes": sizes(), "queries": counts}


def count_queries(client, url):
    """Queries of a page served again: the first request in a process fills caches that every
    later one finds warm (the site's root paths, the glossary), as gunicorn's workers do."""
    fetch(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = fetch(client, url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(captured)


def fetch(client, url):
    response = client.get(url)
    if getattr(response, "streaming", False):
        for _chunk in response.streaming_content:
            pass
    return response


def memory():
    """Peak Python memory while each CSV export streams to nowhere, and how long it took."""
    client = Client()
    found = {}
    for label, (username, url) in admin_pages().items():
        if "CSV" not in label:
            continue
        client.force_login(User.objects.get(username=username))
        tracemalloc.start()
        started = time.perf_counter()
        response = client.get(url)
        rows = sum(chunk.count(b"\n") for chunk in response.streaming_content)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        found[label] = {"rows": rows, "peak_bytes": peak, "seconds": seconds}
    return {"sizes": sizes(), "memory": found}


def main():
    command = sys.argv[1]
    if command == "prepare":
        result = prepare(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    elif command == "queries":
        result = queries()
    elif command == "memory":
        result = memory()
    elif command == "stored":
        result = sizes()
    else:
        raise SystemExit(__doc__)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
