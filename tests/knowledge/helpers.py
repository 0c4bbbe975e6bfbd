"""Build article text for tests: a valid article, with any part replaced."""

from __future__ import annotations

from assistant.knowledge.articles import SECTION_HEADINGS

# Short plain sentences, 40+ words per section, grade well under 8.
PLAIN_SECTION = (
    "This is a plain sentence about the topic. It uses short words that most people know. "
    "You can read it with ease. Each line says one thing. Ask your care team if you are "
    "not sure what it means for you. They are glad to help you. Call them when you need to."
)

FRONT_MATTER = """slug: {slug}
title: {title}
kind: condition
summary: A plain summary of the topic.
aliases:
  - {slug}
  - alias two
  - alias three
  - alias four
codes:
{codes}
sources:
  - {{title: "Topic (MedlinePlus)", url: "https://medlineplus.gov/topic.html"}}
  - {{title: "Topic (CDC)", url: "https://www.cdc.gov/topic/index.html"}}
reviewed_by: "Clinical content team"
reviewed_on: 2026-11-25
next_review: 2027-11-25"""

DEFAULT_CODES = '  - {system: snomed, code: "44054006", display: "Diabetes mellitus type 2"}'


def article_text(
    *,
    slug: str = "sample-topic",
    title: str = "Sample topic",
    codes: str = DEFAULT_CODES,
    front: str | None = None,
    sections: dict[str, str] | None = None,
    headings: tuple[str, ...] = SECTION_HEADINGS,
) -> str:
    """A complete article; `front` replaces the front matter, `sections` some section texts."""
    meta = front if front is not None else FRONT_MATTER.format(slug=slug, title=title, codes=codes)
    texts = {h: PLAIN_SECTION for h in headings}
    texts.update(sections or {})
    body = "\n\n".join(f"## {h}\n{texts[h]}" for h in headings)
    return f"---\n{meta}\n---\n{body}\n"
