"""Text normalisation shared by the index and the grounded backend.

Queries and articles go through the same steps so that they meet on the same tokens:
lower case, accents folded, text-speak expanded ("u" -> "you", "bp" -> "blood pressure"),
stop words dropped, then a light suffix stemmer. The stemmer is deliberately crude:
it only has to map a word and its plural or -ing/-ed forms to one key, and it is applied
identically on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Words that carry no topic. Kept small: question words stay out of the index but intent
# detection reads the raw text, so nothing is lost there.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just let me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves get got getting im ive id dont doesnt isnt
    cant wont also really thing things kind sort please thanks thank hi hello hey ok okay
    know tell mean means meaning us
    """.split()
)

# Text-speak and everyday abbreviations, expanded before stop words and stemming. Medical
# abbreviations that name one article (copd, uti, gerd) live in that article's aliases.
EXPANSIONS: dict[str, str] = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "y": "why",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "ppl": "people",
    "w": "with",
    "doc": "doctor",
    "dr": "doctor",
    "meds": "medicine",
    "med": "medicine",
    "medication": "medicine",
    "medications": "medicine",
    "bp": "blood pressure",
    "hbp": "high blood pressure",
    "chol": "cholesterol",
    "vax": "vaccine",
    "vaxx": "vaccine",
    "vaxxed": "vaccinated",
    "vaccination": "vaccine",
    "vaccinations": "vaccine",
    "immunization": "vaccine",
    "immunisation": "vaccine",
    "shot": "vaccine",
    "shots": "vaccine",
    "jab": "vaccine",
    "jabs": "vaccine",
    "vaccines": "vaccine",
    "hep": "hepatitis",
    "vit": "vitamin",
    "preg": "pregnant",
    "docs": "doctor",
    "xray": "x ray",
    "n": "and",
    "cig": "cigarette",
    "cigs": "cigarettes",
    "ciggies": "cigarettes",
}

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_DOTTED_ACRONYM_RE = re.compile(r"\b(?:[a-z]\.){2,}")
# Letters typed three or more times in a row ("sooo", "pleeease") collapse to one.
_STRETCHED_RE = re.compile(r"([a-z])\1{2,}")
# A lone letter before a number is one name: "b 12" -> "b12", "vitamin d 3" -> "d3".
_LETTER_NUMBER_RE = re.compile(r"\b([b-hj-z]) (\d{1,2})\b")


def fold(text: str) -> str:
    """Lower-case `text`, fold accents, drop apostrophes and acronym dots.

    "Crohn's" -> "crohns", "C.O.P.D." -> "copd", "Sjögren" -> "sjogren", "sooo" -> "so".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = stripped.lower().replace("'", "").replace("\u2019", "")
    lowered = _STRETCHED_RE.sub(r"\1", lowered)
    lowered = _LETTER_NUMBER_RE.sub(r"\1\2", lowered)
    return _DOTTED_ACRONYM_RE.sub(lambda m: m.group(0).replace(".", "") + " ", lowered)


def words(text: str) -> list[str]:
    """Folded words of `text` with text-speak expanded; stop words kept."""
    return list(_words(text))


# Article sentences are folded and tokenised on every answer: cache by text (bounded).
@lru_cache(maxsize=32768)
def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _TOKEN_RE.findall(fold(text)):
        out.extend(EXPANSIONS.get(raw, raw).split())
    return tuple(out)


def stem(word: str) -> str:
    """A light suffix stemmer: plurals, -ing, -ed, -ness, -ment, and a final -e."""
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, repl, min_stem in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= min_stem:
            if suffix == "ed" and w.endswith("eed"):
                break
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


# (suffix, replacement, shortest stem left); the first matching suffix wins, so the
# guards "ss", "us", "is" keep "stress", "virus" and "diagnosis" whole.
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ness", "", 3),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ies", "y", 2),
    ("ied", "y", 2),
    ("ing", "", 3),
    ("ers", "er", 3),
    ("sses", "ss", 2),
    ("ed", "", 3),
    ("es", "e", 3),
    ("ss", "ss", 2),
    ("us", "us", 2),
    ("is", "is", 2),
    ("s", "", 3),
)


def content_words(text: str) -> list[str]:
    """Folded, expanded words of `text` without stop words (not stemmed)."""
    return [w for w in words(text) if w not in STOP_WORDS]


def tokens(text: str) -> list[str]:
    """The index tokens of `text`: content words, stemmed."""
    return list(_tokens(text))


@lru_cache(maxsize=32768)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _words(text) if w not in STOP_WORDS)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance between `a` and `b`, or `limit + 1` if larger.

    Transpositions count as one edit, so "pnuemonia" is one edit from "pneumonia".
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev_prev: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev_prev[j - 2] + 1)
            cur[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        prev_prev, prev = prev, cur
    return prev[len(b)] if prev[len(b)] <= limit else limit + 1


def deletes(word: str, depth: int) -> set[str]:
    """Every string made by deleting up to `depth` characters from `word` (word included)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        nxt: set[str] = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        nxt -= found
        found |= nxt
        frontier = nxt
    return found


# Abbreviations whose trailing dot does not end a sentence.
_ABBREVIATIONS = frozenset({"u.s", "dr", "e.g", "i.e", "vs", "st", "mr", "mrs", "ms", "etc"})
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(text: str) -> Iterator[str]:
    """Split section text into sentences, each an exact substring of `text`.

    Bullet and numbered-list markers are dropped (the item itself is kept); a list item is
    treated as its own sentence. Lines that end in a colon are yielded too: callers decide
    whether a lead-in like "Call 911 if:" stands on its own.
    """
    yield from _sentences(text)


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(_split_sentences(text))


def _split_sentences(text: str) -> Iterator[str]:
    for line in text.splitlines():
        body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
        if not body:
            continue
        start = 0
        for match in _SENTENCE_END_RE.finditer(body):
            head = body[start : match.start()]
            last_word = head.rsplit(None, 1)[-1].rstrip(".").lower() if head.split() else ""
            if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
                continue
            piece = head.strip()
            if piece:
                yield piece
            start = match.end()
        tail = body[start:].strip()
        if tail:
            yield tail
