"""The record reads behind every chat connection (constant statements through raw()) give
the rows the ORM gives, for every Synthea patient, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db.models import Model

from assistant import context
from portal.records.fhir_import import import_bundle
from portal.records.models import Condition, Medication, Observation, Patient
from tests.conftest import IN_CI

pytestmark = pytest.mark.django_db
SYNTHEA = Path(__file__).resolve().parents[3] / "shared" / "data" / "synthea"
BUNDLES = sorted(SYNTHEA.glob("*.json"))
if not BUNDLES and IN_CI:
    raise RuntimeError(f"the shared Synthea bundles are not at {SYNTHEA}")


def columns(row: Model) -> tuple[Any, ...]:
    return tuple(getattr(row, f.attname) for f in row._meta.concrete_fields)


def by_pk(rows: Any) -> list[tuple[Any, ...]]:
    return sorted((columns(r) for r in rows), key=lambda c: c[0])


def test_the_statements_name_the_models_tables() -> None:
    assert "FROM records_condition " in context._CONDITIONS
    assert Condition._meta.db_table == "records_condition"
    assert Medication._meta.db_table == "records_medication"
    assert Observation._meta.db_table == "records_observation"
    assert context._MEASUREMENTS.count("%s") == 1 + len(context._MEASURED_CODES)


@pytest.mark.parametrize("path", BUNDLES, ids=[p.name.split("_")[0] for p in BUNDLES])
def test_raw_record_reads_equal_the_orms(path: Path) -> None:
    import_bundle(path)
    patient = Patient.objects.get()
    conditions = list(Condition.objects.raw(context._CONDITIONS, [patient.pk]))
    assert conditions, "every bundle has conditions"
    assert by_pk(conditions) == by_pk(Condition.objects.filter(patient=patient))
    onsets = [c.onset for c in conditions if c.onset is not None]
    assert onsets == sorted(onsets, reverse=True)  # the model's own order, newest first
    medications = list(Medication.objects.raw(context._MEDICATIONS, [patient.pk]))
    assert by_pk(medications) == by_pk(Medication.objects.filter(patient=patient))
    measured = list(
        Observation.objects.raw(context._MEASUREMENTS, [patient.pk, *context._MEASURED_CODES])
    )
    expected = Observation.objects.filter(
        patient=patient, code__in=context._MEASURED_CODES, effective__isnull=False
    )
    assert by_pk(measured) == by_pk(expected)
    when = [o.effective for o in measured if o.effective is not None]
    assert len(when) == len(measured)  # the statement keeps only dated readings
    assert when == sorted(when)  # oldest first: the latest reading of each code wins
    ctx = context.patient_context(patient, conversation_id=1)
    assert len(ctx.record.conditions) == len(conditions)
