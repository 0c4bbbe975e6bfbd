"""Approved article text quoted word for word passes the output checks; inventions do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.knowledge.articles import load_articles
from assistant.knowledge.text import sentences
from assistant.safety import RecordFacts, check_sentence

ARTICLES = Path(__file__).resolve().parents[2] / "assistant" / "knowledge" / "articles"
PASSAGE = (
    "Take your medicines as prescribed, and keep taking your daily uric acid medicine "
    "during a flare unless told otherwise. Hepatitis C treatment cures most people."
)


@pytest.mark.parametrize(
    ("sentence", "ok"),
    [
        pytest.param(
            "Take your medicines as prescribed, and keep taking your daily uric acid medicine "
            "during a flare unless told otherwise.",
            True,
            id="quoted-schedule-words",
        ),
        pytest.param("Hepatitis C treatment cures most people.", True, id="quoted-cure-fact"),
        pytest.param("Take your uric acid medicine twice a day.", False, id="invented-schedule"),
        pytest.param("This treatment cures your gout for good.", False, id="invented-cure"),
        pytest.param("You should stop taking your uric acid medicine.", False, id="invented-stop"),
    ],
)
def test_quotes_versus_inventions(sentence: str, ok: bool) -> None:
    assert check_sentence(sentence, passages=[PASSAGE], record=RecordFacts()).ok is ok


def test_nearly_every_approved_sentence_passes_when_quoted() -> None:
    total = failed = 0
    for article in load_articles(ARTICLES):
        for section in article.sections:
            for text in sentences(section.text):
                total += 1
                result = check_sentence(text, passages=[section.text], record=RecordFacts())
                failed += not result.ok
                # Only a diagnosis claim may stop a quote (out of context it can mislead).
                assert set(result.rules) <= {"out.new_diagnosis"}, (text, result)
    assert total > 3000
    assert failed / total < 0.01
