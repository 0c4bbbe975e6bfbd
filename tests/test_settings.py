"""settings.py fails loudly on bad values and is clean under `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "pR0d-" + "".join(chr(ord("a") + i % 26) for i in range(60))
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "portal.example.org",
    "ALLOWED_ORIGINS": "https://portal.example.org",
    "SECURE_SSL_REDIRECT": "true",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    inherited = {*PRODUCTION, "DATABASE_URL", "SECURE_COOKIES"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    clean.update(env, DJANGO_SETTINGS_MODULE="portal.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        pytest.param({"DEBUG": "maybe"}, "DEBUG", id="debug-not-bool"),
        pytest.param({"DEBUG": "false"}, "SECRET_KEY", id="no-secret-key"),
        pytest.param(
            {"DEBUG": "false", "SECRET_KEY": "insecure-development-key-do-not-deploy"},
            "SECRET_KEY",
            id="default-secret-key",
        ),
        pytest.param(
            {"DEBUG": "true", "SESSION_IDLE_MINUTES": "ten"},
            "SESSION_IDLE_MINUTES",
            id="idle-not-int",
        ),
        pytest.param(
            {"DEBUG": "true", "SESSION_IDLE_MINUTES": "0"}, "SESSION_IDLE_MINUTES", id="idle-zero"
        ),
        pytest.param(
            {"DEBUG": "true", "DATABASE_URL": "mysql://db/x"}, "DATABASE_URL", id="db-scheme"
        ),
        pytest.param(
            {"DEBUG": "true", "REDIS_URL": "http://cache"}, "REDIS_URL", id="redis-scheme"
        ),
        pytest.param(
            {"DEBUG": "true", "ALLOWED_ORIGINS": "portal.example.org"},
            "ALLOWED_ORIGINS",
            id="origin-without-scheme",
        ),
    ],
)
def test_bad_values_stop_start_up_naming_the_variable(env: dict[str, str], named: str) -> None:
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{named}:" in result.stderr


def test_check_deploy_is_clean_under_production_settings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
