"""Code tables and facts_from_codes, including a run over the real Synthea bundles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from portal.preventive.codes import (
    CVX_EVENTS,
    ObservationRow,
    condition_tags,
    conditions_from_codes,
    event_key,
    events_from_codes,
    facts_from_codes,
    latest_bmi,
    medication_tags,
    normalize_system,
    smoking_status,
)
from portal.preventive.engine import Status, evaluate
from portal.preventive.rules import RULES

SCT = "http://snomed.info/sct"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
LNC = "http://loinc.org"
CVX = "http://hl7.org/fhir/sid/cvx"
RXN = "http://www.nlm.nih.gov/research/umls/rxnorm"
D = date(2020, 5, 1)


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        pytest.param(SCT, "snomed", id="snomed-uri"),
        pytest.param("SNOMED-CT", "snomed", id="snomed-name"),
        pytest.param(ICD, "icd10", id="icd10-uri"),
        pytest.param("ICD-10-CM", "icd10", id="icd10-name"),
        pytest.param("http://loinc.org/", "loinc", id="loinc-trailing-slash"),
        pytest.param(" CVX ", "cvx", id="cvx-spaces"),
        pytest.param(RXN, "rxnorm", id="rxnorm-uri"),
        pytest.param("http://example.org/local", None, id="unknown"),
    ],
)
def test_normalize_system(system: str, expected: str | None) -> None:
    assert normalize_system(system) == expected


@pytest.mark.parametrize(
    ("system", "code", "expected"),
    [
        pytest.param(SCT, "44054006", {"diabetes"}, id="sct-diabetes-type-2"),
        pytest.param(SCT, "15777000", {"prediabetes"}, id="sct-prediabetes"),
        pytest.param(SCT, "38341003", {"hypertension"}, id="sct-hypertension"),
        pytest.param(SCT, "55822004", {"hyperlipidemia"}, id="sct-hyperlipidemia"),
        pytest.param(SCT, "162864005", {"obesity"}, id="sct-bmi-30-obesity"),
        pytest.param(SCT, "185086009", {"copd"}, id="sct-chronic-obstructive-bronchitis"),
        pytest.param(SCT, "88805009", {"heart_failure"}, id="sct-chronic-heart-failure"),
        pytest.param(SCT, "230690007", {"stroke"}, id="sct-stroke"),
        pytest.param(SCT, "64859006", {"osteoporosis"}, id="sct-osteoporosis"),
        pytest.param(SCT, "444814009", set(), id="sct-viral-sinusitis-unmapped"),
        pytest.param(ICD, "E11.9", {"diabetes"}, id="icd-e11-9"),
        pytest.param(ICD, "e11.22", {"diabetes", "diabetes_complications"}, id="icd-e11-22"),
        pytest.param(ICD, "I10", {"hypertension"}, id="icd-i10"),
        pytest.param(ICD, "E66.01", {"obesity", "severe_obesity"}, id="icd-morbid-obesity"),
        pytest.param(ICD, "J44.9", {"copd"}, id="icd-copd"),
        pytest.param(ICD, "N18.3", {"ckd"}, id="icd-ckd"),
        pytest.param(ICD, "Z91.81", {"fall"}, id="icd-history-of-falling"),
        pytest.param(ICD, "Z90.710", {"hysterectomy"}, id="icd-no-uterus-no-cervix"),
        pytest.param(ICD, "Z90.711", set(), id="icd-cervix-kept"),
        pytest.param(ICD, "O09.90", {"pregnancy"}, id="icd-pregnancy"),
        pytest.param(ICD, "J06.9", set(), id="icd-cold-unmapped"),
        pytest.param(LNC, "4548-4", set(), id="loinc-is-not-a-condition"),
    ],
)
def test_condition_tags(system: str, code: str, expected: set[str]) -> None:
    assert condition_tags(system, code) == expected


BRIEF_CVX = {
    "vax:flu": ["140", "141", "150", "155", "158", "161", "185", "186", "197", "205"],
    "vax:covid": [
        "207", "208", "210", "211", "212", "213", "217", "218", "219", "221", "228", "229",
        "300", "301", "302", "309", "310", "311", "312", "313",
    ],
    "vax:tdap": ["115"],
    "vax:td": ["113", "138", "139", "196"],
    "vax:zoster": ["187"],
    "vax:zoster:live": ["121"],
    "vax:pneumococcal:ppsv23": ["33"],
    "vax:pneumococcal:pcv13": ["133"],
    "vax:pneumococcal:pcv15": ["215"],
    "vax:pneumococcal:pcv20": ["216"],
    "vax:pneumococcal:pcv21": ["327"],
    "vax:pneumococcal:other": ["152"],
    "vax:pneumococcal": ["109"],
    "vax:hpv": ["62", "137", "165"],
    "vax:hepb": ["43", "08", "220", "44", "45"],
    "vax:hepb:cpg": ["189"],
    "vax:rsv": ["303", "304", "305"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param(code, key, id=f"cvx-{code}")
        for key, codes in BRIEF_CVX.items()
        for code in codes
    ],
)
def test_cvx_codes(code: str, expected: str) -> None:
    assert event_key(CVX, code) == expected


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("306", id="nirsevimab-0-5ml"),
        pytest.param("307", id="nirsevimab-1ml"),
        pytest.param("160", id="avian-flu-h5n1"),
        pytest.param("999", id="unknown-vaccine"),
    ],
)
def test_cvx_codes_left_out_on_purpose(code: str) -> None:
    assert event_key(CVX, code) is None


def test_every_vaccine_key_is_read_by_a_rule_or_marked_other() -> None:
    read = {test.event for rule in RULES for test in rule.tests}
    for key in set(CVX_EVENTS.values()):
        family = ":".join(key.split(":")[:2])
        assert family in read or key.startswith("vax:other:"), key


@pytest.mark.parametrize(
    ("system", "code", "expected"),
    [
        pytest.param(SCT, "73761001", "colonoscopy", id="sct-colonoscopy"),
        pytest.param(SCT, "44441009", "sigmoidoscopy", id="sct-sigmoidoscopy"),
        pytest.param(SCT, "418714002", "ct_colonography", id="sct-ct-colonography"),
        pytest.param(SCT, "71651007", "mammogram", id="sct-mammography"),
        pytest.param(SCT, "24623002", "mammogram", id="sct-screening-mammography"),
        pytest.param(SCT, "90226004", "pap", id="sct-cervical-smear"),
        pytest.param(SCT, "16334891000119106", "ldct", id="sct-low-dose-ct"),
        pytest.param(SCT, "312681000", "dexa", id="sct-bone-density-scan"),
        pytest.param(SCT, "171207006", "phq", id="sct-depression-screening"),
        pytest.param(SCT, "710841007", "gad", id="sct-assessment-of-anxiety"),
        pytest.param(LNC, "8480-6", "bp_measured", id="loinc-systolic"),
        pytest.param(LNC, "85354-9", "bp_measured", id="loinc-bp-panel"),
        pytest.param(LNC, "55284-4", "bp_measured", id="loinc-bp-synthea"),
        pytest.param(LNC, "4548-4", "a1c", id="loinc-a1c"),
        pytest.param(LNC, "2339-0", "glucose", id="loinc-glucose"),
        pytest.param(LNC, "29771-3", "fit", id="loinc-fit"),
        pytest.param(LNC, "77353-1", "stool_dna", id="loinc-stool-dna"),
        pytest.param(LNC, "44261-6", "phq", id="loinc-phq9-total"),
        pytest.param(LNC, "70274-6", "gad", id="loinc-gad7-total"),
        pytest.param(LNC, "38265-5", "dexa", id="loinc-dxa-t-score"),
        pytest.param(LNC, "39156-5", None, id="loinc-bmi-is-a-value-not-an-event"),
        pytest.param(SCT, "428191000124101", None, id="sct-medication-documentation"),
        pytest.param(ICD, "Z12.11", None, id="icd-is-not-an-event-system"),
    ],
)
def test_event_key(system: str, code: str, expected: str | None) -> None:
    assert event_key(system, code) == expected


def test_events_from_codes_dedupes_and_sorts() -> None:
    rows = [
        (CVX, "140", date(2021, 10, 1)),
        (CVX, "150", date(2020, 10, 1)),
        (CVX, "140", date(2021, 10, 1)),
        (SCT, "444814009", date(2021, 1, 1)),
    ]
    assert events_from_codes(rows) == {"vax:flu": (date(2020, 10, 1), date(2021, 10, 1))}


def test_conditions_from_codes_unions_tags() -> None:
    rows = [(SCT, "44054006", D), (ICD, "I10", D), (SCT, "444814009", D)]
    assert conditions_from_codes(rows) == {"diabetes", "hypertension"}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param([], ("unknown", None), id="no-observation"),
        pytest.param([("266919005", D)], ("never", None), id="never"),
        pytest.param([("77176002", D)], ("current", None), id="current-smoker"),
        pytest.param([("449868002", D)], ("current", None), id="every-day-smoker"),
        pytest.param([("428041000124106", D)], ("current", None), id="some-day-smoker"),
        pytest.param(
            [("449868002", date(2010, 1, 1)), ("8517006", date(2014, 6, 1))],
            ("former", 2014),
            id="quit-between-visits",
        ),
        pytest.param([("8517006", D)], ("former", None), id="former-quit-year-unknown"),
        pytest.param(
            [("8517006", date(2012, 1, 1)), ("77176002", date(2016, 1, 1))],
            ("current", None),
            id="started-again",
        ),
        pytest.param(
            [("266919005", date(2012, 1, 1)), ("266927001", date(2016, 1, 1))],
            ("never", None),
            id="later-unknown-answer-ignored",
        ),
    ],
)
def test_smoking_status(answers: list[tuple[str, date]], expected: tuple[str, int | None]) -> None:
    rows = [(LNC, "72166-2", day, value) for value, day in answers]
    assert smoking_status(rows) == expected


def test_latest_bmi_ignores_other_codes_and_text() -> None:
    rows: list[ObservationRow] = [
        (LNC, "39156-5", date(2019, 1, 1), 31.2),
        (LNC, "39156-5", date(2020, 1, 1), 29.4),
        (LNC, "39156-5", date(2021, 1, 1), "not a number"),
        (LNC, "29463-7", date(2022, 1, 1), 80.0),
    ]
    assert latest_bmi(rows) == 29.4


@pytest.mark.parametrize(
    ("system", "code", "expected"),
    [
        pytest.param(RXN, "316672", {"statin"}, id="simvastatin-10-synthea"),
        pytest.param(RXN, "83367", {"statin"}, id="atorvastatin-ingredient"),
        pytest.param(RXN, "316049", set(), id="hydrochlorothiazide"),
        pytest.param(SCT, "316672", set(), id="wrong-system"),
    ],
)
def test_medication_tags(system: str, code: str, expected: set[str]) -> None:
    assert medication_tags(system, code) == expected


def test_facts_from_codes_end_to_end() -> None:
    facts = facts_from_codes(
        birth_date=date(1960, 4, 2),
        sex_at_birth="male",
        conditions=[(SCT, "38341003", D), (ICD, "E78.5", D)],
        procedures=[(SCT, "73761001", date(2017, 3, 3)), (ICD, "Z90.710", D)],
        immunizations=[(CVX, "187", date(2021, 1, 5)), (CVX, "187", date(2021, 4, 5))],
        observations=[
            (LNC, "72166-2", date(2015, 1, 1), "449868002"),
            (LNC, "72166-2", date(2019, 1, 1), "8517006"),
            (LNC, "39156-5", date(2024, 1, 1), 27.5),
            (LNC, "55284-4", date(2024, 1, 1), None),
        ],
        medications=[(RXN, "316672", D)],
        medication_names=["Lisinopril 10 MG Oral Tablet"],
        pack_years=25,
    )
    assert facts.conditions == {"hypertension", "hyperlipidemia", "hysterectomy"}
    assert facts.events["colonoscopy"] == (date(2017, 3, 3),)
    assert facts.events["vax:zoster"] == (date(2021, 1, 5), date(2021, 4, 5))
    assert facts.events["bp_measured"] == (date(2024, 1, 1),)
    assert facts.smoking == "former"
    assert facts.quit_year == 2019
    assert facts.pack_years == 25
    assert facts.bmi == 27.5
    assert facts.medications == ("Lisinopril 10 MG Oral Tablet", "statin")
    by_id = {rec.rule_id: rec for rec in evaluate(facts, today=date(2025, 3, 15))}
    assert by_id["statin-use"].status is Status.NOT_APPLICABLE
    assert by_id["shingles-vaccine"].status is Status.UP_TO_DATE
    assert by_id["lung-cancer-screening"].status is Status.DUE


def test_facts_from_codes_quit_year_argument_wins() -> None:
    facts = facts_from_codes(
        birth_date=date(1960, 1, 1),
        sex_at_birth="female",
        observations=[
            (LNC, "72166-2", date(2015, 1, 1), "77176002"),
            (LNC, "72166-2", date(2019, 1, 1), "8517006"),
        ],
        quit_year=2016,
    )
    assert facts.quit_year == 2016


def test_facts_from_codes_refuses_unknown_sex() -> None:
    with pytest.raises(ValueError, match="sex_at_birth"):
        facts_from_codes(birth_date=date(1960, 1, 1), sex_at_birth="other")


# ----- the real Synthea bundles (shared/data/synthea, read-only) -----


def _synthea_dir() -> Path | None:
    repo = Path(__file__).resolve().parents[2]
    for candidate in (
        os.environ.get("SYNTHEA_DIR"),
        repo.parent / "shared" / "data" / "synthea",
        repo / "shared" / "data" / "synthea",
    ):
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.json")):
            return Path(candidate)
    return None


SYNTHEA = _synthea_dir()


@dataclass
class Bundle:
    name: str
    birth_date: date
    sex: str
    conditions: list[tuple[str, str, date]] = field(default_factory=list)
    procedures: list[tuple[str, str, date]] = field(default_factory=list)
    immunizations: list[tuple[str, str, date]] = field(default_factory=list)
    observations: list[tuple[str, str, date, float | str | None]] = field(default_factory=list)
    medications: list[tuple[str, str, date]] = field(default_factory=list)
    condition_codes_ever: set[str] = field(default_factory=set)


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def _codings(concept: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for coding in concept.get("coding", []):
        yield coding["system"], coding["code"]


def _observation_value(resource: dict[str, Any]) -> float | str | None:
    if "valueQuantity" in resource:
        return float(resource["valueQuantity"]["value"])
    if "valueCodeableConcept" in resource:
        return str(resource["valueCodeableConcept"]["coding"][0]["code"])
    return None


def _load(path: Path) -> Bundle:
    entries = json.loads(path.read_text(encoding="utf-8"))["entry"]
    resources = [entry["resource"] for entry in entries]
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    bundle = Bundle(path.stem.split("_")[0], _day(patient["birthDate"]), patient["gender"])
    for res in resources:
        kind = res["resourceType"]
        if kind == "Condition":
            bundle.condition_codes_ever |= {c for _s, c in _codings(res["code"])}
        if kind == "Condition" and "abatementDateTime" not in res:
            day = _day(res["onsetDateTime"])
            bundle.conditions += [(s, c, day) for s, c in _codings(res["code"])]
        elif kind == "Procedure":
            day = _day(res.get("performedDateTime") or res["performedPeriod"]["start"])
            bundle.procedures += [(s, c, day) for s, c in _codings(res["code"])]
        elif kind == "Immunization":
            day = _day(res["occurrenceDateTime"])
            bundle.immunizations += [(s, c, day) for s, c in _codings(res["vaccineCode"])]
        elif kind == "Observation":
            day = _day(res["effectiveDateTime"])
            value = _observation_value(res)
            bundle.observations += [(s, c, day, value) for s, c in _codings(res["code"])]
            for part in res.get("component", []):
                bundle.observations += [(s, c, day, None) for s, c in _codings(part["code"])]
        elif kind == "MedicationRequest" and res.get("status") == "active":
            concept = res.get("medicationCodeableConcept", {})
            bundle.medications += [(s, c, _day(res["authoredOn"])) for s, c in _codings(concept)]
    return bundle


def _bundles() -> list[Bundle]:
    if SYNTHEA is None:
        return []
    return [_load(path) for path in sorted(SYNTHEA.glob("*.json"))]


BUNDLES = _bundles()
needs_synthea = pytest.mark.skipif(
    not BUNDLES and os.environ.get("CI", "").lower() != "true",
    reason="Synthea sample bundles not found (set SYNTHEA_DIR)",
)


@needs_synthea
def test_synthea_bundles_are_there() -> None:
    assert len(BUNDLES) == 8


@needs_synthea
def test_every_synthea_immunization_code_is_mapped() -> None:
    codes = {(s, c) for bundle in BUNDLES for s, c, _d in bundle.immunizations}
    assert codes, "no immunizations parsed"
    unmapped = sorted(code for system, code in codes if event_key(system, code) is None)
    assert unmapped == []


SYNTHEA_PREVENTIVE_CODES = {
    # procedures that a rule reads
    (SCT, "171207006"): "phq",
    (SCT, "312681000"): "dexa",
    # observations that a rule reads
    (LNC, "55284-4"): "bp_measured",
    (LNC, "8480-6"): "bp_measured",
    (LNC, "8462-4"): "bp_measured",
    (LNC, "4548-4"): "a1c",
    (LNC, "2339-0"): "glucose",
    (LNC, "38265-5"): "dexa",
}

SYNTHEA_CONDITIONS = {
    "44054006": "diabetes",
    "15777000": "prediabetes",
    "162864005": "obesity",
    "185086009": "copd",
    "38341003": "hypertension",
    "55822004": "hyperlipidemia",
    "302870006": "hyperlipidemia",
    "64859006": "osteoporosis",
    "88805009": "heart_failure",
    "230690007": "stroke",
    "72892002": "pregnancy",
}


@needs_synthea
def test_synthea_preventive_procedures_and_observations_are_mapped() -> None:
    seen = {
        (s, c) for bundle in BUNDLES for s, c, *_rest in (*bundle.procedures, *bundle.observations)
    }
    for (system, code), key in SYNTHEA_PREVENTIVE_CODES.items():
        assert (system, code) in seen, code
        assert event_key(system, code) == key, code


@needs_synthea
def test_synthea_condition_codes_that_matter_are_mapped() -> None:
    seen = {code for bundle in BUNDLES for code in bundle.condition_codes_ever}
    for code, tag in SYNTHEA_CONDITIONS.items():
        assert code in seen, code
        assert tag in condition_tags(SCT, code), code


@needs_synthea
def test_synthea_smoking_status_answers_are_understood() -> None:
    statuses = {smoking_status(bundle.observations)[0] for bundle in BUNDLES}
    assert statuses == {"never", "former"}


@needs_synthea
@pytest.mark.parametrize("index", range(len(BUNDLES)) if BUNDLES else [0])
def test_synthea_patient_evaluates(index: int) -> None:
    bundle = BUNDLES[index]
    facts = facts_from_codes(
        birth_date=bundle.birth_date,
        sex_at_birth=bundle.sex,
        conditions=bundle.conditions,
        procedures=bundle.procedures,
        immunizations=bundle.immunizations,
        observations=bundle.observations,
        medications=bundle.medications,
    )
    recs = evaluate(facts, today=date(2019, 12, 31))
    assert [rec.rule_id for rec in recs] == [rule.id for rule in RULES]
    assert all(rec.reason for rec in recs)


@needs_synthea
@pytest.mark.parametrize(
    ("name", "rule_id", "expected"),
    [
        pytest.param("Tom", "statin-use", Status.NOT_APPLICABLE, id="tom-takes-simvastatin"),
        pytest.param("Tom", "diabetes-screening", Status.UP_TO_DATE, id="tom-recent-a1c"),
        pytest.param("Tom", "shingles-vaccine", Status.DUE, id="tom-only-live-zoster"),
        pytest.param("Martina", "statin-use", Status.NOT_APPLICABLE, id="martina-had-stroke"),
        pytest.param("Martina", "rsv-vaccine", Status.DUE, id="martina-copd-heart-failure"),
        pytest.param("Martina", "flu-vaccine", Status.UP_TO_DATE, id="martina-flu-this-season"),
        pytest.param(
            "Willia", "osteoporosis-screening", Status.NOT_APPLICABLE, id="willia-osteoporosis"
        ),
        pytest.param("Willia", "falls-prevention", Status.DUE, id="willia-falls-osteoporosis"),
        pytest.param(
            "Jacob", "blood-pressure-screening", Status.NOT_APPLICABLE, id="jacob-hypertension"
        ),
    ],
)
def test_synthea_patient_verdicts(name: str, rule_id: str, expected: Status) -> None:
    bundle = next(b for b in BUNDLES if b.name == name)
    facts = facts_from_codes(
        birth_date=bundle.birth_date,
        sex_at_birth=bundle.sex,
        conditions=bundle.conditions,
        procedures=bundle.procedures,
        immunizations=bundle.immunizations,
        observations=bundle.observations,
        medications=bundle.medications,
    )
    rec = next(r for r in evaluate(facts, today=date(2019, 12, 31)) if r.rule_id == rule_id)
    assert rec.status is expected, rec.reason
