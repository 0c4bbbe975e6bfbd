"""The offline backend: answers by quoting approved article sentences, nothing else.

It writes no medical text of its own. An answer is built from
- at most one sentence about the patient's record ("Your record lists type 2 diabetes
  since 2019."), made only from `RecordContext` and only when the answer's article is one
  the record's conditions point to (`RecordCondition.article_slug`);
- sentences copied character for character from the request's passages, each carrying
  the number of the passage it came from.
When the passages are missing or too weak it says, in one sentence with no citations,
that it has no approved information and offers to send the question to the care team.

Choosing sentences: the first passage decides the article. Its sections are read in the
order the question asks for (see `knowledge.intent`), sentences that share words with the
question come first, and the chosen ones are given back in their reading order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from assistant.backends.base import (
    AnswerRequest,
    Backend,
    BackendError,
    Passage,
    RecordCondition,
    RecordContext,
    RecordMeasurement,
    Sentence,
)
from assistant.knowledge.index import NONE_THRESHOLD
from assistant.knowledge.intent import QUESTIONS_TO_ASK, section_intent
from assistant.knowledge.text import sentences, tokens

NO_ANSWER = (
    "I don't have approved information about this, but I can send your question "
    "to your care team if you would like."
)
MIN_SENTENCES = 3
MAX_QUOTES = 4
MIN_QUOTE_WORDS = 4
_LEAD_BONUS = (1.0, 0.6)
_SEMANTIC_TAG_RE = re.compile(r"\s*\((disorder|finding|situation|diagnosis|event)\)\s*$", re.I)


@dataclass(frozen=True)
class _Candidate:
    text: str
    passage: int  # citation number
    order: int  # reading order across the chosen passages
    relevance: float


class GroundedBackend(Backend):
    """Quote the best sentences of the retrieved passages; see the module docstring.

    `min_score`: passages scored above zero but below this are too weak to answer from
    (a score of 0.0 means "not scored" and is accepted).
    """

    name = "grounded"

    def __init__(self, *, min_score: float = NONE_THRESHOLD) -> None:
        self.min_score = min_score

    async def answer(self, request: AnswerRequest) -> AsyncIterator[Sentence]:
        try:
            composed = self.compose(request)
        except Exception as exc:  # the contract allows BackendError only
            raise BackendError(f"grounded answer failed: {exc}") from exc
        for sentence in composed:
            yield sentence

    async def batches(self, request: AnswerRequest) -> AsyncIterator[list[Sentence]]:
        """The whole answer in one list: it is composed at once (one frame, not one a
        sentence)."""
        yield [s async for s in self.answer(request)]

    def compose(self, request: AnswerRequest) -> list[Sentence]:
        """The whole answer at once (pure; `answer` streams this list)."""
        passages = [p for p in request.passages if p.text.strip()]
        no_answer = NO_ANSWER_BY_LANG.get(request.language, NO_ANSWER)
        if not passages or all(0.0 < p.score < self.min_score for p in passages):
            return [Sentence(no_answer)]
        focus = passages[0].slug
        personal = record_sentence(request.record, focus, request.language)
        quotes = self._quotes(request.question, passages, focus)
        if not quotes:
            return [Sentence(no_answer)]
        answer = [Sentence(personal)] if personal else []
        answer.extend(Sentence(c.text, (c.passage,)) for c in quotes)
        return answer

    def _quotes(self, question: str, passages: Sequence[Passage], focus: str) -> list[_Candidate]:
        intent = section_intent(question)
        wanted = intent.heading if intent else None
        on_topic = [p for p in passages if p.slug == focus]
        # The section the question asks for first, then the rest in retrieval order; other
        # articles' passages only fill in when the focus article runs short.
        ordered = sorted(on_topic, key=lambda p: p.section != wanted) + [
            p for p in passages if p.slug != focus
        ]
        qwords = set(tokens(question))
        pool: list[_Candidate] = []
        order = 0
        for rank, passage in enumerate(ordered):
            for position, text, words in _quotable_sentences(passage.text, passage.section):
                overlap = len(qwords & words)
                # The opening sentences of the chosen section usually frame the answer.
                lead = _LEAD_BONUS[position] if rank == 0 and position < len(_LEAD_BONUS) else 0.0
                relevance = overlap + lead - 1.5 * rank - 0.05 * position
                pool.append(_Candidate(text, passage.n, order, relevance))
                order += 1
        best = sorted(pool, key=lambda c: (-c.relevance, c.order))[:MAX_QUOTES]
        return sorted(best, key=lambda c: c.order)


@functools.lru_cache(maxsize=4096)
def _quotable_sentences(text: str, section: str) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """(position, sentence, its words) of each quotable sentence of a section's text.

    Remembered: the same approved sections answer many questions, and splitting and
    tokenising them was most of the cost of composing an answer.
    """
    return tuple(
        (position, sentence, frozenset(tokens(sentence)))
        for position, sentence in enumerate(sentences(text))
        if _quotable(sentence, section)
    )


def _quotable(text: str, section: str) -> bool:
    """A sentence that stands on its own: not a lead-in ("Call 911 if:"), not a scrap.

    Questions are only quoted from the "Questions to ask" section, where they are the
    content rather than a rhetorical opener.
    """
    if text.endswith(":") or len(text.split()) < MIN_QUOTE_WORDS:
        return False
    return not (text.endswith("?") and section != QUESTIONS_TO_ASK)


def _condition_name(condition: RecordCondition) -> str:
    return _lower_first(_SEMANTIC_TAG_RE.sub("", condition.display).strip())


def _lower_first(name: str) -> str:
    """For the middle of a sentence: "Diabetes" becomes "diabetes", "COPD" and "EPOC" stay."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


MONTHS = {
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ).split(),
}
NO_ANSWER_BY_LANG = {
    "en": NO_ANSWER,
    "es": (
        "No tengo información aprobada sobre esto, pero puedo enviar su pregunta a su "
        "equipo de atención si lo desea."
    ),
}


def month_year(when: str, language: str) -> str:
    """ "2020-10" -> "October 2020" / "octubre de 2020"."""
    year, _, month = when.partition("-")
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return when
    name = MONTHS.get(language, MONTHS["en"])[int(month) - 1]
    return f"{name} de {year}" if language == "es" else f"{name} {year}"


def measurement_sentence(measurement: RecordMeasurement, language: str = "en") -> str:
    """The one sentence about a measurement: only the record's own value and date."""
    when = month_year(measurement.when, language)
    if language == "es":
        return (
            f"Su último resultado de {measurement.name} en su expediente es "
            f"{measurement.value}, de {when}."
        )
    return f"Your latest {measurement.name} in your record is {measurement.value}, from {when}."


def record_sentence(record: RecordContext, slug: str, language: str = "en") -> str | None:
    """One sentence stating what the record lists for the article `slug`, or None.

    Built only from the record: condition names as recorded (without SNOMED's "(disorder)"
    tags), onset years, and whether the condition is still active. In Spanish the chart's
    English names are quoted after the translated article's title, when there is one:
    "Su expediente incluye diabetes tipo 2: «Diabetes» desde 2019."
    """
    measured = next((m for m in record.measurements if m.article_slug == slug), None)
    if measured is not None:
        return measurement_sentence(measured, language)
    matches = [c for c in record.conditions if c.article_slug == slug and c.display.strip()]
    if not matches:
        return None
    if language == "es":
        shown = sorted(matches, key=lambda c: (not c.active, c.onset_year or 0))[:2]
        named = " y ".join(
            f"«{_SEMANTIC_TAG_RE.sub('', c.display).strip()}»"
            + (f" desde {c.onset_year}" if c.onset_year and c.active else "")
            + ("" if c.active else " (ya resuelto)")
            for c in shown
        )
        title = next((t for c in shown if (t := c.title_in(language))), None)
        if title:
            return f"Su expediente incluye {_lower_first(title)}: {named}."
        return f"Su expediente incluye {named}."
    parts: list[str] = []
    for condition in sorted(matches, key=lambda c: (not c.active, c.onset_year or 0))[:2]:
        name = _condition_name(condition)
        if condition.active:
            parts.append(f"{name} since {condition.onset_year}" if condition.onset_year else name)
        elif condition.onset_year:
            parts.append(f"{name} in {condition.onset_year}, now marked as resolved")
        else:
            parts.append(f"{name}, now marked as resolved")
    return "Your record lists " + " and ".join(parts) + "."
