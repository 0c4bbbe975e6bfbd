"""The rules table: fixed ids, one evaluator each, sources, docs, and plain wording."""

from __future__ import annotations

import re
import statistics
from datetime import date
from pathlib import Path

import pytest
import textstat  # type: ignore[import-untyped]
from django.utils import translation

from assistant.knowledge.articles import MIN_SPANISH_EASE
from portal.preventive.engine import evaluator_ids
from portal.preventive.rules import RULES, RULES_BY_ID, Rule
from tests.preventive.test_engine import case_reasons

RULE_IDS = (
    "colorectal-cancer-screening",
    "breast-cancer-screening",
    "cervical-cancer-screening",
    "lung-cancer-screening",
    "blood-pressure-screening",
    "diabetes-screening",
    "statin-use",
    "hepatitis-b-screening",
    "hepatitis-c-screening",
    "hiv-screening",
    "depression-screening",
    "anxiety-screening",
    "osteoporosis-screening",
    "aaa-screening",
    "falls-prevention",
    "tobacco-counseling",
    "flu-vaccine",
    "covid-vaccine",
    "tdap-vaccine",
    "shingles-vaccine",
    "pneumococcal-vaccine",
    "hpv-vaccine",
    "hepatitis-b-vaccine",
    "rsv-vaccine",
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "PREVENTIVE.md"


def test_rule_ids_are_the_fixed_set_in_order() -> None:
    assert tuple(rule.id for rule in RULES) == RULE_IDS
    assert set(RULES_BY_ID) == set(RULE_IDS)


def test_every_rule_has_exactly_one_evaluator() -> None:
    assert evaluator_ids() == set(RULE_IDS)


@pytest.mark.parametrize("row", RULES, ids=[rule.id for rule in RULES])
def test_rule_row_is_complete(row: Rule) -> None:
    assert row is RULES_BY_ID[row.id]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row.id)
    assert row.article_slug == row.id
    assert row.source_url.startswith("https://")
    assert row.source_name in {"USPSTF", "CDC"}
    assert date(2018, 1, 1) <= row.source_date <= date(2026, 1, 1)
    assert row.kind in {"screening", "vaccine", "counseling", "medication"}
    assert row.sex in {None, "female", "male"}
    assert row.max_age is None or row.max_age >= row.min_age
    assert row.title
    assert row.who
    assert row.interval
    for test in row.tests:
        assert test.months is None or test.months > 0
        assert test.label


def test_docs_list_every_rule() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.id}`" in text, rule.id
        assert rule.source_date.isoformat() in text, rule.id


def test_reasons_read_at_grade_8_or_below() -> None:
    reasons = case_reasons()
    grades = [textstat.flesch_kincaid_grade(reason) for reason in reasons]
    assert statistics.mean(grades) <= 8
    # One short sentence with two long words can score high; none may be far off.
    worst = max(zip(grades, reasons, strict=True))
    assert worst[0] <= 10, worst


def test_spanish_reasons_read_easily() -> None:
    """The Spanish wording meets the Spanish articles' rule (Fernández Huerta reading ease
    of 70 or more; higher is easier), on average and with no reason far below it."""
    with translation.override("es"):
        reasons = case_reasons(translator=translation)
    textstat.set_lang("es")
    try:
        eases = [textstat.fernandez_huerta(reason) for reason in reasons]
    finally:
        textstat.set_lang("en")
    assert statistics.mean(eases) >= MIN_SPANISH_EASE
    worst = min(zip(eases, reasons, strict=True))
    assert worst[0] >= 60, worst
