"""What every match of a regular expression must start with, or contain, read off the
compiled pattern: the guard uses it to try a pattern only where a match can begin, so a
long message costs milliseconds. Every answer is safe to filter on (a superset): the
pattern itself decides at each place it is tried.
"""

from __future__ import annotations

import importlib
from typing import Any

_sre_parser: Any = importlib.import_module("re._parser")
_sre_const: Any = importlib.import_module("re._constants")


def _first_seq(items: Any) -> tuple[set[str] | None, bool]:
    """Characters that can start a match of ``items`` (None: any), and whether it can be empty."""
    acc: set[str] = set()
    for op, av in items:
        first, nullable = _first_node(op, av)
        if first is None:
            return None, False
        acc |= first
        if not nullable:
            return acc, False
    return acc, True


def _first_node(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    c = _sre_const
    if op is c.LITERAL:
        return {chr(av)}, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    if op is c.SUBPATTERN:
        return _first_seq(av[-1])
    if op is c.ATOMIC_GROUP:
        return _first_seq(av)
    if op is c.BRANCH:
        acc: set[str] = set()
        nullable = False
        for alternative in av[1]:
            first, alt_nullable = _first_seq(alternative)
            if first is None:
                return None, False
            acc |= first
            nullable = nullable or alt_nullable
        return acc, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        first, nullable = _first_seq(sub)
        return first, nullable or low == 0
    if op is c.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is c.LITERAL:
                chars.add(chr(item_av))
            elif item_op is c.RANGE:
                chars.update(chr(x) for x in range(item_av[0], item_av[1] + 1))
            elif item_op is c.CATEGORY and item_av is c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return None, False
        return chars, False
    if op is c.CATEGORY and av is c.CATEGORY_DIGIT:
        return set("0123456789"), False
    return None, False


_MAX_PREFIXES = 400


def _shrink(prefixes: set[str]) -> set[str]:
    """Cut prefixes back to their first word: fewer, shorter, still valid."""
    return {p.split(" ")[0] + " " if " " in p.lstrip(" ") else p for p in prefixes}


def _prefix_seq(items: Any, acc: set[str], cap: int = _MAX_PREFIXES) -> tuple[set[str], bool]:
    """Extend literal prefixes ``acc`` over ``items``; the flag says all items were literal."""
    c = _sre_const
    for op, av in items:
        if op is c.LITERAL:
            acc = {p + chr(av) for p in acc}
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op in (c.SUBPATTERN, c.ATOMIC_GROUP, c.BRANCH):
            alternatives = av[1] if op is c.BRANCH else [av[-1] if op is c.SUBPATTERN else av]
            merged: set[str] = set()
            complete = True
            for alternative in alternatives:
                sub, sub_complete = _prefix_seq(alternative, {""}, cap)
                merged |= {a + b for a in acc for b in sub}
                complete = complete and sub_complete
                if len(merged) > cap:
                    merged = _shrink(merged)
                    complete = False
            acc = merged
            if not complete:
                return acc, False
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            # An optional part (often the optional space between words): both spellings.
            with_part, complete = _prefix_seq(av[2], set(acc), cap)
            extended = acc | with_part
            if len(extended) > cap:
                return _shrink(extended), False
            if not complete:
                return extended, False
            acc = extended
            continue
        chars = _class_chars(op, av)
        if chars is not None:
            extended = {p + ch for p in acc for ch in chars}
            if len(extended) > cap:
                return _shrink(extended), False
            acc = extended
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1:
            # "\d{2,3}": every match starts with one character of the repeated class.
            chars = _class_chars(*av[2][0])
            if chars is not None and len(acc) * len(chars) <= cap:
                return {p + ch for p in acc for ch in chars}, False
            return acc, False
        if op is c.IN and all(item_op is c.LITERAL for item_op, _ in av) and len(av) <= 8:
            acc = {p + chr(ch) for p in acc for _, ch in av}
            continue
        return acc, False
    return acc, True


def _class_chars(op: Any, av: Any) -> list[str] | None:
    """The characters a small character class or a digit class matches, or None."""
    c = _sre_const
    if op is c.IN:
        chars: list[str] = []
        for item_op, item_av in av:
            if item_op is c.LITERAL:
                chars.append(chr(item_av))
            elif item_op is c.CATEGORY and item_av is c.CATEGORY_DIGIT:
                chars.extend("0123456789")
            else:
                return None
        return chars if len(chars) <= 12 else None
    if op is c.CATEGORY and av is c.CATEGORY_DIGIT:
        return list("0123456789")
    return None


def literal_prefixes(pattern: str, cap: int = _MAX_PREFIXES) -> frozenset[str] | None:
    """Literal strings one of which starts every match of ``pattern``, or None.

    Past ``cap`` strings they are cut back to their first word: fewer, less selective.
    """
    found, _ = _prefix_seq(_sre_parser.parse(pattern), {""}, cap)
    return None if "" in found else frozenset(found)


_MAX_SPELLINGS = 4


def _required_seq(items: Any) -> frozenset[str] | None:
    """Literal strings one of which occurs in every match of ``items`` (None if unknown).

    Among the candidates a sequence offers (each literal run, each required sub-part) the
    one whose shortest string is longest is kept: it is the most selective filter.
    """
    c = _sre_const
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    # The spellings of literal runs joined by optional characters (the optional space
    # between two words): "for ?myself" is "for myself" or "formyself".
    spellings: set[str] = {""}

    def flush(*, joined: bool = True) -> None:
        nonlocal spellings
        if run:
            candidates.append(frozenset({max("".join(run).split(" "), key=len)}))
            run.clear()
        if joined:
            if len(spellings) > 1:
                candidates.append(frozenset(spellings))
            spellings = {""}

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            spellings = {spelling + chr(av) for spelling in spellings}
            continue
        optional = op is c.MAX_REPEAT and av[:2] == (0, 1) and len(av[2]) == 1
        if optional and av[2][0][0] is c.LITERAL and len(spellings) < _MAX_SPELLINGS:
            flush(joined=False)
            spellings |= {spelling + chr(av[2][0][1]) for spelling in spellings}
            continue
        flush()
        sub: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            sub = _required_seq(av[-1])
        elif op is c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                req = _required_seq(alternative)
                if req is None:
                    union = set()
                    break
                union |= req
            sub = frozenset(union) if union else None
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            sub = _required_seq(av[2])
        if sub is not None:
            candidates.append(sub)
    flush()
    usable = [cand for cand in candidates if cand and min(len(x) for x in cand) >= 3]
    if not usable:
        return None
    return max(usable, key=lambda cand: (min(len(x) for x in cand), -len(cand)))


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains one, or None if unknown."""
    return _required_seq(_sre_parser.parse(pattern))


def _chars_seq(items: Any) -> frozenset[str] | None:
    """Characters one of which occurs in every match of ``items`` (None if unknown):
    punctuation is preferred, being rarer in messages than letters."""
    c = _sre_const
    candidates: list[frozenset[str]] = []
    for op, av in items:
        found: frozenset[str] | None = None
        if op is c.LITERAL:
            found = frozenset(chr(av))
        elif op is c.SUBPATTERN:
            found = _chars_seq(av[-1])
        elif op is c.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                chars = _chars_seq(alternative)
                if chars is None:
                    break
                union |= chars
            else:
                found = frozenset(union)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            found = _chars_seq(av[2])
        if found:
            candidates.append(found)
    if not candidates:
        return None
    return min(candidates, key=lambda chars: (any(ch.isalnum() for ch in chars), len(chars)))


def required_chars(pattern: str) -> frozenset[str] | None:
    """Characters of which every match of ``pattern`` contains one, or None if unknown
    (always None for a case-insensitive pattern)."""
    parsed = _sre_parser.parse(pattern)
    if parsed.state.flags & _sre_const.SRE_FLAG_IGNORECASE:
        return None
    return _chars_seq(parsed)


def first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a match of ``pattern`` can start with, or None if not known."""
    first, nullable = _first_seq(_sre_parser.parse(pattern))
    return None if first is None or nullable else frozenset(first)
