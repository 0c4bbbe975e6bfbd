"""The grounded backend quotes approved passages and states nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.backends.base import (
    AnswerRequest,
    Backend,
    Passage,
    RecordCondition,
    RecordContext,
    Sentence,
)
from assistant.backends.grounded import NO_ANSWER, GroundedBackend, record_sentence
from assistant.knowledge.articles import load_articles
from assistant.knowledge.index import KnowledgeIndex

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "assistant" / "knowledge" / "articles"

WHAT_IT_IS = Passage(
    n=1,
    slug="type-2-diabetes",
    title="Type 2 diabetes",
    section="What it is",
    text=(
        "Type 2 diabetes is a long-term condition. Your blood sugar stays too high. "
        "The U.S. has millions of people with it. Your body does not use insulin well.\n"
        "Insulin is a hormone that moves sugar into your cells."
    ),
    score=2.0,
)
CAN_DO = Passage(
    n=2,
    slug="type-2-diabetes",
    title="Type 2 diabetes",
    section="What you can do",
    text=(
        "Healthy habits help a lot:\n"
        "- Walk or move your body most days of the week.\n"
        "- Fill half your plate with vegetables at each meal.\n"
        "- Take your medicines the way your care team showed you.\n"
        "- Why not start today?"
    ),
    score=1.9,
)
OTHER = Passage(
    n=3,
    slug="prediabetes",
    title="Prediabetes",
    section="What it is",
    text="Prediabetes means blood sugar is higher than normal. It is not yet diabetes.",
    score=1.0,
)
DIABETES = RecordCondition(
    display="Diabetes mellitus type 2 (disorder)",
    codes=("http://snomed.info/sct|44054006",),
    onset_year=2019,
    article_slug="type-2-diabetes",
)


async def _answer(backend: Backend, request: AnswerRequest) -> list[Sentence]:
    return [s async for s in backend.answer(request)]


def _assert_grounded(answer: list[Sentence], passages: list[Passage], record_line: str | None):
    by_number = {p.n: p for p in passages}
    for sentence in answer:
        if sentence.cites:
            for n in sentence.cites:
                assert sentence.text in by_number[n].text, sentence
        else:
            assert sentence.text in (record_line, NO_ANSWER), sentence


@pytest.mark.asyncio
async def test_every_cited_sentence_is_verbatim_in_its_passage() -> None:
    passages = [WHAT_IT_IS, CAN_DO, OTHER]
    answer = await _answer(GroundedBackend(), AnswerRequest("what is type 2 diabetes", passages))
    assert 3 <= len(answer) <= 6
    assert all(s.cites for s in answer)
    _assert_grounded(answer, passages, None)
    assert answer[0].text == "Type 2 diabetes is a long-term condition."


@pytest.mark.asyncio
async def test_intent_reads_the_asked_for_section_first() -> None:
    request = AnswerRequest("what can I do to manage my diabetes", [WHAT_IT_IS, CAN_DO])
    answer = await _answer(GroundedBackend(), request)
    assert answer[0].cites == (2,)
    assert "Healthy habits help a lot:" not in [s.text for s in answer]  # a lead-in
    assert "Why not start today?" not in [s.text for s in answer]  # rhetorical question


@pytest.mark.asyncio
async def test_record_sentence_comes_only_from_the_record() -> None:
    record = RecordContext(conditions=(DIABETES,), medications=("metformin 500 MG",))
    request = AnswerRequest("how do I manage my diabetes", [CAN_DO, WHAT_IT_IS], record=record)
    answer = await _answer(GroundedBackend(), request)
    assert answer[0] == Sentence("Your record lists diabetes mellitus type 2 since 2019.")
    assert all("metformin" not in s.text for s in answer)
    _assert_grounded(answer, [CAN_DO, WHAT_IT_IS], answer[0].text)
    assert 3 <= len(answer) <= 6


@pytest.mark.asyncio
async def test_no_record_sentence_for_a_condition_the_record_does_not_list() -> None:
    record = RecordContext(conditions=(DIABETES,))
    answer = await _answer(GroundedBackend(), AnswerRequest("what is prediabetes", [OTHER], record))
    assert all(s.cites for s in answer)


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        pytest.param(
            DIABETES, "Your record lists diabetes mellitus type 2 since 2019.", id="active"
        ),
        pytest.param(
            RecordCondition("COPD", onset_year=None, article_slug="copd"),
            "Your record lists COPD.",
            id="acronym-no-year",
        ),
        pytest.param(
            RecordCondition("Acute bronchitis (disorder)", (), 2015, False, "acute-bronchitis"),
            "Your record lists acute bronchitis in 2015, now marked as resolved.",
            id="resolved",
        ),
    ],
)
def test_record_sentence(condition: RecordCondition, expected: str) -> None:
    record = RecordContext(conditions=(condition,))
    assert record_sentence(record, condition.article_slug or "") == expected
    assert record_sentence(record, "some-other-article") is None


@pytest.mark.parametrize(
    "passages",
    [
        pytest.param([], id="no-passages"),
        pytest.param([Passage(1, "x", "X", "What it is", "   ")], id="blank-passage"),
        pytest.param(
            [Passage(1, "gout", "Gout", "What it is", "Gout is a kind of arthritis.", 0.1)],
            id="weak-passage",
        ),
    ],
)
@pytest.mark.asyncio
async def test_nothing_to_quote_gives_the_honest_no_answer(passages: list[Passage]) -> None:
    record = RecordContext(conditions=(DIABETES,))
    answer = await _answer(GroundedBackend(), AnswerRequest("how do I fix it", passages, record))
    assert answer == [Sentence(NO_ANSWER)]


@pytest.fixture(scope="module")
def library() -> KnowledgeIndex:
    articles = load_articles(ARTICLES_DIR)
    if not articles:
        pytest.skip("no articles yet")
    return KnowledgeIndex.build(articles)


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        pytest.param("how do I manage my diabetes", ["snomed|44054006"], id="my-diabetes"),
        pytest.param("what is asthma", [], id="what-is"),
        pytest.param("when should I go to the ER for a stroke", [], id="emergency"),
        pytest.param("what should I ask my doctor about copd", [], id="questions"),
        pytest.param("is the flu shot safe", [], id="vaccine"),
    ],
)
@pytest.mark.asyncio
async def test_real_passages_give_grounded_answers(
    library: KnowledgeIndex, question: str, codes: list[str]
) -> None:
    hits = library.search(question, patient_codes=codes)
    if not hits:
        pytest.skip("article not written yet")
    passages = [
        Passage(n, h.slug, h.title, h.section, h.text, h.score) for n, h in enumerate(hits, 1)
    ]
    record = RecordContext(conditions=(DIABETES,))
    answer = await _answer(GroundedBackend(), AnswerRequest(question, passages, record))
    line = record_sentence(record, passages[0].slug)
    assert 3 <= len(answer) <= 6
    _assert_grounded(answer, passages, line)
