"""FHIR import of the real Synthea bundles: counts, idempotence, refusals, export round-trip."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.accounts.models import Invitation
from portal.records.export import record_bundle
from portal.records.fhir_import import ImportRefused, import_bundle
from portal.records.models import (
    Allergy,
    Condition,
    Encounter,
    Immunization,
    Medication,
    Observation,
    Patient,
    Procedure,
)
from tests.conftest import IN_CI

pytestmark = pytest.mark.django_db
SYNTHEA = Path(__file__).resolve().parents[3] / "shared" / "data" / "synthea"
BUNDLES = sorted(SYNTHEA.glob("*.json"))
MODELS = {
    "Condition": Condition,
    "MedicationRequest": Medication,
    "AllergyIntolerance": Allergy,
    "Immunization": Immunization,
    "Procedure": Procedure,
    "Observation": Observation,
    "Encounter": Encounter,
}

if not BUNDLES:
    message = f"the shared Synthea bundles are not at {SYNTHEA}"
    if IN_CI:
        raise RuntimeError(message)
    pytest.skip(message, allow_module_level=True)


def bundle_counts(path: Path) -> Counter[str]:
    data = json.loads(path.read_text())
    return Counter(e["resource"]["resourceType"] for e in data["entry"])


def table_counts() -> dict[str, int]:
    return {name: model.objects.count() for name, model in MODELS.items()}


@pytest.mark.parametrize("path", BUNDLES, ids=[p.name.split("_")[0] for p in BUNDLES])
def test_every_bundle_imports_with_the_bundles_counts(path: Path) -> None:
    summary = import_bundle(path)
    expected = bundle_counts(path)
    patient = Patient.objects.get(mrn=summary.mrn)
    for name, model in MODELS.items():
        assert model.objects.filter(patient=patient).count() == expected.get(name, 0), name
        assert summary.counts.get(name, 0) == expected.get(name, 0)
    assert summary.invitation_code
    assert Invitation.objects.filter(patient=patient, used_at__isnull=True).count() == 1


def test_a_second_import_changes_nothing() -> None:
    for path in BUNDLES:
        import_bundle(path)
    before = (table_counts(), Patient.objects.count(), Invitation.objects.count())
    ids_before = set(Observation.objects.values_list("pk", flat=True))
    summaries = [import_bundle(path) for path in BUNDLES]
    assert (table_counts(), Patient.objects.count(), Invitation.objects.count()) == before
    assert set(Observation.objects.values_list("pk", flat=True)) == ids_before
    assert not any(s.patient_created for s in summaries)
    assert all(s.invitation_code is None for s in summaries)


def _broken(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        pytest.param("truncated.json", lambda t: t[: len(t) // 2], "truncated", id="truncated"),
        pytest.param(
            "notfhir.json", lambda t: '{"hello": "world"}', "not a FHIR Bundle", id="not-fhir"
        ),
        pytest.param(
            "invalid.json",
            lambda t: t.replace('"resourceType": "Condition"', '"resourceType": "Conditoin"', 1),
            "not a valid FHIR R4 Bundle",
            id="schema-invalid",
        ),
        pytest.param(
            "baddate.json",
            lambda t: t.replace('"birthDate": "', '"birthDate": "not-a-date', 1),
            "not a valid FHIR R4 Bundle",
            id="bad-date",
        ),
        pytest.param("binary.json", lambda t: "\x00\x01garbage", "not valid JSON", id="garbage"),
    ],
)
def test_broken_bundles_are_refused_and_change_nothing(
    tmp_path: Path, name: str, make: Any, reason: str
) -> None:
    import_bundle(BUNDLES[0])
    before = table_counts()
    path = _broken(tmp_path, name, make(BUNDLES[1].read_text()))
    with pytest.raises(ImportRefused) as refused:
        import_bundle(path)
    assert str(path) in str(refused.value)
    assert reason in str(refused.value)
    assert table_counts() == before
    assert Patient.objects.count() == 1


def test_command_prints_json_and_fails_on_a_refused_file(tmp_path: Path, capsys: Any) -> None:
    bad = _broken(tmp_path, "bad.json", "{")
    with pytest.raises(CommandError, match="1 of 2 bundle"):
        call_command("import_fhir", str(BUNDLES[0]), str(bad))
    out, err = capsys.readouterr()
    summary = json.loads(out.strip().splitlines()[0])
    assert summary["counts"]["Patient"] == 1
    assert "bad.json" in err


def test_export_round_trips_into_an_empty_database(tmp_path: Path) -> None:
    for path in BUNDLES:
        import_bundle(path)
    exports = []
    for patient in Patient.objects.all():
        out = tmp_path / f"{patient.mrn}.json"
        out.write_text(json.dumps(record_bundle(patient)))
        exports.append(out)
    before = (table_counts(), Patient.objects.count())
    Patient.objects.all().delete()
    assert sum(table_counts().values()) == 0
    for out in exports:
        import_bundle(out)
    assert (table_counts(), Patient.objects.count()) == before
