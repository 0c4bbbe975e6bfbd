"""Latency benchmark: ``python -m assistant.safety.bench``.

Prints p50/p99 of screening plus the output checks of an answer of the same length, for a
40-word and a 2,000-word message (targets: p99 <= 1 ms and <= 10 ms on one core), and the
throughput of ``screen_jsonl``. The texts are built here, deterministically, from a fixed
question and answer repeated; the "varied" line uses text that does not repeat (the
tuning set's messages and the approved articles' sentences, each used once), so no cache
of a word, sentence or pattern flatters it.
"""

from __future__ import annotations

import io
import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from assistant.safety.jsonl import screen_jsonl
from assistant.safety.output import RecordFacts, check_sentence
from assistant.safety.screen import screen

_QUESTION_WORDS = (
    "I was told my A1c is a bit high and my doctor started metformin last spring . What does"
    " the number mean and how can I bring it down with food walking and better sleep ? I also"
    " wonder whether my blood pressure readings at home are fine , they are usually around"
    " the same every morning after coffee , and whether my cholesterol plan needs a change"
).split()
_PASSAGES = (
    "The A1c test shows your average blood sugar over the past two to three months.",
    "Metformin lowers the sugar your liver releases and helps your body use insulin.",
    "Regular walking, more fiber, less added sugar and enough sleep can lower A1c over time.",
    "Home blood pressure readings are best taken at the same time each day, seated and rested.",
)
_ANSWER = (
    "Your A1c shows your average blood sugar over the past few months. Metformin helps your"
    " body use insulin and lowers the sugar your liver releases. Walking, more fiber and less"
    " added sugar can lower your A1c over time. Take home blood pressure readings at the same"
    " time each day while seated and rested."
)
_RECORD = RecordFacts(
    conditions=("Type 2 diabetes mellitus", "Essential hypertension"),
    medications=("Metformin 500 mg tablet, 1 tablet twice daily", "Lisinopril 10 mg daily"),
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _message(words: int, seed: int) -> str:
    rng = random.Random(seed)
    start = rng.randrange(len(_QUESTION_WORDS))
    return " ".join(_QUESTION_WORDS[(start + i) % len(_QUESTION_WORDS)] for i in range(words))


def _answer(words: int) -> list[str]:
    base = _ANSWER.split()
    text = " ".join(base[i % len(base)] for i in range(words))
    return [s for s in _SENTENCE.split(text) if s]


def _percentiles(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    run()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    samples.sort()
    return samples[len(samples) // 2] * 1e3, samples[
        min(len(samples) - 1, int(len(samples) * 0.99))
    ] * 1e3


def bench_message(words: int, repeat: int) -> tuple[float, float]:
    """p50 and p99 in ms of screen + output checks for a message of ``words`` words."""
    messages = [_message(words, seed) for seed in range(16)]
    sentences = _answer(words)
    counter = iter(range(10**9))

    def run() -> None:
        text = messages[next(counter) % len(messages)]
        screen(text)
        for sentence in sentences:
            check_sentence(sentence, passages=_PASSAGES, record=_RECORD, question=text)

    return _percentiles(run, repeat)


_ROOT = Path(__file__).resolve().parents[1]


def _varied(words: int, count: int) -> tuple[list[str], list[list[str]]]:
    """``count`` messages of ``words`` words from the tuning set's messages, and as many
    answers of about as many words from the articles' sentences, nothing used twice."""
    texts = [
        json.loads(line)["text"]
        for path in sorted((_ROOT / "safety" / "eval").glob("screen-*.jsonl"))
        for line in path.read_text().splitlines()
        if line.strip()
    ]
    random.Random(7).shuffle(texts)
    pool = " ".join(texts).split()
    messages = [" ".join(pool[i * words : (i + 1) * words]) for i in range(count)]
    sentences = [
        s.strip()
        for path in sorted((_ROOT / "knowledge" / "articles").glob("*.md"))
        for s in _SENTENCE.split(path.read_text().split("---", 2)[-1])
        if len(s.split()) > 3 and not s.lstrip().startswith("#")
    ]
    answers: list[list[str]] = []
    for _ in range(count):
        answer: list[str] = []
        while sum(len(s.split()) for s in answer) < words and sentences:
            answer.append(sentences.pop())
        answers.append(answer)
    return messages, answers


def bench_varied(words: int, count: int) -> tuple[float, float]:
    """p50 and p99 in ms of screen + output checks, each message and answer used once."""
    messages, answers = _varied(words, count)
    samples = []
    for text, answer in zip(messages, answers, strict=True):
        started = time.perf_counter()
        screen(text)
        for sentence in answer:
            check_sentence(sentence, passages=_PASSAGES, record=_RECORD, question=text)
        samples.append(time.perf_counter() - started)
    samples.sort()
    return samples[len(samples) // 2] * 1e3, samples[
        min(len(samples) - 1, int(len(samples) * 0.99))
    ] * 1e3


def bench_screen(words: int, repeat: int) -> tuple[float, float]:
    """p50 and p99 in ms of ``screen`` alone for a message of ``words`` words."""
    messages = [_message(words, seed) for seed in range(16)]
    counter = iter(range(10**9))
    return _percentiles(lambda: screen(messages[next(counter) % len(messages)]), repeat)


def bench_jsonl(lines: int) -> float:
    """Lines per second of ``screen_jsonl`` over ``lines`` 40-word messages."""
    payload = "".join(json.dumps({"id": i, "text": _message(40, i)}) + "\n" for i in range(lines))
    out = io.StringIO()
    started = time.perf_counter()
    screen_jsonl(io.StringIO(payload), out)
    return lines / (time.perf_counter() - started)


def _fixed_work() -> None:
    table: dict[int, int] = {}
    for i in range(60_000):
        table[i & 1023] = i


def main() -> int:
    """Print the benchmark figures."""
    # The same work every time: how far p99 strays from p50 on this machine by itself.
    p50, p99 = _percentiles(_fixed_work, 400)
    print(f"machine jitter (fixed work): p50 {p50:.2f} ms  p99 {p99:.2f} ms  ({p99 / p50:.2f}x)")
    for words, repeat, target in ((40, 2000, 1.0), (2000, 200, 10.0)):
        p50, p99 = bench_message(words, repeat)
        status = "ok" if p99 <= target else "OVER TARGET"
        print(
            f"{words:>5}-word message: screen+output p50 {p50:.3f} ms  p99 {p99:.3f} ms"
            f"  (target p99 <= {target:g} ms: {status})"
        )
    p50, p99 = bench_screen(2000, 200)
    print(f" 2000-word message: screen alone p50 {p50:.3f} ms  p99 {p99:.3f} ms")
    # First sight: every word new to the caches, as for a fresh process; second sight:
    # the same messages again, as for a process that has seen their words before.
    for sight in ("first", "second"):
        p50, p99 = bench_varied(2000, 16)
        print(
            f" 2000-word varied, {sight} sight: screen+output p50 {p50:.3f} ms"
            f"  max {p99:.3f} ms  (16 messages)"
        )
    print(f"screen_jsonl: {bench_jsonl(20000):,.0f} lines/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
