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
