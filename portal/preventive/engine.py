"""Preventive-care rules engine: a patient's facts in, one recommendation per rule out.

Plain Python, no Django and no I/O. The rules' data (ages, intervals, sources) are in
rules.py; each rule's own logic is one evaluator below, registered under the rule id.

How a status is decided (see docs/PREVENTIVE.md):

- not_applicable: the rule does not fit this person (age, sex at birth, missing risk
  factor, or a diagnosis that replaces screening with ongoing care). The reason says why.
- up_to_date: it was done and the next one is not due yet.
- due: never done, or it came due no more than GRACE_DAYS ago.
- overdue: it came due more than GRACE_DAYS ago.

Events dated after `today` are ignored (they may be appointments, or data errors).

Words: titles and reasons are written in English, and every piece of text goes through a
`Translator` (gettext and ngettext) before it is put together, so the portal gets them in
the patient's language (it passes Django's translation module; the Spanish is in
locale/es/LC_MESSAGES/django.po). Without one, the English text is returned as written.
Sentences are whole messages with named placeholders, so a translation can reorder them.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from gettext import NullTranslations
from types import MappingProxyType
from typing import Protocol

from portal.preventive.rules import RULES, Rule, Test, gettext_noop

GRACE_DAYS = 90
"""How long something stays "due" after its due date before it is "overdue".

90 days matches how the flu season works (a season that starts August 1 should be
covered by the end of October) and gives room to book a visit for the rest.
"""

SEASON_START = (8, 1)
"""Month and day when a flu or COVID-19 season starts for these rules."""

SEXES = frozenset({"female", "male", "unknown"})
SMOKING_STATUSES = frozenset({"never", "former", "current", "unknown"})

STATIN_NAMES = (
    "statin",
    "atorvastatin",
    "fluvastatin",
    "lovastatin",
    "pitavastatin",
    "pravastatin",
    "rosuvastatin",
    "simvastatin",
)

CONDITION_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "alcohol_use_disorder": gettext_noop("alcohol use disorder"),
        "asthma": gettext_noop("asthma"),
        "ckd": gettext_noop("kidney disease"),
        "copd": gettext_noop("COPD"),
        "coronary_disease": gettext_noop("heart disease"),
        "current_smoking": gettext_noop("smoking"),
        "diabetes": gettext_noop("diabetes"),
        "diabetes_complications": gettext_noop("diabetes that affects other organs"),
        "fall": gettext_noop("a fall"),
        "fracture": gettext_noop("a broken bone"),
        "heart_failure": gettext_noop("heart failure"),
        "hepatitis_c": gettext_noop("hepatitis C"),
        "hiv": gettext_noop("HIV"),
        "hyperlipidemia": gettext_noop("high cholesterol"),
        "hypertension": gettext_noop("high blood pressure"),
        "immunocompromised": gettext_noop("a weak immune system"),
        "liver_disease": gettext_noop("liver disease"),
        "low_body_weight": gettext_noop("low body weight"),
        "obesity": gettext_noop("obesity"),
        "osteoporosis": gettext_noop("osteoporosis"),
        "overweight": gettext_noop("overweight"),
        "severe_obesity": gettext_noop("severe obesity"),
    }
)

MONTHS: tuple[str, ...] = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)


class Translator(Protocol):
    """Puts the engine's English text into a language: Django's translation module (the
    active language), a gettext.GNUTranslations, or NullTranslations (English as written)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class Status(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    UP_TO_DATE = "up_to_date"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True, kw_only=True)
class PatientFacts:
    """What the engine knows about one patient. Build it with codes.facts_from_codes.

    `conditions` holds condition tags (see codes.py): current problems plus history
    that still matters (e.g. "hysterectomy", "fall", "fracture"). `events` maps an
    event key ("colonoscopy", "vax:flu", ...) to the dates it was done; order does not
    matter. `medications` holds current medication names or tags ("statin").
    Raises ValueError for an unknown sex_at_birth or smoking value.
    """

    birth_date: date
    sex_at_birth: str
    conditions: frozenset[str] = frozenset()
    smoking: str = "unknown"
    pack_years: float | None = None
    quit_year: int | None = None
    bmi: float | None = None
    medications: tuple[str, ...] = ()
    events: Mapping[str, tuple[date, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.sex_at_birth not in SEXES:
            raise ValueError(f"sex_at_birth must be one of {sorted(SEXES)}")
        if self.smoking not in SMOKING_STATUSES:
            raise ValueError(f"smoking must be one of {sorted(SMOKING_STATUSES)}")


@dataclass(frozen=True)
class Recommendation:
    """One rule's verdict for one patient, ready to show and to audit (by rule_id)."""

    rule_id: str
    title: str
    status: Status
    next_due: date | None
    last_done: date | None
    reason: str
    source_url: str
    source_date: date
    article_slug: str


# ----- dates -----


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def age_on(birth_date: date, day: date) -> int:
    """Age in whole years on `day`."""
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def season_start(today: date) -> date:
    """The August 1 that opened the current flu/COVID-19 season."""
    start = date(today.year, *SEASON_START)
    return start if today >= start else date(today.year - 1, *SEASON_START)


def status_for(due_date: date, today: date) -> Status:
    """up_to_date before `due_date`, due within GRACE_DAYS after it, overdue later."""
    if due_date > today:
        return Status.UP_TO_DATE
    if (today - due_date).days <= GRACE_DAYS:
        return Status.DUE
    return Status.OVERDUE


# ----- evaluation context -----


@dataclass(frozen=True)
class _Context:
    facts: PatientFacts
    today: date
    translator: Translator = field(default_factory=NullTranslations)

    # ----- words -----

    def gettext(self, message: str) -> str:
        return self.translator.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translator.ngettext(singular, plural, n)

    def when(self, day: date, *, year_only: bool = False) -> str:
        """ "in 2026" or "in March 2026", in the patient's language."""
        if year_only:
            return self.gettext("in %(year)d") % {"year": day.year}
        month = self.gettext(MONTHS[day.month - 1])
        return self.gettext("in %(month)s %(year)d") % {"month": month, "year": day.year}

    def day(self, day: date) -> str:
        """ "August 1, 2024", in the patient's language."""
        month = self.gettext(MONTHS[day.month - 1])
        return self.gettext("%(month)s %(day)d, %(year)d") % {
            "month": month,
            "day": day.day,
            "year": day.year,
        }

    def join(self, words: Iterable[str]) -> str:
        """ "a, b and c" in the patient's language."""
        items = list(words)
        if len(items) <= 1:
            return "".join(items)
        return self.gettext("%(items)s and %(last)s") % {
            "items": ", ".join(items[:-1]),
            "last": items[-1],
        }

    def named(self, tags: Iterable[str]) -> str:
        """Condition tags as plain words, joined: "high blood pressure and diabetes"."""
        return self.join(self.gettext(CONDITION_WORDS[tag]) for tag in tags)

    def label(self, test: Test) -> str:
        return self.gettext(test.label)

    # ----- facts -----

    @property
    def age(self) -> int:
        return age_on(self.facts.birth_date, self.today)

    def birthday(self, age: int) -> date:
        return add_months(self.facts.birth_date, 12 * age)

    def dates(self, *keys: str) -> tuple[date, ...]:
        """Sorted dates up to today for the exact event keys given."""
        found = {d for key in keys for d in self.facts.events.get(key, ()) if d <= self.today}
        return tuple(sorted(found))

    def dates_under(self, key: str) -> tuple[date, ...]:
        """Dates for `key` and its sub-keys ("vax:pneumococcal" and "vax:pneumococcal:pcv20")."""
        keys = [k for k in self.facts.events if k == key or k.startswith(key + ":")]
        return self.dates(*keys)

    def has(self, *tags: str) -> bool:
        return any(tag in self.facts.conditions for tag in tags)

    def present(self, *tags: str) -> list[str]:
        return [tag for tag in tags if tag in self.facts.conditions]

    @property
    def overweight(self) -> bool:
        bmi = self.facts.bmi
        return self.has("obesity", "overweight") or (bmi is not None and bmi >= 25)

    @property
    def smokes(self) -> bool:
        return self.facts.smoking == "current"

    @property
    def on_statin(self) -> bool:
        return any(name in med.lower() for med in self.facts.medications for name in STATIN_NAMES)


def _result(
    rule: Rule,
    status: Status,
    reason: str,
    *,
    next_due: date | None = None,
    last_done: date | None = None,
) -> Recommendation:
    return Recommendation(
        rule_id=rule.id,
        title=rule.title,
        status=status,
        next_due=next_due,
        last_done=last_done,
        reason=reason,
        source_url=rule.source_url,
        source_date=rule.source_date,
        article_slug=rule.article_slug,
    )


def _not_applicable(rule: Rule, reason: str, *, next_due: date | None = None) -> Recommendation:
    return _result(rule, Status.NOT_APPLICABLE, reason, next_due=next_due)


def _gate(rule: Rule, ctx: _Context, *, too_old: str | None = None) -> Recommendation | None:
    """not_applicable for the wrong sex at birth or age, else None.

    Too young: next_due is the birthday it starts on. Unknown sex at birth: we say we
    cannot tell rather than guess. `too_old` is an already worded reason.
    """
    if rule.sex is not None and ctx.facts.sex_at_birth != rule.sex:
        if ctx.facts.sex_at_birth == "unknown":
            return _not_applicable(
                rule,
                ctx.gettext(
                    "Your record does not show your sex at birth, so we cannot tell if this "
                    "applies to you. Ask your care team."
                ),
            )
        if rule.sex == "female":
            return _not_applicable(rule, ctx.gettext("This is for women, based on sex at birth."))
        return _not_applicable(rule, ctx.gettext("This is for men, based on sex at birth."))
    if ctx.age < rule.min_age:
        start = ctx.birthday(rule.min_age)
        return _not_applicable(
            rule,
            ctx.gettext("This starts at age %(age)d, so it is not due yet. You can start %(when)s.")
            % {"age": rule.min_age, "when": ctx.when(start)},
            next_due=start,
        )
    if rule.max_age is not None and ctx.age > rule.max_age:
        default = ctx.gettext(
            "This is for people up to age %(age)d, so it does not apply to you now."
        ) % {"age": rule.max_age}
        return _not_applicable(rule, too_old or default)
    return None


def _by_interval(
    rule: Rule,
    ctx: _Context,
    intro: str,
    *,
    tests: Iterable[Test] | None = None,
    never: str | None = None,
) -> Recommendation:
    """Status from the test whose next due date is latest (the one that covers longest).

    `intro` and `never` (what to say when nothing is recorded) are already worded.
    """
    best: tuple[date, date, Test] | None = None
    for test in tests if tests is not None else rule.tests:
        done = ctx.dates(test.event)
        if not done or test.months is None:
            continue
        due = add_months(done[-1], test.months)
        if best is None or due > best[0]:
            best = (due, done[-1], test)
    if best is None:
        never = never or ctx.gettext("Your record does not show one yet, so it is due now.")
        return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)
    due, last, test = best
    status = status_for(due, ctx.today)
    year_only = test.months is not None and test.months >= 60
    values = {
        "test": ctx.label(test),
        "last": ctx.when(last, year_only=year_only),
        "due": ctx.when(due, year_only=year_only),
    }
    if status is Status.UP_TO_DATE:
        said = ctx.gettext("Your last %(test)s was %(last)s, so the next one is due %(due)s.")
    elif status is Status.DUE:
        said = ctx.gettext("Your last %(test)s was %(last)s, so the next one is due now.")
    else:
        said = ctx.gettext("Your last %(test)s was %(last)s, so the next one was due %(due)s.")
    return _result(rule, status, f"{intro} {said % values}", next_due=due, last_done=last)


def _once(rule: Rule, ctx: _Context, intro: str) -> Recommendation:
    """Something needed once in a lifetime: up_to_date once any date is recorded."""
    test = rule.tests[0]
    done = ctx.dates(test.event)
    if done:
        said = ctx.gettext("Your record shows a %(test)s %(when)s, so you are up to date.") % {
            "test": ctx.label(test),
            "when": ctx.when(done[-1]),
        }
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=done[-1])
    never = ctx.gettext("Your record does not show one yet, so it is due now.")
    return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)


# The next dose of a series, by its number: due later, due now, late.
NEXT_DOSE: Mapping[int, tuple[str, str, str]] = MappingProxyType(
    {
        2: (
            gettext_noop("The second dose is due %(when)s."),
            gettext_noop("The second dose is due now."),
            gettext_noop("The second dose was due %(when)s. You do not need to start over."),
        ),
        3: (
            gettext_noop("The third dose is due %(when)s."),
            gettext_noop("The third dose is due now."),
            gettext_noop("The third dose was due %(when)s. You do not need to start over."),
        ),
    }
)


def _next_dose(
    rule: Rule, ctx: _Context, intro: str, *, done: tuple[date, ...], due: date, dose: int
) -> Recommendation:
    """A series that has started: `dose` is the number of the next dose (2 or 3)."""
    status = status_for(due, ctx.today)
    later, now, late = NEXT_DOSE[dose]
    if status is Status.UP_TO_DATE:
        tail = ctx.gettext(later) % {"when": ctx.when(due)}
    elif status is Status.DUE:
        tail = ctx.gettext(now)
    else:
        tail = ctx.gettext(late) % {"when": ctx.when(due)}
    started = ctx.ngettext(
        "Your record shows %(n)d dose, the last %(when)s.",
        "Your record shows %(n)d doses, the last %(when)s.",
        len(done),
    ) % {"n": len(done), "when": ctx.when(done[-1])}
    return _result(rule, status, f"{intro} {started} {tail}", next_due=due, last_done=done[-1])


# ----- one evaluator per rule -----
# Every sentence goes through ctx.gettext (or ctx.ngettext) as one whole message; numbers,
# dates and names are filled in afterwards with named placeholders.

Evaluator = Callable[[Rule, _Context], Recommendation]
_EVALUATORS: dict[str, Evaluator] = {}


def _evaluator(rule_id: str) -> Callable[[Evaluator], Evaluator]:
    def register(func: Evaluator) -> Evaluator:
        _EVALUATORS[rule_id] = func
        return func

    return register


@_evaluator("colorectal-cancer-screening")
def _colorectal(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("colorectal_cancer"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record shows colon cancer. Your care team plans your follow-up tests, "
                "so routine screening does not apply."
            ),
        )
    gated = _gate(
        rule,
        ctx,
        too_old=ctx.gettext(
            "Routine colon cancer screening is for adults 45 to 75. From 76 to 85, the choice "
            "is made one person at a time, so ask your care team."
        ),
    )
    if gated:
        return gated
    return _by_interval(
        rule,
        ctx,
        ctx.gettext("Adults 45 to 75 should be screened for colon cancer."),
        never=ctx.gettext(
            "Your record does not show a colon cancer screening test, so one is due now."
        ),
    )


@_evaluator("breast-cancer-screening")
def _breast(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(
        rule,
        ctx,
        too_old=ctx.gettext(
            "Mammograms every 2 years are advised up to age 74. After that, ask your "
            "care team whether to keep having them."
        ),
    )
    if gated:
        return gated
    return _by_interval(
        rule, ctx, ctx.gettext("Women 40 to 74 should have a mammogram every 2 years.")
    )


@_evaluator("cervical-cancer-screening")
def _cervical(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(
        rule,
        ctx,
        too_old=ctx.gettext(
            "Most women stop cervical cancer screening after 65 if past tests were "
            "normal. Ask your care team if you are not sure."
        ),
    )
    if gated:
        return gated
    if ctx.has("hysterectomy"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record shows surgery that removed the cervix, so this test is not needed."
            ),
        )
    if ctx.age < 30:
        pap_only = [t for t in rule.tests if t.event == "pap"]
        return _by_interval(
            rule,
            ctx,
            ctx.gettext("Women 21 to 29 should have a Pap test every 3 years."),
            tests=pap_only,
        )
    return _by_interval(
        rule,
        ctx,
        ctx.gettext(
            "Women 30 to 65 should have a Pap test every 3 years or an HPV test every 5 years."
        ),
    )


@_evaluator("lung-cancer-screening")
def _lung(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    facts = ctx.facts
    if facts.smoking == "never":
        return _not_applicable(
            rule,
            ctx.gettext(
                "This screening is for people with a long history of smoking. "
                "Your record says you have never smoked."
            ),
        )
    if facts.smoking == "unknown":
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record does not show whether you smoke or used to smoke. If you have "
                "smoked, ask your care team about lung cancer screening."
            ),
        )
    if facts.pack_years is None:
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record does not show how much you smoked. If you smoked a pack a day for "
                "20 years, or the same amount over a different time, ask your care team about "
                "this screening."
            ),
        )
    if facts.pack_years < 20:
        return _not_applicable(
            rule,
            ctx.gettext(
                "This screening is for people who smoked at least 20 pack-years. "
                "Your record shows %(pack_years)s."
            )
            % {"pack_years": f"{facts.pack_years:g}"},
        )
    if facts.smoking == "former":
        if facts.quit_year is None:
            return _not_applicable(
                rule,
                ctx.gettext(
                    "Your record does not show when you quit smoking. If it was in the last 15 "
                    "years, ask your care team about this screening."
                ),
            )
        if ctx.today.year - facts.quit_year > 15:
            return _not_applicable(
                rule,
                ctx.gettext(
                    "You quit smoking more than 15 years ago, so this screening is no longer "
                    "needed."
                ),
            )
    return _by_interval(
        rule,
        ctx,
        ctx.gettext(
            "Adults 50 to 80 with a long smoking history should have a low-dose CT scan "
            "of the lungs every year."
        ),
    )


@_evaluator("blood-pressure-screening")
def _blood_pressure(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("hypertension"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record shows high blood pressure, so your care team checks it as part of "
                "your care, not as a screening."
            ),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    test = rule.tests[0]
    if ctx.age >= 40:
        intro = ctx.gettext(
            "Adults 40 and older should have their blood pressure checked every year."
        )
    elif ctx.overweight:
        intro = ctx.gettext(
            "Adults with overweight should have their blood pressure checked every year."
        )
    else:
        intro = ctx.gettext(
            "Adults 18 to 39 should have their blood pressure checked every 3 to 5 years."
        )
        test = Test(test.event, 36, test.label)
    return _by_interval(rule, ctx, intro, tests=[test])


@_evaluator("diabetes-screening")
def _diabetes(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("diabetes"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record already shows diabetes, so your care team checks your blood sugar "
                "as part of your care."
            ),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    if not ctx.overweight:
        if ctx.facts.bmi is None:
            return _not_applicable(
                rule,
                ctx.gettext(
                    "This test is for adults with overweight. Your record has no recent body "
                    "mass index (BMI), so ask your care team if you should be tested."
                ),
            )
        return _not_applicable(
            rule,
            ctx.gettext(
                "This test is for adults with a body mass index (BMI) of 25 or more. "
                "Your latest BMI is %(bmi)s."
            )
            % {"bmi": f"{ctx.facts.bmi:.0f}"},
        )
    return _by_interval(
        rule,
        ctx,
        ctx.gettext(
            "Adults 35 to 70 with overweight should have a blood sugar test every 3 years."
        ),
    )


@_evaluator("statin-use")
def _statin(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.on_statin:
        return _not_applicable(rule, ctx.gettext("Your medicine list already includes a statin."))
    if ctx.has("coronary_disease", "stroke", "pad"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "This advice is for people who have not had heart disease or a stroke. Your "
                "record shows one of these, so your care team talks with you about medicines "
                "for it."
            ),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    risks = ctx.present("hyperlipidemia", "diabetes", "hypertension")
    if ctx.smokes:
        risks.append("current_smoking")
    if not risks:
        return _not_applicable(
            rule,
            ctx.gettext(
                "A statin is suggested for adults 40 to 75 with a heart risk factor, such as "
                "high cholesterol, diabetes, high blood pressure or smoking. Your record shows "
                "none of these."
            ),
        )
    return _result(
        rule,
        Status.DUE,
        ctx.gettext(
            "Your record shows %(risks)s. Adults 40 to 75 with a heart risk factor may lower "
            "their chance of a heart attack or stroke with a statin, a medicine for "
            "cholesterol. Talk with your care team about whether a statin is right for you."
        )
        % {"risks": ctx.named(risks)},
    )


@_evaluator("hepatitis-b-screening")
def _hepatitis_b_screening(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("hepatitis_b"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record already shows hepatitis B, so your care team follows it with you."
            ),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    return _once(
        rule, ctx, ctx.gettext("All adults should have a hepatitis B blood test at least once.")
    )


@_evaluator("hepatitis-c-screening")
def _hepatitis_c_screening(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("hepatitis_c"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record already shows hepatitis C, so your care team follows it with you."
            ),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    return _once(
        rule,
        ctx,
        ctx.gettext("Adults 18 to 79 should have a hepatitis C blood test at least once."),
    )


@_evaluator("hiv-screening")
def _hiv_screening(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("hiv"):
        return _not_applicable(
            rule,
            ctx.gettext("Your record already shows HIV, so your care team follows it with you."),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    return _once(rule, ctx, ctx.gettext("People 15 to 65 should have an HIV test at least once."))


@_evaluator("depression-screening")
def _depression(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("depression"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record shows depression, so your care team checks on your mood as part "
                "of your care."
            ),
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    return _by_interval(
        rule,
        ctx,
        ctx.gettext(
            "Adults should be checked for depression. We suggest a short set of questions "
            "once a year."
        ),
    )


@_evaluator("anxiety-screening")
def _anxiety(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("anxiety"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record shows an anxiety disorder, so your care team checks on it as part "
                "of your care."
            ),
        )
    gated = _gate(
        rule,
        ctx,
        too_old=ctx.gettext(
            "Anxiety screening is advised for adults under 65. For older adults there is "
            "not enough proof yet, so talk with your care team if you feel worried or on edge."
        ),
    )
    if gated:
        return gated
    return _by_interval(
        rule,
        ctx,
        ctx.gettext(
            "Adults under 65 should be checked for anxiety. We suggest a short set of "
            "questions once a year."
        ),
    )


@_evaluator("osteoporosis-screening")
def _osteoporosis(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.facts.sex_at_birth == "male":
        return _not_applicable(
            rule,
            ctx.gettext(
                "Bone density screening is advised for women. For men there is not enough "
                "proof to advise it, so ask your care team if you have had broken bones."
            ),
        )
    gated = _gate(rule, ctx) if ctx.facts.sex_at_birth == "unknown" else None
    if gated:
        return gated
    if ctx.has("osteoporosis"):
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record already shows osteoporosis, so your care team plans your bone tests."
            ),
        )
    from_65 = ctx.birthday(65)
    if ctx.age < 50:
        return _not_applicable(
            rule,
            ctx.gettext("For most women this test starts at age 65, %(when)s for you.")
            % {"when": ctx.when(from_65)},
            next_due=from_65,
        )
    if ctx.age < 65:
        risks = ctx.present("fracture", "alcohol_use_disorder")
        if ctx.smokes:
            risks.append("current_smoking")
        if ctx.facts.bmi is not None and ctx.facts.bmi < 20:
            risks.append("low_body_weight")
        if not risks:
            return _not_applicable(
                rule,
                ctx.gettext(
                    "Before 65, this test is for women at higher risk of broken bones, and your "
                    "record does not show a risk factor. It is advised for all women from 65, "
                    "%(when)s for you."
                )
                % {"when": ctx.when(from_65)},
                next_due=from_65,
            )
        intro = ctx.gettext(
            "Women 50 to 64 with a risk factor, like %(risks)s, should have a bone density test."
        ) % {"risks": ctx.named(risks)}
    else:
        intro = ctx.gettext(
            "Women 65 and older should have a bone density test to check for weak bones."
        )
    done = ctx.dates(rule.tests[0].event)
    if done:
        said = ctx.gettext(
            "Your last bone density test was %(when)s. Your care team will tell you if and "
            "when to repeat it."
        ) % {"when": ctx.when(done[-1])}
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=done[-1])
    never = ctx.gettext("Your record does not show one yet, so it is due now.")
    return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)


@_evaluator("aaa-screening")
def _aaa(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    if ctx.facts.smoking == "never":
        return _not_applicable(
            rule,
            ctx.gettext(
                "This test is for men who have ever smoked. Your record says you have never smoked."
            ),
        )
    if ctx.facts.smoking == "unknown":
        return _not_applicable(
            rule,
            ctx.gettext(
                "Your record does not show whether you ever smoked. If you have, ask your care "
                "team about this one-time test."
            ),
        )
    return _once(
        rule,
        ctx,
        ctx.gettext(
            "Men 65 to 75 who have ever smoked should have a one-time ultrasound of the aorta, "
            "the main blood vessel in the belly, to look for a bulge."
        ),
    )


@_evaluator("falls-prevention")
def _falls(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    risks = ctx.present("fall", "osteoporosis")
    if not risks:
        return _not_applicable(
            rule,
            ctx.gettext(
                "Exercise to prevent falls is advised for adults 65 and older who are more "
                "likely to fall. Your record does not show a fall. If you have fallen or feel "
                "unsteady, tell your care team."
            ),
        )
    return _result(
        rule,
        Status.DUE,
        ctx.gettext(
            "Your record shows %(risks)s. Adults 65 and older who are more likely to fall can "
            "lower that chance with exercise for balance, strength and walking. Ask your care "
            "team about an exercise program or physical therapy."
        )
        % {"risks": ctx.named(risks)},
    )


@_evaluator("tobacco-counseling")
def _tobacco(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    if not ctx.smokes:
        return _not_applicable(
            rule,
            ctx.gettext(
                "This is for people who smoke. Your record does not show that you smoke now."
            ),
        )
    return _by_interval(
        rule,
        ctx,
        ctx.gettext(
            "Quitting smoking is the best thing you can do for your health, and help from your "
            "care team, with support and medicine, makes it more likely to work."
        ),
        never=ctx.gettext("Your record does not show a talk about quitting, so one is due now."),
    )


def _seasonal(rule: Rule, ctx: _Context, intro: str) -> Recommendation:
    test = rule.tests[0]
    start = season_start(ctx.today)
    done = ctx.dates(test.event)
    if done and done[-1] >= start:
        following = date(start.year + 1, *SEASON_START)
        said = ctx.gettext(
            "You had your %(test)s %(when)s, so you are up to date for this season. The next "
            "season starts %(next)s."
        ) % {"test": ctx.label(test), "when": ctx.when(done[-1]), "next": ctx.when(following)}
        return _result(
            rule,
            Status.UP_TO_DATE,
            f"{intro} {said}",
            next_due=following,
            last_done=done[-1],
        )
    status = status_for(start, ctx.today)
    values = {"test": ctx.label(test), "day": ctx.day(start)}
    if status is Status.DUE:
        said = ctx.gettext("Your record does not show a %(test)s since %(day)s, so one is due now.")
    else:
        said = ctx.gettext(
            "Your record does not show a %(test)s since %(day)s, so you are behind for this "
            "season. It is not too late to get one."
        )
    return _result(
        rule,
        status,
        f"{intro} {said % values}",
        next_due=start,
        last_done=done[-1] if done else None,
    )


@_evaluator("flu-vaccine")
def _flu(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    return _seasonal(rule, ctx, ctx.gettext("Every adult should get a flu shot each flu season."))


@_evaluator("covid-vaccine")
def _covid(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    return _seasonal(rule, ctx, ctx.gettext("Adults should get this season's COVID-19 vaccine."))


@_evaluator("tdap-vaccine")
def _tdap(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    intro = ctx.gettext(
        "Every adult needs one Tdap shot, which also protects against whooping cough, and then "
        "a tetanus booster every 10 years."
    )
    if not ctx.dates("vax:tdap"):
        any_tetanus = ctx.dates("vax:td")
        parts = [intro]
        if any_tetanus:
            parts.append(
                ctx.gettext("Your last tetanus shot was %(when)s, but it was not Tdap.")
                % {"when": ctx.when(any_tetanus[-1])}
            )
        parts.append(ctx.gettext("Your record does not show a Tdap shot, so one is due now."))
        return _result(
            rule,
            Status.DUE,
            " ".join(parts),
            next_due=ctx.today,
            last_done=any_tetanus[-1] if any_tetanus else None,
        )
    # Once Tdap is on record, a Td or a Tdap both count as the 10-year booster.
    dates = ctx.dates("vax:tdap", "vax:td")
    due = add_months(dates[-1], 120)
    status = status_for(due, ctx.today)
    values = {"last": ctx.when(dates[-1], year_only=True), "due": ctx.when(due, year_only=True)}
    if status is Status.UP_TO_DATE:
        said = ctx.gettext("Your last tetanus shot was %(last)s, so the next one is due %(due)s.")
    elif status is Status.DUE:
        said = ctx.gettext("Your last tetanus shot was %(last)s, so the next one is due now.")
    else:
        said = ctx.gettext("Your last tetanus shot was %(last)s, so the next one was due %(due)s.")
    return _result(
        rule,
        status,
        f"{intro} {said % values}",
        next_due=due,
        last_done=dates[-1],
    )


@_evaluator("shingles-vaccine")
def _shingles(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    intro = ctx.gettext(
        "Adults 50 and older should get 2 doses of the shingles vaccine (Shingrix), "
        "2 to 6 months apart."
    )
    doses = ctx.dates("vax:zoster")
    if len(doses) >= 2:
        said = ctx.gettext(
            "Your record shows both doses, the last %(when)s. No more doses are needed."
        ) % {"when": ctx.when(doses[-1])}
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=doses[-1])
    if len(doses) == 1:
        second = add_months(doses[0], 2)
        latest = add_months(doses[0], 6)
        # The series has its own window: the second dose is late after 6 months.
        if ctx.today < second:
            status = Status.UP_TO_DATE
            tail = ctx.gettext("The second dose is due %(when)s.") % {"when": ctx.when(second)}
        elif ctx.today <= latest:
            status = Status.DUE
            tail = ctx.gettext("The second dose is due now.")
        else:
            status = Status.OVERDUE
            tail = ctx.gettext("The second dose is late, but you do not need to start over.")
        first = ctx.gettext("You had the first dose %(when)s.") % {"when": ctx.when(doses[0])}
        return _result(
            rule,
            status,
            f"{intro} {first} {tail}",
            next_due=second,
            last_done=doses[0],
        )
    parts = [intro]
    if ctx.dates("vax:zoster:live"):
        parts.append(
            ctx.gettext(
                "Your record shows the older live shingles vaccine. You still need the newer one."
            )
        )
    parts.append(ctx.gettext("Your record does not show a dose yet, so the first one is due now."))
    return _result(rule, Status.DUE, " ".join(parts), next_due=ctx.today)


PNEUMOCOCCAL_RISKS = (
    "diabetes",
    "heart_failure",
    "coronary_disease",
    "copd",
    "asthma",
    "ckd",
    "liver_disease",
    "alcohol_use_disorder",
    "hiv",
    "immunocompromised",
)


@_evaluator("pneumococcal-vaccine")
def _pneumococcal(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    if ctx.age >= 50:
        intro = ctx.gettext("Adults 50 and older should get a pneumonia (pneumococcal) vaccine.")
    else:
        risks = ctx.present(*PNEUMOCOCCAL_RISKS)
        if ctx.smokes:
            risks.append("current_smoking")
        if not risks:
            from_50 = ctx.birthday(50)
            return _not_applicable(
                rule,
                ctx.gettext(
                    "Before 50, this vaccine is for people with certain health problems, like "
                    "diabetes or lung disease, and your record does not show one. It is advised "
                    "for everyone from 50, %(when)s for you."
                )
                % {"when": ctx.when(from_50)},
                next_due=from_50,
            )
        intro = ctx.gettext(
            "Adults with %(risks)s should get a pneumonia (pneumococcal) vaccine."
        ) % {"risks": ctx.named(risks[:2])}

    def doses(kind: str) -> tuple[date, ...]:
        return ctx.dates(f"vax:pneumococcal:{kind}")

    complete = doses("pcv20") + doses("pcv21")
    if complete:
        said = ctx.gettext(
            "Your record shows a PCV20 or PCV21 shot %(when)s, so you are up to date."
        ) % {"when": ctx.when(max(complete))}
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=max(complete))
    pcv15, ppsv23, pcv13 = doses("pcv15"), doses("ppsv23"), doses("pcv13")
    if pcv15 and ppsv23 and ppsv23[-1] > pcv15[0]:
        said = ctx.gettext(
            "Your record shows PCV15 followed by PPSV23, the last %(when)s, so you are up to date."
        ) % {"when": ctx.when(ppsv23[-1])}
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=ppsv23[-1])
    if pcv15:
        due = add_months(pcv15[-1], 12)
        lead = ctx.gettext("You had PCV15 %(when)s. A PPSV23 shot finishes the series") % {
            "when": ctx.when(pcv15[-1])
        }
        return _by_date(rule, ctx, intro, lead, due=due, last=pcv15[-1])
    if pcv13 and ppsv23 and min(pcv13[-1], ppsv23[-1]) >= ctx.birthday(65):
        said = ctx.gettext(
            "Your record shows the older 2-shot series, finished at age 65 or older. "
            "You may talk with your care team about one more dose of PCV20 or PCV21."
        )
        return _result(
            rule,
            Status.UP_TO_DATE,
            f"{intro} {said}",
            last_done=max(pcv13[-1], ppsv23[-1]),
        )
    earlier = ctx.dates_under("vax:pneumococcal")
    if earlier:
        gap = 60 if pcv13 and ppsv23 else 12
        due = add_months(earlier[-1], gap)
        lead = ctx.gettext(
            "Your record shows an older type of pneumonia shot %(when)s. "
            "One dose of PCV20 or PCV21 is now advised"
        ) % {"when": ctx.when(earlier[-1])}
        return _by_date(rule, ctx, intro, lead, due=due, last=earlier[-1])
    never = ctx.gettext("Your record does not show one yet, so it is due now.")
    return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)


def _by_date(
    rule: Rule, ctx: _Context, intro: str, lead: str, *, due: date, last: date
) -> Recommendation:
    """`lead` is a worded sentence without its end; the due date finishes it."""
    status = status_for(due, ctx.today)
    if status is Status.UP_TO_DATE:
        said = ctx.gettext("%(lead)s, and it is due %(when)s.")
    elif status is Status.DUE:
        said = ctx.gettext("%(lead)s, and it is due now.")
    else:
        said = ctx.gettext("%(lead)s, and it was due %(when)s.")
    finished = said % {"lead": lead, "when": ctx.when(due)}
    return _result(rule, status, f"{intro} {finished}", next_due=due, last_done=last)


@_evaluator("hpv-vaccine")
def _hpv(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.age < rule.min_age:
        return _not_applicable(
            rule, ctx.gettext("Children and teens get the HPV vaccine on the childhood schedule.")
        )
    gated = _gate(
        rule,
        ctx,
        too_old=ctx.gettext(
            "The HPV vaccine is advised through age 26. From 27 to 45, some adults still "
            "choose it with their care team."
        ),
    )
    if gated:
        return gated
    if ctx.has("pregnancy"):
        return _not_applicable(rule, ctx.gettext("The HPV vaccine waits until after pregnancy."))
    doses = ctx.dates("vax:hpv")
    intro = ctx.gettext(
        "The HPV vaccine protects against several cancers. It is advised through age 26."
    )
    if not doses:
        never = ctx.gettext("Your record does not show a dose yet, so the first one is due now.")
        return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)
    started_young = age_on(ctx.facts.birth_date, doses[0]) < 15
    two_dose_done = (
        started_young and len(doses) >= 2 and (doses[1] - doses[0]).days >= 150
    )  # about 5 months, the shortest gap for the 2-dose series
    if len(doses) >= 3 or two_dose_done:
        said = ctx.gettext("Your record shows the full series, the last dose %(when)s.") % {
            "when": ctx.when(doses[-1])
        }
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=doses[-1])
    if len(doses) == 1:
        due, dose = add_months(doses[0], 6 if started_young else 1), 2
    else:
        due, dose = max(add_months(doses[0], 6), add_months(doses[1], 3)), 3
    return _next_dose(rule, ctx, intro, done=doses, due=due, dose=dose)


HEPATITIS_B_VACCINE_RISKS = ("diabetes", "hepatitis_c", "hiv", "ckd", "liver_disease")


@_evaluator("hepatitis-b-vaccine")
def _hepatitis_b_vaccine(rule: Rule, ctx: _Context) -> Recommendation:
    if ctx.has("hepatitis_b"):
        return _not_applicable(
            rule, ctx.gettext("Your record shows hepatitis B, so the vaccine is not needed.")
        )
    gated = _gate(rule, ctx)
    if gated:
        return gated
    if ctx.age < 60:
        intro = ctx.gettext("Adults under 60 should be vaccinated against hepatitis B.")
    else:
        risks = ctx.present(*HEPATITIS_B_VACCINE_RISKS)
        if not risks:
            return _not_applicable(
                rule,
                ctx.gettext(
                    "From age 60, the hepatitis B vaccine is advised for people with a risk "
                    "factor, like diabetes, and your record does not show one. You may still "
                    "get it if you want."
                ),
            )
        intro = ctx.gettext(
            "Adults 60 and older with %(risks)s should be vaccinated against hepatitis B."
        ) % {"risks": ctx.named(risks[:2])}
    doses = ctx.dates_under("vax:hepb")
    two_dose_kind = ctx.dates("vax:hepb:cpg")
    if len(doses) >= 3 or len(two_dose_kind) >= 2:
        said = ctx.gettext("Your record shows the full series, the last dose %(when)s.") % {
            "when": ctx.when(doses[-1])
        }
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=doses[-1])
    if not doses:
        never = ctx.gettext("Your record does not show a dose yet, so the first one is due now.")
        return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)
    if len(doses) == 1:
        due, dose = add_months(doses[0], 1), 2
    else:
        due, dose = max(add_months(doses[0], 6), add_months(doses[1], 2)), 3
    return _next_dose(rule, ctx, intro, done=doses, due=due, dose=dose)


RSV_RISKS = (
    "heart_failure",
    "coronary_disease",
    "copd",
    "asthma",
    "ckd",
    "liver_disease",
    "immunocompromised",
    "diabetes_complications",
    "severe_obesity",
)


@_evaluator("rsv-vaccine")
def _rsv(rule: Rule, ctx: _Context) -> Recommendation:
    gated = _gate(rule, ctx)
    if gated:
        return gated
    if ctx.age >= 75:
        intro = ctx.gettext("Adults 75 and older should get one dose of RSV vaccine.")
    else:
        risks = ctx.present(*RSV_RISKS)
        if ctx.facts.bmi is not None and ctx.facts.bmi >= 40 and "severe_obesity" not in risks:
            risks.append("severe_obesity")
        if not risks:
            from_75 = ctx.birthday(75)
            return _not_applicable(
                rule,
                ctx.gettext(
                    "Before 75, the RSV vaccine is for people at higher risk, like those with "
                    "heart or lung disease, and your record does not show one. It is advised "
                    "for everyone from 75, %(when)s for you."
                )
                % {"when": ctx.when(from_75)},
                next_due=from_75,
            )
        intro = ctx.gettext(
            "Adults 50 to 74 with %(risks)s should get one dose of RSV vaccine."
        ) % {"risks": ctx.named(risks[:2])}
    done = ctx.dates_under("vax:rsv")
    if done:
        said = ctx.gettext(
            "Your record shows it %(when)s. Only one dose is needed in a lifetime."
        ) % {"when": ctx.when(done[-1])}
        return _result(rule, Status.UP_TO_DATE, f"{intro} {said}", last_done=done[-1])
    never = ctx.gettext("Your record does not show one yet, so it is due now.")
    return _result(rule, Status.DUE, f"{intro} {never}", next_due=ctx.today)


def evaluator_ids() -> frozenset[str]:
    """Rule ids that have an evaluator (tests check this equals the ids in RULES)."""
    return frozenset(_EVALUATORS)


def evaluate(
    facts: PatientFacts, *, today: date, translator: Translator | None = None
) -> list[Recommendation]:
    """One Recommendation per rule in RULES, in table order, worded by `translator`
    (English as written when there is none).

    Pure: the same facts, day and language give the same answer. Raises ValueError if the
    patient is born after `today`.
    """
    if facts.birth_date > today:
        raise ValueError("birth_date is after today")
    ctx = _Context(facts=facts, today=today, translator=translator or NullTranslations())
    return [
        dataclasses.replace(rec, title=ctx.gettext(rec.title))
        for rec in (_EVALUATORS[rule.id](rule, ctx) for rule in RULES)
    ]
