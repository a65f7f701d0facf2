"""Production settings: refuse to start without a real SECRET_KEY; pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "".join(chr(97 + (i * 7) % 26) for i in range(60))


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "DATABASE_URL",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "hub.settings.production"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "dev-only-secret-key-not-for-production-use-0123456789abcdef", "short-key"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    env = {"ALLOWED_HOSTS": "hub.example.org"}
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_checklist_with_no_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="hub.example.org",
        DATABASE_URL="sqlite:////tmp/hub-deploy-check.sqlite3",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_always_requires_two_factor():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.HUB_TWO_FACTOR_REQUIRED)",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="hub.example.org",
        HUB_TWO_FACTOR_REQUIRED="false",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"
