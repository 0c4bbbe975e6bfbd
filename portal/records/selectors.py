"""Reads of a patient's record. Callers pass a Patient already returned by assistant.access."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from assistant.knowledge.articles import Article
from assistant.selectors import article_for_codes, article_translation
from portal.records.charts import Series, line_chart
from portal.records.models import (
    Allergy,
    Condition,
    Immunization,
    Medication,
    Observation,
    Patient,
    Procedure,
)

BP_PANELS = ("55284-4", "85354-9")
SYSTOLIC, DIASTOLIC = "8480-6", "8462-4"
TRENDS = {  # LOINC code -> (title, unit)
    "4548-4": (_("HbA1c"), "%"),
    "18262-6": (_("LDL cholesterol"), "mg/dL"),
    "39156-5": (_("Body mass index"), "kg/m²"),
}
_SUFFIX = re.compile(r"\s*\((disorder|finding|situation|morphologic abnormality)\)\s*$", re.I)


def condition_name(
    condition: Condition, article: Article | None, *, lang: str = "en"
) -> tuple[str, str]:
    """The plain name to show for a recorded condition, and the language that name is in.

    The title of the article that explains the condition's code: its approved translation
    into `lang` when there is one, else the English article. Without an article, the
    record's own text, tidied (the chart's SNOMED display text, which is English). Callers
    keep the chart's text on show next to the name (ConditionView.chart_names).
    """
    if article is None or article.kind != "condition":
        return _SUFFIX.sub("", condition.display), "en"
    translated = article_translation(article.slug, lang) if lang != article.lang else None
    if translated is not None:
        return translated.title, lang
    return article.title, article.lang


@dataclass(frozen=True)
class ConditionView:
    """One line of the diagnoses list: conditions the same article explains are one line."""

    condition: Condition  # the most relevant row: active first, then the most recent
    name: str
    article: Article | None
    chart_names: tuple[str, ...] = ()  # every recorded name behind this line
    since: date | None = None  # the earliest onset among them
    name_lang: str = "en"  # the language `name` is in (chart names are English)


@dataclass(frozen=True)
class Trend:
    title: str
    unit: str
    svg: str
    rows: list[tuple[date, str]]


@dataclass
class RecordView:
    patient: Patient
    conditions: list[ConditionView] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    allergies: list[Allergy] = field(default_factory=list)
    immunizations: list[Immunization] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)


def condition_codes(condition: Condition) -> list[tuple[str, str]]:
    """Every (system, code) the condition carries, the primary one first."""
    codes = [(c.get("system", ""), c.get("code", "")) for c in condition.codes]
    return codes or [(condition.system, condition.code)]


def condition_views(patient: Patient, *, lang: str = "en") -> list[ConditionView]:
    """The diagnoses list, named in `lang` where the library has a translated article."""
    rows = sorted(
        Condition.objects.filter(patient=patient),
        key=lambda c: (not c.is_active, -(c.onset or date.min).toordinal()),
    )
    groups: dict[str, list[tuple[Condition, Article | None]]] = {}
    for condition in rows:
        article = article_for_codes(condition_codes(condition))
        key = article.slug if article is not None else f"row:{condition.pk}"
        groups.setdefault(key, []).append((condition, article))
    views = []
    for members in groups.values():
        first, article = members[0]
        onsets = [c.onset for c, _ in members if c.onset]
        name, name_lang = condition_name(first, article, lang=lang)
        views.append(
            ConditionView(
                condition=first,
                name=name,
                article=article,
                chart_names=tuple(dict.fromkeys(_SUFFIX.sub("", c.display) for c, _ in members)),
                since=min(onsets) if onsets else None,
                name_lang=name_lang,
            )
        )
    return views


def record_view(patient: Patient, *, lang: str = "en") -> RecordView:
    """Everything the record page shows, in a fixed number of queries; condition names in
    `lang` where the library has them."""
    return RecordView(
        patient=patient,
        conditions=condition_views(patient, lang=lang),
        medications=sorted(
            Medication.objects.filter(patient=patient),
            key=lambda m: (m.status != "active", -(m.authored_on or date.min).toordinal()),
        ),
        allergies=list(Allergy.objects.filter(patient=patient)),
        immunizations=list(Immunization.objects.filter(patient=patient)[:30]),
        procedures=list(Procedure.objects.filter(patient=patient)[:30]),
        trends=trends(patient),
    )


def trends(patient: Patient, *, last: int = 12) -> list[Trend]:
    """Blood pressure, HbA1c, LDL and BMI where the record has readings (last `last` each)."""
    wanted = (*BP_PANELS, *TRENDS)
    observations = Observation.objects.filter(
        patient=patient, code__in=wanted, effective__isnull=False
    ).order_by("effective")
    by_code: dict[str, list[Observation]] = {}
    for obs in observations:
        by_code.setdefault("bp" if obs.code in BP_PANELS else obs.code, []).append(obs)
    result = []
    bp = by_code.get("bp", [])[-last:]
    if bp:
        systolic, diastolic, rows = [], [], []
        for obs in bp:
            parts = {c["code"]: c.get("value") for c in obs.components}
            day = obs.effective.date() if obs.effective else date.min
            if parts.get(SYSTOLIC) is not None and parts.get(DIASTOLIC) is not None:
                systolic.append((day, float(parts[SYSTOLIC])))
                diastolic.append((day, float(parts[DIASTOLIC])))
                rows.append((day, f"{parts[SYSTOLIC]:g}/{parts[DIASTOLIC]:g} mmHg"))
        if rows:
            svg = line_chart(
                [
                    Series(str(_("Top number")), systolic),
                    Series(str(_("Bottom number")), diastolic),
                ],
                title=str(_("Blood pressure")),
                unit="mmHg",
            )
            result.append(Trend(str(_("Blood pressure")), "mmHg", svg, rows[::-1]))
    for code, (title, unit) in TRENDS.items():
        readings = [o for o in by_code.get(code, []) if o.value is not None][-last:]
        if readings:
            points = [
                (o.effective.date(), float(o.value))
                for o in readings
                if o.effective and o.value is not None
            ]
            svg = line_chart([Series(str(title), points)], title=str(title), unit=unit)
            rows = [(d, f"{v:g} {unit}") for d, v in points][::-1]
            result.append(Trend(str(title), unit, svg, rows))
    return result
