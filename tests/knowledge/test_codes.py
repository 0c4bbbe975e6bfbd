"""Code keys and the check-digit rules that decide whether a code resolves."""

from __future__ import annotations

import pytest

from assistant.knowledge.codes import (
    code_problem,
    luhn_check_digit,
    normalize_code_key,
    verhoeff_valid,
)


@pytest.mark.parametrize(
    ("system", "code", "resolves"),
    [
        pytest.param("snomed", "44054006", True, id="snomed-diabetes"),
        pytest.param("snomed", "195967001", True, id="snomed-asthma"),
        pytest.param("snomed", "124171000119105", True, id="snomed-long-extension-id"),
        pytest.param("snomed", "44054007", False, id="snomed-bad-check-digit"),
        pytest.param("snomed", "12345", False, id="snomed-too-short"),
        pytest.param("snomed", "0440540060", False, id="snomed-leading-zero"),
        pytest.param("snomed", "4405400X", False, id="snomed-not-digits"),
        pytest.param("icd10", "E11.9", True, id="icd10-with-dot"),
        pytest.param("icd10", "I10", True, id="icd10-category"),
        pytest.param("icd10", "J45.909", True, id="icd10-three-after-dot"),
        pytest.param("icd10", "M1A.00X0", True, id="icd10-letter-third-and-four-after-dot"),
        pytest.param("icd10", "E1.9", False, id="icd10-too-short"),
        pytest.param("icd10", "11.9", False, id="icd10-no-letter"),
        pytest.param("icd10", "E11.", False, id="icd10-empty-after-dot"),
        pytest.param("loinc", "4548-4", True, id="loinc-hba1c"),
        pytest.param("loinc", "2345-7", True, id="loinc-glucose"),
        pytest.param("loinc", "33914-3", True, id="loinc-egfr"),
        pytest.param("loinc", "4548-5", False, id="loinc-bad-check-digit"),
        pytest.param("loinc", "45484", False, id="loinc-no-dash"),
        pytest.param("cvx", "141", True, id="cvx-flu"),
        pytest.param("cvx", "08", True, id="cvx-hep-b-leading-zero"),
        pytest.param("cvx", "1411", False, id="cvx-too-long"),
        pytest.param("rxnorm", "860975", False, id="unknown-system"),
    ],
)
def test_code_problem(system: str, code: str, resolves: bool) -> None:
    assert (code_problem(system, code) is None) is resolves


def test_verhoeff_detects_every_single_digit_change() -> None:
    good = "38341003"
    assert verhoeff_valid(good)
    for i in range(len(good)):
        for d in "0123456789":
            if d != good[i]:
                assert not verhoeff_valid(good[:i] + d + good[i + 1 :])


def test_luhn_check_digit_matches_loinc_example() -> None:
    assert luhn_check_digit("12345") == 5


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param("snomed|44054006", "snomed|44054006", id="short-form"),
        pytest.param("http://snomed.info/sct|44054006", "snomed|44054006", id="fhir-snomed"),
        pytest.param("http://hl7.org/fhir/sid/icd-10-cm|e11.9", "icd10|E11.9", id="fhir-icd10"),
        pytest.param("ICD10|I10", "icd10|I10", id="upper-case-system"),
        pytest.param("http://loinc.org|4548-4", "loinc|4548-4", id="fhir-loinc"),
        pytest.param("44054006", None, id="no-system"),
        pytest.param("rxnorm|860975", None, id="unknown-system"),
        pytest.param("snomed|", None, id="empty-code"),
    ],
)
def test_normalize_code_key(key: str, expected: str | None) -> None:
    assert normalize_code_key(key) == expected
