"""What the pipeline knows about the signed-in patient, loaded once per connection.

Only de-identified facts go into `record` (for any backend): condition names, medicine
names, an age band and sex. Identifiers stay out; `identifiers` is kept separately for
the redaction that runs before text leaves for an external model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from assistant.backends.base import RecordCondition, RecordContext, RecordMeasurement, Turn
from assistant.backends.grounded import record_sentence
from assistant.knowledge.articles import LANGUAGES, Article
from assistant.knowledge.codes import normalize_code_key
from assistant.safety import PatientIdentifiers, RecordFacts
from assistant.selectors import Library, library
from portal.records.models import Condition, Medication, Observation, Patient

# LOINC code -> (name patients know, unit shown, article). Blood pressure is a panel.
MEASURED = {  # ... and the decimals worth showing
    "4548-4": ("HbA1c", "%", "hba1c", 1),
    "18262-6": ("LDL cholesterol", " mg/dL", "ldl-cholesterol", 0),
    "39156-5": ("BMI", "", "bmi", 1),
    "33914-3": ("eGFR", " mL/min/1.73m²", "egfr", 0),
}
BP_PANELS = ("55284-4", "85354-9")

_TAG = re.compile(r"\s*\((disorder|finding|situation|morphologic abnormality)\)\s*$", re.I)


@dataclass(frozen=True)
class PatientContext:
    patient_id: int
    conversation_id: int
    record: RecordContext
    facts: RecordFacts
    record_support: tuple[str, ...]  # true sentences about the record the guard may accept
    patient_codes: tuple[str, ...]
    identifiers: PatientIdentifiers
    language: str = "en"
    history: tuple[Turn, ...] = field(default=())
    emergency_number: str = "911"
    crisis_line: str = "988"


def age_band(age: int) -> str:
    low = (age // 10) * 10
    return f"{low}-{low + 9}"


# The record reads every chat connection makes, as constant statements through `raw()`:
# compiling them cost the ORM about 0.3 ms each, three times the read itself (the rows
# still come back as model instances, converted by their fields). The same order as the
# models' own (Meta.ordering); the models' default table names, checked by a test.
_CONDITIONS = "SELECT * FROM records_condition WHERE patient_id = %s ORDER BY onset DESC"
_MEDICATIONS = "SELECT * FROM records_medication WHERE patient_id = %s ORDER BY authored_on DESC"
_MEASUREMENTS = (
    "SELECT * FROM records_observation WHERE patient_id = %s AND effective IS NOT NULL"
    " AND code IN (%s, %s, %s, %s, %s, %s) ORDER BY effective"
)
_MEASURED_CODES = (*MEASURED, *BP_PANELS)


def latest_measurements(patient: Patient) -> tuple[RecordMeasurement, ...]:
    """The latest HbA1c, LDL, blood pressure, BMI and eGFR in the record (one query)."""
    latest: dict[str, Observation] = {}
    for obs in Observation.objects.raw(_MEASUREMENTS, [patient.pk, *_MEASURED_CODES]):
        latest["bp" if obs.code in BP_PANELS else obs.code] = obs
    found = []
    for code, (name, unit, slug, decimals) in MEASURED.items():
        reading = latest.get(code)
        if reading is not None and reading.value is not None and reading.effective is not None:
            value = f"{reading.value:.{decimals}f}{unit}"
            found.append(RecordMeasurement(name, value, f"{reading.effective:%Y-%m}", slug))
    bp = latest.get("bp")
    if bp is not None and bp.effective is not None:
        parts = {c.get("code"): c.get("value") for c in bp.components}
        if parts.get("8480-6") is not None and parts.get("8462-4") is not None:
            value = f"{parts['8480-6']:.0f}/{parts['8462-4']:.0f} mmHg"
            found.append(
                RecordMeasurement(
                    "blood pressure", value, f"{bp.effective:%Y-%m}", "blood-pressure-numbers"
                )
            )
    return tuple(found)


def patient_identifiers(patient: Patient) -> PatientIdentifiers:
    """The patient's own identifiers from the record, for exact redaction."""
    user_email = patient.user.email if patient.user_id and patient.user else ""
    return PatientIdentifiers(
        names=tuple(n for n in (patient.full_name, patient.given_name, patient.family_name) if n),
        birth_date=patient.birth_date,
        mrn=patient.mrn,
        addresses=(patient.address,) if patient.address else (),
        phones=(patient.phone,) if patient.phone else (),
        emails=tuple(e for e in {patient.email, user_email} if e),
    )


def patient_context(patient: Patient, *, conversation_id: int) -> PatientContext:
    """Build the context (three queries: conditions, medications, and the library stamp)."""
    lib = library()
    conditions: list[RecordCondition] = []
    names: list[str] = []
    support: list[str] = []
    codes: list[str] = []
    for c in Condition.objects.raw(_CONDITIONS, [patient.pk]):
        keys = [normalize_code_key(f"{x.get('system', '')}|{x.get('code', '')}") for x in c.codes]
        keys = [k for k in keys if k] or [normalize_code_key(f"{c.system}|{c.code}") or ""]
        article = next((lib.by_code[k] for k in keys if k in lib.by_code), None)
        display = _TAG.sub("", c.display)
        year = c.onset.year if c.onset else None
        titles = _translated_titles(lib, article)
        conditions.append(
            RecordCondition(
                display=display,
                codes=tuple(k for k in keys if k),
                onset_year=year,
                active=c.is_active,
                article_slug=article.slug if article else None,
                titles=titles,
            )
        )
        names.extend(title for _, title in titles)
        codes.extend(k for k in keys if k)
        for name in {
            display,
            *(article.aliases if article else ()),
            *((article.title,) if article else ()),
        }:
            names.append(name)
            since = f" since {year}" if year and c.is_active else f" in {year}" if year else ""
            resolved = "" if c.is_active else ", now marked as resolved"
            support.append(f"Your record lists {name}{since}{resolved}.")
    medications = list(Medication.objects.raw(_MEDICATIONS, [patient.pk]))
    today = timezone.localdate()
    record = RecordContext(
        age_band=age_band(patient.age_on(today)),
        sex_at_birth=patient.sex_at_birth,
        conditions=tuple(conditions),
        medications=tuple(m.display for m in medications if m.status == "active"),
        measurements=latest_measurements(patient),
        language=patient.preferred_language,
    )
    # Exactly what the grounded backend may say about the record, in every language.
    slugs = {c.article_slug for c in record.conditions if c.article_slug} | {
        m.article_slug for m in record.measurements
    }
    support.extend(
        sentence
        for slug in sorted(slugs)
        for lang in LANGUAGES
        if (sentence := record_sentence(record, slug, lang))
    )
    return PatientContext(
        patient_id=patient.pk,
        conversation_id=conversation_id,
        record=record,
        facts=RecordFacts(
            conditions=tuple(names),
            medications=tuple(f"{m.display} {m.dosage_text}".strip() for m in medications),
        ),
        record_support=tuple(support),
        patient_codes=tuple(dict.fromkeys(codes)),
        identifiers=PatientIdentifiers(
            names=tuple(
                n for n in (patient.given_name, patient.family_name, patient.full_name) if n
            ),
            birth_date=patient.birth_date,
            mrn=patient.mrn,
            addresses=(patient.address,) if patient.address else (),
            phones=(patient.phone,) if patient.phone else (),
            emails=(patient.email,) if patient.email else (),
        ),
        language=patient.preferred_language,
        emergency_number=settings.EMERGENCY_NUMBER,
        crisis_line=settings.CRISIS_LINE,
    )


def _translated_titles(lib: Library, article: Article | None) -> tuple[tuple[str, str], ...]:
    """(language, title) of each approved translation of a condition article."""
    if article is None or article.kind != "condition":
        return ()
    return tuple(
        (lang, translated.title)
        for lang, articles in sorted(lib.translated.items())
        if (translated := articles.get(article.slug)) is not None
    )


def general_context() -> PatientContext:
    """A context with no patient: general questions (the `ask` command without --patient)."""
    return PatientContext(
        patient_id=0,
        conversation_id=0,
        record=RecordContext(),
        facts=RecordFacts(),
        record_support=(),
        patient_codes=(),
        identifiers=PatientIdentifiers(),
        emergency_number=settings.EMERGENCY_NUMBER,
        crisis_line=settings.CRISIS_LINE,
    )
