"""Real processes for the scale-out tests: a scratch PostgreSQL database, ASGI servers,
Celery workers, and signed-in sessions made the way the portal makes them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgres://portal_test:portal_test@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@contextmanager
def scratch_database() -> Iterator[str]:
    """A migrated, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"portal_mp_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    try:
        manage("migrate", "--noinput", database_url=url)
        yield url
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def process_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "true",
        "SECRET_KEY": "multi-process-test-" + "k" * 50,
        "SECURE_COOKIES": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONPATH": str(ROOT),
    }
    env.update(extra)
    return env


def manage(*args: str, database_url: str, **extra: str) -> str:
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=process_env(database_url, **extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@contextmanager
def asgi_server(database_url: str, port: int, origins: str) -> Iterator[str]:
    """One uvicorn process serving the portal on 127.0.0.1:port."""
    env = process_env(database_url, ALLOWED_ORIGINS=origins)
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "uvicorn",
            "portal.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--ws-per-message-deflate",  # as in production (docs/DEPLOYMENT.md)
            "false",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: httpx.get(f"{base}/healthz", timeout=1).status_code == 200, 30)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for(check: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except Exception:  # noqa: S110  (still starting)
            pass
        time.sleep(0.2)
    raise TimeoutError(f"not ready after {seconds} s")


def demo_logins(database_url: str) -> dict[str, str]:
    """Create the demo data in the scratch database; returns email -> TOTP secret."""
    out = manage("demo", "--force", database_url=database_url)
    secrets: dict[str, str] = {}
    email = None
    for line in out.splitlines():
        found = re.search(r"(\S+@demo\.test)", line)
        if found:
            email = found.group(1)
        secret = re.search(r"authenticator secret (\S+)", line)
        if secret and email:
            secrets[email] = secret.group(1)
    return secrets


def sign_in(
    base: str, email: str, password: str, *, totp_secret: str | None = None
) -> httpx.Client:
    """An HTTP client signed in through the real login pages (with TOTP for staff)."""
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=10)
    client.get("/accounts/login/")
    token = client.cookies["csrftoken"]
    response = client.post(
        "/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
    )
    if totp_secret:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        client.get("/accounts/2fa/authenticate/")
        response = client.post(
            "/accounts/2fa/authenticate/",
            data={"code": code, "csrfmiddlewaretoken": client.cookies["csrftoken"]},
            headers={"Referer": f"{base}/accounts/2fa/authenticate/"},
        )
    if response.status_code != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"sign-in failed for {email}: {response.status_code}")
    return client
