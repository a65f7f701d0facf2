"""Small helpers shared by the test modules."""

import io
import zipfile

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


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def response_body(response):
    """The response's body as bytes. For an XLSX (a zip archive, whose cells are compressed):
    the decompressed XML of every member of the archive, concatenated, so that text in the
    spreadsheet can be searched, followed by the archive itself, so that openpyxl still opens
    it (a zip archive may have data before it)."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    content_type = response.get("Content-Type", "") or ""
    if content_type.startswith(XLSX_CONTENT_TYPE) or body.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                members = b"".join(archive.read(name) for name in archive.namelist())
        except zipfile.BadZipFile:
            return body
        return members + body
    return body


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


# --- Confidentiality sweeps (tests/<app>/test_sentinel_sweep.py) --------------------------------


def sent(response):
    """What a response hands over: its body (a spreadsheet's cells too) and the file name a
    download is saved under."""
    return response_body(response) + response.get("Content-Disposition", "").encode()


def crawl_for_sentinels(client, users, urls, places, also=None):
    """Request every URL as every role (``users``: role to user, None for anonymous).

    ``places`` maps each sentinel to the roles entitled to it; a leak, ``(sentinel, role,
    url)``, is a sentinel in what is sent to any other role. ``also(role, url, body)`` may name
    further leaks. Returns the leaks, the number of requests made, and the ``(sentinel, role)``
    pairs where an entitled role found its sentinel nowhere: that set must be empty, or the sweep
    could not notice that sentinel leaking (a sentinel planted where no screen shows it proves
    nothing). One crawl answers both questions."""
    leaks, tried = [], 0
    unseen = {(s, role) for s, entitled in places.items() for role in entitled if role in users}
    for role, user in users.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in urls:
            body = sent(client.get(url))
            tried += 1
            for sentinel, entitled in places.items():
                if sentinel.encode() not in body:
                    continue
                if role in entitled:
                    unseen.discard((sentinel, role))
                else:
                    leaks.append((sentinel, role, url))
            if also is not None:
                leaks += also(role, url, body)
    return leaks, tried, unseen


def report_sweep(area, places, tried, leaks, outbox, log_text):
    """Report a sweep's figures; return every leak, as text: in responses, e-mails (which no
    role is entitled to find a sentinel in) and log output."""
    mailed = "\n".join(f"{message.subject}\n{message.body}" for message in outbox)
    leaks = [f"{sentinel} to {role} at {url}" for sentinel, role, url in leaks]
    leaks += [f"{s} in an e-mail" for s in places if s in mailed]
    leaks += [f"{s} in the log" for s in places if s in log_text]
    report_figure(
        f"confidentiality sweep ({area}): {len(places)} sentinels, {tried} requests, "
        f"{len(outbox)} e-mails, {len(leaks)} leaks"
    )
    return leaks
