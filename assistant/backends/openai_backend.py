"""Any OpenAI-compatible chat model (a hosted API, Azure OpenAI, vLLM, a llama.cpp server).

The only module that imports `openai`. What leaves the process is redacted first: the
prompt is built from the question, the retrieved passages, a de-identified summary of
the record and recent turns, and every piece goes through one conversation `Redactor`
before it is sent. The streamed reply is restored for the patient (placeholders back to
the real values), cut into whole sentences and yielded one by one; the pipeline's output
guard decides which of them the patient sees.

Failure handling, in order:
- a circuit breaker: after OPENAI_BREAKER_FAILURES failed calls in a row the endpoint is
  skipped (BackendError at once) for OPENAI_BREAKER_RESET_SECONDS, then one trial call
  decides whether it closes again;
- timeouts: connect (OPENAI_CONNECT_TIMEOUT), first token (OPENAI_FIRST_TOKEN_TIMEOUT)
  and whole answer (OPENAI_TOTAL_TIMEOUT);
- retries with exponential backoff, only for errors that may pass (connection errors,
  timeouts, 429 and 5xx) and only before the first token: a half-streamed answer is
  never restarted.
Every failure surfaces as BackendError, which the pipeline turns into the grounded answer.
"""

from __future__ import annotations

import asyncio
import re
import time
import weakref
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import openai
from django.conf import settings

from assistant.backends.base import AnswerRequest, Backend, BackendError, Passage, Sentence
from assistant.knowledge.text import sentences as split_sentences
from assistant.safety import Redactor

SYSTEM_RULES = """You explain health information to a patient in plain, simple words.
Rules:
- Use only the numbered passages below. Do not add facts from anywhere else.
- After each sentence, cite the passage it comes from, like [1].
- Explain; do not advise. Never tell the patient to start, stop or change a medicine or dose.
- Never give a dose, a number of pills or a schedule.
- Never say the patient has a condition unless the record summary lists it.
- If the passages do not answer the question, say: I don't have approved information about
  that, and your care team can help.
- Write 3 to 5 short sentences at a 6th-grade reading level."""

RETRYABLE = (
    openai.APIConnectionError,  # includes APITimeoutError
    openai.RateLimitError,
    openai.InternalServerError,
)
_CITE = re.compile(r"\s*\[(\d{1,2})\]")


@dataclass
class Breaker:
    """Consecutive-failure circuit breaker shared by all patients of this process."""

    failures: int = 0
    opened_at: float | None = None

    def allow(self, *, threshold: int, reset_seconds: float) -> bool:
        if self.opened_at is None:
            return True
        if time.monotonic() - self.opened_at >= reset_seconds:
            return True  # half-open: let one call try; its result opens or closes the breaker
        return self.failures < threshold

    def record(self, ok: bool, *, threshold: int) -> None:
        if ok:
            self.failures, self.opened_at = 0, None
            return
        self.failures += 1
        if self.failures >= threshold:
            self.opened_at = time.monotonic()

    @property
    def state(self) -> str:
        return "closed" if self.opened_at is None else "open"


class OpenAIBackend(Backend):
    name = "openai"
    uses_history = True

    def __init__(self) -> None:
        self.model = settings.OPENAI_MODEL
        self.base_url = settings.OPENAI_BASE_URL
        self.breaker = Breaker()
        # One client (and connection pool) per event loop: pooled connections belong to
        # the loop that opened them (a server has one loop; commands and tests make more).
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = (
            weakref.WeakKeyDictionary()
        )

    @property
    def client(self) -> openai.AsyncOpenAI:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            # openai's own Timeout: the HTTP library under it has changed (httpx, now httpx2)
            # and refuses the other one's type.
            timeout = openai.Timeout(
                settings.OPENAI_TOTAL_TIMEOUT, connect=settings.OPENAI_CONNECT_TIMEOUT
            )
            common: dict[str, Any] = {
                "api_key": settings.OPENAI_API_KEY,
                "timeout": timeout,
                "max_retries": 0,
            }  # we retry, before streaming only
            if settings.AZURE_OPENAI_ENDPOINT:
                client = openai.AsyncAzureOpenAI(
                    azure_endpoint=settings.AZURE_OPENAI_ENDPOINT,
                    api_version=settings.AZURE_OPENAI_API_VERSION,
                    **common,
                )
            else:
                client = openai.AsyncOpenAI(base_url=self.base_url, **common)
            self._clients[loop] = client
        return client

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        threshold = settings.OPENAI_BREAKER_FAILURES
        if not self.breaker.allow(
            threshold=threshold, reset_seconds=settings.OPENAI_BREAKER_RESET_SECONDS
        ):
            raise BackendError("model endpoint skipped: circuit breaker open")
        redactor = Redactor(request.identifiers)
        messages = build_messages(request, redactor)
        started = time.monotonic()
        request.trace.update(model=self.model, redactions=redactor.count, backend=self.name)
        ok = False
        try:
            async with asyncio.timeout(settings.OPENAI_TOTAL_TIMEOUT):
                stream = await self._open_stream(messages)
                async for sentence in self._sentences(stream, redactor, request, started):
                    yield sentence
            ok = True
        except Exception as exc:
            # Errors of the HTTP library under openai (httpx2 now) can surface from a
            # stream unwrapped; whatever fails, the contract is BackendError only.
            raise BackendError(f"model call failed: {type(exc).__name__}") from exc
        finally:
            self.breaker.record(ok, threshold=threshold)
            request.trace.update(
                latency_ms=int((time.monotonic() - started) * 1000),
                ok=ok,
                breaker=self.breaker.state,
            )

    async def _open_stream(self, messages: list[dict[str, str]]) -> Any:
        """Start the streamed completion, retrying only retryable errors, with backoff."""
        attempts = settings.OPENAI_MAX_RETRIES + 1
        for attempt in range(attempts):
            try:
                return await self.client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.model,
                    messages=messages,
                    stream=True,
                    temperature=0.2,
                    max_tokens=settings.OPENAI_MAX_TOKENS,
                    stream_options={"include_usage": True},
                )
            except RETRYABLE:
                if attempt == attempts - 1:
                    raise
                await asyncio.sleep(min(4.0, 0.25 * 2**attempt))
        raise BackendError("unreachable")  # pragma: no cover

    async def _sentences(
        self, stream: Any, redactor: Redactor, request: AnswerRequest, started: float
    ) -> AsyncIterator[Sentence]:
        """Whole sentences from the token stream, restored and with their citations."""
        buffer = ""
        first = True
        chunks = stream.__aiter__()
        while True:
            try:
                if first:
                    chunk = await asyncio.wait_for(
                        chunks.__anext__(), settings.OPENAI_FIRST_TOKEN_TIMEOUT
                    )
                else:
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                break
            if getattr(chunk, "usage", None):
                request.trace.update(
                    prompt_tokens=chunk.usage.prompt_tokens,
                    completion_tokens=chunk.usage.completion_tokens,
                )
            if not chunk.choices:
                continue
            delta = chunk.choices[0].delta.content or ""
            if first and delta:
                request.trace["first_token_ms"] = int((time.monotonic() - started) * 1000)
                first = False
            buffer += delta
            done, buffer = complete_sentences(buffer)
            for text in done:
                sentence = to_sentence(redactor.restore(text), request.passages)
                if sentence is not None:
                    yield sentence
        if buffer.strip():
            sentence = to_sentence(redactor.restore(buffer), request.passages)
            if sentence is not None:
                yield sentence


def build_messages(request: AnswerRequest, redactor: Redactor) -> list[dict[str, str]]:
    """The chat messages, with every piece of patient text redacted."""
    passages = (
        "\n\n".join(f"[{p.n}] {p.title}, {p.section}:\n{p.text}" for p in request.passages)
        or "(no passages)"
    )
    record = request.record
    summary = [
        f"Age band: {record.age_band or 'unknown'}; "
        f"sex at birth: {record.sex_at_birth or 'unknown'}."
    ]
    if record.conditions:
        # The chart's names are English; the plain name in the answer's language helps
        # the model say it the way the patient's articles do.
        listed = "; ".join(
            c.display
            + (f" [{request.language}: {title}]" if (title := c.title_in(request.language)) else "")
            + (f" (since {c.onset_year})" if c.onset_year else "")
            for c in record.conditions
            if c.active
        )
        summary.append(f"Conditions on record: {listed or 'none active'}.")
    if record.medications:
        summary.append("Medicines on record: " + "; ".join(record.medications) + ".")
    system = f"{SYSTEM_RULES}\n\nPassages:\n{passages}\n\nRecord summary:\n" + "\n".join(summary)
    messages = [{"role": "system", "content": redactor.redact(system).text}]
    budget = settings.OPENAI_HISTORY_CHARS
    recent: list[dict[str, str]] = []
    history = list(request.history)
    if history and history[-1].role == "patient" and history[-1].text == request.question:
        history.pop()  # the question itself, stored before the call, goes last below
    for turn in reversed(history):
        budget -= len(turn.text)
        if budget < 0:
            break
        role = "user" if turn.role == "patient" else "assistant"
        recent.insert(0, {"role": role, "content": redactor.redact(turn.text).text})
    messages.extend(recent)
    messages.append({"role": "user", "content": redactor.redact(request.question).text})
    return messages


def complete_sentences(buffer: str) -> tuple[list[str], str]:
    """Split off the sentences that are certainly complete; keep the rest buffered.

    The last sentence found is kept back unless more text follows it, since a stream can
    stop in the middle of "Dr." or "3.5".
    """
    parts = list(split_sentences(buffer))
    if len(parts) < 2:
        return [], buffer
    done = parts[:-1]
    tail_start = buffer.rfind(parts[-1])
    return done, buffer[tail_start:] if tail_start >= 0 else parts[-1]


def to_sentence(text: str, passages: Sequence[Passage]) -> Sentence | None:
    """A Sentence with its citation numbers (only numbers of real passages) removed from
    the text; None for empty text."""
    numbers = tuple(
        dict.fromkeys(int(n) for n in _CITE.findall(text) if 1 <= int(n) <= len(passages))
    )
    clean = " ".join(_CITE.sub("", text).split())
    if not clean or not re.search(r"\w", clean):
        return None
    return Sentence(clean, numbers)
