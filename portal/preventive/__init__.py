"""Preventive-care rules engine: plain Python, no Django, no I/O.

    from portal.preventive import evaluate, facts_from_codes
    facts = facts_from_codes(birth_date=..., sex_at_birth="female", immunizations=[...])
    for rec in evaluate(facts, today=date.today()): ...

Rules are data in rules.py; docs/PREVENTIVE.md explains them and how a status is decided.
"""

from portal.preventive.codes import facts_from_codes
from portal.preventive.engine import (
    GRACE_DAYS,
    PatientFacts,
    Recommendation,
    Status,
    evaluate,
)
from portal.preventive.rules import RULES, RULES_BY_ID, Rule

__all__ = [
    "GRACE_DAYS",
    "RULES",
    "RULES_BY_ID",
    "PatientFacts",
    "Recommendation",
    "Rule",
    "Status",
    "evaluate",
    "facts_from_codes",
]
