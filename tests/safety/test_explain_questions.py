"""The record page's "Explain this" question is education, whatever the diagnosis is called.

The question is built by the portal from an article title or the chart's own words
(assistant/views.py), so a frightening name ("Seizure disorder", "Convulsiones") must not
turn it into an emergency.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.knowledge.articles import load_articles
from assistant.safety import Action, screen

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = load_articles(ROOT / "assistant" / "knowledge" / "articles")
QUESTION = {
    "en": "Can you explain my diagnosis: {}?",
    "es": "¿Me puede explicar mi diagnóstico: {}?",
}


def _names() -> list[tuple[str, str]]:
    found = {(a.lang, a.title) for a in ARTICLES}
    found |= {("en", c.display) for a in ARTICLES for c in a.codes if c.display}
    synthea = ROOT.parent / "shared" / "data" / "synthea"
    for bundle in sorted(synthea.glob("*.json")):
        for entry in json.loads(bundle.read_text(encoding="utf-8")).get("entry", []):
            resource = entry.get("resource", {})
            if resource.get("resourceType") == "Condition":
                for coding in resource.get("code", {}).get("coding", []):
                    if coding.get("display"):
                        found.add(("en", coding["display"]))
    return sorted(found)


@pytest.mark.parametrize(("lang", "name"), _names())
def test_explain_this_is_answered(lang: str, name: str) -> None:
    verdict = screen(QUESTION[lang].format(name))
    assert verdict.action is Action.ANSWER, verdict.rules
