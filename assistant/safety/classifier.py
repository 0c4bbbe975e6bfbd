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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat

from assistant.safety import _classifier_weights as W
from assistant.safety.verdict import SEVERITY, Action, Verdict

PREFIX_LENGTH = 5
SENTENCE_END = "."  # how normalize marks sentence and clause boundaries
CLAUSE_END = ","


def features(tokens: list[str]) -> set[str]:
    """Binary features of one sentence's canonical tokens: words, word pairs (the first word
    of a sentence pairs with "^", a word after a comma with ","), and word beginnings."""
    words = [t for t in tokens if t != CLAUSE_END]
    found = set(map("w:".__add__, words))
    found.update(
        f"b:{before}_{token}"
        for before, token in zip(["^", *tokens], tokens, strict=False)
        if token != CLAUSE_END
    )
    found.update("p:" + t[:PREFIX_LENGTH] for t in words if len(t) > PREFIX_LENGTH)
    return found


# A "." token: the literal first, so that the scan jumps from dot to dot.
_SENTENCE_MARK = re.compile(r"\.(?<![^ ]\.)(?![^ ])")


def _sentences(canonical: str) -> list[list[str]]:
    """The canonical text's sentences, as token lists (empty ones dropped)."""
    return [tokens for part in _SENTENCE_MARK.split(canonical) if (tokens := part.split())]


def segments(canonical: str) -> list[set[str]]:
    """Features of the whole message, then of each sentence (when there are several).

    The whole message's features are the union of its sentences' (word pairs do not
    cross a sentence end), so each sentence is read once.
    """
    each = [features(tokens) for tokens in _sentences(canonical)]
    whole = set().union(*each)
    return [whole, *each] if len(each) > 1 else [whole]


# Scores are summed as integers (weights are stored with three decimals), all actions at
# once: each feature's weights are packed into one integer, one lane of _LANE bits per
# action, each weight shifted by _OFFSET so that no lane goes negative. Integer sums are
# exact and do not depend on the order in which a set yields its features (which changes
# with the hash seed), and one sum over a segment's features replaces one per action.
_SCALE = 1000
_OFFSET = 1 << 16
_LANE = 40
_MASK = (1 << _LANE) - 1


def _pack(weights: tuple[float, ...]) -> int:
    packed = 0
    for i, w in enumerate(weights):
        units = round(w * _SCALE)
        if abs(units) >= _OFFSET or abs(units - w * _SCALE) > 1e-6:
            raise ValueError(f"weight {w} is not a multiple of 1/{_SCALE} below {_OFFSET}")
        packed |= (units + _OFFSET) << (_LANE * i)
    return packed


@dataclass(frozen=True)
class _Packed:
    """The weights packed, by kind of feature, keyed without building feature strings."""

    words: dict[str, int]
    pairs: dict[tuple[str, str], int]
    prefixes: dict[str, int]
    strings: dict[str, int]

    @classmethod
    def of(cls, weights: dict[str, tuple[float, ...]], actions: int) -> _Packed:
        strings = {f: _pack(w) for f, w in weights.items()}
        words: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        prefixes: dict[str, int] = {}
        # The kind dictionaries also count their features, in the lane above the actions'.
        count = 1 << (_LANE * actions)
        for feature, plain in strings.items():
            packed = plain + count
            kind, _, rest = feature.partition(":")
            if kind == "w":
                words[rest] = packed
            elif kind == "p":
                prefixes[rest] = packed
            elif kind == "b" and rest.count("_") == 1:  # tokens never hold "_"
                before, _, token = rest.partition("_")
                pairs[before, token] = packed
            else:
                raise ValueError(f"unknown feature {feature!r}")
        return cls(words, pairs, prefixes, strings)

    def units(self, sentence: list[str]) -> tuple[set[str], set[tuple[str, str]], set[str]]:
        """The features of one sentence present in the model, keyed for the packed
        dictionaries. Spelled as ``features`` spells them; the model holds no feature of a
        comma, so the commas' own words and pairs find nothing."""
        return (
            self.words.keys() & sentence,
            self.pairs.keys() & zip(["^", *sentence], sentence, strict=False),
            self.prefixes.keys() & {t[:PREFIX_LENGTH] for t in sentence if len(t) > PREFIX_LENGTH},
        )

    def total(self, words: set[str], pairs: set[tuple[str, str]], prefixes: set[str]) -> int:
        """The packed sum of these features, their count in the lane above the actions'."""
        return sum(
            map(self.words.__getitem__, words),
            sum(map(self.pairs.__getitem__, pairs), sum(map(self.prefixes.__getitem__, prefixes))),
        )


_HALF = 1 << (_LANE - 1)


def _tops(sums: list[int], actions: int) -> list[int]:
    """Per action, the highest of the packed sums' lanes, in units of 1/_SCALE.

    Each sum carries its feature count in the lane above the actions'. Taking the count's
    offsets off and adding half a lane to each leaves every lane in [0, 2**_LANE), so one
    pass over the sums per action reads that lane of all of them."""
    shift = _LANE * actions
    offsets = sum(_OFFSET << (_LANE * i) for i in range(actions))
    half = sum(_HALF << (_LANE * i) for i in range(actions))
    counts = map(shift.__rrshift__, sums)
    lanes = list(map(half.__add__, map(int.__sub__, sums, map(offsets.__mul__, counts))))
    return [
        max(map(_MASK.__and__, map(int.__rshift__, lanes, repeat(_LANE * i)))) - _HALF
        for i in range(actions)
    ]


def _lanes(total: int, count: int, actions: int) -> list[int]:
    shift = count * _OFFSET
    return [((total >> (_LANE * i)) & _MASK) - shift for i in range(actions)]


@dataclass(frozen=True)
class Model:
    """Weights per feature (one per action of ``actions``), biases and thresholds."""

    actions: tuple[Action, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @cached_property
    def _packed(self) -> _Packed:
        return _Packed.of(self.weights, len(self.actions))

    def _probabilities(self, units: Iterable[int]) -> list[float]:
        return [
            1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, bias + u / _SCALE))))
            for bias, u in zip(self.bias, units, strict=True)
        ]

    def scores(self, feats: Iterable[str]) -> list[float]:
        """Probability per action for one segment's features (``features`` strings)."""
        strings = self._packed.strings
        present = strings.keys() & feats
        total = sum(map(strings.__getitem__, present))
        return self._probabilities(_lanes(total, len(present), len(self.bias)))

    def best(self, canonical: str) -> list[float]:
        """Highest probability per action over the message and its sentences.

        The same as the highest ``scores`` over ``segments(canonical)``, computed without
        building feature strings; the highest sum wins, since the score rises with it.
        """
        packed = self._packed
        sentences = [packed.units(tokens) for tokens in _sentences(canonical)]
        if not sentences:
            return self._probabilities([0] * len(self.actions))
        whole = packed.total(
            set().union(*(s[0] for s in sentences)),
            set().union(*(s[1] for s in sentences)),
            set().union(*(s[2] for s in sentences)),
        )
        sums = [whole, *(packed.total(*s) for s in sentences)] if len(sentences) > 1 else [whole]
        return self._probabilities(_tops(sums, len(self.actions)))


def load() -> Model:
    """The trained model from ``_classifier_weights`` (empty if never trained)."""
    actions = tuple(Action(a) for a in W.ACTIONS)
    weights: dict[str, tuple[float, ...]] = {}
    for line in W.WEIGHTS.splitlines():
        if line:
            feat, values = line.split("\t")
            weights[feat] = tuple(float(v) for v in values.split(","))
    model = Model(actions, tuple(W.BIAS), tuple(W.THRESHOLDS), weights)
    _ = model._packed  # packed now (~50 ms), not while the first patient waits
    return model


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
