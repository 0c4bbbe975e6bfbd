"""The patient's record as a FHIR R4 Bundle: what we hold, in the form it came in.

The bundle round-trips: `import_fhir` on an export recreates the same rows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

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

Json = dict[str, Any]
MR_TYPE = {
    "coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}],
    "text": "Medical Record Number",
}


def _concept(system: str, code: str, display: str) -> Json:
    coding = {k: v for k, v in (("system", system), ("code", code), ("display", display)) if v}
    return {"coding": [coding], "text": display}


def _status_concept(system: str, code: str) -> Json:
    return {"coding": [{"system": system, "code": code}]}


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _drop_empty(resource: Json) -> Json:
    return {k: v for k, v in resource.items() if v not in (None, "", [], {})}


def record_bundle(patient: Patient) -> Json:
    ref = {"reference": f"urn:uuid:{patient.fhir_id or patient.public_id}"}
    resources: list[Json] = [_patient(patient)]
    resources += [_condition(c, ref) for c in Condition.objects.filter(patient=patient)]
    resources += [_medication(m, ref) for m in Medication.objects.filter(patient=patient)]
    resources += [_allergy(a, ref) for a in Allergy.objects.filter(patient=patient)]
    resources += [_immunization(i, ref) for i in Immunization.objects.filter(patient=patient)]
    resources += [_procedure(p, ref) for p in Procedure.objects.filter(patient=patient)]
    resources += [_observation(o, ref) for o in Observation.objects.filter(patient=patient)]
    resources += [_encounter(e, ref) for e in Encounter.objects.filter(patient=patient)]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": f"urn:uuid:{r['id']}", "resource": _drop_empty(r)} for r in resources
        ],
    }


def _patient(p: Patient) -> Json:
    telecom = [
        t
        for t in ({"system": "phone", "value": p.phone}, {"system": "email", "value": p.email})
        if t["value"]
    ]
    return {
        "resourceType": "Patient",
        "id": p.fhir_id or str(p.public_id),
        "identifier": [{"type": MR_TYPE, "value": p.mrn}],
        "name": [{"use": "official", "family": p.family_name, "given": [p.given_name]}],
        "gender": p.sex_at_birth,
        "birthDate": p.birth_date.isoformat(),
        "telecom": telecom,
        "address": [{"text": p.address}] if p.address else [],
        "communication": [
            {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": p.preferred_language}]}}
        ],
    }


def _condition(c: Condition, ref: Json) -> Json:
    codings = [{k: v for k, v in coding.items() if v} for coding in c.codes] or [
        {"system": c.system, "code": c.code, "display": c.display}
    ]
    status_system = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    return {
        "resourceType": "Condition",
        "id": c.fhir_id,
        "subject": ref,
        "code": {"coding": codings, "text": c.display},
        "clinicalStatus": _status_concept(status_system, c.clinical_status)
        if c.clinical_status
        else None,
        "onsetDateTime": _iso(c.onset),
        "abatementDateTime": _iso(c.abatement),
    }


def _medication(m: Medication, ref: Json) -> Json:
    return {
        "resourceType": "MedicationRequest",
        "id": m.fhir_id,
        "status": m.status or "unknown",
        "intent": "order",
        "subject": ref,
        "medicationCodeableConcept": _concept(m.system, m.code, m.display),
        "authoredOn": _iso(m.authored_on),
        "dosageInstruction": [{"text": m.dosage_text}] if m.dosage_text else [],
    }


def _allergy(a: Allergy, ref: Json) -> Json:
    status_system = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
    return {
        "resourceType": "AllergyIntolerance",
        "id": a.fhir_id,
        "patient": ref,
        "code": _concept(a.system, a.code, a.display),
        "clinicalStatus": _status_concept(status_system, a.clinical_status)
        if a.clinical_status
        else None,
        "criticality": a.criticality or None,
        "recordedDate": _iso(a.recorded),
    }


def _immunization(i: Immunization, ref: Json) -> Json:
    return {
        "resourceType": "Immunization",
        "id": i.fhir_id,
        "status": i.status or "completed",
        "patient": ref,
        "vaccineCode": _concept(i.system, i.code, i.display),
        "occurrenceDateTime": _iso(i.occurred),
    }


def _procedure(p: Procedure, ref: Json) -> Json:
    return {
        "resourceType": "Procedure",
        "id": p.fhir_id,
        "status": p.status or "completed",
        "subject": ref,
        "code": _concept(p.system, p.code, p.display),
        "performedDateTime": _iso(p.performed),
    }


def _value(value: float | None, unit: str, text: str, code: str) -> Json:
    if value is not None:
        return {"valueQuantity": _drop_empty({"value": value, "unit": unit})}
    if text or code:
        return {"valueCodeableConcept": _concept("", code, text)}
    return {}


def _observation(o: Observation, ref: Json) -> Json:
    components = [
        {
            "code": _concept("http://loinc.org", str(c.get("code", "")), str(c.get("display", ""))),
            **_value(c.get("value"), str(c.get("unit", "")), str(c.get("text", "")), ""),
        }
        for c in o.components
    ]
    category = (
        [_status_concept("http://terminology.hl7.org/CodeSystem/observation-category", o.category)]
        if o.category
        else []
    )
    return {
        "resourceType": "Observation",
        "id": o.fhir_id,
        "status": "final",
        "category": category,
        "code": _concept(o.system, o.code, o.display),
        "subject": ref,
        "effectiveDateTime": _iso(o.effective),
        **_value(o.value, o.unit, o.value_text, o.value_code),
        "component": components,
    }


def _encounter(e: Encounter, ref: Json) -> Json:
    return {
        "resourceType": "Encounter",
        "id": e.fhir_id,
        "status": "finished",
        "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": e.encounter_class or "AMB",
        },
        "type": [_concept(e.system, e.code, e.display)],
        "subject": ref,
        "period": _drop_empty({"start": _iso(e.start), "end": _iso(e.end)}),
    }
