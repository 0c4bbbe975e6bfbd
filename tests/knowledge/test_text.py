"""Normalisation shared by the index and the grounded backend."""

from __future__ import annotations

import pytest

from assistant.knowledge.text import edit_distance, fold, sentences, stem, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Crohn's", "crohns", id="apostrophe"),
        pytest.param("Sjögren", "sjogren", id="accent"),
        pytest.param("C.O.P.D.", "copd ", id="dotted-acronym"),
        pytest.param("sooo bad", "so bad", id="stretched-letters"),
        pytest.param("b 12 shots", "b12 shots", id="letter-number"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("What is my BP?", ["blood", "pressur"], id="abbreviation-expanded"),
        pytest.param("wat r u feeling", ["feel"], id="text-speak-and-stop-words"),
        pytest.param("flu jab", ["flu", "vaccin"], id="jab-is-a-vaccine"),
        pytest.param("hep c", ["hepatitis", "c"], id="hep-letter-kept"),
        pytest.param("type 2", ["type", "2"], id="digits-kept"),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("allergies", "allergy", id="ies"),
        pytest.param("treatments", "treatment", id="ments"),
        pytest.param("bleeding", "bleed", id="eed-kept"),
        pytest.param("smokers", "smoker", id="ers"),
        pytest.param("vaccines", "vaccine", id="es"),
    ],
)
def test_stem_joins_word_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize("word", ["stress", "virus", "diagnosis", "gas"])
def test_stem_keeps_words_that_only_look_plural(word: str) -> None:
    assert stem(word).rstrip("e") == word.rstrip("e")


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        pytest.param("pnuemonia", "pneumonia", 1, id="transposition"),
        pytest.param("diabetis", "diabetes", 1, id="substitution"),
        pytest.param("astma", "asthma", 1, id="insertion"),
        pytest.param("colestrol", "cholesterol", 2, id="two-edits"),
        pytest.param("brakes", "asthma", 3, id="over-limit-capped"),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 2) == distance


def test_sentences_are_exact_substrings_and_skip_list_markers() -> None:
    text = (
        "The U.S. Preventive Services Task Force advises a scan. Dr. Lee agrees! Ask why.\n"
        "- Take your medicines.\n"
        "1. Walk every day."
    )
    found = list(sentences(text))
    assert found == [
        "The U.S. Preventive Services Task Force advises a scan.",
        "Dr. Lee agrees!",
        "Ask why.",
        "Take your medicines.",
        "Walk every day.",
    ]
    assert all(s in text for s in found)
