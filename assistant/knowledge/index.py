"""Retrieval over article sections: BM25, alias matching, the patient's codes, intent.

How a query is scored (docs/KNOWLEDGE.md has the long version):

1. The query is normalised like the articles (`text.tokens`). A word the library has never
   seen is replaced by the closest library word within one or two edits, so "diabetis"
   and "pnuemonia" still match; words shorter than four letters are never corrected.
2. Each article gets a topic score, the sum of
   - coverage: the share of the query's IDF weight that BM25 finds in the article (about
     1.0 when every query word occurs there once; a word no article has counts against
     the match with the highest IDF, which is what turns "what is lupus" into nothing),
   - alias: 1.0 for an alias or the title found word for word in the query, more for a
     longer alias, less when its words are all present but apart,
   - codes: a bonus when the patient's record carries one of the article's codes, large
     when the question points at the record ("my condition", "it"), small otherwise.
3. Articles whose topic score is below `NONE_THRESHOLD` are dropped. When none is left the
   answer is [] ("none"): the library has nothing to say and no weak match is offered.
4. Within an article, sections are ordered by the section the question asks for (intent),
   then by their own BM25 share. At most two sections per article are returned.

The index is immutable after `build` and safe to share between threads.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from assistant.knowledge.articles import Article
from assistant.knowledge.codes import normalize_code_key
from assistant.knowledge.intent import WHAT_IT_IS, section_intent
from assistant.knowledge.text import content_words, deletes, edit_distance, fold, stem, tokens

K1 = 1.2
B = 0.75
# Topic score an article needs to be returned at all. Calibrated on the evaluation
# questions (assistant/knowledge/eval): the lowest value that keeps "none" questions out.
NONE_THRESHOLD = 0.55
COVERAGE_WEIGHT = 1.0
# A query word found only in an article's body counts for this much of a word found in its
# title, aliases or summary; a single such word counts half again (a passing mention).
BODY_WEIGHT = 0.8
SINGLE_MENTION_FACTOR = 0.5
# Coverage is a share, so a query of common words ("is it serious") could reach 1.0 on
# them alone. Below this much matched IDF the coverage is scaled down in proportion.
MIN_EVIDENCE_IDF = 3.0
ALIAS_EXACT = 1.0
ALIAS_SCATTERED = 0.6
ALIAS_PER_EXTRA_WORD = 0.2
ALIAS_CAP = 1.6
CODE_BONUS_REFERRED = 1.2
CODE_BONUS_BACKGROUND = 0.15
INTENT_BONUS = 0.2
SECTION_BM25_BONUS = 0.1
DEFAULT_SECTION_BONUS = 0.02
MAX_SECTIONS_PER_ARTICLE = 2
MIN_CORRECTABLE = 5
RESPELL_RATIO = 5

# The question points at the patient's record instead of naming a topic: "my condition",
# "this diagnosis", or a bare "it"/"this"/"them" ("how do I keep it under control?").
# "that" is left out: it is more often a conjunction ("I was told that...").
_REFERENTIAL_RE = re.compile(
    r"\b(my|this|the) (condition|diagnosis|diagnoses|disease|illness|problem|issue|"
    r"results?|symptoms?)\b"
    r"|\b(it|this|them|these)\b"
)


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    section: str
    text: str
    score: float


@dataclass(frozen=True)
class _Doc:
    article: int
    heading: str
    text: str
    length: int


@dataclass(frozen=True)
class _Alias:
    article: int
    words: tuple[str, ...]


class _Bm25:
    """A plain BM25 (Okapi) over token lists, with an inverted index.

    A token's contribution to a document does not depend on the query, so each posting
    carries it, computed once here (every search used to redo it for every posting).
    """

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avgdl = (sum(self.lengths) / self.n) if self.n else 1.0
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for doc_id, doc in enumerate(docs):
            for token, tf in Counter(doc).items():
                postings[token].append((doc_id, tf))
        self.postings: dict[str, tuple[tuple[int, int], ...]] = {
            t: tuple(p) for t, p in postings.items()
        }
        self.weights: dict[str, tuple[tuple[int, float], ...]] = {
            t: tuple((doc_id, self._weight(len(p), doc_id, tf)) for doc_id, tf in p)
            for t, p in self.postings.items()
        }
        self.max_idf = self.idf_for(0)

    def _weight(self, df: int, doc_id: int, tf: int) -> float:
        norm = K1 * (1.0 - B + B * self.lengths[doc_id] / self.avgdl)
        return self.idf_for(df) * tf * (K1 + 1.0) / (tf + norm)

    def idf_for(self, df: int) -> float:
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def idf(self, token: str) -> float:
        return self.idf_for(len(self.postings.get(token, ())))

    def scores(self, query: Iterable[str], docs: Container[int]) -> dict[int, float]:
        """BM25 score of each document of `docs` that contains a query token (the
        contributions added in query order)."""
        out: dict[int, float] = {}
        for token in query:
            for doc_id, weight in self.weights.get(token, ()):
                if doc_id in docs:
                    out[doc_id] = out.get(doc_id, 0) + weight
        return out


class KnowledgeIndex:
    """Search the article library. Build once with `KnowledgeIndex.build(articles)`."""

    def __init__(
        self,
        articles: Sequence[Article],
        docs: Sequence[_Doc],
        section_bm25: _Bm25,
        article_bm25: _Bm25,
        aliases: Sequence[_Alias],
        topics: Sequence[frozenset[str]],
        codes: Mapping[str, frozenset[int]],
        vocabulary: Mapping[str, int],
        corrections: Mapping[str, frozenset[str]],
        respell: Mapping[str, str],
    ) -> None:
        self.articles = tuple(articles)
        self._docs = tuple(docs)
        self._section_bm25 = section_bm25
        self._article_bm25 = article_bm25
        self._aliases = tuple(aliases)
        self._topics = tuple(topics)
        self._codes = dict(codes)
        self._vocabulary = dict(vocabulary)
        self._corrections = dict(corrections)
        self._respell = dict(respell)
        # Derived lookups so that a search touches only what the query can match: the
        # aliases by their first word (an alias matches only when all its words occur),
        # and each article's sections.
        by_first: dict[str, list[int]] = defaultdict(list)
        for n, alias in enumerate(self._aliases):
            by_first[alias.words[0]].append(n)
        self._aliases_by_first = {w: tuple(ns) for w, ns in by_first.items()}
        sections: list[list[int]] = [[] for _ in self.articles]
        for doc_id, doc in enumerate(self._docs):
            sections[doc.article].append(doc_id)
        self._article_docs = tuple(tuple(ids) for ids in sections)
        # For the topic score, each article holding a word: whether the word is in its
        # topic (title, aliases, summary), and what a body-only mention of it is worth.
        self._coverage: dict[str, tuple[tuple[int, bool, float], ...]] = {}
        for token, postings in article_bm25.weights.items():
            idf = article_bm25.idf(token)
            self._coverage[token] = tuple(
                (i, token in self._topics[i], BODY_WEIGHT * min(1.0, w / idf) * idf)
                for i, w in postings
            )

    @classmethod
    def build(cls, articles: Iterable[Article]) -> KnowledgeIndex:
        """Index `articles` (already validated; invalid ones are indexed as they are)."""
        arts = sorted(articles, key=lambda a: a.slug)
        docs: list[_Doc] = []
        section_tokens: list[list[str]] = []
        article_tokens: list[list[str]] = []
        aliases: list[_Alias] = []
        topics: list[frozenset[str]] = []
        codes: dict[str, set[int]] = defaultdict(set)
        vocabulary: Counter[str] = Counter()
        prose: set[str] = set()
        for i, article in enumerate(arts):
            names = [*_title_names(article.title), *article.aliases]
            title_tokens = tokens(article.title)
            topic = [*title_tokens, *tokens(article.summary)]
            for name in names:
                name_tokens = tuple(tokens(name))
                if name_tokens:
                    aliases.append(_Alias(i, name_tokens))
                topic.extend(name_tokens)
            topics.append(frozenset(topic))
            whole = list(topic)
            for section in article.sections:
                toks = tokens(section.text)
                docs.append(_Doc(i, section.heading, section.text, len(toks)))
                section_tokens.append([*title_tokens, *toks])
                whole.extend(toks)
            article_tokens.append(whole)
            for code in article.codes:
                key = normalize_code_key(code.key)
                if key:
                    codes[key].add(i)
            # Spelling correction only aims at words that name topics: a misspelt body word
            # rarely matters, and aiming at every body word turns unknown real words
            # ("taxes", "lice") into unrelated library words ("takes", "like").
            vocabulary.update(
                w for w in content_words(" ".join([*names, article.summary])) if w.isalpha()
            )
            prose.update(content_words(" ".join([article.title, article.summary, article.body])))
        corrections: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= MIN_CORRECTABLE:
                for variant in deletes(word, _max_edits(len(word))):
                    corrections[variant].add(word)
        respell = _misspelt_aliases(vocabulary, corrections, prose)
        return cls(
            arts,
            docs,
            _Bm25(section_tokens),
            _Bm25(article_tokens),
            aliases,
            topics,
            {k: frozenset(v) for k, v in codes.items()},
            vocabulary,
            {k: frozenset(v) for k, v in corrections.items()},
            respell,
        )

    def correct(self, word: str) -> str:
        """`word`, or the closest library word when the library does not know `word`."""
        if word in self._respell:
            return self._respell[word]
        known = word in self._vocabulary or stem(word) in self._article_bm25.postings
        if known or len(word) < MIN_CORRECTABLE or not word.isalpha():
            return word
        limit = _max_edits(len(word))
        candidates: set[str] = set()
        for variant in deletes(word, limit):
            candidates |= self._corrections.get(variant, frozenset())
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            # Misspellings keep the first letter far more often than not; requiring it
            # stops most real words from being "corrected" into a topic.
            if candidate[0] != word[0]:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
            key = (distance, -self._vocabulary[candidate], candidate)
            if best is None or key < best:
                best = key
        return word if best is None else best[2]

    def query_tokens(self, query: str) -> list[str]:
        """The index tokens of `query`, after spelling correction."""
        return [stem(self.correct(w)) for w in content_words(query)]

    def search(self, query: str, *, k: int = 5, patient_codes: Iterable[str] = ()) -> list[Hit]:
        """Up to `k` sections that answer `query`, best first; [] when none clears the bar.

        `patient_codes` are the patient's condition codes as "system|code" (short names or
        FHIR system URIs). They lift the patient's own articles, and carry a question that
        only points at the record ("what is my diagnosis?").
        """
        qtokens = self.query_tokens(query)
        topic = self._topic_scores(query, qtokens, patient_codes)
        ranked = sorted(
            ((score, i) for i, score in topic.items() if score >= NONE_THRESHOLD),
            key=lambda pair: (-pair[0], self.articles[pair[1]].slug),
        )
        if not ranked or k <= 0:
            return []
        return self._sections(query, qtokens, ranked, k)

    def _topic_scores(
        self, query: str, qtokens: Sequence[str], patient_codes: Iterable[str]
    ) -> dict[int, float]:
        unique = list(dict.fromkeys(qtokens))
        scores: dict[int, float] = defaultdict(float)
        idf = {t: self._article_bm25.idf(t) for t in unique}
        weight = sum(idf.values())
        if weight > 0:
            # Per article: the IDF of the query words in its topic, and the weighted body-only
            # matches, each added in query order.
            topical: dict[int, float] = {}
            body: dict[int, float] = {}
            body_words: dict[int, int] = {}
            for t in unique:
                for i, in_topic, body_value in self._coverage.get(t, ()):
                    if in_topic:
                        topical[i] = topical.get(i, 0) + idf[t]
                    else:
                        body[i] = body.get(i, 0) + body_value
                        body_words[i] = body_words.get(i, 0) + 1
            for i in topical.keys() | body.keys():
                matched = topical.get(i, 0) + body.get(i, 0)
                coverage = (matched / weight) * min(1.0, matched / MIN_EVIDENCE_IDF)
                if i not in topical and body_words[i] < 2:
                    coverage *= SINGLE_MENTION_FACTOR
                scores[i] += COVERAGE_WEIGHT * coverage
        for i, value in self._alias_scores(qtokens).items():
            scores[i] += value
        own = {
            i
            for key in patient_codes
            if (norm := normalize_code_key(key)) is not None
            for i in self._codes.get(norm, frozenset())
        }
        if own:
            bonus = (
                CODE_BONUS_REFERRED
                if _REFERENTIAL_RE.search(" ".join(fold(query).split()))
                else CODE_BONUS_BACKGROUND
            )
            for i in own:
                scores[i] += bonus
        return scores

    def _alias_scores(self, qtokens: Sequence[str]) -> dict[int, float]:
        present = set(qtokens)
        positions: dict[str, list[int]] = defaultdict(list)
        for pos, token in enumerate(qtokens):
            positions[token].append(pos)
        best: dict[int, float] = {}
        candidates = sorted(n for w in present for n in self._aliases_by_first.get(w, ()))
        for alias in (self._aliases[n] for n in candidates):
            if not present.issuperset(alias.words):
                continue
            extra = ALIAS_PER_EXTRA_WORD * (len(alias.words) - 1)
            together = _span(alias.words, positions) <= len(alias.words)
            value = min(ALIAS_CAP, (ALIAS_EXACT if together else ALIAS_SCATTERED) + extra)
            if value > best.get(alias.article, 0.0):
                best[alias.article] = value
        return best

    def _sections(
        self, query: str, qtokens: Sequence[str], ranked: Sequence[tuple[float, int]], k: int
    ) -> list[Hit]:
        intent = section_intent(query)
        wanted = intent.heading if intent else None
        wanted_docs = {d for _, i in ranked for d in self._article_docs[i]}
        section_scores = self._section_bm25.scores(dict.fromkeys(qtokens), wanted_docs)
        hits: list[Hit] = []
        for topic, i in ranked:
            docs = [(section_scores.get(d, 0.0), d) for d in self._article_docs[i]]
            top_bm25 = max((s for s, _ in docs), default=0.0)
            scored: list[tuple[float, int]] = []
            for bm25, doc_id in docs:
                heading = self._docs[doc_id].heading
                adjust = SECTION_BM25_BONUS * (bm25 / top_bm25 if top_bm25 > 0 else 0.0)
                if heading == wanted:
                    adjust += INTENT_BONUS
                elif wanted is None and heading == WHAT_IT_IS:
                    adjust += DEFAULT_SECTION_BONUS
                scored.append((topic + adjust, doc_id))
            scored.sort(key=lambda pair: (-pair[0], pair[1]))
            article = self.articles[i]
            for score, doc_id in scored[:MAX_SECTIONS_PER_ARTICLE]:
                doc = self._docs[doc_id]
                hits.append(Hit(article.slug, article.title, doc.heading, doc.text, score))
        hits.sort(key=lambda h: -h.score)
        return hits[:k]


def _nearest(
    word: str, vocabulary: Mapping[str, int], corrections: Mapping[str, set[str]]
) -> str | None:
    """The most frequent other vocabulary word within the edit limit of `word`, if any."""
    limit = _max_edits(len(word))
    candidates: set[str] = set()
    for variant in deletes(word, limit):
        candidates |= corrections.get(variant, set())
    best: tuple[int, str] | None = None
    for candidate in candidates - {word}:
        if candidate[0] == word[0] and edit_distance(word, candidate, limit) <= limit:
            key = (-vocabulary[candidate], candidate)
            if best is None or key < best:
                best = key
    return None if best is None else best[1]


def _misspelt_aliases(
    vocabulary: Mapping[str, int], corrections: Mapping[str, set[str]], prose: set[str]
) -> dict[str, str]:
    """Alias words that misspell a common library word, mapped to the common word.

    Articles list misspellings as aliases ("pnuemonia vaccine"). Left alone, a patient who
    misspells "pneumonia" would match only the article that happens to list that spelling;
    mapped to the common spelling, the query matches what the correct word matches. A word
    that the articles' own prose uses ("lives") is a real word and is never respelt.
    """
    respell: dict[str, str] = {}
    for word, count in vocabulary.items():
        if len(word) < MIN_CORRECTABLE or word in prose:
            continue
        nearest = _nearest(word, vocabulary, corrections)
        if nearest and vocabulary[nearest] >= RESPELL_RATIO * count:
            respell[word] = nearest
    return respell


def _max_edits(length: int) -> int:
    return 1 if length < 8 else 2


def _title_names(title: str) -> list[str]:
    """A title and its parts: "High blood pressure (hypertension)" names both."""
    outer = re.sub(r"\s*\([^)]*\)", "", title).strip()
    inner = re.findall(r"\(([^)]*)\)", title)
    return [n for n in (title, outer, *inner) if n]


def _span(words: Sequence[str], positions: Mapping[str, list[int]]) -> int:
    """Smallest window (in query tokens) holding every word of an alias, in any order.

    Words are few (an alias has one to four), so trying each start is cheap.
    """
    best = len(positions) + 1000
    for start in positions[words[0]]:
        lo = hi = start
        for word in words[1:]:
            nearest = min(positions[word], key=lambda p: abs(p - start))
            lo, hi = min(lo, nearest), max(hi, nearest)
        best = min(best, hi - lo + 1)
    return best


def search_jsonl(index: KnowledgeIndex, inp: TextIO, out: TextIO, k: int = 5) -> int:
    """Answer one JSON query per input line; return the number of queries answered.

    Input lines: {"id": ..., "text": "...", "patient_codes": [...] (optional)}. Output
    lines: {"id": ..., "results": [{"slug", "title", "section", "score"}, ...]}, in input
    order; blank lines are skipped. Raises ValueError naming the line of a malformed query.
    """
    count = 0
    for lineno, line in enumerate(inp, start=1):
        if not line.strip():
            continue
        try:
            query = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {lineno}: not JSON ({exc.msg})") from exc
        if not isinstance(query, dict) or not isinstance(query.get("text"), str):
            raise ValueError(f"line {lineno}: expected an object with a string 'text'")
        codes = query.get("patient_codes") or []
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ValueError(f"line {lineno}: 'patient_codes' must be a list of strings")
        hits = index.search(query["text"], k=k, patient_codes=codes)
        results = [
            {"slug": h.slug, "title": h.title, "section": h.section, "score": round(h.score, 4)}
            for h in hits
        ]
        out.write(json.dumps({"id": query.get("id"), "results": results}) + "\n")
        count += 1
    return count
