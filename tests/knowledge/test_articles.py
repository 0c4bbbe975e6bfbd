"""Parsing and validating articles, and the real library against every rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.knowledge.articles import (
    SECTION_HEADINGS,
    ArticleError,
    load_articles,
    parse_article,
    validate_article,
    validate_articles,
)
from assistant.knowledge.codes import normalize_code_key
from tests.knowledge.helpers import DEFAULT_CODES, FRONT_MATTER, PLAIN_SECTION, article_text

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "assistant" / "knowledge" / "articles"
SYNTHEA_DIR = Path("/work/shared/data/synthea")


def test_parse_reads_front_matter_and_sections() -> None:
    article = parse_article(article_text(), source="sample-topic.md")
    assert article.slug == "sample-topic"
    assert article.title == "Sample topic"
    assert article.kind == "condition"
    assert article.aliases[0] == "sample-topic"
    assert [c.key for c in article.codes] == ["snomed|44054006"]
    assert article.sources[0].url == "https://medlineplus.gov/topic.html"
    assert article.reviewed_on == dt.date(2026, 11, 25)
    assert article.next_review == dt.date(2027, 11, 25)
    assert tuple(s.heading for s in article.sections) == SECTION_HEADINGS
    assert article.sections[0].text == PLAIN_SECTION
    assert len(article.body_hash) == 64
    assert validate_article(article) == []


def test_body_hash_changes_with_the_body_only() -> None:
    a = parse_article(article_text(), source="a.md")
    b = parse_article(article_text(title="Other title"), source="b.md")
    c = parse_article(article_text(sections={"What it is": PLAIN_SECTION + " More."}), source="c")
    assert a.body_hash == b.body_hash
    assert a.body_hash != c.body_hash


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("## What it is\nNo front matter.", id="no-front-matter"),
        pytest.param("---\nslug: [unclosed\n---\n## What it is\n", id="bad-yaml"),
        pytest.param("---\n- a list\n---\n## What it is\n", id="front-matter-not-a-map"),
    ],
)
def test_parse_rejects_non_articles(text: str) -> None:
    with pytest.raises(ArticleError):
        parse_article(text, source="broken.md")


def _without(line_start: str) -> str:
    front = FRONT_MATTER.format(slug="sample-topic", title="Sample topic", codes=DEFAULT_CODES)
    return "\n".join(ln for ln in front.splitlines() if not ln.startswith(line_start))


def _front(old: str, new: str) -> str:
    front = FRONT_MATTER.format(slug="sample-topic", title="Sample topic", codes=DEFAULT_CODES)
    assert old in front
    return front.replace(old, new)


HARD_TEXT = (
    "Pharmacological interventions necessitate comprehensive individualized evaluation "
    "incorporating multidimensional physiological considerations, contraindications, "
    "pharmacokinetic interactions, and longitudinal therapeutic monitoring requirements "
    "administered collaboratively by multidisciplinary healthcare organizations."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            article_text(headings=SECTION_HEADINGS[:-1]),
            "missing section: When to get emergency help",
            id="missing-section",
        ),
        pytest.param(
            article_text(headings=(*SECTION_HEADINGS, "Further reading")),
            "extra section: Further reading",
            id="extra-section",
        ),
        pytest.param(
            article_text(
                headings=(SECTION_HEADINGS[1], SECTION_HEADINGS[0], *SECTION_HEADINGS[2:])
            ),
            "sections are out of order",
            id="misordered-sections",
        ),
        pytest.param(
            article_text(sections={"What it is": "Too short."}),
            "has 2 words",
            id="section-too-short",
        ),
        pytest.param(article_text(front=_without("reviewed_by")), "reviewed_by", id="no-reviewer"),
        pytest.param(
            article_text(front=_without("next_review")), "next_review", id="no-next-review"
        ),
        pytest.param(
            article_text(front=_without("title")), "missing metadata field: title", id="no-title"
        ),
        pytest.param(
            article_text(front=_front("kind: condition", "kind: rumour")),
            "kind 'rumour'",
            id="unknown-kind",
        ),
        pytest.param(
            article_text(
                front=_front(
                    '  - {title: "Topic (CDC)", url: "https://www.cdc.gov/topic/index.html"}\n', ""
                )
            ),
            "1 sources",
            id="one-source",
        ),
        pytest.param(
            article_text(
                front=_front(
                    "https://www.cdc.gov/topic/index.html", "https://health-blog.example.com/topic"
                )
            ),
            "not on an allowed domain",
            id="source-off-allowed-domains",
        ),
        pytest.param(
            article_text(
                front=_front(
                    "https://www.cdc.gov/topic/index.html", "https://cdc.gov.example.com/topic"
                )
            ),
            "not on an allowed domain",
            id="source-domain-lookalike",
        ),
        pytest.param(
            article_text(codes='  - {system: snomed, code: "44054007", display: "typo"}'),
            "Verhoeff",
            id="snomed-bad-check-digit",
        ),
        pytest.param(
            article_text(
                codes='  - {system: icd10, code: "E119", display: "no dot"}\n'
                '  - {system: snomed, code: "44054006", display: "ok"}'
            ),
            "ICD-10-CM code 'E119'",
            id="icd10-bad-shape",
        ),
        pytest.param(
            article_text(codes="  []"),
            "at least one SNOMED CT code",
            id="condition-without-snomed",
        ),
        pytest.param(
            article_text(front=_front("reviewed_on: 2026-11-25", "reviewed_on: last tuesday")),
            "reviewed_on 'last tuesday' is not a date",
            id="unparseable-date",
        ),
        pytest.param(
            article_text(front=_front("next_review: 2027-11-25", "next_review: 2025-01-01")),
            "before reviewed_on",
            id="next-review-before-reviewed",
        ),
        pytest.param(
            article_text(front=_front("  - alias two", "  - Alias Two")),
            "not lower case",
            id="alias-upper-case",
        ),
        pytest.param(
            article_text(sections={h: HARD_TEXT for h in SECTION_HEADINGS}),
            "reading grade",
            id="reading-grade-above-8",
        ),
    ],
)
def test_validate_reports_problem(text: str, expected: str) -> None:
    problems = validate_article(parse_article(text, source="sample-topic.md"))
    assert any(expected in p for p in problems), problems


def test_validate_articles_reports_duplicate_code_and_file_name() -> None:
    first = parse_article(article_text(slug="first"), source="articles/first.md")
    second = parse_article(article_text(slug="second"), source="articles/renamed.md")
    report = validate_articles([first, second])
    assert any("code snomed|44054006 appears in several" in p for p in report["articles/first.md"])
    assert any("does not match file renamed.md" in p for p in report["articles/renamed.md"])


def test_load_articles_reads_every_markdown_file(tmp_path: Path) -> None:
    (tmp_path / "b-topic.md").write_text(article_text(slug="b-topic"), encoding="utf-8")
    (tmp_path / "a-topic.md").write_text(article_text(slug="a-topic"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an article", encoding="utf-8")
    assert [a.slug for a in load_articles(tmp_path)] == ["a-topic", "b-topic"]


# The real library.


@pytest.fixture(scope="module")
def library() -> list:
    articles = load_articles(ARTICLES_DIR)
    if not articles:
        pytest.skip("no articles yet")
    return articles


def test_every_article_passes_validation(library: list) -> None:
    report = validate_articles(library)
    listing = "\n".join(f"{source}: {p}" for source, problems in report.items() for p in problems)
    assert not report, listing


def _synthea_condition_codes() -> list[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(SYNTHEA_DIR.glob("*.json")):
        bundle = json.loads(path.read_text(encoding="utf-8"))
        for entry in bundle.get("entry", []):
            resource = entry.get("resource", {})
            if resource.get("resourceType") != "Condition":
                continue
            for coding in resource.get("code", {}).get("coding", []):
                key = f"{coding['system']}|{coding['code']}"
                found.add((key, coding.get("display", "")))
    return sorted(found)


def test_every_synthea_condition_code_resolves_to_an_article(library: list) -> None:
    codes = _synthea_condition_codes()
    if not codes:
        pytest.skip(f"no Synthea bundles in {SYNTHEA_DIR}")
    known = {normalize_code_key(c.key) for a in library for c in a.codes}
    missing = [
        f"{key} ({display})" for key, display in codes if normalize_code_key(key) not in known
    ]
    assert not missing, "Synthea conditions without an article: " + ", ".join(missing)
