"""Exports of a consultation's responses, one row per response and a column per question.

CSV is streamed, so 15,000 responses never sit in memory at once; XLSX is written in openpyxl's
write-only mode. In both, a value that a spreadsheet would run as a formula is made inert, and
contact details are columns only for those allowed to see them.
"""

import csv
import io

from django.contrib.auth import get_user_model
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from consultation.enums import Channel, QuestionKind
from consultation.models import Answer
from hub.exports import FORMULA_TRIGGERS, neutralise_formula
from hub.models import Borough

# Rows fetched at a time from each of the two cursors: memory stays the same however many
# responses there are, and the number of queries too (one cursor each, not one per chunk).
CHUNK = 2000
CONTACT_HEADINGS = ["Contact name", "Contact phone", "Contact email"]
RESPONSE_FIELDS = ["pk", "reference", "channel", "received_on", "submitted_at"]
CONTACT_FIELDS = ["contact__pk", "contact__name", "contact__phone", "contact__email"]


def headings(questions, with_contact):
    columns = ["Reference", "Channel", "Received on", "Submitted at", "Entered by"]
    for question in questions:
        label = question.number or question.text[:60]
        if question.kind == QuestionKind.CONTACT:
            label = f"{label} agreed to be contacted".strip()
        columns.append(label)
    return columns + (CONTACT_HEADINGS if with_contact else [])


def _answer_values(responses):
    """``(response id, question id, value)`` for every answer to these responses, in response
    order, from one query; the value is what ``Answer.value`` gives, without building models."""
    boroughs = dict(Borough.objects.values_list("pk", "name"))
    answers = (
        Answer.objects.filter(response__in=responses.order_by().values("pk"))
        .order_by("response_id", "pk")
        .values_list("response_id", "question_id", "text", "choice", "borough_id", "number")
    )
    for response_id, question_id, text, choice, borough_id, number in answers.iterator(
        chunk_size=CHUNK
    ):
        if borough_id:
            value = boroughs[borough_id]
        elif number is not None:
            value = str(number)
        else:
            value = choice or text
        yield response_id, question_id, value


def rows(responses, questions, with_contact):
    """Each response as a list of strings. The responses and their answers are read as two
    streams, each in one query ordered by response, and merged here: a fixed number of queries
    and constant memory, however many responses there are."""
    fields = RESPONSE_FIELDS + ["entered_by__" + get_user_model().USERNAME_FIELD]
    if with_contact:
        fields += CONTACT_FIELDS
    stream = responses.order_by("pk").values_list(*fields)
    channels = dict(Channel.choices)
    answers = _answer_values(responses)
    pending = next(answers, None)
    for record in stream.iterator(chunk_size=CHUNK):
        pk, reference, channel, received_on, submitted_at, entered_by = record[:6]
        values = {}
        # Answers of a response no longer in the first stream (deleted meanwhile) are skipped;
        # those of one added meanwhile come after every response read, so are never reached.
        while pending is not None and pending[0] <= pk:
            if pending[0] == pk:
                values.setdefault(pending[1], []).append(pending[2])
            pending = next(answers, None)
        row = [
            reference,
            channels.get(channel, channel),
            received_on.isoformat(),
            submitted_at.isoformat(timespec="seconds"),
            entered_by or "",
        ]
        row += ["; ".join(values.get(question.pk, [])) for question in questions]
        if with_contact:
            contact_pk, name, phone, email = record[6:]
            row += [name, phone, email] if contact_pk is not None else ["", "", ""]
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
        """A plain value is written as it is; only one a spreadsheet would run as a formula
        needs a cell of its own, marked as text (most values are plain, and cells are slow)."""
        if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
            written = WriteOnlyCell(sheet, value=value)
            written.data_type = "s"  # text, never a formula
            return written
        return value

    sheet.append([cell(value) for value in headings(questions, with_contact)])
    for row in rows(responses, questions, with_contact):
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
