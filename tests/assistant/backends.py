"""Backends for tests: they answer by quoting the passages (so the output guard keeps them)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import ClassVar

from assistant.backends.base import AnswerRequest, Backend, BackendError, Sentence
from assistant.knowledge.text import sentences


def quoted(request: AnswerRequest, limit: int = 3) -> list[Sentence]:
    out = []
    for passage in request.passages[:2]:
        for text in list(sentences(passage.text))[:2]:
            out.append(Sentence(text, (passage.n,)))
    return out[:limit]


class RecordingBackend(Backend):
    """Remembers every request it is given."""

    name = "recording"
    requests: ClassVar[list[AnswerRequest]] = []

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        RecordingBackend.requests.append(request)
        for sentence in quoted(request):
            yield sentence


class SlowBackend(Backend):
    """Takes one second before answering, without blocking the event loop; counts the
    answers waiting at the same moment (``most_waiting``)."""

    name = "slow"
    waiting = 0
    most_waiting = 0

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        cls = type(self)
        cls.waiting += 1
        cls.most_waiting = max(cls.most_waiting, cls.waiting)
        try:
            await asyncio.sleep(1.0)
        finally:
            cls.waiting -= 1
        for sentence in quoted(request):
            yield sentence


class DripBackend(Backend):
    """One sentence every 0.3 s: long enough to drop the connection mid-answer."""

    name = "drip"

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        for sentence in quoted(request, limit=4):
            await asyncio.sleep(0.3)
            yield sentence


class FailingBackend(Backend):
    name = "failing"

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        raise BackendError("model endpoint down")
        yield Sentence("unreachable")  # pragma: no cover


class InventingBackend(Backend):
    """Writes things no article says, including a dose: the output guard must drop them."""

    name = "inventing"

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        yield Sentence("Take 800 mg of ibuprofen three times a day.", (1,))
        yield Sentence("You should stop taking your blood pressure medicine.", (1,))
        for sentence in quoted(request, limit=2):
            yield sentence
