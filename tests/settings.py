"""Settings for the test suite: the production settings module with test-only defaults.

Only defaults are set here; a variable exported by the caller still wins, so the
suite can run against PostgreSQL and Redis by setting DATABASE_URL and REDIS_URL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-" + "x" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_COOKIES", "false")

from portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests render templates without collectstatic having run.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise warns when missing)
# The browser tests' server serves static files straight from static/ (no collectstatic).
WHITENOISE_USE_FINDERS = True
ASSISTANT_LIBRARY_CHECK_SECONDS = 0  # tests see approvals at once
