"""Spreadsheet exports that cannot be turned into attacks on the person who opens them.

A cell that begins with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet
programs. Wagtail's XLSX export already stores such cells as text; CSV has no types, so there we
prefix the value with an apostrophe, which spreadsheets show as text and do not evaluate.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value
