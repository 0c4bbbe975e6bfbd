"""Retrieval: a small made-up library for the mechanics, the real library for behaviour."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.knowledge.articles import Article, load_articles, parse_article
from assistant.knowledge.index import KnowledgeIndex, search_jsonl
from assistant.knowledge.intent import (
    EMERGENCY,
    QUESTIONS_TO_ASK,
    WHAT_IT_IS,
    WHAT_IT_MEANS,
    WHAT_YOU_CAN_DO,
    WHEN_TO_CALL,
)
from tests.knowledge.helpers import article_text

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "assistant" / "knowledge" / "articles"

GOUT_SECTIONS = {
    "What it is": "Gout is a kind of arthritis. Uric acid builds up and forms crystals in a "
    "joint. The big toe is the joint it hits most often. A flare brings sudden pain, "
    "swelling, heat and redness. Flares often start at night and can last a week.",
    "What you can do": "Drink plenty of water each day. Limit red meat, shellfish, beer and "
    "sugary drinks. Rest the sore joint and raise it. Put a cold pack on it for short "
    "spells. Take your gout medicine the way your care team showed you.",
}
HAY_FEVER_SECTIONS = {
    "What it is": "Hay fever is an allergy to things in the air such as pollen, dust mites, "
    "mold or pet dander. It causes sneezing, a runny or stuffy nose and itchy, watery eyes. "
    "It can happen in one season or all year long.",
}


def _small_library() -> list[Article]:
    gout = article_text(slug="gout", title="Gout", sections=GOUT_SECTIONS)
    gout = gout.replace("  - alias two\n", "  - uric acid attack\n")
    hay = article_text(
        slug="allergic-rhinitis",
        title="Allergic rhinitis (hay fever)",
        sections=HAY_FEVER_SECTIONS,
        codes='  - {system: snomed, code: "446096008", display: "Perennial allergic rhinitis"}',
    )
    return [
        parse_article(gout, source="gout.md"),
        parse_article(hay, source="allergic-rhinitis.md"),
    ]


@pytest.fixture(scope="module")
def small() -> KnowledgeIndex:
    return KnowledgeIndex.build(_small_library())


def test_hit_carries_the_section(small: KnowledgeIndex) -> None:
    hits = small.search("what is gout")
    assert hits[0].slug == "gout"
    assert hits[0].title == "Gout"
    assert hits[0].section == WHAT_IT_IS
    assert hits[0].text == GOUT_SECTIONS["What it is"]
    assert hits[0].score > 0


def test_at_most_two_sections_per_article_and_k_respected(small: KnowledgeIndex) -> None:
    hits = small.search("gout flare what can i do", k=5)
    assert [h.slug for h in hits].count("gout") == 2
    assert len(small.search("gout", k=1)) == 1
    assert small.search("gout", k=0) == []


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="empty"),
        pytest.param("what is it?", id="only-stop-words"),
        pytest.param("zyxwv qwerty", id="unknown-words"),
    ],
)
def test_nothing_to_match_gives_none(small: KnowledgeIndex, query: str) -> None:
    assert small.search(query) == []


def test_title_in_parentheses_is_an_alias(small: KnowledgeIndex) -> None:
    assert small.search("hay fever")[0].slug == "allergic-rhinitis"


def test_multi_word_alias_matches_out_of_order(small: KnowledgeIndex) -> None:
    assert small.search("attack of uric acid")[0].slug == "gout"


def test_patient_code_in_fhir_form_answers_a_pointer_question(small: KnowledgeIndex) -> None:
    codes = ["http://snomed.info/sct|446096008"]
    assert small.search("what does my diagnosis mean") == []
    hits = small.search("what does my diagnosis mean", patient_codes=codes)
    assert hits[0].slug == "allergic-rhinitis"


def test_search_jsonl_streams_results(small: KnowledgeIndex) -> None:
    inp = io.StringIO(
        '{"id": "a", "text": "what is gout"}\n'
        "\n"
        '{"id": 7, "text": "my diagnosis?", "patient_codes": ["snomed|446096008"]}\n'
        '{"id": "c", "text": "how do i fix my car"}\n'
    )
    out = io.StringIO()
    assert search_jsonl(small, inp, out, k=2) == 3
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", 7, "c"]
    assert rows[0]["results"][0]["slug"] == "gout"
    assert set(rows[0]["results"][0]) == {"slug", "title", "section", "score"}
    assert len(rows[0]["results"]) <= 2
    assert rows[1]["results"][0]["slug"] == "allergic-rhinitis"
    assert rows[2]["results"] == []


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("not json", id="not-json"),
        pytest.param('{"id": 1}', id="no-text"),
        pytest.param('{"id": 1, "text": "x", "patient_codes": "snomed|1"}', id="codes-not-list"),
    ],
)
def test_search_jsonl_rejects_bad_lines(small: KnowledgeIndex, line: str) -> None:
    with pytest.raises(ValueError, match="line 1"):
        search_jsonl(small, io.StringIO(line + "\n"), io.StringIO())


# The real library: behaviour patients depend on.


@pytest.fixture(scope="module")
def library() -> KnowledgeIndex:
    articles = load_articles(ARTICLES_DIR)
    if not articles:
        pytest.skip("no articles yet")
    return KnowledgeIndex.build(articles)


def _need(index: KnowledgeIndex, slug: str) -> None:
    if slug not in {a.slug for a in index.articles}:
        pytest.skip(f"article {slug} not written yet")


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        pytest.param("how do i controll my diabetis", "type-2-diabetes", id="typo-diabetis"),
        pytest.param("how do you get pnuemonia in the lungs", "pneumonia", id="typo-transposed"),
        pytest.param("what causes hypertention", "high-blood-pressure", id="typo-hypertention"),
        pytest.param("how is sleep apnia treated", "sleep-apnea", id="typo-apnia"),
        pytest.param("what is hay fever", "allergic-rhinitis", id="alias-lay-name"),
        pytest.param("what is a mini stroke", "transient-ischemic-attack", id="alias-mini-stroke"),
        pytest.param("what is sugar diabetes", "type-2-diabetes", id="alias-sugar-diabetes"),
        pytest.param("what does copd stand for", "copd", id="abbrev-copd"),
        pytest.param("is C.O.P.D. serious", "copd", id="abbrev-dotted"),
        pytest.param("how do i know if i have a uti", "urinary-tract-infection", id="abbrev-uti"),
        pytest.param("what is a dexa scan", "osteoporosis-screening", id="abbrev-dexa"),
        pytest.param("my bp always high wat can i do", "high-blood-pressure", id="text-speak"),
        pytest.param(
            "should i get the shingles vaccine", "shingles-vaccine", id="vaccine-not-disease"
        ),
        pytest.param("what is shingles", "shingles", id="disease-not-vaccine"),
        pytest.param(
            "who needs a one time hepatitis c test", "hepatitis-c-screening", id="screening"
        ),
        pytest.param("what is an a1c test", "hba1c", id="test-a1c"),
    ],
)
def test_real_library_top_article(library: KnowledgeIndex, query: str, slug: str) -> None:
    _need(library, slug)
    hits = library.search(query)
    assert hits, "no answer"
    assert hits[0].slug == slug, [h.slug for h in hits]


@pytest.mark.parametrize(
    ("query", "codes", "slug"),
    [
        pytest.param(
            "what is my diagnosis", ["snomed|38341003"], "high-blood-pressure", id="snomed"
        ),
        pytest.param(
            "how do I keep it under control", ["icd10|J45.909"], "asthma", id="icd10-pronoun"
        ),
        pytest.param(
            "is my condition serious",
            ["http://snomed.info/sct|44054006", "http://snomed.info/sct|999"],
            "type-2-diabetes",
            id="fhir-uri-and-unknown-code",
        ),
    ],
)
def test_patient_codes_answer_pointer_questions(
    library: KnowledgeIndex, query: str, codes: list[str], slug: str
) -> None:
    _need(library, slug)
    hits = library.search(query, patient_codes=codes)
    assert hits
    assert hits[0].slug == slug


def test_pointer_question_without_a_record_has_no_answer(library: KnowledgeIndex) -> None:
    assert library.search("what does my diagnosis mean") == []


def test_patient_code_does_not_override_a_named_topic(library: KnowledgeIndex) -> None:
    _need(library, "flu-vaccine")
    hits = library.search("is the flu shot safe for me", patient_codes=["snomed|38341003"])
    assert hits[0].slug == "flu-vaccine"


@pytest.mark.parametrize(
    ("query", "section"),
    [
        pytest.param("what is asthma", WHAT_IT_IS, id="what-is"),
        pytest.param("what can i do to help my asthma", WHAT_YOU_CAN_DO, id="what-can-i-do"),
        pytest.param("is asthma serious", WHAT_IT_MEANS, id="what-it-means"),
        pytest.param("when should i call my doctor about asthma", WHEN_TO_CALL, id="when-to-call"),
        pytest.param("what should i ask my doctor about asthma", QUESTIONS_TO_ASK, id="ask"),
        pytest.param("when do i go to the ER for asthma", EMERGENCY, id="emergency"),
    ],
)
def test_intent_picks_the_section(library: KnowledgeIndex, query: str, section: str) -> None:
    _need(library, "asthma")
    hits = library.search(query)
    assert (hits[0].slug, hits[0].section) == ("asthma", section)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("how do i fix my car's brakes", id="car"),
        pytest.param("what is the best treatment for snake bites in dogs", id="snake-dogs"),
        pytest.param("what is lupus", id="rare-condition-lupus"),
        pytest.param("what is cystic fibrosis", id="rare-condition-cf"),
        pytest.param("can you help me with my taxes", id="taxes"),
        pytest.param("what is the capital of france", id="trivia"),
    ],
)
def test_questions_the_library_cannot_answer_return_none(
    library: KnowledgeIndex, query: str
) -> None:
    assert library.search(query) == []
