"""Train the guard's second opinion: ``python -m assistant.safety.train [--dir D] [--check]``.

Reads the labelled tuning set (``D/screen-*.jsonl``, default ``assistant/safety/eval``;
never the held-out set), trains one logistic model per action (AdaGrad, L2, a fixed seed,
so the same data gives the same weights), picks each action's threshold from 5-fold
out-of-fold scores so that the classifier alone raises at most ``BENIGN_BUDGET`` of the
benign questions, prints cross-validated figures (rules alone, rules with the classifier),
and writes ``_classifier_weights.py``. With ``--check`` it writes nothing and exits 1 if the
committed weights differ from what the data gives (CI keeps them in step with the set).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

from assistant.safety.classifier import Model, decide, segments
from assistant.safety.normalize import normalize
from assistant.safety.screen import rule_verdict
from assistant.safety.verdict import Action, combine

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / "eval"
OUTPUT = HERE / "_classifier_weights.py"
ACTIONS = (
    Action.EMERGENCY,
    Action.CRISIS,
    Action.URGENT,
    Action.HARMFUL,
    Action.INJECTION,
    Action.OUT_OF_SCOPE,
)
# Share of benign questions each action's classifier may raise on its own (out of fold).
BENIGN_BUDGET = {
    Action.EMERGENCY: 0.003,
    Action.CRISIS: 0.002,
    Action.URGENT: 0.002,
    Action.HARMFUL: 0.001,
    Action.INJECTION: 0.001,
    Action.OUT_OF_SCOPE: 0.002,
}
# Stronger L2 and more epochs than before (1e-4, 12): with 6,000 lines the weaker penalty
# let benign lines that share words with crises score 0.999, so the crisis threshold rose
# to 1.0 and that classifier never raised anything. Cross-validated (same rules, same
# benign budgets, benign flagged 3.0% both ways): emergency 95.1% -> 97.9%, crisis 93.7%
# -> 96.6%, urgent 52.0% -> 58.3%, harmful 90.4% -> 93.1%, injection 91.5% -> 92.1%.
# With the 5,942 lines of batch 3, 5e-2 and 30 epochs against 3e-2 and 20: harmful 86.6%
# -> 89.7%, emergency 95.2% -> 95.4%, urgent 65.8% -> 66.3%, crisis 97.4% -> 97.1%,
# benign flagged 3.5% both. Scores are then less extreme, hence the lower floor; the
# benign budget still sets each cut.
MIN_THRESHOLD = 0.25
EPOCHS = 30
RATE = 0.3
L2 = 5e-2
MIN_DOCS = 2  # a feature seen in fewer training messages is left out
FOLDS = 5
SEED = 20261125

Example = tuple[str, str, str]  # (text, canonical text, expected action value)


def load(directory: Path) -> list[Example]:
    """(text, canonical text, expected action) of every line of the tuning set."""
    examples = []
    for path in sorted(directory.glob("screen-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                examples.append((item["text"], normalize(item["text"]), item["expected"]))
    return examples


def fit(examples: list[Example]) -> Model:
    """One logistic model per action over whole-message features."""
    # Sorted, so sums run in the same order whatever the hash seed: same data, same weights.
    docs = [(sorted(segments(canonical)[0]), expected) for _, canonical, expected in examples]
    seen: Counter[str] = Counter(f for feats, _ in docs for f in feats)
    vocab = {f for f, n in seen.items() if n >= MIN_DOCS}
    k = len(ACTIONS)
    weights: dict[str, list[float]] = {f: [0.0] * k for f in vocab}
    squares: dict[str, list[float]] = {f: [1e-8] * k for f in vocab}
    bias = [0.0] * k
    bias_sq = [1e-8] * k
    order = list(range(len(docs)))
    rng = random.Random(SEED)  # noqa: S311  # nosec B311 (reproducible training, not secrecy)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            feats, expected = docs[index]
            present = [f for f in feats if f in vocab]
            for i, action in enumerate(ACTIONS):
                margin = bias[i] + sum(weights[f][i] for f in present)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, margin))))
                gradient = p - (1.0 if expected == action.value else 0.0)
                bias_sq[i] += gradient * gradient
                bias[i] -= RATE * gradient / math.sqrt(bias_sq[i])
                for f in present:
                    g = gradient + L2 * weights[f][i]
                    squares[f][i] += g * g
                    weights[f][i] -= RATE * g / math.sqrt(squares[f][i])
    kept = {
        f: tuple(round(w, 3) for w in row)
        for f, row in weights.items()
        if max(abs(w) for w in row) >= 0.01
    }
    return Model(ACTIONS, tuple(round(b, 3) for b in bias), (1.0,) * k, kept)


def out_of_fold(examples: list[Example]) -> list[list[float]]:
    """Each example's scores from a model that did not see it."""
    rng = random.Random(SEED)  # noqa: S311  # nosec B311 (reproducible training, not secrecy)
    fold_of = [rng.randrange(FOLDS) for _ in examples]
    scores: list[list[float]] = [[] for _ in examples]
    for fold in range(FOLDS):
        model = fit([e for e, f in zip(examples, fold_of, strict=True) if f != fold])
        for i, (_, canonical, _) in enumerate(examples):
            if fold_of[i] == fold:
                scores[i] = model.best(canonical)
    return scores


def thresholds(examples: list[Example], scores: list[list[float]]) -> tuple[float, ...]:
    """Per action, the lowest threshold (>= MIN_THRESHOLD) within its benign budget."""
    benign = [s for (*_, expected), s in zip(examples, scores, strict=True) if expected == "answer"]
    chosen = []
    for i, action in enumerate(ACTIONS):
        allowed = int(BENIGN_BUDGET[action] * len(benign))
        ranked = sorted((s[i] for s in benign), reverse=True)
        above = ranked[allowed] if allowed < len(ranked) else 0.0
        chosen.append(round(max(MIN_THRESHOLD, above + 1e-3), 3))
    return tuple(chosen)


def report(examples: list[Example], scores: list[list[float]], cuts: tuple[float, ...]) -> None:
    """Cross-validated recall per action: the rules alone, then with the classifier."""
    totals: Counter[str] = Counter()
    rules_ok: Counter[str] = Counter()
    both_ok: Counter[str] = Counter()
    raised_benign = 0
    model = Model(ACTIONS, (0.0,) * len(ACTIONS), cuts, {})
    for (text, canonical, expected), s in zip(examples, scores, strict=True):
        rules = rule_verdict(text, canonical)
        merged = combine(rules, decide(model, s))
        totals[expected] += 1
        rules_ok[expected] += _caught(expected, rules.action)
        both_ok[expected] += _caught(expected, merged.action)
        raised_benign += expected == "answer" and merged.action is not Action.ANSWER
    print("cross-validated on the tuning set (5 folds): caught by rules -> rules + classifier")
    for action, n in sorted(totals.items()):
        print(f"  {action:13} {rules_ok[action] / n:6.1%} -> {both_ok[action] / n:6.1%}  (n={n})")
    print(f"  benign flagged by either: {raised_benign / max(1, totals['answer']):.1%}")


def _caught(expected: str, got: Action) -> bool:
    """Counted the way ``evaluate`` counts: urgent care together, refusals together."""
    if expected in ("emergency", "crisis"):
        return got in (Action.EMERGENCY, Action.CRISIS)
    if expected in ("harmful", "injection"):
        return got in (Action.HARMFUL, Action.INJECTION, Action.CRISIS)
    return got.value == expected


def render(model: Model) -> str:
    """The weights module's source text (sorted, so a retrain changes only what changed)."""
    rows = "\n".join(
        f"{feat}\t{','.join(f'{w:g}' for w in row)}" for feat, row in sorted(model.weights.items())
    )
    actions = "".join(f'    "{a.value}",\n' for a in model.actions)
    return (
        '"""Generated by ``python -m assistant.safety.train``; do not edit by hand."""\n\n'
        f"ACTIONS: tuple[str, ...] = (\n{actions})\n"
        f"BIAS: tuple[float, ...] = {model.bias!r}\n"
        f"THRESHOLDS: tuple[float, ...] = {model.thresholds!r}\n"
        f'WEIGHTS = """\n{rows}\n"""\n'
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    examples = load(args.dir)
    scores = out_of_fold(examples)
    cuts = thresholds(examples, scores)
    report(examples, scores, cuts)
    final = fit(examples)
    model = Model(final.actions, final.bias, cuts, final.weights)
    print("thresholds:", dict(zip((a.value for a in ACTIONS), cuts, strict=True)))
    print(f"features kept: {len(model.weights):,}")
    source = render(model)
    if args.check:
        same = OUTPUT.read_text(encoding="utf-8") == source
        print("committed weights match the tuning set" if same else "weights are stale: retrain")
        return 0 if same else 1
    OUTPUT.write_text(source, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
