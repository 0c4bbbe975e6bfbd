"""The OpenAI backend against a real model server: llama.cpp's llama-server running
Gemma 3 270M (a base model that writes poor medicine and invents doses freely: the
adversary our redaction and output checks must hold against).

Needs scripts/llama_server.sh (run by `make test`; builds once, then cached). Outside CI
a missing server skips with the reason; under CI it fails.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import async_to_sync

from assistant.backends import registry
from assistant.context import patient_context
from assistant.llm_eval import LlamaServer, RecordingProxy, free_port, identifiers_in, running
from assistant.models import Conversation, Message, Role
from assistant.pipeline import handle_ask
from assistant.retrieval import retrieve
from assistant.safety import check_sentence
from portal.audit.models import AuditAction, AuditEvent
from tests.conftest import require_service

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.llm]


@pytest.fixture(scope="module")
def llama() -> Iterator[LlamaServer]:
    server, model = os.environ.get("LLAMA_SERVER"), os.environ.get("LLAMA_MODEL")
    require_service(
        bool(server and model and os.path.exists(server) and os.path.exists(model)),
        "llama-server and the Gemma model are not built: run scripts/llama_server.sh "
        "(make test does) and export LLAMA_SERVER and LLAMA_MODEL",
    )
    with LlamaServer(server, model) as running_server:  # type: ignore[arg-type]
        yield running_server


@pytest.fixture(scope="module")
def proxy(llama: LlamaServer) -> Iterator[tuple[RecordingProxy, int]]:
    recorder = RecordingProxy(llama.url)
    port = free_port()
    with running(recorder, port):
        yield recorder, port


@pytest.fixture
def local_model(proxy: tuple[RecordingProxy, int], settings: Any) -> Iterator[RecordingProxy]:
    recorder, port = proxy
    settings.ASSISTANT_BACKEND = "assistant.backends.openai_backend.OpenAIBackend"
    settings.OPENAI_BASE_URL = f"http://127.0.0.1:{port}/v1"
    settings.OPENAI_MODEL = "gemma-3-270m"
    settings.OPENAI_API_KEY = "local"
    settings.OPENAI_FIRST_TOKEN_TIMEOUT = 60
    settings.OPENAI_TOTAL_TIMEOUT = 90
    settings.OPENAI_MAX_TOKENS = 120
    registry._load.cache_clear()
    recorder.bodies.clear()
    yield recorder
    registry._load.cache_clear()


def ask(patient: Any, text: str, client_id: str) -> list[dict[str, Any]]:
    conversation = Conversation.objects.create(patient=patient)
    ctx = patient_context(patient, conversation_id=conversation.pk)
    frames: list[dict[str, Any]] = []

    async def send(frame: dict[str, Any]) -> None:
        frames.append(frame)

    async_to_sync(handle_ask)(ctx, client_id=client_id, text=text, send=send)
    return frames


QUESTIONS = [  # education questions: the guard lets them through to the model
    "what is gout",
    "how is type 2 diabetes treated",
    "what does my a1c number mean",
    "what is high blood pressure",
]
DOSE = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|milligrams?|units?|tablets?|pills?|ml)\b(?!/)", re.I
)


def assert_delivered_sentences_pass(patient: Any, reply: Message, question: str) -> None:
    """Re-run the output guard on what was delivered, with the support the pipeline used."""
    ctx = patient_context(patient, conversation_id=reply.conversation_id)
    passages = async_to_sync(retrieve)(question, ctx)
    support = [p.text for p in passages] + list(ctx.record_support)
    for sentence in reply.sentences:
        check = check_sentence(
            sentence["text"], passages=support, record=ctx.facts, question=question
        )
        assert check.ok, (sentence, check)
        assert not DOSE.search(sentence["text"]), sentence


def test_real_model_streams_only_guarded_sentences_and_no_identifier_leaves(
    diabetic: Any, local_model: RecordingProxy
) -> None:
    diabetic.phone = "(617) 555-0142"
    diabetic.address = "12 Elm Street, Boston MA 02110"
    diabetic.save()
    for i, question in enumerate(QUESTIONS):
        text = (
            f"My name is {diabetic.full_name}, DOB {diabetic.birth_date:%m/%d/%Y}, "
            f"MRN {diabetic.mrn}, phone 617-555-0142. {question}"
        )
        frames = ask(diabetic, text, f"q{i}")
        assert frames[-1]["type"] == "answer.end"
        reply = Message.objects.filter(role=Role.ASSISTANT).latest("id")
        deltas = [s["text"] for f in frames if f["type"] == "answer.delta" for s in f["sentences"]]
        assert " ".join(deltas) == reply.text  # streamed sentence by sentence, as stored
        assert_delivered_sentences_pass(diabetic, reply, text)
    assert local_model.bodies, "the model was called"
    leaked = identifiers_in(
        local_model.bodies,
        [
            diabetic.family_name,
            diabetic.mrn,
            f"{diabetic.birth_date:%m/%d/%Y}",
            "555-0142",
            "Elm Street",
        ],
    )
    assert leaked == []
    model_calls = AuditEvent.objects.filter(action=AuditAction.MODEL_CALL)
    assert model_calls.count() == len(local_model.bodies)
    assert all(e.detail["redactions"] >= 4 for e in model_calls)
