"""Rate limits that hold across server processes: hits are counted in the database.

A fixed window per client: ``allow("submit", client_ip, limit=60, window_seconds=600)`` is true
for the first 60 calls from that address in each ten-minute window.

Every public submission passes through here, so a hit costs one statement where the database
can count it in one (an upsert that gives back the new count): PostgreSQL, and SQLite from 3.35.
Elsewhere the count is kept with an update, an insert when the window is new, and a read.
"""

import hashlib
import hmac
import sqlite3

from django.conf import settings
from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.utils import timezone

from hub.models import ThrottleWindow

# SQLite learnt ``RETURNING`` in 3.35.
SQLITE_RETURNING = (3, 35)


def client_key(client_id: str) -> str:
    """A keyed hash, so that no address is stored."""
    return hmac.new(settings.SECRET_KEY.encode(), client_id.encode(), hashlib.sha256).hexdigest()


def window_of(now, window_seconds: int) -> int:
    return int(now.timestamp()) // window_seconds


def allow(scope: str, client_id: str, limit: int, window_seconds: int, now=None) -> bool:
    """Count this hit; true while the client has made no more than ``limit`` in the window."""
    now = now or timezone.now()
    key = {
        "scope": scope,
        "client": client_key(client_id),
        "window": window_of(now, window_seconds),
    }
    connection = connections[router.db_for_write(ThrottleWindow)]
    count = count_in_one_statement if can_upsert(connection) else count_portably
    return count(connection, key) <= limit


def can_upsert(connection) -> bool:
    if connection.vendor == "postgresql":
        return True
    return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= SQLITE_RETURNING


def count_in_one_statement(connection, key) -> int:
    """Add the hit and read the count back in one statement. The unique constraint on (scope,
    client, window) settles a race: two processes starting the same window both end up adding
    to the one row, each seeing its own count."""
    meta = ThrottleWindow._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    scope, client, window, hits = (
        quote(meta.get_field(name).column) for name in ("scope", "client", "window", "hits")
    )
    # Only names from the model's metadata are put into the text; the values are parameters.
    sql = (
        f"INSERT INTO {table} ({scope}, {client}, {window}, {hits}) VALUES (%s, %s, %s, 1) "  # noqa: S608
        f"ON CONFLICT ({scope}, {client}, {window}) "
        f"DO UPDATE SET {hits} = {table}.{hits} + 1 RETURNING {hits}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key["scope"], key["client"], key["window"]])
        return cursor.fetchone()[0]


def count_portably(connection, key) -> int:
    """The same count on a database without an upsert that returns the row."""
    rows = ThrottleWindow.objects
    with transaction.atomic(using=connection.alias):
        if not rows.filter(**key).update(hits=F("hits") + 1):
            try:
                with transaction.atomic(using=connection.alias):
                    rows.create(**key, hits=1)
            except IntegrityError:  # another process created it first
                rows.filter(**key).update(hits=F("hits") + 1)
        return rows.filter(**key).values_list("hits", flat=True).get()


def forget_before(scope: str, now, window_seconds: int) -> int:
    """Remove the counts of windows that have ended."""
    deleted, _ = ThrottleWindow.objects.filter(
        scope=scope, window__lt=window_of(now, window_seconds)
    ).delete()
    return deleted
