"""The contract every answer backend implements.

A backend turns a question plus retrieved passages plus a de-identified view of the
patient's record into a stream of sentences. It never sees the guard's decision and
never talks to the patient: the pipeline checks every sentence it yields with the
output guard before anything is sent.

Backends are chosen by dotted path (settings.ASSISTANT_BACKEND) and are plain Python:
no Django imports, so they can be tested and benchmarked on their own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.safety import PatientIdentifiers


@dataclass(frozen=True)
class Passage:
    """One retrieved section of an approved article. `n` is its 1-based citation number."""

    n: int
    slug: str
    title: str
    section: str
    text: str
    score: float = 0.0
    lang: str = "en"


@dataclass(frozen=True)
class RecordCondition:
    display: str  # as the chart has it (SNOMED display text, English)
    codes: tuple[str, ...] = ()  # "system|code", e.g. "http://snomed.info/sct|44054006"
    onset_year: int | None = None
    active: bool = True
    article_slug: str | None = None
    # (language, title) of each approved translation of the article: the plain name to
    # use in that language, e.g. ("es", "Diabetes tipo 2").
    titles: tuple[tuple[str, str], ...] = ()

    def title_in(self, language: str) -> str | None:
        return dict(self.titles).get(language)


@dataclass(frozen=True)
class RecordMeasurement:
    """The latest value of a measurement the library explains (HbA1c, LDL, BP, BMI, eGFR)."""

    name: str  # "HbA1c"
    value: str  # "6.1%", "128/84 mmHg"
    when: str  # "March 2019"
    article_slug: str


@dataclass(frozen=True)
class RecordContext:
    """What the assistant may know about the patient: no identifiers, ever."""

    age_band: str | None = None  # e.g. "50-59"
    sex_at_birth: str | None = None
    conditions: tuple[RecordCondition, ...] = ()
    medications: tuple[str, ...] = ()  # display text as recorded
    measurements: tuple[RecordMeasurement, ...] = ()
    language: str = "en"


@dataclass(frozen=True)
class Turn:
    role: str  # "patient" | "assistant"
    text: str


@dataclass(frozen=True)
class AnswerRequest:
    """What a backend answers. `identifiers` are the patient's own, for redaction only: a
    backend that sends text out of the process must redact with them first. `trace` is
    filled by the backend with facts for the audit log (model, tokens, latency,
    redactions), never with prompt text."""

    question: str
    passages: Sequence[Passage]
    record: RecordContext = field(default_factory=RecordContext)
    history: Sequence[Turn] = ()
    identifiers: PatientIdentifiers | None = None
    trace: dict[str, Any] = field(default_factory=dict)
    language: str = "en"  # the language of the passages and of the answer


@dataclass(frozen=True)
class Sentence:
    """One sentence of an answer and the passage numbers it rests on (may be empty)."""

    text: str
    cites: tuple[int, ...] = ()


class BackendError(Exception):
    """Raised by a backend that cannot produce an answer; the pipeline falls back."""


class Backend(ABC):
    """Produce an answer as a stream of sentences.

    Contract:
    - `answer()` yields `Sentence` objects, each a whole sentence, in order.
    - `batches()` yields the same sentences in lists, each list as soon as it is ready;
      the pipeline sends each list that passes the guard as one frame. The default is one
      sentence a list; a backend that has its whole answer at once yields it in one.
    - It raises `BackendError` (never anything else) when it cannot answer; sentences
      already yielded stay valid.
    - It must not block the event loop: network and CPU-heavy work is awaited.
    - When the passages do not cover the question it says so plainly (a sentence with
      no cites) instead of answering from elsewhere.
    """

    name: str = "base"
    uses_history: bool = False  # True: the pipeline loads recent turns into the request

    @abstractmethod
    def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        """Yield the sentences of the answer to `request`."""

    async def batches(self, request: AnswerRequest) -> AsyncIterator[list[Sentence]]:
        """Yield the answer's sentences in lists, each as soon as it is ready."""
        async for sentence in self.answer(request):
            yield [sentence]
