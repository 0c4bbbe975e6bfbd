"""Retrieval accuracy on the evaluation questions.

    python -m assistant.knowledge.evaluate [--articles DIR] [--questions FILE] [--k 5]

A question names the article a clinician would pick ("expected": slug) or "none" when the
library has no answer. Top-1 is the first hit's article; top-3 is whether the expected
article is among the first three distinct articles returned. A "none" question is
handled when search returns nothing. Questions whose expected article is not in the
library (articles still being written) are counted apart and left out of the figures.

Exits 1 when top-3 accuracy or the "none" recall is under its target.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.knowledge.articles import load_articles
from assistant.knowledge.index import Hit, KnowledgeIndex

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_ARTICLES = PACKAGE_DIR / "articles"
DEFAULT_QUESTIONS = PACKAGE_DIR / "eval" / "questions.jsonl"
TOP3_TARGET = 0.90
NONE_RECALL_TARGET = 0.90
NONE = "none"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    expected: str
    category: str
    patient_codes: tuple[str, ...] = ()


@dataclass
class Tally:
    total: int = 0
    top1: int = 0
    top3: int = 0


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    none_expected: int = 0
    none_handled: int = 0
    empty_results: int = 0
    empty_and_expected: int = 0
    skipped: list[Question] = field(default_factory=list)
    misses: list[tuple[Question, list[str]]] = field(default_factory=list)

    @property
    def top1(self) -> float:
        return _share(self.overall.top1, self.overall.total)

    @property
    def top3(self) -> float:
        return _share(self.overall.top3, self.overall.total)

    @property
    def none_recall(self) -> float:
        return _share(self.none_handled, self.none_expected)

    @property
    def none_precision(self) -> float:
        return _share(self.empty_and_expected, self.empty_results)

    @property
    def passed(self) -> bool:
        return self.top3 >= TOP3_TARGET and self.none_recall >= NONE_RECALL_TARGET


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def load_questions(path: str | Path) -> list[Question]:
    """Read the JSONL question file; raises ValueError naming a malformed line."""
    questions: list[Question] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                questions.append(
                    Question(
                        id=str(raw["id"]),
                        text=str(raw["text"]),
                        expected=str(raw["expected"]),
                        category=str(raw.get("category", "")),
                        patient_codes=tuple(raw.get("patient_codes", ())),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{lineno}: bad question ({exc})") from exc
    return questions


def distinct_slugs(hits: Sequence[Hit]) -> list[str]:
    """Article slugs of `hits` in rank order, each once."""
    return list(dict.fromkeys(h.slug for h in hits))


def evaluate(index: KnowledgeIndex, questions: Iterable[Question], k: int = 5) -> Report:
    """Run every question through `index.search` and tally the results."""
    known = {a.slug for a in index.articles}
    report = Report()
    for q in questions:
        if q.expected != NONE and q.expected not in known:
            report.skipped.append(q)
            continue
        slugs = distinct_slugs(index.search(q.text, k=k, patient_codes=q.patient_codes))
        if not slugs:
            report.empty_results += 1
            report.empty_and_expected += q.expected == NONE
        if q.expected == NONE:
            report.none_expected += 1
            report.none_handled += not slugs
            if slugs:
                report.misses.append((q, slugs))
            continue
        tally = report.categories[q.category]
        hit1 = bool(slugs) and slugs[0] == q.expected
        hit3 = q.expected in slugs[:3]
        for t in (report.overall, tally):
            t.total += 1
            t.top1 += hit1
            t.top3 += hit3
        if not hit1:
            report.misses.append((q, slugs))
    return report


def format_report(report: Report) -> str:
    lines = [
        f"answerable questions: {report.overall.total}",
        f"top-1 accuracy: {report.top1:.1%}",
        f"top-3 accuracy: {report.top3:.1%} (target {TOP3_TARGET:.0%})",
        f"'none' recall: {report.none_recall:.1%} of {report.none_expected} "
        f"(target {NONE_RECALL_TARGET:.0%})",
        f"'none' precision: {report.none_precision:.1%} of {report.empty_results} empty results",
        "",
        "per category (top-1 / top-3 / n):",
    ]
    for name in sorted(report.categories):
        t = report.categories[name]
        lines.append(
            f"  {name:14} {_share(t.top1, t.total):6.1%} {_share(t.top3, t.total):6.1%} {t.total:4}"
        )
    if report.skipped:
        missing = sorted({q.expected for q in report.skipped})
        lines += [
            "",
            f"skipped {len(report.skipped)} questions; no article yet for: " + ", ".join(missing),
        ]
    lines += ["", f"misses ({len(report.misses)}; top-1 wrong, or 'none' answered):"]
    for q, slugs in report.misses:
        flag = "   " if q.expected in slugs[:3] else "!!!"
        got = ", ".join(slugs[:3]) or "none"
        lines.append(f"  {flag} {q.id} [{q.category}] {q.text!r}: expected {q.expected}, got {got}")
    lines.append("")
    lines.append("PASS" if report.passed else "FAIL: a target was missed")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", default=str(DEFAULT_ARTICLES))
    parser.add_argument("--questions", default=str(DEFAULT_QUESTIONS))
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args(argv)
    # The question set is English: the English library, as the chat searches it.
    index = KnowledgeIndex.build(a for a in load_articles(args.articles) if a.lang == "en")
    report = evaluate(index, load_questions(args.questions), k=args.k)
    print(format_report(report))
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
