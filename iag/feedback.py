"""What the public sees of the advice register: the quarterly feedback as a PDF, and how a
published response has changed since it was published (public fields only)."""

from django.db.models import Q

from hub.pdf import Section, render_pdf
from iag.enums import ResponseOutcome
from iag.models import AdviceResponse, QuarterlyFeedback

PUBLIC_RESPONSE_FIELDS = ("outcome", "decision", "reasons")


def outcome_label(outcome):
    return ResponseOutcome(outcome).label


def feedback_sections(feedback):
    figures = feedback.snapshot or {}
    sections = []
    if feedback.summary:
        sections.append(Section("Summary", paragraphs=[feedback.summary]))
    sections.append(
        Section(
            "Advice given and what the police did",
            paragraphs=[f"Advice given in {feedback.period}: {figures.get('total', 0)}."],
            table=[(label, str(count)) for label, count in feedback.outcome_rows],
            table_headings=("Outcome", "Number"),
        )
    )
    if not feedback.group_id and feedback.group_rows:
        sections.append(
            Section("By group", table=feedback.group_rows, table_headings=("Group", "Outcomes"))
        )
    for item in figures.get("not_followed", []):
        sections.append(
            Section(
                f"{item['outcome_label']}: {item['subject']}",
                paragraphs=[
                    f"{item['group']}, advice given on {item['given_on']} ({item['category']}).",
                    f"The advice: {item['advice']}",
                    f"The decision taken: {item['decision']}",
                    f"Why: {item['reasons']}",
                ],
            )
        )
    if figures.get("overdue"):
        rows = [
            (item["group"], f"{item['subject']} (due {item['due_on']})")
            for item in figures["overdue"]
        ]
        sections.append(
            Section("Responses overdue", table=rows, table_headings=("Group", "Advice"))
        )
    return sections


def feedback_pdf(feedback: QuarterlyFeedback) -> bytes:
    return render_pdf(str(feedback), feedback_sections(feedback), author="Central team")


def first_published(advice):
    """When the public first saw this advice: the first publication of its quarter's feedback,
    for its group or for all of London."""
    covering = QuarterlyFeedback.objects.filter(
        Q(group__isnull=True) | Q(group=advice.group),
        live=True,
        first_day__lte=advice.given_on,
        last_day__gte=advice.given_on,
        first_published_at__isnull=False,
    )
    return min((feedback.first_published_at for feedback in covering), default=None)


def public_response_changes(advice):
    """Each change to the response's public fields since publication: when, and what it said.
    Who made the change, and every other field, stay internal; a pending response's words are
    not a decision and are never shown."""
    since = first_published(advice)
    if since is None:
        return []
    changes, previous = [], None
    history = AdviceResponse.history.filter(advice_id=advice.pk).order_by("history_date")
    for record in history:
        public = {field: getattr(record, field) for field in PUBLIC_RESPONSE_FIELDS}
        if public["outcome"] == ResponseOutcome.PENDING:
            public["decision"] = public["reasons"] = ""
        if record.history_date > since and public != previous:
            changes.append(
                {"when": record.history_date, **public, "outcome": outcome_label(public["outcome"])}
            )
        previous = public
    return changes
