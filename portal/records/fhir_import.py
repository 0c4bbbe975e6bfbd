"""Import FHIR R4 Bundles (as Synthea writes them) into the patient's record.

One transaction per bundle. The bundle is checked whole before anything is written:
it must be JSON, a Bundle, valid against the FHIR schema (fhir.resources) and hold
exactly one Patient. A re-import updates rows by their FHIR id and never duplicates.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils.dateparse import parse_date, parse_datetime
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from portal.accounts.services import invitation_create
from portal.careteam.models import CareTeam
from portal.records.models import (
    Allergy,
    Condition,
    Encounter,
    Immunization,
    Medication,
    Observation,
    Patient,
    Procedure,
    Sex,
)

Json = dict[str, Any]


class ImportRefused(Exception):
    """The bundle was not imported; nothing changed. The message names file and problem."""


@dataclass
class ImportSummary:
    file: str
    mrn: str
    patient_created: bool
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    invitation_code: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "mrn": self.mrn,
            "patient_created": self.patient_created,
            "counts": self.counts,
            "skipped": self.skipped,
            "invitation_code": self.invitation_code,
        }


def bundle_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their *.json files, sorted; keep files as given."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        else:
            files.append(path)
    return files


def read_bundle(path: Path) -> Json:
    """Load and check a bundle without writing anything. Raises ImportRefused."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRefused(f"{path}: cannot read the file ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            f"{path}: not valid JSON, the file may be truncated ({exc.msg} at line {exc.lineno})"
        ) from None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise ImportRefused(f"{path}: not a FHIR Bundle (resourceType is not 'Bundle')")
    try:
        Bundle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ImportRefused(
            f"{path}: not a valid FHIR R4 Bundle ({exc.error_count()} problem(s); "
            f"first at {where or 'top level'}: {first.get('msg')})"
        ) from None
    except (KeyError, ValueError, TypeError) as exc:
        # fhir.resources raises these for an unknown resourceType inside the bundle.
        raise ImportRefused(f"{path}: not a valid FHIR R4 Bundle ({exc!r})") from None
    patients = [e for e in _resources(data) if e.get("resourceType") == "Patient"]
    if len(patients) != 1:
        raise ImportRefused(f"{path}: expected one Patient in the bundle, found {len(patients)}")
    return data


def import_bundle(path: Path, *, care_team: CareTeam | None = None) -> ImportSummary:
    """Import one bundle in one transaction. Raises ImportRefused and changes nothing."""
    data = read_bundle(path)
    resources = list(_resources(data))
    present = Counter(str(r.get("resourceType")) for r in resources)
    with transaction.atomic():
        patient_res = next(r for r in resources if r["resourceType"] == "Patient")
        patient, created = _upsert_patient(patient_res, care_team=care_team)
        counts: dict[str, int] = {"Patient": 1}
        for resource_type, (model, convert) in _CONVERTERS.items():
            rows = [convert(r) for r in resources if r["resourceType"] == resource_type]
            if rows:
                _upsert_rows(model, patient, rows)
                counts[resource_type] = len(rows)
        code = None
        if (
            patient.user_id is None
            and not patient.invitations.filter(used_at__isnull=True).exists()
        ):
            code = invitation_create(patient=patient).code
    skipped = {k: v for k, v in sorted(present.items()) if k not in counts}
    return ImportSummary(
        file=str(path),
        mrn=patient.mrn,
        patient_created=created,
        counts=dict(sorted(counts.items())),
        skipped=skipped,
        invitation_code=code,
    )


def _resources(bundle: Json) -> Iterable[Json]:
    for entry in bundle.get("entry") or ():
        resource = entry.get("resource")
        if isinstance(resource, dict):
            yield resource


def _upsert_rows(model: type[models.Model], patient: Patient, rows: list[Json]) -> None:
    """Create new rows and update existing ones (matched on the FHIR id) in bulk."""
    existing = dict(
        model._default_manager.filter(patient=patient).values_list("fhir_id", "pk")  # type: ignore[misc]
    )
    by_id = {row["fhir_id"]: row for row in rows}  # a repeated id keeps its last version
    to_create, to_update = [], []
    for fhir_id, row in by_id.items():
        obj = model(patient=patient, **row)  # type: ignore[misc]
        if fhir_id in existing:
            obj.pk = existing[fhir_id]
            to_update.append(obj)
        else:
            to_create.append(obj)
    fields = [f for f in next(iter(by_id.values())) if f != "fhir_id"]
    model._default_manager.bulk_create(to_create, batch_size=500)
    if to_update:
        model._default_manager.bulk_update(to_update, fields, batch_size=500)


# --- Patient -------------------------------------------------------------------------

_SYNTHEA_DIGITS = re.compile(r"\d+$")


def _clean_name(name: str) -> str:
    # Synthea appends digits to generated names ("Alberto639"); people do not have them.
    return _SYNTHEA_DIGITS.sub("", name).strip()


def _upsert_patient(res: Json, *, care_team: CareTeam | None) -> tuple[Patient, bool]:
    fhir_id = str(res.get("id") or "")
    mrn = _identifier(res, "MR") or fhir_id
    names = res.get("name") or [{}]
    name = next((n for n in names if n.get("use") == "official"), names[0])
    telecom = res.get("telecom") or []
    address = (res.get("address") or [{}])[0]
    fields = {
        "mrn": mrn,
        "given_name": _clean_name(" ".join(name.get("given") or [])) or "Unknown",
        "family_name": _clean_name(name.get("family") or ""),
        "birth_date": parse_date(res.get("birthDate") or "") or date(1900, 1, 1),
        "sex_at_birth": res.get("gender") if res.get("gender") in Sex.values else Sex.UNKNOWN,
        "phone": next((t.get("value", "") for t in telecom if t.get("system") == "phone"), ""),
        "email": next((t.get("value", "") for t in telecom if t.get("system") == "email"), ""),
        "address": ", ".join(
            p
            for p in [
                " ".join(address.get("line") or []),
                address.get("city", ""),
                " ".join(x for x in (address.get("state", ""), address.get("postalCode", "")) if x),
            ]
            if p
        ),
        "preferred_language": _language(res),
    }
    patient = Patient.objects.filter(fhir_id=fhir_id).first()
    created = patient is None
    if patient is None:
        patient = Patient(fhir_id=fhir_id, care_team=care_team, **fields)
        patient.save()
        return patient, True
    changed = [k for k, v in fields.items() if getattr(patient, k) != v]
    if care_team is not None and patient.care_team_id != care_team.pk:
        patient.care_team = care_team
        changed.append("care_team")
    for key in changed:
        if key != "care_team":
            setattr(patient, key, fields[key])
    if changed:
        patient.save(update_fields=[*changed, "updated_at"])
    return patient, created


def _identifier(res: Json, type_code: str) -> str | None:
    for ident in res.get("identifier") or []:
        for coding in (ident.get("type") or {}).get("coding") or []:
            if coding.get("code") == type_code and ident.get("value"):
                return str(ident["value"])
    return None


def _language(res: Json) -> str:
    for comm in res.get("communication") or []:
        for coding in (comm.get("language") or {}).get("coding") or []:
            if str(coding.get("code", "")).lower().startswith("es"):
                return "es"
    return "en"


# --- Clinical resources ----------------------------------------------------------------


def _coding(concept: Json | None) -> Json:
    codings = (concept or {}).get("coding") or [{}]
    return codings[0]


def _display(concept: Json | None) -> str:
    concept = concept or {}
    return str(concept.get("text") or _coding(concept).get("display") or "Unnamed")[:255]


def _status(concept: Json | None) -> str:
    return str(_coding(concept).get("code") or "")


def _day(value: str | None) -> date | None:
    if not value:
        return None
    moment = parse_datetime(value)
    return moment.date() if moment else parse_date(value[:10])


def _moment(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def _coded(res: Json, concept: Json | None) -> Json:
    coding = _coding(concept)
    return {
        "fhir_id": str(res["id"]),
        "system": str(coding.get("system") or "")[:120],
        "code": str(coding.get("code") or "")[:64],
        "display": _display(concept),
    }


def _condition(res: Json) -> Json:
    codes = [
        {"system": c.get("system", ""), "code": c.get("code", ""), "display": c.get("display", "")}
        for c in (res.get("code") or {}).get("coding") or []
    ]
    return {
        **_coded(res, res.get("code")),
        "codes": codes,
        "clinical_status": _status(res.get("clinicalStatus")),
        "onset": _day(res.get("onsetDateTime")),
        "abatement": _day(res.get("abatementDateTime")),
    }


def _dosage_text(res: Json) -> str:
    parts = []
    for dosage in res.get("dosageInstruction") or []:
        if dosage.get("text"):
            parts.append(str(dosage["text"]))
            continue
        repeat = (dosage.get("timing") or {}).get("repeat") or {}
        dose_and_rate: list[Json] = dosage.get("doseAndRate") or [{}]
        dose: Json = dose_and_rate[0].get("doseQuantity") or {}
        bits = []
        if dose.get("value") is not None:
            bits.append(f"{dose['value']:g} {dose.get('unit', 'dose')}".strip())
        if repeat.get("frequency") and repeat.get("period"):
            bits.append(
                f"{repeat['frequency']} time(s) every {repeat['period']:g} "
                f"{_PERIOD_UNITS.get(repeat.get('periodUnit', ''), repeat.get('periodUnit', ''))}"
            )
        if dosage.get("asNeededBoolean"):
            bits.append("as needed")
        if bits:
            parts.append(", ".join(bits))
    return "; ".join(parts)[:500]


_PERIOD_UNITS = {"h": "hour(s)", "d": "day(s)", "wk": "week(s)", "mo": "month(s)"}


def _medication(res: Json) -> Json:
    concept = res.get("medicationCodeableConcept")
    return {
        **_coded(res, concept),
        "dosage_text": _dosage_text(res),
        "status": str(res.get("status") or ""),
        "authored_on": _day(res.get("authoredOn")),
    }


def _allergy(res: Json) -> Json:
    return {
        **_coded(res, res.get("code")),
        "clinical_status": _status(res.get("clinicalStatus")),
        "criticality": str(res.get("criticality") or ""),
        "recorded": _day(res.get("recordedDate")),
    }


def _immunization(res: Json) -> Json:
    return {
        **_coded(res, res.get("vaccineCode")),
        "status": str(res.get("status") or ""),
        "occurred": _day(res.get("occurrenceDateTime")),
    }


def _procedure(res: Json) -> Json:
    performed = res.get("performedDateTime") or (res.get("performedPeriod") or {}).get("start")
    return {
        **_coded(res, res.get("code")),
        "status": str(res.get("status") or ""),
        "performed": _day(performed),
    }


def _value(holder: Json) -> tuple[float | None, str, str, str]:
    """(number, unit, text, code) from a FHIR value[x]."""
    if "valueQuantity" in holder:
        q = holder["valueQuantity"]
        return q.get("value"), str(q.get("unit") or q.get("code") or ""), "", ""
    if "valueCodeableConcept" in holder:
        concept = holder["valueCodeableConcept"]
        return None, "", _display(concept), str(_coding(concept).get("code") or "")
    if "valueString" in holder:
        return None, "", str(holder["valueString"])[:255], ""
    return None, "", "", ""


def _observation(res: Json) -> Json:
    value, unit, text, code = _value(res)
    components = []
    for comp in res.get("component") or []:
        c_value, c_unit, c_text, _ = _value(comp)
        coding = _coding(comp.get("code"))
        components.append(
            {
                "code": coding.get("code", ""),
                "display": _display(comp.get("code")),
                "value": c_value,
                "unit": c_unit,
                "text": c_text,
            }
        )
    category = _coding(next(iter(res.get("category") or []), None)).get("code", "")
    return {
        **_coded(res, res.get("code")),
        "category": str(category)[:40],
        "value": value,
        "unit": unit[:40],
        "value_text": text,
        "value_code": code[:64],
        "components": components,
        "effective": _moment(res.get("effectiveDateTime") or res.get("issued")),
    }


def _encounter(res: Json) -> Json:
    types = res.get("type") or [None]
    period = res.get("period") or {}
    return {
        **_coded(res, types[0]),
        "encounter_class": str((res.get("class") or {}).get("code") or "")[:40],
        "start": _moment(period.get("start")),
        "end": _moment(period.get("end")),
    }


_CONVERTERS: dict[str, tuple[type[models.Model], Callable[[Json], Json]]] = {
    "Condition": (Condition, _condition),
    "MedicationRequest": (Medication, _medication),
    "AllergyIntolerance": (Allergy, _allergy),
    "Immunization": (Immunization, _immunization),
    "Procedure": (Procedure, _procedure),
    "Observation": (Observation, _observation),
    "Encounter": (Encounter, _encounter),
}
