"""Exports of a consultation's responses, one row per response and a column per question.

CSV is streamed, so 15,000 responses never sit in memory at once; XLSX is written in openpyxl's
write-only mode. In both, a value that a spreadsheet would run as a formula is made inert, and
contact details are columns only for those allowed to see them.
"""

import csv
import io

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from consultation.enums import QuestionKind
from consultation.models import Answer
from hub.exports import FORMULA_TRIGGERS, neutralise_formula

CHUNK = 1000
CONTACT_HEADINGS = ["Contact name", "Contact phone", "Contact email"]


def headings(questions, with_contact):
    columns = ["Reference", "Channel", "Received on", "Submitted at", "Entered by"]
    for question in questions:
        label = question.number or question.text[:60]
        if question.kind == QuestionKind.CONTACT:
            label = f"{label} agreed to be contacted".strip()
        columns.append(label)
    return columns + (CONTACT_HEADINGS if with_contact else [])


def rows(responses, questions, with_contact):
    """Each response as a list of strings, read in chunks with their answers."""
    answers = Prefetch("answers", queryset=Answer.objects.select_related("borough"))
    responses = responses.select_related("entered_by").prefetch_related(answers).order_by("pk")
    if with_contact:
        responses = responses.select_related("contact")
    for response in responses.iterator(chunk_size=CHUNK):
        values = {}
        for answer in response.answers.all():
            values.setdefault(answer.question_id, []).append(answer.value)
        row = [
            response.reference,
            response.get_channel_display(),
            response.received_on.isoformat(),
            response.submitted_at.isoformat(timespec="seconds"),
            response.entered_by.get_username() if response.entered_by else "",
        ]
        row += ["; ".join(values.get(question.pk, [])) for question in questions]
        if with_contact:
            contact = getattr(response, "contact", None)
            row += [contact.name, contact.phone, contact.email] if contact else ["", "", ""]
        yield row


class _Echo:
    def write(self, value):
        return value


def csv_lines(responses, questions, with_contact):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
    yield writer.writerow(headings(questions, with_contact))
    for row in rows(responses, questions, with_contact):
        yield writer.writerow([neutralise_formula(value) for value in row])


def xlsx_bytes(responses, questions, with_contact):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")

    def cell(value):
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
            written.data_type = "s"  # text, never a formula
        return written

    sheet.append([cell(value) for value in headings(questions, with_contact)])
    for row in rows(responses, questions, with_contact):
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
