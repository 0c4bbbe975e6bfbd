"""A statistical second opinion on patient messages: it may raise a verdict, never lower it.

The input rules (``input_rules.py``) are precise but only know the phrasings someone wrote
down; a message that says the same thing in other words slips past them. This layer is a
linear classifier (one logistic model per action, over words, word pairs and word
beginnings of the guard's canonical text) trained on the labelled tuning set by
``python -m assistant.safety.train``, which writes its weights and per-action thresholds
to ``_classifier_weights.py``. ``screen`` merges its opinion with ``combine``: the rules
always stand, the classifier can only make a verdict stricter.

Each sentence is scored on its own as well as the whole message, and the highest score per
action counts, so one dangerous line in a long message is not diluted by the rest.
A raise is reported with the rule id ``clf.<action>`` and the score, for the audit trail.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.safety import _classifier_weights as W
from assistant.safety.verdict import SEVERITY, Action, Verdict

PREFIX_LENGTH = 5
SENTENCE_END = "."  # how normalize marks sentence and clause boundaries
CLAUSE_END = ","


def features(tokens: list[str]) -> set[str]:
    """Binary features of one sentence's canonical tokens."""
    found: set[str] = set()
    previous = "^"
    for token in tokens:
        if token == CLAUSE_END:
            previous = CLAUSE_END
            continue
        found.add("w:" + token)
        found.add(f"b:{previous}_{token}")
        if len(token) > PREFIX_LENGTH:
            found.add("p:" + token[:PREFIX_LENGTH])
        previous = token
    return found


def segments(canonical: str) -> list[set[str]]:
    """Features of the whole message, then of each sentence (when there are several).

    The whole message's features are the union of its sentences' (word pairs do not
    cross a sentence end), so each sentence is read once.
    """
    sentences: list[list[str]] = [[]]
    for token in canonical.split(" ") if canonical else ():
        if token == SENTENCE_END:
            sentences.append([])
        else:
            sentences[-1].append(token)
    each = [features(tokens) for tokens in sentences if tokens]
    whole = set().union(*each)
    return [whole, *each] if len(each) > 1 else [whole]


@dataclass(frozen=True)
class Model:
    """Weights per feature (one per action of ``actions``), biases and thresholds."""

    actions: tuple[Action, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, feats: Iterable[str]) -> list[float]:
        """Probability per action for one segment's features.

        Sums are exact (``math.fsum``), so the result does not depend on the order in
        which a set yields its features (which changes with the hash seed).
        """
        weights = self.weights
        rows = [weights[f] for f in weights.keys() & feats]
        columns = zip(*rows, strict=True) if rows else [()] * len(self.bias)
        totals = [b + math.fsum(column) for b, column in zip(self.bias, columns, strict=True)]
        return [1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t)))) for t in totals]

    def best(self, canonical: str) -> list[float]:
        """Highest probability per action over the message and its sentences."""
        top = [0.0] * len(self.actions)
        for feats in segments(canonical):
            for i, p in enumerate(self.scores(feats)):
                top[i] = max(top[i], p)
        return top


def load() -> Model:
    """The trained model from ``_classifier_weights`` (empty if never trained)."""
    actions = tuple(Action(a) for a in W.ACTIONS)
    weights: dict[str, tuple[float, ...]] = {}
    for line in W.WEIGHTS.splitlines():
        if line:
            feat, values = line.split("\t")
            weights[feat] = tuple(float(v) for v in values.split(","))
    return Model(actions, tuple(W.BIAS), tuple(W.THRESHOLDS), weights)


MODEL = load()


def decide(model: Model, probabilities: list[float]) -> Verdict | None:
    """The strictest action whose probability reaches its threshold, or None.

    Severity, not score, picks among several actions over their thresholds (an emergency
    outranks an out-of-scope question).
    """
    over = [
        (action, p)
        for action, p, threshold in zip(model.actions, probabilities, model.thresholds, strict=True)
        if p >= threshold
    ]
    if not over:
        return None
    action, p = max(over, key=lambda pair: SEVERITY[pair[0]])
    return Verdict.of(
        action, (f"clf.{action.value}",), f"wording resembles {action.value} messages ({p:.2f})"
    )


def second_opinion(canonical: str, model: Model = MODEL) -> Verdict | None:
    """The classifier's verdict on ``normalize.normalize(text)``, or None."""
    return decide(model, model.best(canonical))
