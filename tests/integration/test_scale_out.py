"""Several processes sharing PostgreSQL and Redis, as a deployment runs them."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import websockets

from assistant.llm_eval import free_port
from tests.conftest import require_service
from tests.integration.processes import (
    ROOT,
    asgi_server,
    demo_logins,
    manage,
    process_env,
    scratch_database,
    sign_in,
    wait_for,
)
from tests.integration.test_services import _postgres_available, _redis_available

pytestmark = [pytest.mark.services, pytest.mark.slow]


@pytest.fixture(scope="module")
def services() -> None:
    require_service(_postgres_available(), "PostgreSQL not reachable on 127.0.0.1:5432")
    require_service(_redis_available(), "Redis not reachable on 127.0.0.1:6379")


async def receive_until(ws: Any, kind: str, seconds: float = 15) -> list[dict[str, Any]]:
    frames = []
    async with asyncio.timeout(seconds):
        while True:
            frame = json.loads(await ws.recv())
            frames.append(frame)
            if frame["type"] == kind:
                return frames


def test_two_servers_share_the_chat_and_the_live_queue(services: None) -> None:
    with scratch_database() as db:
        secrets = demo_logins(db)
        port_a, port_b = free_port(), free_port()
        origins = f"http://127.0.0.1:{port_a},http://127.0.0.1:{port_b}"
        with asgi_server(db, port_a, origins) as a, asgi_server(db, port_b, origins) as b:
            patient = sign_in(a, "louis@demo.test", "demo-patient-1")
            nurse = sign_in(
                b,
                "nora.patel@demo.test",
                "demo-clinician-1",
                totp_secret=secrets["nora.patel@demo.test"],
            )
            asyncio.run(_scenario(a, b, patient, nurse))


async def _scenario(a: str, b: str, patient: Any, nurse: Any) -> None:
    patient_ws = await websockets.connect(
        a.replace("http", "ws") + "/ws/chat/",
        additional_headers={"Origin": a, "Cookie": f"sessionid={patient.cookies['sessionid']}"},
    )
    queue_ws = await websockets.connect(
        b.replace("http", "ws") + "/ws/careteam/",
        additional_headers={"Origin": b, "Cookie": f"sessionid={nurse.cookies['sessionid']}"},
    )
    try:
        await receive_until(patient_ws, "hello")
        await patient_ws.send(
            json.dumps(
                {"type": "ask", "client_id": "mp1", "text": "should I stop taking my diazepam"}
            )
        )
        safety = (await receive_until(patient_ws, "safety"))[-1]
        await patient_ws.send(json.dumps({"type": "escalate", "message_id": safety["message_id"]}))
        ticket = (await receive_until(patient_ws, "escalation"))[-1]
        # The escalation raised through server A appears live in the queue on server B.
        changed = (await receive_until(queue_ws, "queue.changed"))[-1]
        assert changed["escalation_id"] == ticket["id"]
        # The nurse replies on server B; the patient's socket on server A receives it.
        token = nurse.cookies["csrftoken"]
        headers = {"Referer": f"{b}/staff/escalations/{ticket['id']}/"}
        nurse.get(f"/staff/escalations/{ticket['id']}/")
        nurse.post(
            f"/staff/escalations/{ticket['id']}/claim/",
            data={"csrfmiddlewaretoken": token},
            headers=headers,
        )
        nurse.post(
            f"/staff/escalations/{ticket['id']}/reply/",
            data={
                "csrfmiddlewaretoken": token,
                "text": "Please keep taking it; I will call you today.",
            },
            headers=headers,
        )
        reply = (await receive_until(patient_ws, "careteam.reply"))[-1]
        assert reply["text"].startswith("Please keep taking it")
        assert reply["author"] == "Nora Patel, Nurse"
    finally:
        await patient_ws.close()
        await queue_ws.close()


def test_worker_killed_mid_notification_sends_exactly_once_after_restart(
    services: None, tmp_path: Path
) -> None:
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    marker = tmp_path / "sending"
    extra = {
        "EMAIL_BACKEND": "tests.integration.slow_mail.SlowFileBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "SLOW_MAIL_MARKER": str(marker),
        "CELERY_VISIBILITY_TIMEOUT": "4",
    }
    with scratch_database() as db:
        demo_logins(db)
        env = process_env(db, **extra)
        subprocess.run(
            ["redis-cli", "-u", env["REDIS_URL"], "flushdb"],
            check=True,  # noqa: S603,S607
            capture_output=True,
        )
        first = _worker(env)
        try:
            manage("shell", "-c", RAISE_ESCALATION, database_url=db, **extra)
            wait_for(marker.exists, 30)  # the worker is inside the email send
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
        assert list(mail_dir.iterdir()) == []
        second = _worker(env)
        try:
            # Redelivery waits for the visibility timeout and the next restore sweep.
            wait_for(lambda: len(list(mail_dir.iterdir())) >= 1, 120)
            time.sleep(6)  # past another visibility timeout: nothing more may arrive
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=20)
        assert len(list(mail_dir.iterdir())) == 1
        sent = (
            manage("shell", "-c", COUNT_NOTICES, database_url=db, **extra).strip().splitlines()[-1]
        )
        assert sent == "1 1"


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            "celery",
        ],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
    )


RAISE_ESCALATION = """
from assistant.models import Conversation, Message
from portal.careteam.services import escalation_create
from portal.records.models import Patient
p = Patient.objects.get(given_name="Louis")
c = Conversation.objects.create(patient=p)
m = Message.objects.create(conversation=c, seq=1, role="patient", kind="question",
                           text="I fainted twice today", client_id="k1")
escalation_create(message=m, level="urgent", reason="urgent")
"""
COUNT_NOTICES = """
from portal.careteam.models import Notice
print(Notice.objects.filter(sent_at__isnull=False).count(), Notice.objects.count())
"""
