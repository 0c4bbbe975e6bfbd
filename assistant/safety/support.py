"""How well a sentence is supported by the retrieved passages: a fast lexical score.

``SupportScorer`` is the contract; ``lexical_support`` is the default implementation. A
stronger checker (an entailment model, a second model call) can replace it by passing any
callable with the same signature to ``output.check_sentence(..., scorer=...)``.

The lexical score is the share of the sentence's content words (stop words dropped, light
stemming, numbers kept) that appear in the passages or in the patient's record. Words that
only echo the patient's question count a quarter: restating a question ("is it safe to
drink alcohol with metformin") must not make a claim look grounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol

from assistant.safety.normalize import fold

STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just let me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves may might must shall also often usually many much well way ways get gets got
    make makes made like one thing things help helps important good best really lot lots
    sure kind please know mean means called type something someone people person even still
    keep keeps need needs want wants use used using take takes taking see tell ask talk
    thanks thank asking question questions hope glad happy sorry hi hello great
    """.split()
)
QUESTION_WEIGHT = 0.25
_WORD = re.compile(r"[a-z]+|\d+(?:[.,/]\d+)*")


class SupportScorer(Protocol):
    """Scores in [0, 1] how well ``sentence`` is supported by ``passages``.

    ``record_terms`` are words from the patient's own record (conditions, medications) and
    ``question`` is the patient's question; a scorer may use or ignore them.
    """

    def __call__(
        self,
        sentence: str,
        passages: Sequence[str],
        *,
        record_terms: Iterable[str] = (),
        question: str = "",
    ) -> float: ...


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A light English stemmer: enough to match "bleeding"/"bleed", "checks"/"check"."""
    for suffix in (
        "ational",
        "ization",
        "ations",
        "ation",
        "ingly",
        "fully",
        "ness",
        "ments",
        "ment",
        "ing",
        "ies",
        "ied",
        "ed",
        "es",
        "ly",
        "s",
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            return base
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Stemmed content words and numbers of ``text``."""
    return frozenset(
        stem(w)
        for w in set(_WORD.findall(fold(text))).difference(STOP_WORDS)  # each word once
        if len(w) > 1 or w.isdigit()
    )


def lexical_support(
    sentence: str,
    passages: Sequence[str],
    *,
    record_terms: Iterable[str] = (),
    question: str = "",
) -> float:
    """Share of the sentence's content words found in passages or record (see module doc).

    A sentence without content words scores 1.0: there is nothing in it to support.
    """
    words = content_words(sentence)
    if not words:
        return 1.0
    grounded = _grounded(tuple(passages), tuple(record_terms))
    asked = content_words(question) if question else frozenset()
    # Whole words count 1, echoes of the question a quarter: counted by set operations,
    # the same sum as adding them word by word (multiples of a quarter add exactly).
    echoed = len((words - grounded) & asked) if asked else 0
    return (len(words & grounded) + QUESTION_WEIGHT * echoed) / len(words)


@lru_cache(maxsize=256)
def _grounded(passages: tuple[str, ...], record_terms: tuple[str, ...]) -> frozenset[str]:
    """Content words of the passages and record terms: the same for every sentence of an
    answer, so computed once per answer."""
    return frozenset().union(*map(content_words, passages), *map(content_words, record_terms))
