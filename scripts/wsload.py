"""Shared harness for `make bench` and `make chaos`: a scratch portal server on loopback,
patients with signed-in sessions, and websocket clients. Loopback only, bounded loops."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def raise_file_limit(wanted: int = 20000) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, target), hard))
    return target


class Portal:
    """A scratch SQLite portal with an approved library and `n` patients signed in."""

    def __init__(self, patients: int, *, extra_env: dict[str, str] | None = None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="portal-load-"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "false",
            "SECRET_KEY": "load-test-" + "x" * 60,
            "SECURE_COOKIES": "false",
            "DATABASE_URL": f"sqlite:///{self.dir / 'db.sqlite3'}",
            "ALLOWED_HOSTS": "127.0.0.1",
            "ASSISTANT_ASKS_PER_MINUTE": "100000",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
            **(extra_env or {}),
        }
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.cookies = self._setup(patients)

    def _setup(self, patients: int) -> list[str]:
        os.environ.update(self.env)
        import django

        django.setup()
        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore
        from django.core.management import call_command

        from assistant.services import article_versions_load
        from portal.accounts.models import Role, User
        from portal.records.models import Patient

        call_command("migrate", verbosity=0)
        article_versions_load(approve_as="Load test")
        cookies = []
        for i in range(patients):
            user = User.objects.create_user(
                f"load{i}@example.test", "load-test-pw-1", role=Role.PATIENT
            )
            Patient.objects.create(
                user=user,
                mrn=f"LOAD{i:05d}",
                given_name="Load",
                family_name=f"Patient{i}",
                birth_date="1970-01-01",
            )
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session["auth_started"] = session["last_seen"] = time.time()
            session.create()
            cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
        return cookies

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, port: int | None = None) -> None:
        from assistant.llm_eval import free_port

        self.port = port or self.port or free_port()
        env = {**self.env, "ALLOWED_ORIGINS": self.origin}
        self.process = subprocess.Popen(  # noqa: S603 (our own server, fixed arguments)
            [
                sys.executable,
                "-m",
                "uvicorn",
                "portal.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "error",
                "--backlog",
                "8192",
                "--limit-concurrency",
                "20000",
                "--ws-per-message-deflate",  # as in production (docs/DEPLOYMENT.md)
                "false",
            ],
            cwd=ROOT,
            env=env,
            preexec_fn=lambda: raise_file_limit(20000),  # noqa: PLW1509
        )
        import httpx

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.origin}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        if self.process is None:
            return 0.0
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        if self.process is None:
            return 0.0
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0


@contextmanager
def running(portal: Portal) -> Iterator[Portal]:
    portal.start()
    try:
        yield portal
    finally:
        portal.stop()


async def connect(portal: Portal, cookie: str, path: str = "/ws/chat/") -> Any:
    import websockets

    return await websockets.connect(
        f"ws://127.0.0.1:{portal.port}{path}",
        additional_headers={"Origin": portal.origin, "Cookie": cookie},
        open_timeout=30,
        max_size=2**20,
    )


async def recv_json(ws: Any, seconds: float = 30) -> dict[str, Any]:
    return dict(json.loads(await asyncio.wait_for(ws.recv(), seconds)))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
