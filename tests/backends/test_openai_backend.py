"""The OpenAI-compatible backend against our fault server: every failure ends in the
grounded fallback within the configured time; the breaker opens and closes; nothing
identifying leaves the process; invented doses never reach the patient."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.test import override_settings

from assistant.backends import registry
from assistant.context import patient_context
from assistant.models import Conversation, Message, Role
from assistant.pipeline import handle_ask
from portal.audit.models import AuditAction, AuditEvent
from tests.backends.fault_server import FaultServer, running

# database_sync_to_async closes a connection left in a transaction: no wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True)
OPENAI = "assistant.backends.openai_backend.OpenAIBackend"
FAST: dict[str, Any] = {
    "OPENAI_CONNECT_TIMEOUT": 1,
    "OPENAI_FIRST_TOKEN_TIMEOUT": 1,
    "OPENAI_TOTAL_TIMEOUT": 3,
    "OPENAI_MAX_RETRIES": 2,
    "OPENAI_BREAKER_FAILURES": 3,
    "OPENAI_BREAKER_RESET_SECONDS": 1,
    "OPENAI_API_KEY": "test-key",
    "OPENAI_MODEL": "fault",
}


@pytest.fixture(scope="module")
def fault() -> Iterator[FaultServer]:
    server = FaultServer()
    with running(server, server.port):
        yield server


@pytest.fixture
def model(fault: FaultServer, settings: Any) -> Iterator[Any]:
    """Point the backend at a fault-server mode: model("stall") (a fresh backend each time)."""

    def use(mode: str) -> Any:
        for key, value in FAST.items():
            setattr(settings, key, value)
        settings.ASSISTANT_BACKEND = OPENAI
        settings.OPENAI_BASE_URL = fault.url(mode)
        registry._load.cache_clear()
        return registry.get_backend()

    yield use
    registry._load.cache_clear()


def ask(patient: Any, text: str, client_id: str = "q") -> tuple[list[dict[str, Any]], float]:
    conversation, _ = Conversation.objects.get_or_create(patient=patient)
    ctx = patient_context(patient, conversation_id=conversation.pk)
    frames: list[dict[str, Any]] = []

    async def send(frame: dict[str, Any]) -> None:
        frames.append(frame)

    started = time.monotonic()
    async_to_sync(handle_ask)(ctx, client_id=client_id, text=text, send=send)
    return frames, time.monotonic() - started


def test_a_working_model_streams_guarded_sentences_with_citations(
    diabetic: Any, model: Any
) -> None:
    model("ok")
    frames, _ = ask(diabetic, "what is gout")
    deltas = [f for f in frames if f["type"] == "answer.delta"]
    assert len(deltas) >= 3
    assert all(len(d["sentences"]) == 1 for d in deltas), "a model's sentences: one a frame"
    streamed = [s for d in deltas for s in d["sentences"]]
    assert all(s["cites"] == [1] for s in streamed)
    assert all("[1]" not in s["text"] for s in streamed)
    reply = Message.objects.get(role=Role.ASSISTANT)
    assert reply.backend == "openai"
    audit = AuditEvent.objects.get(action=AuditAction.MODEL_CALL)
    assert audit.detail["model"] == "fault"
    assert audit.detail["completion_tokens"] > 0
    assert audit.detail["dropped"] == reply.dropped
    assert audit.patient == diabetic
    assert "gout" not in str(audit.detail).lower()  # facts only, never the text


@pytest.mark.parametrize(
    "mode", ["error500", "error429", "error400", "stall", "stall_after_first", "malformed", "slow"]
)
def test_every_failure_ends_in_the_grounded_answer_within_the_timeout(
    diabetic: Any, model: Any, mode: str
) -> None:
    model(mode)
    frames, elapsed = ask(diabetic, "what is gout")
    end = frames[-1]
    assert end["type"] == "answer.end"
    assert end["kind"] == "answer"
    assert end["citations"][0]["slug"] == "gout"
    reply = Message.objects.get(role=Role.ASSISTANT)
    assert "grounded" in reply.backend
    # total timeout (3 s) plus retry backoff (0.25 + 0.5 s), with room for a slow machine
    assert elapsed < FAST["OPENAI_TOTAL_TIMEOUT"] + 2.5, f"{mode} took {elapsed:.1f} s"
    # the chat stays usable: the next question is answered too
    frames, _ = ask(diabetic, "what is gout", client_id="again")
    assert frames[-1]["type"] == "answer.end"


def test_retries_only_retryable_errors(diabetic: Any, model: Any, fault: FaultServer) -> None:
    model("flaky")  # two 500s, then ok
    frames, _ = ask(diabetic, "what is gout")
    assert Message.objects.get(role=Role.ASSISTANT).backend == "openai"
    assert fault.counts["flaky"] == 3
    model("error400")
    before = fault.counts.get("error400", 0)
    ask(diabetic, "what is gout", client_id="bad-request")
    assert fault.counts["error400"] == before + 1  # a 400 is not retried


def test_breaker_opens_after_failures_and_closes_after_reset(
    diabetic: Any, model: Any, fault: FaultServer, settings: Any
) -> None:
    backend = model("error500")
    settings.OPENAI_MAX_RETRIES = 0
    for i in range(3):
        ask(diabetic, "what is gout", client_id=f"fail{i}")
    assert backend.breaker.state == "open"
    calls = fault.counts["error500"]
    frames, _ = ask(diabetic, "what is gout", client_id="skipped")
    assert fault.counts["error500"] == calls  # the endpoint was not called at all
    assert frames[-1]["kind"] == "answer"  # grounded answer meanwhile
    time.sleep(1.1)  # OPENAI_BREAKER_RESET_SECONDS: the next call is a trial
    backend.base_url = fault.url("ok")  # the endpoint has recovered
    frames, _ = ask(diabetic, "what is gout", client_id="trial")
    assert backend.breaker.state == "closed"
    assert Message.objects.filter(backend="openai").exists()


def test_nothing_identifying_leaves_and_placeholders_come_back(
    diabetic: Any, model: Any, fault: FaultServer
) -> None:
    diabetic.phone = "(617) 555-0142"
    diabetic.address = "12 Elm Street, Boston MA 02110"
    diabetic.save()
    model("inventing")
    start = len(fault.requests)
    question = (
        f"Hi, I'm {diabetic.full_name}, born {diabetic.birth_date:%m/%d/%Y}, MRN {diabetic.mrn}, "
        "call me at 617-555-0142. What is gout?"
    )
    frames, _ = ask(diabetic, question)
    sent = [r["body"] for r in fault.requests[start:]]
    assert sent
    for body in sent:
        for identifier in (
            diabetic.family_name,
            diabetic.mrn,
            "555-0142",
            "Elm Street",
            f"{diabetic.birth_date:%m/%d/%Y}",
        ):
            assert identifier not in body
        assert "[NAME_1]" in body
    shown = " ".join(
        s["text"] for f in frames if f["type"] == "answer.delta" for s in f["sentences"]
    )
    assert "800 mg" not in shown
    assert "stop taking" not in shown
    assert "cured" not in shown
    reply = Message.objects.get(role=Role.ASSISTANT)
    assert reply.dropped >= 3


@override_settings(ASSISTANT_BACKEND=OPENAI, OPENAI_MODEL="", OPENAI_BASE_URL="")
def test_missing_configuration_fails_at_start() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "true",
            "ASSISTANT_BACKEND": OPENAI,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "OPENAI_MODEL: required" in result.stderr
