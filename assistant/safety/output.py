"""Output guard: ``check_sentence`` decides, per generated sentence, whether it may be shown.

A sentence fails (and the pipeline drops and records it) when any rule of ``OUTPUT_RULES``
applies:

- ``out.dose_number``: a dose amount ("500 mg", "two tablets", "10 units") that is not
  written in the patient's own medication list. Lab units ("mg/dL"), dietary amounts
  ("2,300 mg of sodium", "15 grams of carbohydrate") and percentages are not doses.
- ``out.dosing_instruction``: an instruction to take a medicine on a schedule ("take it
  twice a day", "every 6 hours") whose schedule is not in the medication list.
- ``out.new_diagnosis``: the sentence tells the patient they have (or probably have) a
  condition their record does not hold ("you have diabetes" without diabetes on record).
- ``out.treatment_change``: advice to stop, skip, start or change a medicine or dose,
  unless it is the safe form ("do not stop ... without talking to your care team").
- ``out.cure_promise``: promises of a cure or guaranteed result.
- ``out.unsupported``: the support score (``support.lexical_support`` by default, or any
  ``SupportScorer``) is below the threshold.

Sentences that only direct the patient to their care team or emergency services are always
supported. Everything works on folded text (``normalize.fold``), so case, accents and
look-alike characters do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from assistant.safety.literals import literal_prefixes
from assistant.safety.normalize import fold
from assistant.safety.support import SupportScorer, content_words, lexical_support

SUPPORT_THRESHOLD = 0.5


@dataclass(frozen=True)
class RecordFacts:
    """What the patient's record says, as the output guard needs it.

    ``conditions``: display names of recorded conditions, plus any aliases.
    ``medications``: medication text as recorded, including dosage and schedule.
    """

    conditions: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()

    @cached_property
    def terms(self) -> tuple[str, ...]:
        """Conditions and medications: the record's words a sentence may rest on."""
        return self.conditions + self.medications


class SentenceCheck(NamedTuple):
    """Result for one sentence: ``ok`` is False when any rule in ``rules`` failed."""

    ok: bool
    rules: tuple[str, ...]
    support: float


@dataclass(frozen=True)
class OutputRule:
    """One output rule: its id, what it catches (for staff), and its pattern."""

    id: str
    reason: str
    pattern: str


_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|half|a half|one half|one and a half"
    r"|a quarter|double"
)
_DOSE_UNITS = (
    r"mg|mgs|milligrams?|mcg|micrograms?|ug|g|grams?|gm|ml|milliliters?|millilitres?|cc|units?"
    r"|iu|tablets?|tabs?|pills?|capsules?|caps|puffs?|drops?|sprays?|teaspoons?|tsp"
    r"|tablespoons?|tbsp|patch(?:es)?|injections?|shots?|doses?|lozenges?|suppositor(?:y|ies)"
)
# Amounts that are food, lab values or exercise, not medicine doses.
_NOT_DOSE_AFTER = (
    r" ?(?:/ ?(?:dl|l|ml|kg|day of (?:sodium|salt))|per (?:deciliter|liter))"
    r"| (?:of )?(?:sodium|salt|sugar|added sugar|carbs?|carbohydrates?|fiber|fibre|protein|fat"
    r"|saturated fat|caffeine|cholesterol|potassium|water|fluids?|alcohol|calories|juice"
    r"|glucose tablets?|fast[- ]acting)"
)
_DOSE = re.compile(
    rf"(?<![\w.])(?P<amount>\d+(?:[.,]\d+)?(?: ?- ?\d+(?:[.,]\d+)?)?|{_NUMBER_WORDS})"
    rf" ?(?P<unit>{_DOSE_UNITS})\b(?!{_NOT_DOSE_AFTER})"
)
_SCHEDULE = re.compile(
    r"\b(?:(?:once|twice|one time|two times|three times|four times|\d+ times|\d+x)"
    r" (?:a|per|each) (?:day|daily|week|night)|(?:once|twice|three times) daily|daily"
    r"|every (?:\d+(?: ?- ?\d+)?|one|two|three|four|six|eight|twelve|other) (?:hours?|days?"
    r"|weeks?)|every (?:morning|evening|night)|at bedtime|before (?:bed|meals|breakfast)"
    r"|with (?:meals|breakfast|dinner|food)|(?:in the|each) (?:morning|evening)"
    r"|bid|tid|qid|qd|qhs|prn|as needed)\b"
)
_ADMIN_VERB = re.compile(
    r"\b(?:take|taking|takes|inject|injecting|use|using|apply|applying|give|giving|swallow"
    r"|inhale|dose|chew|insert|spray)\b"
)
_SCHEDULE_CANON = (
    (
        re.compile(
            r"\b(?:twice|two times|2 times|2x) (?:a|per|each) day\b|\btwice daily\b|\bbid\b"
        ),
        "2/day",
    ),
    (
        re.compile(
            r"\b(?:once|one time|1 time|1x) (?:a|per|each) day\b|\bonce daily\b|\bdaily\b"
            r"|\bqd\b|\bevery day\b"
        ),
        "1/day",
    ),
    (
        re.compile(
            r"\b(?:three times|3 times|3x) (?:a|per|each) day\b|\bthree times daily\b"
            r"|\btid\b"
        ),
        "3/day",
    ),
    (re.compile(r"\b(?:four times|4 times|4x) (?:a|per|each) day\b|\bqid\b"), "4/day"),
    (re.compile(r"\bat bedtime\b|\bqhs\b|\bbefore bed\b|\bat night\b|\bevery night\b"), "bedtime"),
    (re.compile(r"\bas needed\b|\bprn\b"), "prn"),
)

_CONDITIONS = (
    r"type [12] diabetes|diabetes|prediabetes|prediabetic|diabetic|high blood pressure|hypertension"
    r"|hypertensive|high cholesterol|hyperlipidemia|dyslipidemia|heart disease|coronary artery"
    r" disease|heart failure|atrial fibrillation|afib|arrhythmia|(?:chronic )?kidney disease"
    r"|ckd|kidney failure|copd|emphysema|asthma|asthmatic|pneumonia|bronchitis|(?:a |an )?"
    r"(?:urinary tract |sinus |ear |bacterial |viral |yeast )?infection|uti|strep throat|the flu"
    r"|influenza|covid(?:-19)?|cancer|a tumou?r|leukemia|lymphoma|melanoma|depression"
    r"|depressed|anxiety disorder|an anxiety disorder|bipolar disorder|adhd|dementia"
    r"|alzheimer'?s(?: disease)?|parkinson'?s(?: disease)?|multiple sclerosis|epilepsy"
    r"|a seizure disorder|migraines?|a stroke|a heart attack|hypothyroidism|hyperthyroidism"
    r"|thyroid disease|an underactive thyroid|an overactive thyroid|anemia|anemic|osteoporosis"
    r"|osteoarthritis|rheumatoid arthritis|arthritis|gout|lupus|celiac disease|crohn'?s disease"
    r"|ulcerative colitis|ibs|irritable bowel syndrome|gerd|acid reflux|an ulcer|a stomach ulcer"
    r"|gallstones|kidney stones|appendicitis|hepatitis(?: [abc])?|cirrhosis|fatty liver"
    r"(?: disease)?|hiv|an std|an sti|herpes|shingles|sleep apnea|obesity|obese"
    r"|glaucoma|cataracts?|macular degeneration|neuropathy|a blood clot|dvt|deep vein"
    r" thrombosis|pulmonary embolism|sepsis|a concussion|a fracture|a broken \w+"
    r"|pcos|endometriosis|preeclampsia|gestational diabetes|an eating disorder|psoriasis"
    r"|eczema|fibromyalgia|chronic fatigue syndrome|long covid|tuberculosis|lyme disease"
)
_MODIFIERS = (
    r"(?:(?:mild|moderate|severe|early|advanced|chronic|acute|stage (?:\d|[ivx]+)|type [12]"
    r"|some|signs of|symptoms of|a form of|a case of|a touch of|borderline|uncontrolled"
    r"|poorly controlled|mild to moderate) )*"
)
_CLAIM = re.compile(
    r"\b(?:you(?:'ve| have)? (?:got|developed)|you have|you(?:'re| are) (?:suffering from"
    r"|showing signs of|developing|dealing with)|you (?:probably|likely|may|might|could|must)"
    r" (?:have|be)|you(?:'re| are) (?:probably |likely |clearly )?"
    r"|(?:this|that|it|these|those|your symptoms?|what you describe|your results?)"
    r" (?:is|are|sounds? like|could be|might be|may be|suggests?|indicates?|points? to"
    r"|means? you have|is consistent with|looks? like|is probably|is likely)"
    r"|your diagnosis of|you(?:'ve| have)? been diagnosed with|you were diagnosed with)"
    rf" {_MODIFIERS}(?:a |an )?(?P<condition>{_CONDITIONS})\b"
)
_NOT_A_CLAIM_BEFORE = re.compile(
    r"\b(?:if|whether|when|unless|do|does|did|people who|anyone who|those who|someone who"
    r"|adults who|patients who|even if|in case|risk that|chance that|not|never)\s+(?:\w+\s+){0,2}$"
)
_NOT_A_CLAIM_AFTER = re.compile(r"^\s*(?:\?|or not|risk|screening|test|vaccine)")

_CONDITION_ALIASES: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split("|"))
    for group in (
        "hypertension|high blood pressure|hypertensive|htn|elevated blood pressure",
        "diabetes|diabetic|diabetes mellitus|type 2 diabetes|type 1 diabetes|t2dm|t1dm|dm",
        "hyperlipidemia|high cholesterol|dyslipidemia|hypercholesterolemia|high ldl",
        "kidney disease|chronic kidney disease|ckd|renal disease|kidney failure",
        "heart disease|coronary artery disease|cad|coronary heart disease|ischemic heart disease",
        "heart failure|chf|congestive heart failure",
        "atrial fibrillation|afib|a fib|arrhythmia",
        "copd|chronic obstructive pulmonary disease|emphysema|chronic bronchitis",
        "hypothyroidism|underactive thyroid|an underactive thyroid|thyroid disease",
        "hyperthyroidism|overactive thyroid|an overactive thyroid|thyroid disease",
        "gerd|acid reflux|reflux|gastroesophageal reflux disease",
        "depression|depressed|major depressive disorder|mdd",
        "anemia|anemic|iron deficiency",
        "obesity|obese|overweight",
        "asthma|asthmatic",
        "osteoarthritis|arthritis|degenerative joint disease",
    )
)

OUTPUT_RULES: tuple[OutputRule, ...] = (
    OutputRule(
        "out.dose_number", "dose amount not in the patient's medication list", _DOSE.pattern
    ),
    OutputRule(
        "out.dosing_instruction", "medication schedule not in the patient's list", _SCHEDULE.pattern
    ),
    OutputRule("out.new_diagnosis", "claims a diagnosis the record does not hold", _CLAIM.pattern),
    OutputRule(
        "out.treatment_change",
        "advises stopping, starting or changing a treatment",
        r"\b(?:stop|stopping|discontinue|quit|skip|skipping|halve|double|doubling|increase"
        r"|increasing|decrease|decreasing|reduce|reducing|lower|lowering|cut back on|cut down on"
        r"|cut|switch|switching|change|changing|adjust|adjusting|taper|tapering|come off|coming"
        r" off|wean off|go off|start|starting|begin|try) (?:taking |using |on )?(?:your |the"
        r" |this |that |these |those |any |all |some |one of your )?(?:\w+ ){0,3}(?:dose|dosage"
        r"|doses|medications?|medicines?|meds|pills?|tablets?|insulin|prescriptions?|inhalers?"
        r"|statins?|antibiotics?|treatments?|therapy|blood thinners?|\w+(?:in|ol|il|an|ide"
        r"|ine|one|pam|lam|tan|pril|sartan|statin|formin|mab|nib|zole|cillin|mycin|cycline))\b"
        r"|\byou (?:don'?t|do not|no longer|won'?t) need (?:to take )?(?:your |the |any )?"
        r"(?:\w+ )?(?:medications?|medicines?|meds|pills|insulin|inhaler|treatment"
        r"|prescriptions?)\b|\b(?:take|use) (?:an )?(?:extra|double|more|less|fewer|half)"
        r" (?:a |of )?(?:your |the )?(?:\w+ )?(?:dose|pills?|tablets?|insulin|units|puffs)\b",
    ),
    OutputRule(
        "out.cure_promise",
        "promises a cure or a guaranteed result",
        r"\b(?:will|can|is going to|are going to|guaranteed to|definitely|certainly|always)"
        r" (?:\w+ )?(?:cure|reverse|eliminate|get rid of|heal|fix|undo) (?:your |the |this |it"
        r"|that|these)|\bcures? (?:your |the |this )?\w+|\bguarantee[ds]?\b|\b100 ?%"
        r" (?:effective|cure|safe|guaranteed)|\bpermanently (?:cure|reverse|fix|heal|eliminate)"
        r"|\bnever (?:have to worry|come back|return)|\bmiracle\b|\bcompletely (?:cure[ds]?"
        r"|reverse[ds]?|eliminate[ds]?|gone for good)|\bfor good\b",
    ),
)
_RULES_BY_ID = {rule.id: re.compile(rule.pattern) for rule in OUTPUT_RULES}
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|cannot|can'?t|isn'?t|won'?t|don'?t|do not|doesn'?t|does not|nothing"
    r"|without|there is no|there's no)\s+(?:\w+\s+){0,3}$"
)
_SAFE_CHANGE = re.compile(
    r"\b(?:don'?t|do not|never|should not|shouldn'?t|before (?:you )?(?:stop|chang|start|skip"
    r"|adjust)\w*|without (?:first )?(?:talking|checking|asking|speaking)|(?:your|a|the)"
    r" (?:doctor|care team|clinician|prescriber|pharmacist|nurse|provider)s? (?:may|might|can"
    r"|will|could|would)|talk (?:to|with) your|ask your|check with your|only (?:if|when) your"
    r" (?:doctor|care team))\b"
)
_SAFE_SENTENCE = re.compile(
    r"\b(?:call 911|call your local emergency number|988|contact(?:ing)? your care team"
    r"|talk(?:ing)? (?:to|with) your (?:care team|doctor|clinician|nurse|pharmacist)"
    r"|ask(?:ing)? your (?:care team|doctor"
    r"|clinician|nurse|pharmacist)|send (?:a message|this|your question) to your care team"
    r"|your care team can help|i can'?t (?:give|answer|help with)|i'?m not able to"
    r"|this is general information"
    # The same offers in Spanish (folded: no accents).
    r"|(?:enviar|envie|mandar|mande) (?:su pregunta|esto|un mensaje) a su equipo de atencion"
    r"|su equipo de atencion (?:le )?puede ayudar|llame al 911)\b"
)
_ALNUM = re.compile(r"[a-z0-9]+")


class _Gates:
    """Which checks' patterns can match a sentence, told cheaply from its words.

    Built from the literal prefixes one of which starts every match of each pattern
    (``literals``). A pattern can match only if the sentence has a word equal to a
    prefix's first word and holds the prefix (up to its second word), or, for a prefix
    that ends inside its first word, a word that starts with it. Every pattern here starts
    at a word boundary, so a match starts where a word does. Most sentences of an answer
    open no gate and are checked without running the patterns; an open gate only means
    the pattern decides. Text outside ASCII opens every gate: the patterns' classes
    (``\\d``, ``\\w``) reach characters the gates do not know.
    """

    def __init__(self, patterns: dict[str, re.Pattern[str]]) -> None:
        self.names = frozenset(patterns)
        self.always: set[str] = set()
        spans: dict[str, dict[str, set[str]]] = {}
        starts: dict[str, set[str]] = {}
        for name, pattern in patterns.items():
            # A generous cap: long prefixes keep "take home" from opening "take double".
            prefixes = literal_prefixes(pattern.pattern, cap=20000)
            for prefix in prefixes or ():
                word = _ALNUM.match(prefix)
                if word is None:
                    self.always.add(name)
                elif word.end() == len(prefix):
                    starts.setdefault(prefix, set()).add(name)
                else:  # up to two words are enough to tell, and fewer to test
                    two = " ".join(prefix.split(" ")[:2])
                    spans.setdefault(word.group(), {}).setdefault(name, set()).add(two)
            if prefixes is None:
                self.always.add(name)
        # Per first word, each gate with one search for all of its prefixes: a match of the
        # alternation is an occurrence of one of them, which is what the gate asks. Words
        # are looked up as bytes: an ASCII sentence splits into them fastest.
        self.spans = {
            word.encode(): tuple(
                (name, re.compile("|".join(map(re.escape, sorted(p)))).search)
                for name, p in sorted(by_name.items())
            )
            for word, by_name in spans.items()
        }
        self.starts = {literal.encode(): names for literal, names in starts.items()}
        self.lengths = sorted({len(literal) for literal in starts})
        # One lookup per distinct word, cached: answers reuse a small vocabulary.
        self.word = lru_cache(maxsize=65536)(self._word)

    def _word(self, word: bytes) -> frozenset[str]:
        """The gates ``word`` opens by itself: those of every literal it starts with."""
        return frozenset(name for n in self.lengths for name in self.starts.get(word[:n], ()))

    def open(self, text: str) -> frozenset[str] | set[str]:
        """The names of the patterns that may match ``text`` (folded, space-normalised)."""
        if not text.isascii():
            return self.names
        words = set(text.encode().translate(_NOT_ALNUM).split())
        opened = self.always.union(*map(self.word, words))
        spans = self.spans
        for word in spans.keys() & words:
            for name, search in spans[word]:
                if name not in opened and search(text) is not None:
                    opened.add(name)
        return opened


# Every byte that is not an ASCII letter or digit becomes a space.
_NOT_ALNUM = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


_MED_TEXT_DOSE = re.compile(rf"(?P<amount>\d+(?:[.,]\d+)?) ?(?P<unit>{_DOSE_UNITS})\b")
_UNIT_CANON = {
    "mgs": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "micrograms": "mcg",
    "microgram": "mcg",
    "ug": "mcg",
    "grams": "g",
    "gram": "g",
    "gm": "g",
    "milliliter": "ml",
    "milliliters": "ml",
    "millilitre": "ml",
    "millilitres": "ml",
    "cc": "ml",
    "unit": "units",
    "iu": "units",
    "tablet": "tablets",
    "tab": "tablets",
    "tabs": "tablets",
    "pill": "tablets",
    "pills": "tablets",
    "capsule": "capsules",
    "caps": "capsules",
    "puff": "puffs",
    "drop": "drops",
    "spray": "sprays",
}
_NUMBER_VALUE = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "half": "0.5",
    "a half": "0.5",
    "one half": "0.5",
    "one and a half": "1.5",
    "a quarter": "0.25",
    "double": "2",
}


def _dose_key(amount: str, unit: str) -> tuple[str, str]:
    amount = _NUMBER_VALUE.get(amount, amount).replace(",", "").replace(" ", "")
    return amount, _UNIT_CANON.get(unit, unit)


@lru_cache(maxsize=256)
def _record_doses(record: RecordFacts) -> frozenset[tuple[str, str]]:
    return frozenset(
        {
            _dose_key(m.group("amount"), m.group("unit"))
            for med in record.medications
            for m in _MED_TEXT_DOSE.finditer(fold(med))
        }
    )


def _schedules(text: str) -> set[str]:
    found = {label for pattern, label in _SCHEDULE_CANON if pattern.search(text)}
    found |= {m.group() for m in re.finditer(r"every \d+(?: ?- ?\d+)? hours?", text)}
    return found


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", fold(text)))


def condition_on_record(condition: str, record: RecordFacts) -> bool:
    """True if ``condition`` (as claimed) matches a recorded condition or one of its aliases.

    Matching is by whole words: "diabetes" matches "Type 2 diabetes mellitus" but not
    "Prediabetes".
    """
    claimed = fold(condition).strip()
    claimed = re.sub(r"^(?:a|an|the) ", "", claimed)
    names = {claimed}
    for group in _CONDITION_ALIASES:
        if claimed in group:
            names |= group
    recorded = [_words(c) for c in record.conditions]
    for name in names:
        words = _words(name)
        if words and any(words <= rec for rec in recorded):
            return True
    return False


def _dose_fails(sentence: str, record: RecordFacts) -> bool:
    doses = [m for m in _DOSE.finditer(sentence)]
    if not doses:
        return False
    allowed = _record_doses(record)
    return any(_dose_key(m.group("amount"), m.group("unit")) not in allowed for m in doses)


def _schedule_fails(sentence: str, record: RecordFacts) -> bool:
    if not _ADMIN_VERB.search(sentence) or not _SCHEDULE.search(sentence):
        return False
    if _SAFE_CHANGE.search(sentence) and not _DOSE.search(sentence):
        return False
    recorded = _record_schedules(record)
    return not _schedules(sentence) <= recorded or not recorded


@lru_cache(maxsize=256)
def _record_schedules(record: RecordFacts) -> frozenset[str]:
    found: set[str] = set()
    for med in record.medications:
        found |= _schedules(fold(med))
    return frozenset(found)


def _diagnosis_fails(sentence: str, record: RecordFacts) -> bool:
    for m in _CLAIM.finditer(sentence):
        if _NOT_A_CLAIM_BEFORE.search(sentence[: m.start()]):
            continue
        if _NOT_A_CLAIM_AFTER.match(sentence[m.end() :]):
            continue
        if not condition_on_record(m.group("condition"), record):
            return True
    return False


def _pattern_fails(rule_id: str, sentence: str) -> bool:
    for m in _RULES_BY_ID[rule_id].finditer(sentence):
        if _NEGATED_BEFORE.search(sentence[: m.start()]):
            continue
        if rule_id == "out.treatment_change" and _SAFE_CHANGE.search(sentence):
            continue
        return True
    return False


_GATES = _Gates(
    {
        "out.dose_number": _DOSE,
        "out.dosing_instruction": _SCHEDULE,
        "out.new_diagnosis": _CLAIM,
        "out.treatment_change": _RULES_BY_ID["out.treatment_change"],
        "out.cure_promise": _RULES_BY_ID["out.cure_promise"],
        "safe": _SAFE_SENTENCE,
    }
)


def is_quoted(folded_sentence: str, passages: Sequence[str]) -> bool:
    """True when the (folded, space-normalised) sentence appears verbatim in a passage."""
    if folded_sentence.count(" ") < 3:
        return False  # too short (under four words) to count as a quote
    return folded_sentence in _normalised(tuple(passages))


@lru_cache(maxsize=1024)
def _normalised(passages: tuple[str, ...]) -> str:
    """The passages folded, space-normalised and joined by line breaks (which a normalised
    sentence never holds), once per answer rather than once per checked sentence."""
    return "\n".join(" ".join(fold(p).split()) for p in passages)


def _failed_checks(
    text: str, opened: frozenset[str] | set[str], passages: Sequence[str], record: RecordFacts
) -> list[str]:
    """The rules of the opened gates that ``text`` fails (see ``check_sentence``)."""
    # A quote from a passage skips the dose, schedule, treatment and cure checks.
    quoted = len(opened) > ("out.new_diagnosis" in opened) + ("safe" in opened) and is_quoted(
        text, passages
    )
    failed: list[str] = []
    if "out.dose_number" in opened and not quoted and _dose_fails(text, record):
        failed.append("out.dose_number")
    if "out.dosing_instruction" in opened and not quoted and _schedule_fails(text, record):
        failed.append("out.dosing_instruction")
    if "out.new_diagnosis" in opened and _diagnosis_fails(text, record):
        failed.append("out.new_diagnosis")
    for rule_id in ("out.treatment_change", "out.cure_promise"):
        if rule_id in opened and not quoted and _pattern_fails(rule_id, text):
            failed.append(rule_id)
    return failed


def check_sentence(
    sentence: str,
    *,
    passages: Sequence[str],
    record: RecordFacts,
    question: str = "",
    scorer: SupportScorer = lexical_support,
    threshold: float = SUPPORT_THRESHOLD,
) -> SentenceCheck:
    """Check one generated sentence before it is streamed to the patient.

    ``passages`` are the retrieved article passages the answer must rest on; ``record`` the
    patient's own facts; ``question`` the patient's question. Returns every failed rule id
    (``ok`` is False if there is any) and the support score. Never raises on ``str`` input.

    A sentence quoted word for word from a passage is approved content: the dose, schedule,
    treatment-change and cure patterns (written against invented text) do not apply to it,
    so "Take your medicines as prescribed" from an approved article is not dropped. A
    diagnosis claim is checked even then, since a quote out of context can still tell the
    patient they have something their record does not hold.
    """
    text = " ".join(fold(sentence).split())
    opened = _GATES.open(text)
    failed: list[str] = []
    if opened:  # most sentences open no gate
        failed = _failed_checks(text, opened, passages, record)
    safe = "safe" in opened and _SAFE_SENTENCE.search(text) is not None
    if safe or not content_words(text):
        support = 1.0
    else:
        support = scorer(text, passages, record_terms=record.terms, question=question)
    if support < threshold:
        failed.append("out.unsupported")
    return SentenceCheck(ok=not failed, rules=tuple(failed), support=round(support, 3))
