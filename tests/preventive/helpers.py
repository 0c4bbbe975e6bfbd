"""Builders shared by the preventive tests: people of an exact age on a fixed day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from portal.preventive.engine import PatientFacts, Recommendation, add_months, evaluate

TODAY = date(2025, 3, 15)


def born(age: int, today: date = TODAY) -> date:
    """A birth date that makes someone exactly `age` on `today` (birthday today)."""
    return add_months(today, -12 * age)


def years_ago(years: float, today: date = TODAY) -> date:
    return add_months(today, -round(years * 12))


def months_ago(months: int, today: date = TODAY) -> date:
    return add_months(today, -months)


def days_ago(days: int, today: date = TODAY) -> date:
    return today - timedelta(days=days)


def person(
    age: int,
    sex: str = "female",
    *,
    conditions: Iterable[str] = (),
    smoking: str = "never",
    pack_years: float | None = None,
    quit_year: int | None = None,
    bmi: float | None = None,
    meds: Iterable[str] = (),
    events: Mapping[str, Iterable[date]] | None = None,
    today: date = TODAY,
) -> PatientFacts:
    return PatientFacts(
        birth_date=born(age, today),
        sex_at_birth=sex,
        conditions=frozenset(conditions),
        smoking=smoking,
        pack_years=pack_years,
        quit_year=quit_year,
        bmi=bmi,
        medications=tuple(meds),
        events={key: tuple(days) for key, days in (events or {}).items()},
    )


def recommendation(rule_id: str, facts: PatientFacts, today: date = TODAY) -> Recommendation:
    matches = [rec for rec in evaluate(facts, today=today) if rec.rule_id == rule_id]
    assert len(matches) == 1, rule_id
    return matches[0]


def kwargs(**values: Any) -> dict[str, Any]:
    """Readable inline keyword tables in parametrize lists."""
    return values
