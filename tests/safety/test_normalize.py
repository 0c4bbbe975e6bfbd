"""Normalisation: one canonical form for many spellings."""

from __future__ import annotations

import importlib
import random
from itertools import combinations

import pytest

from assistant.safety.normalize import _deletions, fold, fuzzy_key_term, normalize, vowelless_term

normalize_module = importlib.import_module("assistant.safety.normalize")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CHEST Pain", "chest pain", id="case"),
        pytest.param("chest    pain", "chest pain", id="extra-spaces"),
        pytest.param("che\u200bst pa\u200din", "chest pain", id="zero-width"),
        pytest.param("\u0441h\u0435st", "chest", id="cyrillic"),
        pytest.param("\u03c1ain", "pain", id="greek"),
        pytest.param("\uff43\uff48\uff45\uff53\uff54", "chest", id="fullwidth"),
        pytest.param("respiraci\u00f3n", "respiracion", id="accents"),
        pytest.param("can't", "cant", id="apostrophe"),
        pytest.param("can\u2019t", "cant", id="curly-apostrophe"),
        pytest.param("k1ll", "kill", id="leet"),
        pytest.param("s u i c i d e", "suicide", id="letter-spacing"),
        pytest.param("bre athe", "breathe", id="split-word"),
        pytest.param("siezure", "seizure", id="variant"),
        pytest.param("unconsious", "unconscious", id="fuzzy"),
        pytest.param("kms", "kill myself", id="textspeak"),
        pytest.param("rn", "right now", id="textspeak-rn"),
        pytest.param("havingaseizure", "having a seizure", id="run-together"),
        pytest.param("i.g.n.o.r.e", "ignore", id="dotted-letters"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a1c 7.2%", "a1c 7.2%", id="a1c-kept"),
        pytest.param("bp 140/90", "blood pressure 140/90", id="bp-reading"),
        pytest.param("b12", "b12", id="vitamin-kept"),
        pytest.param("threat", "threat", id="real-word-not-corrected"),
        pytest.param("metformin", "metformin", id="drug-kept"),
        pytest.param("temp 100.4", "temp 100.4", id="decimal-kept"),
    ],
)
def test_clinical_tokens_survive(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_sentence_and_clause_marks() -> None:
    assert normalize("No fever, but pain. OK?") == "no fever , but pain . ok ."


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("brethe", "breathe", id="one-edit"),
        pytest.param("sucidal", "suicidal", id="missing-letter"),
        pytest.param("hello", None, id="unrelated"),
        pytest.param("throat", None, id="already-key-term"),
    ],
)
def test_fuzzy_key_term(word: str, expected: str | None) -> None:
    assert fuzzy_key_term(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("injry", "injury", id="vowels-dropped"),
        pytest.param("swllen", "swollen", id="one-vowel-left"),
        pytest.param("bby", "baby", id="short"),
        pytest.param("hrt", None, id="heart-or-hurt-ambiguous"),
        pytest.param("bread", None, id="real-word-kept"),
        pytest.param("metformin", None, id="vowels-present"),
        pytest.param("bleeding", None, id="rule-word-itself"),
    ],
)
def test_vowelless_term(word: str, expected: str | None) -> None:
    assert vowelless_term(word) == expected


def test_fold_decodes_tag_characters() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "hi")
    assert fold("x" + hidden) == "xhi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("i want 2 die", "i want to die", id="want-2-verb"),
        pytest.param("going 2 hurt him", "going to hurt him", id="going-2-verb"),
        pytest.param("i need 2 tablets", "i need 2 tablets", id="a-count-stays"),
        pytest.param("took 2 pills", "took 2 pills", id="after-other-verbs"),
        pytest.param("i wnt to sleep", "i want to sleep", id="wnt"),
    ],
)
def test_text_speak_two_for_to(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_deletions_are_every_way_of_cutting_up_to_depth_letters() -> None:
    def reference(word: str, depth: int) -> set[str]:
        return {
            "".join(c for i, c in enumerate(word) if i not in cut)
            for k in range(depth + 1)
            for cut in combinations(range(len(word)), k)
        }

    rng = random.Random(3)
    for _ in range(5000):
        word = "".join(rng.choice("abca") for _ in range(rng.randrange(11)))
        depth = rng.randrange(3)
        assert _deletions(word, depth) == reference(word, depth), (word, depth)


def test_remembered_tokens_give_what_a_fresh_process_gives() -> None:
    text = "i wnt 2 die , my chest hurts rn and i cant breth . " * 3
    first = normalize(text)
    normalize_module._PUNCT.clear()
    normalize_module._CANONICAL.clear()
    assert normalize(text) == first == normalize(text)
