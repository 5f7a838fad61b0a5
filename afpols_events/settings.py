"""Settings, read from environment variables with a safe embedded default.

Embedded default (no variable set): SQLite file under ``var/``, console e-mail,
tasks run inline, DEBUG off. Production sets ``DJANGO_ENV=production``, a
``SECRET_KEY``, ``DATABASE_URL`` (PostgreSQL through psycopg 3) and SMTP settings.

Why ~370 lines: Django reads one settings module; each group (database, caches, tasks,
e-mail, security headers and CSP, rate limits, logging) says what it is for beside it,
and splitting them would only hide which environment variable sets what.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
    # Development only: a key that is never used to sign anything that outlives the machine.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
elif PRODUCTION and (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    # What `check --deploy` calls weak: it signs sessions and password-reset links.
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: at least {SECRET_KEY_MIN_LENGTH} characters, "
        f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, not '{SECRET_KEY_INSECURE_PREFIX}…'. "
        "Generate one: python -c 'from django.core.management.utils import "
        "get_random_secret_key; print(get_random_secret_key())'"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address the site is served at, for every absolute link (e-mails, PDFs, .ics, the
# admin's private link). By default the development server's, on PORT (`make run` sets both).
SITE_URL = (
    os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
).rstrip("/")
# Without it, pages answering a request link to the request's own address (afpols_events.site).
SITE_URL_FROM_ENVIRONMENT = bool(os.environ.get("SITE_URL"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks",
    "django_tasks_db",
    "import_export",
    "simple_history",
    "axes",
    "afpols_events",
    "programme",
    "registrations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "afpols_events.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "afpols_events.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers the locked-out admin logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "afpols_events.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Form widgets find their templates where every other template is (templates/), such as
# the bulletin's tariff and workshop cards (registrations/widgets/choice_cards.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "afpols_events.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite creates the file, not its folder: a fresh clone has no var/ yet.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Wait for a writer instead of failing at once with "database is locked", and take
    # the write lock when a transaction begins: SQLite ignores select_for_update, so
    # this is what serialises concurrent registrations there.
    # Write-ahead log: readers never wait for the writer, and a commit appends to the log
    # without waiting for the disk (synchronous=NORMAL; a power cut may lose the last
    # commits, never corrupt the file): each commit cost ~20 ms of fsync (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # Connections persist (CONN_MAX_AGE) as on PostgreSQL: opening one costs more than a
    # cached page (docs/performance.md); between requests a connection holds no lock.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's French date and number formats, with our few differences.
FORMAT_MODULE_PATH = ["afpols_events.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "AFPOLS <ne-pas-repondre@afpols.fr>")
# Who is told of each new registration (Victoria Esteban by default).
STAFF_NOTIFICATION_EMAIL = os.environ.get(
    "STAFF_NOTIFICATION_EMAIL", "v.esteban.afpols@union-habitat.org"
)

# --- Background work, e-mail delivery, state shared by several app servers (issue 10 A) --
# Tasks are rows in the database (django-tasks-db): `manage.py db_worker` runs them on any
# machine that reaches the database, and `make run` starts one beside the server. Tests
# use the immediate backend (tests/conftest.py).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# No worker waits forever on a mail server that accepts and never answers.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# The outbox (registrations/outbox.py): a failed message is tried again after each of
# these delays (seconds), then marked failed; a message left "sending" by a crashed worker
# is sent again after OUTBOX_STALE_AFTER seconds (`manage.py send_pending_messages`).
OUTBOX_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600)
OUTBOX_STALE_AFTER = 15 * 60

# Caches are shared by every app server and worker, never on one machine's disk: the
# database (tables made by `manage.py createcachetable`), or Redis when REDIS_URL is set.
# "default" also holds the member-import previews between preview and confirmation;
# "documents" holds the generated PDFs.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "documents": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # clear() empties the whole Redis database: give documents their own one.
            "LOCATION": os.environ.get("DOCUMENT_CACHE_URL", REDIS_URL),
            "KEY_PREFIX": "documents",
            "TIMEOUT": None,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "afpols_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "documents": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "afpols_document_cache",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# --- end of the issue 10 A block --------------------------------------------------------

# Public pages and programme files (issue 13), keyed by the event's content version, which
# each request reads from the database: an entry is never stale, so each process may keep its
# own copy in memory, and several app servers stay coherent (docs/performance.md).
CACHES["pages"] = {
    "BACKEND": os.environ.get(
        "PAGE_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"
    ),
    "LOCATION": os.environ.get("PAGE_CACHE_LOCATION", "pages"),
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 500},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# AFPOLS's legal identity on invoices and training documents (registrations.selectors.
# training_body). Demo values: the real ones are set before the first invoice.
TRAINING_BODY = {
    "name": "AFPOLS (données de démonstration)",
    "address": "14 rue Lord Byron\n75008 Paris",
    "siret": "000 000 000 00000",
    "nda": "00 00 00000 00",
    "nda_region": "Île-de-France",
    "vat_exempt": True,
    "vat_rate": "20.00",
    "vat_mention": "TVA non applicable, article 261-4-4° a du CGI",
    "iban": "FR76 0000 0000 0000 0000 0000 000",
    "bic": "DEMOFRPPXXX",
    "payment_terms_days": 30,
    "late_penalty_rate": "10.00",
    "recovery_indemnity": "40.00",
    "is_demo": True,
}

# Personal data of registrations is anonymised this many days after the event ends.
ANONYMISE_AFTER_DAYS = int(os.environ.get("ANONYMISE_AFTER_DAYS", "1095"))

SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS only in production: redirect plain HTTP and tell browsers never to use it again.
# A TLS-terminating proxy that does both itself may turn them off (README, docs/deploy.md);
# `check --deploy` then stays quiet about what was turned off on purpose.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600) if PRODUCTION else "0")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SILENCED_SYSTEM_CHECKS = [
    *(["security.W008"] if PRODUCTION and not SECURE_SSL_REDIRECT else []),
    *(["security.W004"] if PRODUCTION and not SECURE_HSTS_SECONDS else []),
]

# Content Security Policy (django-csp): the site's own scripts, styles, fonts and images
# only, never inline scripts. The admin keeps inline styles (Django's and the admin
# add-ons' templates carry a few ``style`` attributes); its scripts are strict too.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its form controls and the menu icon with data: SVG images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CSP_ADMIN_STYLE_SRC = [SELF, UNSAFE_INLINE]

# Admin login: django-axes locks a user name out from an address after repeated failures.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hour
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "afpols_events.ratelimit.client_ip"

# The signed convention a participant or staff upload (registrations.services.
# signed_convention): a PDF of at most this many bytes (10 MB by default).
SIGNED_CONVENTION_MAX_BYTES = int(os.environ.get("SIGNED_CONVENTION_MAX_BYTES", 10 * 1024 * 1024))

# Rate limits per client address (afpols_events.ratelimit), counted in the default cache.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "afpols_events.ratelimit.client_ip"
# Behind N reverse proxies that append to X-Forwarded-For, the client is the N-th address
# from the right; 0 (default): the connection's own address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATE_LIMITS = {
    "bulletin": os.environ.get("RATE_LIMIT_BULLETIN", "10/m"),
    "private_link": os.environ.get("RATE_LIMIT_PRIVATE_LINK", "5/m"),
    "check_in": os.environ.get("RATE_LIMIT_CHECK_IN", "120/m"),
    "upload": os.environ.get("RATE_LIMIT_UPLOAD", "10/m"),
}

# Private tokens never reach a log line (afpols_events.logging): the access lines of
# runserver and every other record go through handlers that redact them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "afpols_events.logging.RedactTokensFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}
