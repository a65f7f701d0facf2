"""Local development: DEBUG on, SQLite unless DATABASE_URL says otherwise, e-mail to the console."""

from .base import *
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env(
    "SECRET_KEY", default="dev-only-secret-key-not-for-production-use-0123456789abcdef"
)
HUB_ALLOW_DEMO_DATA = env.bool("HUB_ALLOW_DEMO_DATA", default=True)

# Two-factor stays off for the demo logins on a developer's machine (production forces it on).
HUB_TWO_FACTOR_REQUIRED = env.bool("HUB_TWO_FACTOR_REQUIRED", default=False)
