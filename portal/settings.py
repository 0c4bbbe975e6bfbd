"""The one settings module. Every value comes from the environment (see .env.example).

The embedded default needs no service at all: SQLite, the in-memory channel layer,
Celery tasks run eagerly, console email and the grounded offline backend. Setting
DATABASE_URL, REDIS_URL and OPENAI_* switches to the production parts.

A bad value stops start-up with ImproperlyConfigured naming the variable: a typo in a
deployment must not quietly fall back to a default.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
DEFAULT_SECRET_KEY = "insecure-development-key-do-not-deploy"  # noqa: S105


def env_bool(name: str, default: bool) -> bool:
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}: expected true or false, got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = env.str(name, default=str(default)).strip()
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}: expected a whole number, got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}: must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = env.str(name, default=",".join(default))
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_origins(name: str, default: list[str]) -> list[str]:
    """Origins are scheme://host[:port] with nothing else: the websocket check compares them."""
    origins = env_list(name, default)
    for origin in origins:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
            raise ImproperlyConfigured(f"{name}: {origin!r} is not scheme://host[:port]")
    return origins


# --- Core -----------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", default=DEFAULT_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY: set a random value of 50+ characters when DEBUG is off "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# Browser origins allowed to open websockets and post forms: scheme, host and port.
ALLOWED_ORIGINS = env_origins("ALLOWED_ORIGINS", ["http://127.0.0.1:8000", "http://localhost:8000"])
CSRF_TRUSTED_ORIGINS = ALLOWED_ORIGINS

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "portal.accounts",
    "portal.careteam",
    "portal.records",
    "portal.audit",
    "portal.moderation",
    "assistant",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.accounts.middleware.PatientLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.middleware.SessionTimeoutMiddleware",
    "portal.accounts.middleware.StaffMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "portal.urls"
ASGI_APPLICATION = "portal.asgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
                "portal.context_processors.portal",
            ],
        },
    },
]

# --- Data stores ----------------------------------------------------------------------
_default_db = f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"
try:
    DATABASES = {"default": env.db_url("DATABASE_URL", default=_default_db)}
except Exception as exc:  # environ raises several types for a malformed URL
    raise ImproperlyConfigured(f"DATABASE_URL: {exc}") from None
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured("DATABASE_URL: use sqlite:///path or postgres://...")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Concurrent websocket writers on SQLite: wait for the lock instead of failing; WAL lets
    # readers and one writer work at once, and NORMAL sync is safe with WAL (a power cut can
    # lose the last commits, not corrupt the file). Production uses PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
# Keep connections open between requests and websocket database calls: opening one costs
# about 2 ms on SQLite (Django registers its SQL functions on every connect), more on
# PostgreSQL. Health checks drop a connection that went bad before it is reused.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL and urlsplit(REDIS_URL).scheme not in ("redis", "rediss"):
    raise ImproperlyConfigured(f"REDIS_URL: expected redis://host:port/db, got {REDIS_URL!r}")

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # A Redis outage costs live updates, never the chat (portal/layers.py).
            "BACKEND": "portal.layers.ResilientRedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "portal.layers.ResilientInMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: with no broker, tasks run in-process at once so the embedded default needs nothing.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
# Seconds before a task taken by a worker that died (kill -9) is delivered again (Redis).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1)
}
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"

# --- Email ----------------------------------------------------------------------------
try:
    vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
except Exception as exc:
    raise ImproperlyConfigured(f"EMAIL_URL: {exc}") from None
# An explicit backend class wins over EMAIL_URL's (e.g. a file backend in tests).
if env.str("EMAIL_BACKEND", default=""):
    EMAIL_BACKEND = env.str("EMAIL_BACKEND")
    EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Patient Portal <portal@localhost>")

# --- Accounts (django-allauth) --------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "portal.accounts.adapter.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Patient Portal] "
LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Patient Portal")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_ABSOLUTE_HOURS
# after sign-in whatever happens (portal.accounts.middleware.SessionTimeoutMiddleware).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 15, minimum=1)
SESSION_ABSOLUTE_HOURS = env_int("SESSION_ABSOLUTE_HOURS", 12, minimum=1)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14, minimum=1)
# Open websockets re-check their session this often and close (4401) once it has ended;
# sign-out, password and authenticator changes close them at once (assistant/sessions.py).
WEBSOCKET_SESSION_CHECK_SECONDS = env_int("WEBSOCKET_SESSION_CHECK_SECONDS", 30, minimum=1)

# --- Security -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients).
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Internationalisation, static files -----------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
# Without collectstatic (tests, first start) fall back to unhashed names instead of failing.
WHITENOISE_MANIFEST_STRICT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- The assistant --------------------------------------------------------------------
ASSISTANT_BACKEND = env.str(
    "ASSISTANT_BACKEND", default="assistant.backends.grounded.GroundedBackend"
)
# OpenAI-compatible model (assistant.backends.openai_backend.OpenAIBackend).
OPENAI_BASE_URL = env.str("OPENAI_BASE_URL", default="")
OPENAI_API_KEY = env.str("OPENAI_API_KEY", default="")
OPENAI_MODEL = env.str("OPENAI_MODEL", default="")
AZURE_OPENAI_ENDPOINT = env.str("AZURE_OPENAI_ENDPOINT", default="")
AZURE_OPENAI_API_VERSION = env.str("AZURE_OPENAI_API_VERSION", default="2024-10-21")
OPENAI_CONNECT_TIMEOUT = env_int("OPENAI_CONNECT_TIMEOUT", 3, minimum=1)
OPENAI_FIRST_TOKEN_TIMEOUT = env_int("OPENAI_FIRST_TOKEN_TIMEOUT", 10, minimum=1)
OPENAI_TOTAL_TIMEOUT = env_int("OPENAI_TOTAL_TIMEOUT", 25, minimum=1)
OPENAI_MAX_RETRIES = env_int("OPENAI_MAX_RETRIES", 2)
OPENAI_BREAKER_FAILURES = env_int("OPENAI_BREAKER_FAILURES", 5, minimum=1)
OPENAI_BREAKER_RESET_SECONDS = env_int("OPENAI_BREAKER_RESET_SECONDS", 30, minimum=1)
OPENAI_MAX_TOKENS = env_int("OPENAI_MAX_TOKENS", 300, minimum=16)
OPENAI_HISTORY_CHARS = env_int("OPENAI_HISTORY_CHARS", 2000)
if ASSISTANT_BACKEND.endswith("OpenAIBackend"):
    if not OPENAI_MODEL:
        raise ImproperlyConfigured("OPENAI_MODEL: required with the OpenAI backend")
    if not (OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT):
        raise ImproperlyConfigured(
            "OPENAI_BASE_URL: required with the OpenAI backend (or AZURE_OPENAI_ENDPOINT)"
        )
    if not OPENAI_API_KEY:
        raise ImproperlyConfigured("OPENAI_API_KEY: required with the OpenAI backend")
# Route the load benchmark's echo consumer (/ws/bench-echo/). Never in production.
BENCH_ECHO = env_bool("BENCH_ECHO", False)
EMERGENCY_NUMBER = env.str("EMERGENCY_NUMBER", default="911")
CRISIS_LINE = env.str("CRISIS_LINE", default="988")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
# Response-time targets per escalation level, in minutes (shown to patients and staff).
ESCALATION_TARGET_MINUTES = {
    "emergency": env_int("ESCALATION_TARGET_EMERGENCY_MINUTES", 15, minimum=1),
    "urgent": env_int("ESCALATION_TARGET_URGENT_MINUTES", 240, minimum=1),
    "routine": env_int("ESCALATION_TARGET_ROUTINE_MINUTES", 1440, minimum=1),
}
# Seconds the whole answer may take before the patient gets the safe fallback.
ASSISTANT_ANSWER_TIMEOUT = env_int("ASSISTANT_ANSWER_TIMEOUT", 30, minimum=1)
# Seconds between checks that the approved library has not changed (approvals show up
# within this time in every process).
ASSISTANT_LIBRARY_CHECK_SECONDS = env_int("ASSISTANT_LIBRARY_CHECK_SECONDS", 2)
# Asks per patient per minute, across all their connections.
ASSISTANT_ASKS_PER_MINUTE = env_int("ASSISTANT_ASKS_PER_MINUTE", 20, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "preventive-reminders": {
        "task": "portal.records.tasks.preventive_reminders",
        "schedule": 24 * 3600,
    },
}
# Notices (the outbox, written with each escalation) that are still unsent.
CELERY_BEAT_SCHEDULE["deliver-outbox"] = {
    "task": "portal.careteam.tasks.deliver_outbox",
    "schedule": 60,
}
CELERY_BEAT_SCHEDULE["renotify-breaches"] = {
    "task": "portal.careteam.tasks.renotify_breaches",
    "schedule": 300,
}
# Conversations are purged this many days after their last message (audit rows stay).
CONVERSATION_RETENTION_DAYS = env_int("CONVERSATION_RETENTION_DAYS", 730, minimum=1)
# Days between a patient deleting a conversation and its purge (they can undo meanwhile).
CONVERSATION_DELETE_GRACE_DAYS = env_int("CONVERSATION_DELETE_GRACE_DAYS", 7, minimum=0)
CELERY_BEAT_SCHEDULE["purge-conversations"] = {
    "task": "assistant.tasks.purge_conversations",
    "schedule": 24 * 3600,
}
