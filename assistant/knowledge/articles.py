"""Knowledge articles: parsing the Markdown files and checking them against the rules.

An article is one file `articles/<slug>.md`: YAML front matter between `---` lines, then
six `## ` sections in a fixed order (docs/KNOWLEDGE.md describes the format). Parsing is
lenient about content, so that `validate_article` can report every problem at once;
it only raises `ArticleError` when the file cannot be read as an article at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import textstat  # type: ignore[import-untyped,unused-ignore]
import yaml

from assistant.knowledge.codes import code_problem, normalize_system

SECTION_HEADINGS: tuple[str, ...] = (
    "What it is",
    "What it means for you",
    "What you can do",
    "Questions to ask your care team",
    "When to call your care team",
    "When to get emergency help",
)
# The same six sections in each language, in order. Sections are stored under the English
# heading (the canonical key the index, intents and page anchors use); the list for the
# article's language gives the heading to show (`assistant.protocol.section_label`).
SECTION_HEADINGS_BY_LANG: dict[str, tuple[str, ...]] = {
    "en": SECTION_HEADINGS,
    "es": (
        "Qué es",
        "Qué significa para usted",
        "Qué puede hacer",
        "Preguntas para su equipo de atención",
        "Cuándo llamar a su equipo de atención",
        "Cuándo buscar ayuda de emergencia",
    ),
}
LANGUAGES: tuple[str, ...] = tuple(SECTION_HEADINGS_BY_LANG)
MIN_SPANISH_EASE = 70.0  # Fernández Huerta reading ease (higher is easier)
KINDS: frozenset[str] = frozenset({"condition", "preventive", "test", "medication", "general"})
ALLOWED_SOURCE_DOMAINS: tuple[str, ...] = (
    "medlineplus.gov",
    "nih.gov",
    "cdc.gov",
    "uspreventiveservicestaskforce.org",
    "heart.org",
    "diabetes.org",
    "cancer.gov",
    "fda.gov",
    "womenshealth.gov",
    "acog.org",
    "aafp.org",
    "kidney.org",
    "stroke.org",
    "lung.org",
    "cancer.org",
    "nami.org",
    "988lifeline.org",
    "samhsa.gov",
    "hhs.gov",
    "va.gov",
)
MAX_READING_GRADE = 8.0
MIN_SOURCES = 2
SECTION_WORDS = (40, 140)
ALIAS_COUNT = (4, 12)
REQUIRED_FIELDS: tuple[str, ...] = (
    "slug",
    "title",
    "kind",
    "summary",
    "aliases",
    "codes",
    "sources",
    "reviewed_by",
    "reviewed_on",
    "next_review",
)

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING_RE = re.compile(r"^## (.+?)\s*$", re.M)
_ANY_HEADING_RE = re.compile(r"^#+ .*$", re.M)
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ArticleError(ValueError):
    """The text is not an article: no front matter, bad YAML, or front matter not a map."""


@dataclass(frozen=True)
class Section:
    heading: str  # canonical (English) heading
    text: str
    label: str = ""  # the heading as written, in the article's language

    @property
    def shown(self) -> str:
        return self.label or self.heading


@dataclass(frozen=True)
class Code:
    system: str  # short name when known ("snomed", "icd10", "loinc", "cvx"), else as written
    code: str
    display: str = ""

    @property
    def key(self) -> str:
        """The code key "system|code" that records and the index use."""
        return f"{self.system}|{self.code}"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Article:
    """One parsed article. Missing or malformed metadata is kept empty, not guessed.

    `notes` lists problems found while parsing (an unreadable date, a code entry that is
    not a map); `validate_article` reports them with everything else.
    """

    slug: str
    title: str
    kind: str
    summary: str
    aliases: tuple[str, ...]
    codes: tuple[Code, ...]
    sources: tuple[Source, ...]
    reviewed_by: str
    reviewed_on: dt.date | None
    next_review: dt.date | None
    sections: tuple[Section, ...]
    body_hash: str
    source: str = ""
    body: str = ""
    preamble: str = ""
    missing_fields: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    lang: str = "en"

    def section(self, heading: str) -> Section | None:
        """The section with this exact heading, if present."""
        for section in self.sections:
            if section.heading == heading:
                return section
        return None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _date(value: object, name: str, notes: list[str]) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        notes.append(f"{name} {value!r} is not a date (YYYY-MM-DD)")
        return None


def _codes(value: object, notes: list[str]) -> tuple[Code, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        notes.append("codes must be a list")
        return ()
    out: list[Code] = []
    for entry in value:
        if not isinstance(entry, Mapping) or "system" not in entry or "code" not in entry:
            notes.append(f"code entry {entry!r} needs system and code")
            continue
        system = _text(entry["system"])
        out.append(
            Code(
                system=normalize_system(system) or system,
                code=_text(entry["code"]),
                display=_text(entry.get("display")),
            )
        )
    return tuple(out)


def _sources(value: object, notes: list[str]) -> tuple[Source, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        notes.append("sources must be a list")
        return ()
    out: list[Source] = []
    for entry in value:
        if not isinstance(entry, Mapping) or not _text(entry.get("url")):
            notes.append(f"source entry {entry!r} needs a url")
            continue
        out.append(Source(title=_text(entry.get("title")), url=_text(entry["url"])))
    return tuple(out)


def _aliases(value: object, notes: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        notes.append("aliases must be a list")
        return ()
    return tuple(_text(a) for a in value if _text(a))


def parse_article(text: str, *, source: str) -> Article:
    """Parse one article file's text. `source` names it in messages (usually the path).

    Raises ArticleError when there is no YAML front matter mapping. Everything else that
    is wrong (missing fields, bad dates, odd sections) is left for `validate_article`.
    """
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        raise ArticleError(f"{source}: no YAML front matter between '---' lines")
    try:
        meta: Any = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise ArticleError(f"{source}: front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise ArticleError(f"{source}: front matter is not a mapping")
    body = text[match.end() :]
    notes: list[str] = []
    lang = _text(meta.get("lang")) or "en"
    local = SECTION_HEADINGS_BY_LANG.get(lang, SECTION_HEADINGS)
    headings = list(_HEADING_RE.finditer(body))
    preamble = body[: headings[0].start()] if headings else body
    sections = []
    for i, m in enumerate(headings):
        written = m.group(1).strip()
        canonical = SECTION_HEADINGS[local.index(written)] if written in local else written
        end = headings[i + 1].start() if i + 1 < len(headings) else None
        sections.append(Section(heading=canonical, text=body[m.end() : end].strip(), label=written))
    return Article(
        slug=_text(meta.get("slug")),
        title=_text(meta.get("title")),
        kind=_text(meta.get("kind")),
        summary=_text(meta.get("summary")),
        aliases=_aliases(meta.get("aliases"), notes),
        codes=_codes(meta.get("codes"), notes),
        sources=_sources(meta.get("sources"), notes),
        reviewed_by=_text(meta.get("reviewed_by")),
        reviewed_on=_date(meta.get("reviewed_on"), "reviewed_on", notes),
        next_review=_date(meta.get("next_review"), "next_review", notes),
        sections=tuple(sections),
        body_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        source=source,
        body=body,
        preamble=preamble.strip(),
        missing_fields=tuple(f for f in REQUIRED_FIELDS if f not in meta),
        notes=tuple(notes),
        lang=lang,
    )


def load_articles(folder: str | Path) -> list[Article]:
    """Parse every `*.md` file in `folder` and its language subfolders (`es/`), sorted.

    Raises ArticleError for a file that is not an article at all.
    """
    root = Path(folder)
    paths = sorted(root.glob("*.md")) + sorted(
        p for lang in LANGUAGES for p in (root / lang).glob("*.md")
    )
    return [parse_article(p.read_text(encoding="utf-8"), source=str(p)) for p in paths]


def reading_grade(article: Article) -> float:
    """Flesch-Kincaid grade (textstat) of the body with heading lines removed."""
    plain = _ANY_HEADING_RE.sub("", article.body)
    textstat.set_lang("en")
    return float(textstat.flesch_kincaid_grade(plain))


def reading_ease_es(article: Article) -> float:
    """Fernández Huerta reading ease of a Spanish body (textstat), headings removed."""
    plain = _ANY_HEADING_RE.sub("", article.body)
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(plain))
    finally:
        textstat.set_lang("en")


def _domain_allowed(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        return False
    return any(host == d or host.endswith("." + d) for d in ALLOWED_SOURCE_DOMAINS)


def validate_article(article: Article) -> list[str]:
    """Every rule `article` breaks, as readable messages; [] when it is fine.

    Checks one article on its own; `validate_articles` adds the checks across the library
    (a code used by two articles, duplicate slugs, slug vs file name).
    """
    problems: list[str] = [f"missing metadata field: {f}" for f in article.missing_fields]
    problems.extend(article.notes)
    if article.slug and not _SLUG_RE.fullmatch(article.slug):
        problems.append(f"slug {article.slug!r} must be lower-case words joined by '-'")
    for name in ("slug", "title", "summary", "reviewed_by"):
        if name not in article.missing_fields and not getattr(article, name):
            problems.append(f"metadata field {name} is empty")
    if article.kind and article.kind not in KINDS:
        problems.append(f"kind {article.kind!r} is not one of {sorted(KINDS)}")
    problems.extend(_alias_problems(article.aliases))
    problems.extend(_source_problems(article.sources))
    problems.extend(_date_problems(article))
    problems.extend(_section_problems(article))
    for code in article.codes:
        problem = code_problem(code.system, code.code)
        if problem:
            problems.append(problem)
    if article.kind == "condition" and not any(c.system == "snomed" for c in article.codes):
        problems.append("a condition article needs at least one SNOMED CT code")
    if article.lang not in LANGUAGES:
        problems.append(f"lang {article.lang!r} is not one of {list(LANGUAGES)}")
    elif article.body.strip() and article.lang == "es":
        ease = reading_ease_es(article)
        if ease < MIN_SPANISH_EASE:
            problems.append(f"Fernández Huerta ease {ease:.1f} is below {MIN_SPANISH_EASE:g}")
    elif article.body.strip():
        grade = reading_grade(article)
        if grade > MAX_READING_GRADE:
            problems.append(f"reading grade {grade:.1f} is above {MAX_READING_GRADE:g}")
    return problems


def _alias_problems(aliases: tuple[str, ...]) -> list[str]:
    problems: list[str] = []
    low, high = ALIAS_COUNT
    if not low <= len(aliases) <= high:
        problems.append(f"{len(aliases)} aliases; the rule is {low}-{high}")
    problems.extend(f"alias {a!r} is not lower case" for a in aliases if a != a.lower())
    return problems


def _source_problems(sources: tuple[Source, ...]) -> list[str]:
    problems: list[str] = []
    if len(sources) < MIN_SOURCES:
        problems.append(f"{len(sources)} sources; at least {MIN_SOURCES} are required")
    problems.extend(
        f"source {s.url!r} is not on an allowed domain"
        for s in sources
        if not _domain_allowed(s.url)
    )
    return problems


def _date_problems(article: Article) -> list[str]:
    problems: list[str] = []
    if article.reviewed_on and article.next_review and article.next_review < article.reviewed_on:
        problems.append(
            f"next_review {article.next_review} is before reviewed_on {article.reviewed_on}"
        )
    for name in ("reviewed_on", "next_review"):
        missing = name in article.missing_fields
        unreadable = any(n.startswith(name) for n in article.notes)
        if getattr(article, name) is None and not missing and not unreadable:
            problems.append(f"metadata field {name} is empty")
    return problems


def _section_problems(article: Article) -> list[str]:
    problems: list[str] = []
    if article.preamble:
        problems.append("text before the first '## ' section")
    found = [s.heading for s in article.sections]
    for heading in SECTION_HEADINGS:
        if heading not in found:
            problems.append(f"missing section: {heading}")
    for heading in found:
        if heading not in SECTION_HEADINGS:
            problems.append(f"extra section: {heading}")
    for heading in {h for h in found if found.count(h) > 1}:
        problems.append(f"section appears twice: {heading}")
    known = [h for h in found if h in SECTION_HEADINGS]
    if known != sorted(known, key=SECTION_HEADINGS.index):
        problems.append("sections are out of order: " + " / ".join(known))
    low, high = SECTION_WORDS
    for section in article.sections:
        n = len(section.text.split())
        if section.heading in SECTION_HEADINGS and not low <= n <= high:
            problems.append(f"section {section.heading!r} has {n} words; the rule is {low}-{high}")
    return problems


def validate_articles(articles: Iterable[Article]) -> dict[str, list[str]]:
    """Problems per article source across the library; sources with none are left out.

    Adds to `validate_article`: the slug must match the file name, slugs are unique, and
    a code key appears in one article only (per language: a translation shares the slug
    and codes of its English article, which must exist).
    """
    articles = list(articles)
    report: dict[str, list[str]] = {a.source: validate_article(a) for a in articles}
    by_slug: dict[tuple[str, str], list[Article]] = {}
    by_code: dict[tuple[str, str], list[Article]] = {}
    english = {a.slug for a in articles if a.lang == "en"}
    for article in articles:
        by_slug.setdefault((article.lang, article.slug), []).append(article)
        for key in {c.key for c in article.codes}:
            by_code.setdefault((article.lang, key), []).append(article)
        if article.lang != "en" and article.slug not in english:
            report[article.source].append(f"no English article {article.slug!r} to translate")
        stem = Path(article.source).stem
        if article.source.endswith(".md") and article.slug and stem != article.slug:
            report[article.source].append(f"slug {article.slug!r} does not match file {stem}.md")
    for (_, slug), group in by_slug.items():
        if slug and len(group) > 1:
            for article in group:
                report[article.source].append(f"slug {slug!r} is used by {len(group)} files")
    for (_, key), group in by_code.items():
        if len(group) > 1:
            others = ", ".join(sorted(a.slug for a in group))
            for article in group:
                report[article.source].append(f"code {key} appears in several articles: {others}")
    return {source: problems for source, problems in report.items() if problems}
