"""The evaluation questions, the evaluation itself, and the bench helpers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.knowledge import bench, evaluate
from assistant.knowledge.articles import load_articles
from assistant.knowledge.index import KnowledgeIndex
from tests.knowledge.helpers import article_text

QUESTIONS = evaluate.load_questions(evaluate.DEFAULT_QUESTIONS)


def test_question_file_has_the_required_mix() -> None:
    categories = Counter(q.category for q in QUESTIONS)
    assert len(QUESTIONS) >= 420
    assert categories["none"] >= 60
    assert all(q.expected == "none" for q in QUESTIONS if q.category == "none")
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    assert any(q.patient_codes for q in QUESTIONS)


def test_expected_slugs_are_articles_once_written() -> None:
    written = {p.stem for p in evaluate.DEFAULT_ARTICLES.glob("*.md")}
    expected = {q.expected for q in QUESTIONS} - {"none"}
    if len(written) < 90:
        pytest.skip("library still being written")
    assert expected <= written, sorted(expected - written)


def test_real_library_meets_the_targets() -> None:
    articles = load_articles(evaluate.DEFAULT_ARTICLES)
    if len(articles) < 90:
        pytest.skip("library still being written")
    report = evaluate.evaluate(KnowledgeIndex.build(articles), QUESTIONS)
    assert report.passed, evaluate.format_report(report)


def test_evaluate_counts_hits_none_and_skips(tmp_path: Path) -> None:
    (tmp_path / "gout.md").write_text(article_text(slug="gout", title="Gout"), encoding="utf-8")
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "1", "text": "what is gout", "expected": "gout", "category": "clinical"}\n'
        '{"id": "2", "text": "what is lupus", "expected": "none", "category": "none"}\n'
        '{"id": "3", "text": "what is asthma", "expected": "asthma", "category": "clinical"}\n',
        encoding="utf-8",
    )
    index = KnowledgeIndex.build(load_articles(tmp_path))
    report = evaluate.evaluate(index, evaluate.load_questions(questions))
    assert (report.overall.total, report.overall.top1, report.overall.top3) == (1, 1, 1)
    assert (report.none_expected, report.none_handled) == (1, 1)
    assert report.none_precision == 1.0
    assert [q.id for q in report.skipped] == ["3"]
    assert report.passed
    code = evaluate.main(["--articles", str(tmp_path), "--questions", str(questions)])
    assert code == 0


def test_load_questions_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "x", "expected": "y"}\n{"id": "2"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        evaluate.load_questions(bad)


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [
        pytest.param([], 50, 0.0, id="empty"),
        pytest.param([3.0, 1.0, 2.0], 50, 2.0, id="median"),
        pytest.param([float(i) for i in range(1, 101)], 99, 99.0, id="p99-of-100"),
        pytest.param([5.0], 99, 5.0, id="single"),
    ],
)
def test_percentile(values: list[float], pct: float, expected: float) -> None:
    assert bench.percentile(values, pct) == expected
