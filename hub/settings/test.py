"""Test settings: fast hashing, mail kept in memory, tasks run at once, static files unhashed."""

import tempfile
from pathlib import Path

from .base import *
from .base import STORAGES, env

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789abcdefghij"  # noqa: S105
HUB_ALLOW_DEMO_DATA = True
ALLOWED_HOSTS = ["*"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Serve static files from the apps' folders (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests roll their transactions back, so no commit would ever start a new page-cache
# generation between them; tests/hub/test_page_cache.py turns the cache on where it is tested.
HUB_PAGE_CACHE_SECONDS = 0
HUB_PAGE_CACHE_RECHECK_SECONDS = 0
HUB_ROUTE_CACHE = False
# Receipts written by tests and by the demo they load go to a folder of their own.
STORAGES["receipts"]["OPTIONS"]["location"] = Path(tempfile.mkdtemp(prefix="hub-test-receipts-"))
WAGTAILADMIN_BASE_URL = "http://testserver"

# Browser tests and the test database itself may point at PostgreSQL through DATABASE_URL;
# pytest-django creates and drops a separate test_ database either way.
DATABASES["default"].pop("CONN_MAX_AGE", None)

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")

# Off for the test suite's logins; tests/hub/test_two_factor.py turns it on to check it.
HUB_TWO_FACTOR_REQUIRED = False
