"""The bridge from a stored record to the preventive-care engine (portal.preventive)."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from portal.preventive import Recommendation, evaluate, facts_from_codes
from portal.records.models import (
    Condition,
    Immunization,
    Medication,
    Observation,
    Patient,
    Procedure,
)

# Conditions that end (a pregnancy, an infection) say nothing about screening once resolved.
LASTING_STATUSES = ("active", "recurrence", "relapse", "")


def recommendations_for(patient: Patient, *, today: date) -> list[Recommendation]:
    """The patient's preventive-care list, titles and reasons in the active language (the
    page's; wrap a call outside a request in translation.override)."""
    conditions = [
        (c.system, c.code, c.onset or today)
        for c in Condition.objects.filter(patient=patient, clinical_status__in=LASTING_STATUSES)
    ]
    procedures = [
        (p.system, p.code, p.performed or today)
        for p in Procedure.objects.filter(patient=patient, performed__isnull=False)
    ]
    immunizations = [
        (i.system, i.code, i.occurred or today)
        for i in Immunization.objects.filter(patient=patient, occurred__isnull=False)
    ]
    observations: list[tuple[str, str, date, float | str | None]] = []
    for o in Observation.objects.filter(patient=patient, effective__isnull=False):
        day = o.effective.date() if o.effective else today
        observations.append(
            (o.system, o.code, day, o.value if o.value is not None else o.value_code)
        )
        observations.extend(
            (o.system, str(c.get("code", "")), day, c.get("value")) for c in o.components
        )
    medications = list(Medication.objects.filter(patient=patient, status="active"))
    facts = facts_from_codes(
        birth_date=patient.birth_date,
        sex_at_birth=patient.sex_at_birth,
        conditions=conditions,
        procedures=procedures,
        immunizations=immunizations,
        observations=observations,
        medications=[(m.system, m.code, m.authored_on or today) for m in medications],
        medication_names=[m.display for m in medications],
    )
    return evaluate(facts, today=today, translator=translation)
