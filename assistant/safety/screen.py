"""Input guard: ``screen(text) -> Verdict``.

How a verdict is reached:

1. The message is normalised once (``normalize.normalize``).
2. Each pattern is tried only where a match can begin: at the tokens that start with one
   of the literal prefixes every match of it begins with (derived from the compiled
   pattern, so the index can never hide a match), or, for the few patterns without such
   a prefix (numeric readings), at the token starts whose first character fits. This
   keeps a 2,000-word message within a few milliseconds.
3. A match counts unless it is cancelled by negation, history, an education frame, an
   ``unless`` pattern or a numeric check (see ``input_rules``). Cancelling is per match:
   "no chest pain but I can't breathe" cancels the chest-pain match and keeps the
   breathing one. A rule with ``context`` also needs an uncancelled context match.
4. The action of the most severe matched rule wins (``verdict.SEVERITY``); every matched
   rule id is reported, winners first.

Negation scope: up to eight tokens before the match, stopping at a sentence end or a
clause that starts a new statement ("but", ", my...", "and I..."); pseudo-negations that
do not deny anything ("not sure", "doesn't help", "no one") are ignored, and "never ...
like this" confirms rather than denies. When in doubt the signal stands: a guard that
misses an emergency is worse than one that raises a false alarm.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat

from assistant.safety import input_rules as R
from assistant.safety.classifier import second_opinion
from assistant.safety.literals import (
    first_chars,
    literal_prefixes,
    required_chars,
    required_strings,
)
from assistant.safety.normalize import fold, has_tag_characters, normalize
from assistant.safety.verdict import ANSWER, SEVERITY, Action, Verdict, combine

_MACRO = re.compile(r"<([A-Z_]+)>")
# A space between two letters (or before a group) in a pattern may be missing in the text.
_OPTIONAL_SPACE = re.compile(r"(?<=[a-z]) (?=[a-z(])")


def expand(pattern: str) -> str:
    """Expand macros and optional spaces, and anchor the pattern on whole tokens."""
    for _ in range(3):
        pattern = _MACRO.sub(lambda m: R.MACROS[m.group(1)], pattern)
    pattern = _OPTIONAL_SPACE.sub(" ?", pattern)
    return rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"


@dataclass(frozen=True, eq=False)
class Scanner:
    """A compiled pattern with what is known about how its matches start.

    ``prefixes`` are literal strings one of which begins every match (None if unknown);
    ``first`` are the characters a match can begin with (None if any).
    """

    pattern: re.Pattern[str]
    prefixes: frozenset[str] | None
    first: frozenset[str] | None
    # First word of each prefix -> the prefixes starting with it, for the token index.
    by_key: dict[str, tuple[str, ...]]
    keys: frozenset[str]
    # Strings one of which every match contains (None: no such filter).
    required: frozenset[str] | None


# Frequent first words: prefixes starting with one are indexed on two words ("my che"),
# otherwise every "my" of a long message would be tried against dozens of patterns.
_COMMON_FIRST = frozenset(
    "a an the i im ive me my we you your he his she her it its they them their is are was"
    " do does did can could should would will not no to of in on at for and or so how what"
    " when if be been have has had get got".split()
)


def _index_key(prefix: str) -> str:
    words = prefix.split(" ")
    if words[0] in _COMMON_FIRST and len(words) >= 2 and len(words[1]) >= 3:
        return f"{words[0]} {words[1][:3]}"
    return words[0]


def _scanner(pattern: re.Pattern[str]) -> Scanner:
    prefixes = literal_prefixes(pattern.pattern)
    grouped: dict[str, list[str]] = {}
    for prefix in sorted(prefixes or ()):
        grouped.setdefault(_index_key(prefix), []).append(prefix)
    by_key = {key: tuple(values) for key, values in grouped.items()}
    return Scanner(
        pattern,
        prefixes,
        first_chars(pattern.pattern),
        by_key,
        frozenset(by_key),
        _small(required_strings(pattern.pattern)),
    )


def _small(required: frozenset[str] | None) -> frozenset[str] | None:
    """Keep a required-string filter only when it is cheap to test on a long text."""
    return required if required is not None and len(required) <= 6 else None


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its regexes compiled."""

    rule: R.Rule
    patterns: tuple[Scanner, ...]
    context: tuple[Scanner, ...]
    unless: tuple[re.Pattern[str], ...]


def compile_rule(rule: R.Rule) -> CompiledRule:
    """Compile one rule; raises ``re.error`` naming the rule if a pattern is invalid."""
    try:
        patterns = tuple(_scanner(re.compile(expand(p))) for p in rule.patterns)
        context = tuple(_scanner(re.compile(expand(p))) for p in rule.context)
        unless = tuple(re.compile(expand(p)) for p in rule.unless)
    except re.error as exc:
        raise re.error(f"{rule.id}: {exc}") from exc
    return CompiledRule(rule, patterns, context, unless)


COMPILED: tuple[CompiledRule, ...] = tuple(compile_rule(r) for r in R.ALL_RULES)


_KEYS: frozenset[str] = frozenset(
    key for c in COMPILED for sc in c.patterns + c.context for key in sc.keys
)
_KEY_LENGTHS: tuple[int, ...] = tuple(sorted({len(k) for k in _KEYS if " " not in k}))


def _scanners_by_key() -> dict[str, tuple[Scanner, ...]]:
    index: dict[str, list[Scanner]] = {}
    for c in COMPILED:
        for scanner in c.patterns + c.context:
            for key in scanner.keys:
                index.setdefault(key, []).append(scanner)
    return {key: tuple(scanners) for key, scanners in index.items()}


_SCANNERS_BY_KEY = _scanners_by_key()
# Rule position of every main pattern, and the rules that have unindexed patterns.
_RULE_OF: dict[Scanner, int] = {
    scanner: index for index, c in enumerate(COMPILED) for scanner in c.patterns
}
_UNINDEXED: dict[int, tuple[Scanner, ...]] = {
    index: tuple(p for p in c.patterns if p.prefixes is None)
    for index, c in enumerate(COMPILED)
    if any(p.prefixes is None for p in c.patterns)
}
_ALWAYS_TRIED: frozenset[int] = frozenset(_UNINDEXED)


@lru_cache(maxsize=65536)
def _keys_for(token: str) -> tuple[str, ...]:
    """Index keys (first words of literal prefixes) that ``token`` starts with."""
    lengths = _KEY_LENGTHS[: bisect_right(_KEY_LENGTHS, len(token))]
    return tuple(token[:n] for n in lengths if token[:n] in _KEYS)


@lru_cache(maxsize=65536)
def _prefixes_at(scanner: Scanner, key: str, token: str) -> tuple[bool, tuple[str, ...]]:
    """How the prefixes of ``scanner`` under ``key`` apply where ``token`` (which starts
    with ``key``) stands: True if one lies within the token (every such position counts),
    else the prefixes that run on past it (to test at each position; may be none). This
    is only a filter: the pattern decides at every position it lets through."""
    prefixes = scanner.by_key[key]
    # "my " after the token "my": the next character is a space wherever the token is not
    # the last one, and a try at the last one only fails (the pattern itself decides).
    if any(token.startswith(p) or p == token + " " for p in prefixes if len(p) <= len(token) + 1):
        return True, ()
    return False, tuple(p for p in prefixes if p.startswith(token + " "))


_ScannersAt = tuple[tuple[Scanner, tuple[str, ...] | None], ...]


@lru_cache(maxsize=65536)
def _scanners_at(span: str) -> _ScannersAt:
    """The scanners that may match where ``span`` (a token, or two tokens for two-word
    keys such as "my che") starts: with None when every such position counts, else the
    prefixes to test at each position (``_prefixes_at``)."""
    if " " in span:
        first, second = span.split(" ", 1)
        keys: tuple[str, ...] = (f"{first} {second[:3]}",)
    else:
        keys = _keys_for(span)
    found: dict[Scanner, tuple[str, ...] | None] = {}
    for key in keys:
        for scanner in _SCANNERS_BY_KEY.get(key, ()):
            every, spanning = _prefixes_at(scanner, key, span)
            if every or found.get(scanner, ()) is None:
                found[scanner] = None
            elif spanning:
                found[scanner] = (*(found.get(scanner) or ()), *spanning)
    return tuple(found.items())


# Raw-text rules, each with the characters one of which every match holds (None: any).
_RAW: tuple[tuple[str, re.Pattern[str], str, frozenset[str] | None], ...] = tuple(
    (rule_id, re.compile(p), reason, required_chars(p)) for rule_id, p, reason in R.RAW_RULES
)
_HIDDEN_ID = "inj.hidden_characters"

_NEG = re.compile(R.NEGATION_CUE)
_PSEUDO = re.compile(R.PSEUDO_NEGATION)
_NEVER_BREAKER = re.compile(R.NEVER_BREAKER)
_HISTORY = re.compile(R.HISTORY_CUE)
_PRESENT = re.compile(R.PRESENT_CUE)
_FRAME = re.compile(R.FRAME_CUE)
_FRAME_OVERRIDE = re.compile(R.FRAME_OVERRIDE)
_SCOPE_BREAK = re.compile(R.SCOPE_BREAK)
_CLAUSE = re.compile(r"(?:^| ),(?= |$)")
_PAST_VERB = re.compile(
    r"(?<![a-z0-9])(?:had|was|were|did|got|went|used|suffered|survived|experienced"
    r"|happened|been|tuvo|tuve|fue)(?![a-z0-9])"
)
_POST_NEGATION = re.compile(r" ?[,.]? ?(?:no|none|nope|negative|denied|denies)(?= ?(?:[.,]|$))")
_NEG_WINDOW = 8
_TRIES_BEFORE_REQUIRED = 16
# Past this many token starts to try, a pattern without a literal prefix scans the text
# itself (one call into the regex engine per match instead of one per token start).
_SEARCH_ABOVE = 64
_TOKEN_START = re.compile(r"(?<![a-z0-9])[a-z0-9]")


def _drain(calls: Iterator[object]) -> None:
    """Run an iterator of calls for their effect."""
    deque(calls, maxlen=0)


def _token_marks(text: str, token: str) -> list[int]:
    """Where the one-character token ``token`` stands alone in ``text``: the index of the
    space before it (0 at the very start), as ``(?:^| )<token>(?= |$)`` would find it."""
    marks = [0] if text[:2] in (token, token + " ") else []
    i = text.find(" " + token)
    while i != -1:
        if text[i + 2 : i + 3] in ("", " ") and (i > 0 or not marks):
            marks.append(i)
        i = text.find(" " + token, i + 2)
    return marks


class _Doc:
    """The canonical text, where each pattern may match in it, and (lazily) its sentence and
    clause boundaries."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: list[int] | None = None
        self._in_sentence: dict[int, tuple[list[int], list[int]]] = {}
        self._starts: list[int] | None = None
        # Where each indexed scanner may match: the positions of the tokens (and of the
        # pairs of tokens, for two-word keys) it may start with. Each distinct token is
        # looked up once however often it occurs. Positions are in no particular order: a
        # rule fires or not whatever the order in which its matches are tried.
        self._at: defaultdict[Scanner, list[int]] = defaultdict(list)
        words = text.split(" ")
        starts = [0, *accumulate(map((1).__add__, map(len, words)))]
        # Each token's start positions, and each pair's that begins with a common word,
        # grouped without a Python step per token: the calls below run inside ``map``.
        by_token: defaultdict[str, list[int]] = defaultdict(list)
        _drain(map(list.append, map(by_token.__getitem__, words), starts))
        common = list(map(_COMMON_FIRST.__contains__, words))
        by_pair: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
        pairs = compress(zip(words, words[1:], strict=False), common)
        _drain(map(list.append, map(by_pair.__getitem__, pairs), compress(starts, common)))
        for token, positions in by_token.items():
            scanners = _scanners_at(token)
            if scanners:
                self._add(scanners, positions)
        for (first, second), positions in by_pair.items():
            if f"{first} {second[:3]}" in _KEYS:
                self._add(_scanners_at(f"{first} {second}"), positions)
        self._vocabulary = " ".join(by_token)
        self._required_seen: dict[frozenset[str], bool] = {}
        # Cancellation cues, each looked for once per place: several rules often match at
        # the same token or in the same clause. Keys are positions in this text only.
        self._cue_before: dict[int, re.Match[str] | None] = {}
        self._historical: dict[tuple[int, int], bool] = {}
        self._overridden: dict[int, bool] = {}

    def _add(self, scanners: _ScannersAt, positions: list[int]) -> None:
        text, at = self.text, self._at
        for scanner, spanning in scanners:
            if spanning is None:
                at[scanner].extend(positions)
            else:
                at[scanner].extend(
                    compress(positions, map(text.startswith, repeat(spanning), positions))
                )

    def scanners_present(self) -> Iterator[Scanner]:
        """Indexed scanners that may match somewhere in this text."""
        return (scanner for scanner, positions in self._at.items() if positions)

    def _contains_required(self, scanner: Scanner) -> bool:
        """False when the text lacks every string one of which each match contains."""
        if scanner.required is None:
            return True
        known = self._required_seen.get(scanner.required)
        if known is None:
            # A string without a space lies within one token: the distinct tokens, once
            # each, are a shorter haystack than the text.
            known = any(
                r in (self.text if " " in r else self._vocabulary) for r in scanner.required
            )
            self._required_seen[scanner.required] = known
        return known

    def _positions(self, scanner: Scanner) -> list[int]:
        if scanner.prefixes is not None:
            return self._at.get(scanner, [])
        if self._starts is None:
            self._starts = [m.start() for m in _TOKEN_START.finditer(self.text)]
        first = scanner.first
        return [p for p in self._starts if first is None or self.text[p] in first]

    def matches(self, scanner: Scanner) -> Iterator[re.Match[str]]:
        """Matches of ``scanner`` at every position where one can begin (see module doc),
        in no particular order, lazily (a rule stops at its first match that counts)."""
        if scanner.prefixes is None and not self._contains_required(scanner):
            return iter(())  # tried at every token start: rule it out first
        positions = self._positions(scanner)
        # Scanning the whole text for the required strings pays only before many tries.
        if len(positions) > _TRIES_BEFORE_REQUIRED and not self._contains_required(scanner):
            return iter(())
        if scanner.prefixes is None and len(positions) > _SEARCH_ABOVE:
            return self._searched(scanner)
        return filter(None, map(scanner.pattern.match, repeat(self.text), positions))

    def _searched(self, scanner: Scanner) -> Iterator[re.Match[str]]:
        """The same matches as trying ``scanner`` at each of its positions, in order: the
        engine tries every position from the last match start on (lookbehinds see the
        text before it), and a match that begins where no try would have is skipped."""
        allowed = set(self._positions(scanner))
        search, text = scanner.pattern.search, self.text
        m = search(text)
        while m is not None:
            if m.start() in allowed:
                yield m
            m = search(text, m.start() + 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence containing ``pos``."""
        if self._sentences is None:
            self._sentences = _token_marks(self.text, ".")
        ends = self._sentences
        i = bisect_right(ends, pos)
        start = ends[i - 1] + 2 if i > 0 else 0
        end = ends[i] if i < len(ends) else len(self.text)
        return start, end

    def _marks(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """The ends of the scope breaks in the sentence ``start:end``, and where its clauses
        begin (commas and scope breaks). Neither crosses a sentence end, so each sentence
        is read on its own, once, and only if a match in it needs them."""
        found = self._in_sentence.get(start)
        if found is None:
            breaks = [(m.start(), m.end()) for m in _SCOPE_BREAK.finditer(self.text, start, end)]
            commas = [m.start() for m in _CLAUSE.finditer(self.text, start, end)]
            found = ([e for _, e in breaks], sorted(commas + [b for b, _ in breaks]))
            self._in_sentence[start] = found
        return found

    def scope_start(self, pos: int) -> int:
        """Start of the statement containing ``pos`` (after the last scope break)."""
        start, end = self.sentence(pos)
        break_ends, _ = self._marks(start, end)
        i = bisect_right(break_ends, pos)
        return max(start, break_ends[i - 1]) if i > 0 else start

    def clause(self, pos: int) -> tuple[int, int]:
        """Bounds of the clause containing ``pos`` (commas and scope breaks included)."""
        s_start, s_end = self.sentence(pos)
        _, clauses = self._marks(s_start, s_end)
        i = bisect_right(clauses, pos)
        start = max(s_start, clauses[i - 1]) if i > 0 else s_start
        end = min(s_end, clauses[i]) if i < len(clauses) else s_end
        return start, end

    def _negation_cue(self, start: int) -> re.Match[str] | None:
        """The last negation cue in the window before ``start`` (pseudo-negations blanked)."""
        if start in self._cue_before:
            return self._cue_before[start]
        words = self.text[self.scope_start(start) : start].split()[-_NEG_WINDOW:]
        pre = _PSEUDO.sub(" _ ", " ".join(words))
        cue = None
        for cue in _NEG.finditer(pre):  # noqa: B007 - the last one is kept
            pass
        self._cue_before[start] = cue
        return cue

    def negated(self, start: int, end: int) -> bool:
        cue = self._negation_cue(start)
        if cue is not None:
            if cue.group() == "never":
                _, clause_end = self.clause(start)
                if _NEVER_BREAKER.search(self.text, end, clause_end):
                    return False
            return True
        return _POST_NEGATION.match(self.text, end) is not None

    def historical(self, start: int, end: int) -> bool:
        """Whether the clause of ``start`` tells of the past (``end`` plays no part)."""
        c_start, c_end = self.clause(start)
        known = self._historical.get((c_start, c_end))
        if known is None:
            known = self._past(c_start, c_end, *self.sentence(start))
            self._historical[c_start, c_end] = known
        return known

    def _past(self, c_start: int, c_end: int, s_start: int, s_end: int) -> bool:
        if _PRESENT.search(self.text, c_start, c_end):
            return False
        if _HISTORY.search(self.text, c_start, c_end):
            return True
        if _HISTORY.search(self.text, s_start, s_end) is None:
            return False
        return _PAST_VERB.search(self.text, c_start, c_end) is not None

    def framed(self, start: int, end: int) -> bool:
        """True if an education frame begins before the match (it may run into it)."""
        s_start, s_end = self.sentence(start)
        cues = _FRAME.finditer(self.text, self.scope_start(start), end)
        if not any(cue.start() < start for cue in cues):
            return False
        overridden = self._overridden.get(s_start)
        if overridden is None:
            overridden = _FRAME_OVERRIDE.search(self.text, s_start, s_end) is not None
            self._overridden[s_start] = overridden
        return not overridden


def _match_counts(c: CompiledRule, m: re.Match[str], doc: _Doc, *, context: bool) -> bool:
    """Whether match ``m`` of rule ``c`` stands after the cancellations (module docstring)."""
    rule = c.rule
    if not context:
        if rule.check is not None and not rule.check(m):
            return False
        if c.unless:
            c_start, c_end = doc.clause(m.start())
            s_start, s_end = doc.sentence(m.start())
            lo, hi = max(s_start, c_start - 60), min(s_end, c_end + 60)
            if any(u.search(doc.text, lo, hi) for u in c.unless):
                return False
    if rule.negatable and doc.negated(m.start(), m.end()):
        return False
    if rule.historical and doc.historical(m.start(), m.end()):
        return False
    return not (not context and rule.framable and doc.framed(m.start(), m.end()))


def _fires(c: CompiledRule, doc: _Doc, patterns: Iterable[Scanner] | None = None) -> bool:
    """Whether rule ``c`` fires on ``doc``; ``patterns`` are those of its main patterns
    that can match here (default: all of them)."""
    scanners = c.patterns if patterns is None else patterns
    if not any(_match_counts(c, m, doc, context=False) for p in scanners for m in doc.matches(p)):
        return False
    if not c.context:
        return True
    return any(_match_counts(c, m, doc, context=True) for p in c.context for m in doc.matches(p))


def matched_rules(text: str, canonical: str | None = None) -> list[R.Rule]:
    """Every input rule that fires on ``text``, in table order (raw-text rules last).

    ``canonical`` is ``normalize(text)`` when the caller has it already.
    """
    doc = _Doc(normalize(text) if canonical is None else canonical)
    # Each rule is tried with only those of its patterns whose prefix occurs in the text.
    present: dict[int, list[Scanner]] = {i: list(_UNINDEXED[i]) for i in _ALWAYS_TRIED}
    for scanner in doc.scanners_present():
        index = _RULE_OF.get(scanner)
        if index is not None:
            present.setdefault(index, []).append(scanner)
    fired = [COMPILED[i].rule for i in sorted(present) if _fires(COMPILED[i], doc, present[i])]
    folded = fold(text)
    for rule_id, pattern, reason, chars in _RAW:
        if (chars is None or any(ch in folded for ch in chars)) and pattern.search(folded):
            fired.append(R.Rule(rule_id, Action.INJECTION, reason, ()))
    if has_tag_characters(text):
        fired.append(R.Rule(_HIDDEN_ID, Action.INJECTION, "invisible tag characters", ()))
    return fired


def screen(text: str) -> Verdict:
    """Screen one patient message and return the guard's verdict.

    The rules decide; the classifier's second opinion (``classifier.py``) may only make the
    verdict stricter. Pure and deterministic; never raises on any ``str`` input. An empty
    or harmless message gets ``Action.ANSWER`` with no rules.
    """
    canonical = normalize(text)
    return combine(rule_verdict(text, canonical), second_opinion(canonical))


def rule_verdict(text: str, canonical: str | None = None) -> Verdict:
    """The input rules' verdict alone (``canonical`` as in ``matched_rules``)."""
    fired = matched_rules(text, canonical)
    if not fired:
        return ANSWER
    top = max(SEVERITY[r.action] for r in fired)
    winners = [r for r in fired if SEVERITY[r.action] == top]
    others = sorted(
        (r for r in fired if SEVERITY[r.action] < top), key=lambda r: -SEVERITY[r.action]
    )
    action = winners[0].action
    reason = f"{action.value}: " + "; ".join(dict.fromkeys(r.reason for r in winners))
    if others:
        reason += " (also " + ", ".join(r.id for r in others) + ")"
    return Verdict.of(action, tuple(r.id for r in winners + others), reason)
