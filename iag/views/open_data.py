"""The open-data feed of published advice and responses (principle 28), as JSON and CSV.

Stable, documented URLs (docs/open-data.md): ``/open-data/v1/iag-advice.json`` and
``/open-data/v1/iag-advice.csv``. Only advice the public may see (not marked confidential, in a
quarter whose feedback is published), only public fields, and a pending response's words never.
"""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.exports import neutralise_formula
from iag.enums import ResponseOutcome
from iag.models import Advice
from iag.rules import quarter_of

FIELDS = [
    "id",
    "borough",
    "group",
    "given_on",
    "quarter",
    "subject",
    "category",
    "advice",
    "differing_views",
    "outcome",
    "decision",
    "reasons",
    "responded_on",
    "response_due_on",
]


def published_items():
    advice = (
        Advice.objects.published()
        .select_related("group__borough", "response")
        .prefetch_related("differing_views")
        .order_by("given_on", "pk")
    )
    for item in advice:
        response = item.current_response if item.is_decided else None
        yield {
            "id": item.pk,
            "borough": item.group.borough.name,
            "group": str(item.group),
            "given_on": item.given_on.isoformat(),
            "quarter": str(quarter_of(item.given_on)),
            "subject": item.subject,
            "category": item.get_category_display(),
            "advice": item.advice,
            "differing_views": [view.view for view in item.differing_views.all()],
            "outcome": ResponseOutcome(item.outcome).label,
            "decision": response.decision if response else "",
            "reasons": response.reasons if response else "",
            "responded_on": response.responded_at.date().isoformat() if response else None,
            "response_due_on": item.response_due_on.isoformat(),
        }


@require_GET
def advice_json(request):
    items = list(published_items())
    return JsonResponse(
        {
            "generated_at": timezone.now().isoformat(),
            "count": len(items),
            "fields": FIELDS,
            "items": items,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def advice_csv(request):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS)
    writer.writeheader()
    for item in published_items():
        item["differing_views"] = " | ".join(item["differing_views"])
        writer.writerow({key: neutralise_formula(value) for key, value in item.items()})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="iag-advice.csv"'
    return response
