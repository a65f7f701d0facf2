"""Spreadsheet exports that cannot be turned into attacks on the person who opens them, and
that do not hold the whole list in memory.

A cell that begins with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet
programs. Wagtail's XLSX export already stores such cells as text; CSV has no types, so there we
prefix the value with an apostrophe, which spreadsheets show as text and do not evaluate.
"""

from django.db.models import QuerySet
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 500  # rows read from the database at a time while an export is written


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class InChunks:
    """A query set read ``CHUNK_ROWS`` at a time (a server-side cursor on PostgreSQL) rather than
    all at once: Wagtail's exports loop over the list they are given, and a query set would keep
    every row it has read until the export ends."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model  # Wagtail names the columns from it

    def __iter__(self):
        return self.queryset.iterator(chunk_size=CHUNK_ROWS)


def in_chunks(rows):
    is_unread_queryset = isinstance(rows, QuerySet) and rows._result_cache is None
    return InChunks(rows) if is_unread_queryset else rows


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    def get_context_data(self, **kwargs):
        if self.is_export and hasattr(self, "object_list"):
            # A list's export needs only its rows (filtered, searched and ordered already): no
            # table and no count of them, which would read every row into memory first.
            return {"object_list": self.object_list}
        return super().get_context_data(**kwargs)

    def stream_csv(self, queryset):
        return super().stream_csv(in_chunks(queryset))

    def write_xlsx(self, queryset, output):
        return super().write_xlsx(in_chunks(queryset), output)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value
