"""Timing of the knowledge library: index build, retrieval, grounded answer assembly.

    python -m assistant.knowledge.bench [--articles DIR] [--questions FILE] [--rounds N]

Retrieval is timed over every evaluation question (with its patient codes), `rounds`
times; answer assembly over the passages those searches return. Prints p50/p99 in
milliseconds. Exits 1 when retrieval p99 is over its 5 ms target.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Sequence

from assistant.backends.base import AnswerRequest, Passage
from assistant.backends.grounded import GroundedBackend
from assistant.knowledge.articles import load_articles
from assistant.knowledge.evaluate import DEFAULT_ARTICLES, DEFAULT_QUESTIONS, load_questions
from assistant.knowledge.index import KnowledgeIndex

RETRIEVAL_P99_TARGET_MS = 5.0


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct` percentile (nearest rank) of `values`; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = math.ceil(pct / 100 * len(ordered))
    return ordered[max(0, min(len(ordered), rank) - 1)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time index build, retrieval and answers.")
    parser.add_argument("--articles", default=str(DEFAULT_ARTICLES))
    parser.add_argument("--questions", default=str(DEFAULT_QUESTIONS))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    articles = [a for a in load_articles(args.articles) if a.lang == "en"]
    loaded = time.perf_counter()
    index = KnowledgeIndex.build(articles)
    built = time.perf_counter()
    questions = load_questions(args.questions)
    backend = GroundedBackend()

    search_ms: list[float] = []
    answer_ms: list[float] = []
    for _ in range(args.rounds):
        for q in questions:
            t0 = time.perf_counter()
            hits = index.search(q.text, k=5, patient_codes=q.patient_codes)
            t1 = time.perf_counter()
            passages = [
                Passage(n, h.slug, h.title, h.section, h.text, h.score)
                for n, h in enumerate(hits, start=1)
            ]
            backend.compose(AnswerRequest(question=q.text, passages=passages))
            t2 = time.perf_counter()
            search_ms.append((t1 - t0) * 1000)
            answer_ms.append((t2 - t1) * 1000)

    p99 = percentile(search_ms, 99)
    print(f"articles: {len(articles)}, sections: {sum(len(a.sections) for a in articles)}")
    print(
        f"load articles: {(loaded - start) * 1000:.1f} ms; build index: "
        f"{(built - loaded) * 1000:.1f} ms"
    )
    print(
        f"retrieval over {len(search_ms)} queries: p50 {statistics.median(search_ms):.3f} ms, "
        f"p99 {p99:.3f} ms (target < {RETRIEVAL_P99_TARGET_MS:g} ms)"
    )
    print(
        f"grounded answer assembly: p50 {statistics.median(answer_ms):.3f} ms, "
        f"p99 {percentile(answer_ms, 99):.3f} ms"
    )
    return 0 if p99 < RETRIEVAL_P99_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
