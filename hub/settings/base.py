"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see ``.env.example``);
``dev``, ``test`` and ``production`` only change what must differ between those uses.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "hub"

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY", default=None)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The project's own apps come first so their templates and static files win.
    "hub",
    "iag",
    "partnerships",
    "consultation",
    "hub.volunteering",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content Security Policy (hub.security.CSPMiddleware: strict, a little wider in the admin).
    "hub.security.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' public pages from the shared cache, dropped on every publish
    # (hub.page_cache); before sessions, so that a page served from it touches nothing else.
    "hub.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor: django-otp marks a request verified; the hub sends unverified admin users to
    # set up or enter their code.
    "django_otp.middleware.OTPMiddleware",
    "hub.security.TwoFactorMiddleware",
    # Nothing a signed-in user sees is kept by a browser or a shared cache.
    "hub.security.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Attributes every django-simple-history record to the user of the request.
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Login throttling: django-axes, last so that it sees the outcome of every login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite when DATABASE_URL is unset, so that the site runs with no set-up at all.
# An empty DATABASE_URL (as in .env.example) means unset.
DATABASES = {
    "default": environ.Env.db_url_config(
        env("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock at the start of a transaction rather than failing mid-way
    # with "database is locked" when two requests write at once.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": environ.Env.cache_url_config(env("CACHE_URL", default="") or "locmemcache://hub")
}
# Redis (or another cache all server processes share), rather than each process's own memory:
# the page cache and what each process remembers are on by default only with one.
SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith("LocMemCache")

# Anonymous visitors' public pages are kept in this cache for at most this many seconds, and
# dropped as soon as anything shown on a public page changes (hub.page_cache). 0: no page cache.
# Off by default with the in-process cache: each server process would keep its own copy, and a
# publish handled by one would not drop the others'.
HUB_PAGE_CACHE_SECONDS = int(
    env("HUB_PAGE_CACHE_SECONDS", default="") or (300 if SHARED_CACHE else 0)
)
HUB_PAGE_CACHE_ALIAS = "default"
# Each server process also keeps the pages it served lately in its own memory, and asks the
# shared cache whether anything changed at most once every this many seconds: a change shows at
# once in the process that made it and within this time everywhere else. 0: ask on every request
# and keep no pages in process memory (the default with the in-process cache).
HUB_PAGE_CACHE_RECHECK_SECONDS = float(
    env("HUB_PAGE_CACHE_RECHECK_SECONDS", default="") or (1 if SHARED_CACHE else 0)
)
# Each server process remembers the sites, the page tree, the view restrictions and the site
# settings while the page cache's generation stays current, and finds pages from them
# (hub.routing). Off by default with the in-process cache, for the same reason as above.
HUB_ROUTE_CACHE = env.bool("HUB_ROUTE_CACHE", default=SHARED_CACHE)

AUTH_USER_MODEL = "hub.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked (it
    # authenticates no one itself; it is also what restores the user of a session).
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one username from
# one address, that pair is locked out for AXES_COOLOFF_HOURS. Failures count whether or not
# the username exists, so the lock-out page gives nothing away either.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "hub/locked_out.html"
AXES_VERBOSE = False
# The address counted is the connection's own, which a client cannot forge. Behind reverse
# proxies, set HUB_REVERSE_PROXIES to their number: each appends the address it was reached from
# to X-Forwarded-For, so the client's is that many places from the right (hub.security.client_ip).
HUB_REVERSE_PROXIES = env.int("HUB_REVERSE_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "hub.security.client_ip"

# Two-factor authentication (django-otp, TOTP with backup codes) for every account that signs in
# to the admin. On in production; dev and test settings turn it off for the demo logins, and
# the tests that check it turn it back on.
HUB_TWO_FACTOR_REQUIRED = env.bool("HUB_TWO_FACTOR_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Partnership hub"

# Sessions: a browser session, ended after two weeks at most and at once when an account is
# deactivated or a membership ends (hub.User.end_sessions).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# Content Security Policy (django-csp). Scripts only from this site, never inline, never eval,
# on every public page. hub.security.CSPMiddleware allows inline scripts and styles in the
# Wagtail admin only, whose own templates need them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default="") or BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default="") or BASE_DIR / "media")
# Volunteers' expense receipts are personal: kept outside MEDIA_ROOT, with no URL, and served
# only by a view that checks who is asking (hub.volunteering.record_views.ReceiptView).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default="") or BASE_DIR / "private_media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "receipts": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT / "receipts", "base_url": None},
    },
}

# Uploads: Wagtail's page editor posts many fields; files are capped well below memory.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]

EMAIL_CONFIG = environ.Env.email_url_config(env("EMAIL_URL", default="") or "consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="hub@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (e-mails, Wagtail's own reference index updates) goes through django-tasks.
# Immediate by default; production runs the database backend with a worker (see README).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Partnership and consultation hub"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
# No calls out from the admin: no avatars from Gravatar (which would send a hash of each
# person's e-mail address elsewhere), no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The hub's own switches.
HUB_ALLOW_DEMO_DATA = env.bool("HUB_ALLOW_DEMO_DATA", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Wagtail writes every page action to its audit log in the database; repeating them in
        # the process log adds noise and would copy page titles into log files.
        "wagtail": {"level": "WARNING"},
        # django-axes logs every sign-in at INFO; failures and lock-outs are WARNING.
        "axes": {"level": "WARNING"},
    },
}

# Online questionnaires: each client address may send this many in each window (counted in the
# database, so across every server process). Youth clubs often share one connection.
HUB_SUBMISSIONS_PER_CLIENT = env.int("HUB_SUBMISSIONS_PER_CLIENT", default=60)
HUB_SUBMISSION_WINDOW_SECONDS = env.int("HUB_SUBMISSION_WINDOW_SECONDS", default=600)
