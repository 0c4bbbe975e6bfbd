"""Running the OpenAI-compatible backend against a real local model, and measuring it.

- `LlamaServer`: starts llama.cpp's `llama-server` (built by scripts/llama_server.sh) on a
  free loopback port and stops it.
- `RecordingProxy`: an ASGI proxy between the backend and the model server that keeps
  every request body, so we can prove what left the process.
- `python -m assistant.llm_eval` (`make eval-llm`): the knowledge question set through the
  chat pipeline with the local model, printing the share of answers delivered, sentences
  dropped per check, identifiers seen by the proxy (must be 0), time to first sentence and
  total time.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def locate_llama() -> tuple[Path, Path]:
    """(server binary, model): from LLAMA_SERVER/LLAMA_MODEL, else scripts/llama_server.sh."""
    server, model = os.environ.get("LLAMA_SERVER"), os.environ.get("LLAMA_MODEL")
    if not (server and model):
        out = subprocess.run(  # noqa: S603 (our own script)
            ["/bin/bash", str(ROOT / "scripts/llama_server.sh")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
            env={**os.environ, "PYTHON": sys.executable},
        )
        server, model = out.stdout.strip().splitlines()[-2:]
    return Path(server), Path(model)


@contextmanager
def running(app: Any, port: int) -> Iterator[None]:
    """Serve an ASGI app on 127.0.0.1:port in a thread for the duration of the block."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=5)


class LlamaServer:
    """llama-server with the model on a free port; use as a context manager."""

    def __init__(self, binary: Path, model: Path) -> None:
        self.binary, self.model, self.port = binary, model, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LlamaServer:
        self.process = subprocess.Popen(  # noqa: S603 (our own binary, fixed arguments)
            [
                str(self.binary),
                "-m",
                str(self.model),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "-c",
                "4096",
                "-t",
                "2",
                "--no-webui",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama-server exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError("llama-server did not become healthy in 120 s")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class RecordingProxy:
    """ASGI app forwarding to `upstream` and recording every request body."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.bodies: list[str] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.bodies.append(body.decode("utf-8", "replace"))
        headers = {"content-type": "application/json"}
        async with httpx.AsyncClient(timeout=120) as client:
            async with client.stream(
                scope["method"], self.upstream + scope["path"], content=body, headers=headers
            ) as response:
                await send(
                    {
                        "type": "http.response.start",
                        "status": response.status_code,
                        "headers": [
                            (
                                b"content-type",
                                response.headers.get("content-type", "text/plain").encode(),
                            )
                        ],
                    }
                )
                async for chunk in response.aiter_raw():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})


def identifiers_in(bodies: list[str], identifiers: list[str]) -> list[str]:
    """The identifiers that appear in any recorded request body."""
    return sorted({i for i in identifiers if i and any(i in body for body in bodies)})


def run(*, limit: int) -> int:  # pragma: no cover - exercised by `make eval-llm`
    """The evaluation itself; needs Django set up on a scratch database."""
    import statistics
    from collections import Counter

    from asgiref.sync import async_to_sync
    from django.conf import settings
    from django.core.management import call_command

    from assistant.backends import registry
    from assistant.context import patient_context
    from assistant.models import Conversation, GuardEvent
    from assistant.pipeline import handle_ask
    from assistant.services import article_versions_load
    from portal.records.fhir_import import import_bundle

    call_command("migrate", verbosity=0)
    article_versions_load(approve_as="Evaluation")
    bundle = next((ROOT / "portal/records/fixtures/synthea").glob("Louis_Maggio_*.json"))
    patient = import_bundle(bundle).mrn
    from portal.records.models import Patient

    person = Patient.objects.get(mrn=patient)
    questions = [
        json.loads(line)
        for line in (ROOT / "assistant/knowledge/eval/questions.jsonl").read_text().splitlines()
        if line.strip()
    ][:limit]
    binary, model = locate_llama()
    first_times: list[float] = []
    totals: list[float] = []
    outcomes: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    with LlamaServer(binary, model) as server:
        proxy = RecordingProxy(server.url)
        port = free_port()
        with running(proxy, port):
            settings.ASSISTANT_BACKEND = "assistant.backends.openai_backend.OpenAIBackend"
            settings.OPENAI_BASE_URL = f"http://127.0.0.1:{port}/v1"
            settings.OPENAI_MODEL = "gemma-3-270m"
            settings.OPENAI_API_KEY = "local"
            settings.OPENAI_FIRST_TOKEN_TIMEOUT = 30
            settings.OPENAI_TOTAL_TIMEOUT = 60
            registry._load.cache_clear()
            for i, q in enumerate(questions):
                conversation = Conversation.objects.create(patient=person)
                ctx = patient_context(person, conversation_id=conversation.pk)
                # Every third question carries the patient's identifiers, as people write.
                text = q["text"]
                if i % 3 == 0:
                    text = (
                        f"Hi, this is {person.full_name}, born "
                        f"{person.birth_date:%m/%d/%Y}, MRN {person.mrn}. {text}"
                    )
                frames: list[tuple[float, dict[str, Any]]] = []
                started = time.monotonic()

                async def send(
                    frame: dict[str, Any],
                    started: float = started,
                    frames: list[tuple[float, dict[str, Any]]] = frames,
                ) -> None:
                    frames.append((time.monotonic() - started, frame))

                async_to_sync(handle_ask)(ctx, client_id=f"e{i}", text=text, send=send)
                totals.append(time.monotonic() - started)
                deltas = [t for t, f in frames if f["type"] == "answer.delta"]
                if deltas:
                    first_times.append(deltas[0])
                end = frames[-1][1]
                outcomes[str(end.get("kind") or end.get("level") or end["type"])] += 1
            for event in GuardEvent.objects.filter(stage="output"):
                for rule in event.rules:
                    dropped[rule] += 1
            seen = identifiers_in(
                proxy.bodies,
                [
                    person.family_name,
                    person.mrn,
                    f"{person.birth_date:%m/%d/%Y}",
                    person.phone,
                    person.address,
                ],
            )
    from assistant.models import Message

    answers = Message.objects.filter(role="assistant", kind="answer")
    from_model = answers.exclude(backend="grounded").count()
    print(f"questions: {len(questions)}; outcomes: {dict(outcomes)}")
    print(
        f"answers delivered: {sum(outcomes[k] for k in ('answer', 'no_answer'))}/"
        f"{len(questions)}; answers with model sentences kept: {from_model}"
    )
    print(f"sentences dropped per check: {dict(dropped)}")
    print(
        f"model requests recorded by the proxy: {len(proxy.bodies)}; "
        f"identifiers seen in them: {len(seen)} {seen}"
    )
    if first_times:
        print(
            f"time to first sentence: p50 {statistics.median(first_times):.2f} s, "
            f"max {max(first_times):.2f} s"
        )
    print(
        f"total time per question: p50 {statistics.median(totals):.2f} s, max {max(totals):.2f} s"
    )
    return 1 if seen else 0


def main() -> int:  # pragma: no cover - exercised by `make eval-llm`
    db = Path(tempfile.mkdtemp()) / "eval-llm.sqlite3"
    db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return run(limit=int(sys.argv[1]) if len(sys.argv) > 1 else 60)


if __name__ == "__main__":
    sys.exit(main())
