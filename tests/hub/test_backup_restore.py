"""The backup drill of docs/backup.md, on PostgreSQL: back up, restore into a new database, and
prove that a site running on the restored database serves the same records.

bin/backup-database dumps the test database; bin/restore-database restores the dump into a
database made for this test (dropped at the end, pass or fail). The same probe then runs in a
separate process against each database, as the site would: it counts the rows of every table,
renders a published page and an IAG group page with Django's test client, searches the Wagtail
index and reads an item of advice with its history and audit log. Both answers must be equal.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from psycopg import sql
from wagtail.models import Site

from hub.models import Borough, StandardPage
from iag import services
from iag.models import Advice, IAGDirectoryPage
from tests.helpers import report_figure
from tests.hub.factories import UserFactory
from tests.iag.factories import AdvisoryGroupFactory, MembershipFactory

pytestmark = [
    pytest.mark.postgres,
    # Committed for real, so pg_dump and the probe see it; the migrations' data come back after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
BACKUP = ROOT / "bin" / "backup-database"
RESTORE = ROOT / "bin" / "restore-database"
# Tables whose rows the drill prints: the ones an operator would look at first.
KEY_TABLES = [
    "hub_user",
    "hub_person",
    "iag_advisorygroup",
    "iag_membership",
    "iag_advice",
    "iag_historicaladvice",
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "wagtailcore_modellogentry",
    "wagtailsearch_indexentry",
]

# Run by the site's own settings in a fresh process, against whichever database DATABASE_URL
# names. Prints one JSON object.
PROBE = """
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from iag.models import Advice

token, page_title, group_path, chair = sys.argv[1:5]
with connection.cursor() as cursor:
    counts = {}
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute("SELECT count(*) FROM " + connection.ops.quote_name(table))
        counts[table] = cursor.fetchone()[0]
page = Page.objects.get(title=page_title).specific
advice = Advice.objects.get(subject="Drill advice " + token)
client = Client()
response = client.get(page.url)
group = client.get(group_path)
print(json.dumps({
    "database": connection.settings_dict["NAME"],
    "rows": counts,
    "page": {
        "url": page.url,
        "status": response.status_code,
        "title_shown": page_title in response.content.decode(),
        "revisions": page.revisions.count(),
        "log": list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True)),
    },
    "group_page": {"status": group.status_code, "chair_named": chair in group.content.decode()},
    "search": [p.title for p in Page.objects.live().search(token)],
    "advice": {
        "history": list(advice.history.values_list("history_change_reason", flat=True)),
        "log": list(ModelLogEntry.objects.for_instance(advice).values_list("action", flat=True)),
    },
}))
"""


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the backup drill uses pg_dump and pg_restore: PostgreSQL only")
    missing = [tool for tool in ("pg_dump", "pg_restore", "psql") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"PostgreSQL client tools not found: {', '.join(missing)}")


def database_url(name):
    """A DATABASE_URL for database ``name`` on the test database's server, as the same user."""
    settings = connection.settings_dict
    credentials = quote(settings["USER"] or "", safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    host = quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{quote(name, safe='')}"


def server():
    """An autocommit connection to the server's maintenance database, to create and drop
    databases."""
    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres", user=settings["USER"], password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None, port=settings["PORT"] or None, autocommit=True,
    )  # fmt: skip


@pytest.fixture
def restored_database():
    """The name of a new, empty database (from template0), dropped afterwards however the test
    ends. A fresh name each time, so a run never meets an earlier one's leftovers."""
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    with server() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    try:
        yield name
    finally:
        with server() as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def run(*command, database_url=None):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hub.settings.test"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(  # noqa: S603 - our own scripts and interpreter
        [str(part) for part in command], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip


def ok(result):
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def probe(database, *arguments):
    return json.loads(ok(run(sys.executable, "-c", PROBE, *arguments, database_url=database)))


def make_records(token):
    """Records of the kinds the dump must carry, made the way the site makes them."""
    editor = UserFactory(username=f"drill-{token}", superuser=True)
    group = AdvisoryGroupFactory(borough=Borough.objects.get(name="Islington"))
    chair = MembershipFactory(group=group, chair=True)  # named on the public group page
    MembershipFactory(group=group)
    advice = Advice(
        group=group, subject=f"Drill advice {token}", category="policy",
        advice="Explain stop and search figures at the next public meeting.",
    )  # fmt: skip
    services.record_advice(advice, editor)  # history row, audit log entry, e-mail task

    home = Site.objects.get(is_default_site=True).root_page.specific
    directory = IAGDirectoryPage(title="Independent Advisory Groups", slug="iag")
    home.add_child(instance=directory)
    directory.save_revision(user=editor).publish(user=editor)
    page = StandardPage(
        title=f"Backup drill {token}", slug=f"backup-drill-{token}",
        intro=f"A page that must survive the drill: {token}.",
    )  # fmt: skip
    home.add_child(instance=page)
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    return page.title, f"{directory.url}islington/", chair.person.name


def test_a_restored_backup_serves_the_same_records(tmp_path, restored_database):
    token = uuid.uuid4().hex[:10]
    page_title, group_path, chair = make_records(token)
    source = database_url(connection.settings_dict["NAME"])
    target = database_url(restored_database)
    dump = tmp_path / "hub.dump"

    print(ok(run(BACKUP, dump, database_url=source)).strip())
    assert dump.stat().st_size > 0
    assert dump.stat().st_mode & 0o077 == 0, "the dump holds personal data: owner-only"
    print(ok(run(RESTORE, dump, target)).strip())

    arguments = (token, page_title, group_path, chair)
    before, after = probe(source, *arguments), probe(target, *arguments)
    assert (before["database"], after["database"]) == (
        connection.settings_dict["NAME"], restored_database
    )  # fmt: skip
    del before["database"], after["database"]

    # The records made above are there, and the site serves them...
    assert before["page"]["status"] == 200 and before["page"]["title_shown"]
    assert before["page"]["log"] and before["page"]["revisions"] >= 1
    assert before["group_page"] == {"status": 200, "chair_named": True}
    assert before["search"] == [page_title]
    assert before["advice"] == {"history": ["Advice recorded"], "log": ["iag.advice.record"]}
    assert all(before["rows"][table] > 0 for table in KEY_TABLES), before["rows"]
    # ...and the restored database serves exactly the same: every table, row for row.
    assert after == before

    rows = before["rows"]
    report_figure(
        f"backup drill: {sum(rows.values())} rows in {len(rows)} tables, identical after the "
        f"restore; page {before['page']['status']}, group page {before['group_page']['status']}, "
        f"search {len(before['search'])} hit"
    )
    report_figure("  " + ", ".join(f"{table} {rows[table]}" for table in KEY_TABLES))


def test_the_scripts_refuse_to_overwrite(tmp_path, restored_database):
    source = database_url(connection.settings_dict["NAME"])
    target = database_url(restored_database)

    existing = tmp_path / "existing.dump"
    existing.write_text("an earlier backup")
    refused = run(BACKUP, existing, database_url=source)
    assert refused.returncode != 0 and "refusing to overwrite" in refused.stderr
    assert existing.read_text() == "an earlier backup"
    assert [p.name for p in tmp_path.iterdir()] == ["existing.dump"]  # no partial file left

    dump = tmp_path / "hub.dump"
    ok(run(BACKUP, dump, database_url=source))
    ok(run(RESTORE, dump, target))
    # The target now has tables: a second restore is refused, unless forced.
    refused = run(RESTORE, dump, target)
    assert refused.returncode != 0 and "already has" in refused.stderr, refused.stderr
    assert "restored" in ok(run(RESTORE, "--force", dump, target))

    assert run(RESTORE, tmp_path / "missing.dump", target).returncode != 0
    assert "not set" in run(BACKUP, tmp_path / "other.dump").stderr  # no DATABASE_URL
    wrong = run(BACKUP, tmp_path / "other.dump", database_url="sqlite:///db.sqlite3")
    assert "not a PostgreSQL URL" in wrong.stderr
