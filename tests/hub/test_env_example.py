"""Every environment key the settings read is documented in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ_PATTERN = re.compile(r"""env(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]+)["']""")
ENV_READS_ELSEWHERE = {"HUB_REQUIRE_BROWSER_TESTS", "HUB_CHROMIUM"}


def keys_read_by_settings():
    keys = set()
    for path in (ROOT / "hub" / "settings").glob("*.py"):
        keys |= set(READ_PATTERN.findall(path.read_text()))
    return keys


def keys_documented():
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))


def test_every_key_the_settings_read_is_documented():
    read = keys_read_by_settings()
    assert {"SECRET_KEY", "DATABASE_URL", "CACHE_URL", "EMAIL_URL"} <= read
    assert read - keys_documented() == set()


def test_nothing_documented_is_unused():
    assert keys_documented() - keys_read_by_settings() - ENV_READS_ELSEWHERE == set()


def test_the_example_file_as_it_stands_gives_working_settings():
    """Copying .env.example unchanged must not break start-up: its empty values mean unset."""
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k not in keys_documented()}
    text = (ROOT / ".env.example").read_text()
    environment.update(re.findall(r"^([A-Z][A-Z0-9_]+)=(.*)$", text, re.MULTILINE))
    environment["DJANGO_SETTINGS_MODULE"] = "hub.settings.dev"
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
        "s.STATIC_ROOT, s.MEDIA_ROOT)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    engine, cache, static_root, media_root = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert cache.endswith("LocMemCache")
    assert (static_root, media_root) == (str(ROOT / "static"), str(ROOT / "media"))
