"""Settings for the benchmark: production's, as served on 127.0.0.1 over plain HTTP.

Only what a load generator on the same machine needs differs from production: no redirect to
HTTPS, no two-factor step for the signed-in measurements (which sign in by session), a
submission limit per address high enough for one address to send every questionnaire, and a
plain Django view beside the site's own URLs as the floor to compare with (``bench.urls``).
Everything else (DEBUG off, manifest static files, Redis cache, the page cache, every
middleware) is production's.
"""

from hub.settings.production import *

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
HUB_TWO_FACTOR_REQUIRED = False
HUB_SUBMISSIONS_PER_CLIENT = 10**9
LOGGING["root"]["level"] = "WARNING"
