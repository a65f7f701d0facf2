"""Small helpers shared by the test modules."""

from django.urls import reverse


def is_refused(response):
    """Refused: 403, 404, or Wagtail's redirect of a refused admin request to the dashboard
    (with a "permission denied" message) or to the login page."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location == reverse("wagtailadmin_home") or location.startswith(
            reverse("wagtailadmin_login")
        )
    return False


def response_body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def database_rows_containing(text):
    """Every (table, column) of the database whose stored value contains ``text``.

    Scans every column of every table, history tables, the search index and the audit log
    included, so a sentinel string can be proved to be stored nowhere.
    """
    from django.db import connection

    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608
                    f"WHERE CAST({connection.ops.quote_name(column.name)} AS TEXT) LIKE %s",
                    [f"%{text}%"],
                )
                if cursor.fetchone()[0]:
                    found.append((table, column.name))
    return found


# Figures the security tests report (requests tried, leaks found), printed at the end of the run
# by tests/conftest.py so that CI's log shows them.
FIGURES = []


def report_figure(text):
    FIGURES.append(text)
