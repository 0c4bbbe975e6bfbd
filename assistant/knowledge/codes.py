"""Clinical code keys and the offline checks that decide whether a code "resolves".

A code key is the string "<system>|<code>" with a short system name: "snomed|44054006",
"icd10|E11.9", "loinc|4548-4", "cvx|141". Records often carry FHIR system URIs instead
("http://snomed.info/sct|44054006"); `normalize_code_key` maps both spellings to the
short form so that articles and records meet on one key.

There is no terminology server here, so "resolves" means "is well formed and passes the
system's own check digit": SNOMED CT ids carry a Verhoeff check digit, LOINC codes a
mod-10 (Luhn) check digit, ICD-10-CM codes have a fixed shape and CVX codes are numbers.
"""

from __future__ import annotations

import re

SYSTEM_ALIASES: dict[str, str] = {
    "snomed": "snomed",
    "snomedct": "snomed",
    "snomed-ct": "snomed",
    "sct": "snomed",
    "http://snomed.info/sct": "snomed",
    "icd10": "icd10",
    "icd10cm": "icd10",
    "icd-10": "icd10",
    "icd-10-cm": "icd10",
    "http://hl7.org/fhir/sid/icd-10-cm": "icd10",
    "http://hl7.org/fhir/sid/icd-10": "icd10",
    "loinc": "loinc",
    "http://loinc.org": "loinc",
    "cvx": "cvx",
    "http://hl7.org/fhir/sid/cvx": "cvx",
}

# Verhoeff multiplication table of the dihedral group D5.
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
# Position permutations: row i applies the base permutation i times, so row 8 = row 0.
_VERHOEFF_BASE = (1, 5, 7, 6, 2, 8, 3, 0, 9, 4)


def _permutation_rows() -> tuple[tuple[int, ...], ...]:
    rows = [tuple(range(10))]
    for _ in range(7):
        rows.append(tuple(_VERHOEFF_BASE[x] for x in rows[-1]))
    return tuple(rows)


_VERHOEFF_P = _permutation_rows()

_SNOMED_RE = re.compile(r"[1-9][0-9]{5,17}")
# ICD-10-CM: a letter, a digit, a digit or letter (M1A, C4A exist), then optionally a dot
# and 1-4 more characters (E11.9, J45.909, S72.001A).
_ICD10_RE = re.compile(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?")
_LOINC_RE = re.compile(r"([0-9]{1,7})-([0-9])")
_CVX_RE = re.compile(r"[0-9]{1,3}")


def verhoeff_valid(digits: str) -> bool:
    """True when `digits` (check digit last) passes the Verhoeff check."""
    if not digits.isdigit():
        return False
    check = 0
    for i, ch in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[i % 8][int(ch)]]
    return check == 0


def luhn_check_digit(digits: str) -> int:
    """The mod-10 check digit LOINC appends to `digits` (the code without its check digit)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def normalize_system(system: str) -> str | None:
    """Short system name ("snomed", "icd10", "loinc", "cvx"), or None when unknown."""
    return SYSTEM_ALIASES.get(system.strip().lower())


def normalize_code_key(key: str) -> str | None:
    """Map "system|code" (short name or FHIR URI) to the short key; None when unusable."""
    system, sep, code = key.rpartition("|")
    if not sep:
        return None
    short = normalize_system(system)
    code = code.strip()
    if short is None or not code:
        return None
    if short == "icd10":
        code = code.upper()
    return f"{short}|{code}"


def code_problem(system: str, code: str) -> str | None:
    """Why `code` does not resolve in `system`, or None when it does."""
    short = normalize_system(system)
    if short is None:
        return f"unknown code system {system!r}"
    if short == "snomed":
        if not _SNOMED_RE.fullmatch(code):
            return f"SNOMED CT id {code!r} must be 6-18 digits"
        if not verhoeff_valid(code):
            return f"SNOMED CT id {code!r} fails its Verhoeff check digit"
        return None
    if short == "icd10":
        if not _ICD10_RE.fullmatch(code):
            return f"ICD-10-CM code {code!r} is not shaped like E11.9"
        return None
    if short == "loinc":
        match = _LOINC_RE.fullmatch(code)
        if match is None:
            return f"LOINC code {code!r} is not shaped like 4548-4"
        if luhn_check_digit(match.group(1)) != int(match.group(2)):
            return f"LOINC code {code!r} fails its mod-10 check digit"
        return None
    if not _CVX_RE.fullmatch(code):
        return f"CVX code {code!r} must be 1-3 digits"
    return None
