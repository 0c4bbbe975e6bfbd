"""PHI redaction before any text leaves for an external model, and restoring the reply.

Two kinds of detectors, both producing spans on the ORIGINAL text:

1. The patient's own identifiers from the record (``PatientIdentifiers``): names and
   relatives' names (full names and their parts), date of birth in the usual spellings,
   MRN and SSN with any separators, addresses (and their street, city and ZIP parts),
   phone numbers by their digits, emails. These are exact and take precedence.
2. General patterns: emails, URLs, IP addresses, SSNs, phone numbers, dates more specific
   than a year, record/account/member numbers, street addresses, and names introduced as
   names ("my name is X", "my daughter Maria", "Dr. Patel").

Overlaps are resolved by precedence (record identifiers first), then by length. Each
distinct value gets one placeholder per ``Redactor`` ("[NAME_1]", "[DATE_2]"), so a
conversation that reuses one ``Redactor`` keeps its placeholders stable and ``restore``
can put the patient's words back into the reply.

Clinical text is not identifying: drug names, conditions, doses ("500 mg"), readings
("140/90", "A1c 7.2%"), years alone and ages are left alone; the tests check this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.safety.normalize import PATTERN_WORDS

TYPES = ("NAME", "DATE", "MRN", "SSN", "ADDRESS", "PHONE", "EMAIL", "URL", "IP", "ID")


@dataclass(frozen=True)
class PatientIdentifiers:
    """The patient's identifiers as recorded; every field is optional."""

    names: tuple[str, ...] = ()
    birth_date: date | None = None
    mrn: str | None = None
    ssn: str | None = None
    addresses: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    relatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Redaction:
    """Redacted text and the spans ``(start, end, type)`` replaced in the original text."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


# Words that are also first names: matched as a name only when capitalised as in the record.
_COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about after again all also am an and any are as ask at away back bad be because bed
    been before being best better big bill bob both but by call came can care cat check child
    come could cure day dear did do does doing done dot down each early eat end even ever
    every feel few fine first for from gave get give go going good got grace had hand happy
    has have he hello help her here hers hey hi him his home hope how i if in into is it its
    just keep kind know last late left let like little long look lot love made make man many
    mark may me mean might more most much must my near need new next nice night no none nor
    not now of off ok okay old on once one only or other our out over own pat patient patty
    peace please rich right rose said same saw say see she should since so some son soon
    still such summer sun sure take tell than thank thanks that the their them then there
    these they thing think this those though time to today told too took true up us very
    want was way we well went were what when where which while who why will win with work
    would yes yet you young your june april august autumn dawn faith joy ray sky star
    """.split()
)
_RELATIONS = (
    r"(?:sister|brother|mother|father|son|daughter)[- ]in[- ]law|in[- ]laws?|ex[- ]?(?:wife"
    r"|husband|boyfriend|girlfriend|partner)|ex|co-?worker|pastor|priest|coach|landlord"
    r"|suegr[ao]|cu[nñ]ad[ao]|esposo|esposa"
    r"|daughter|son|husband|wife|partner|spouse|mom|mother|mum|dad|father|sister|brother"
    r"|grandson|granddaughter|grandma|grandmother|grandpa|grandfather|aunt|uncle|niece"
    r"|nephew|cousin|friend|neighbou?r|caregiver|boyfriend|girlfriend|fianc[eé]e?|child|baby"
    r"|stepson|stepdaughter|stepmom|stepdad|roommate|boss|coworker|doctor|nurse|therapist"
    r"|hija|hijo|esposo|esposa|madre|padre|mam[aá]|pap[aá]|hermana|hermano|abuela|abuelo"
    r"|nieta|nieto|t[ií]a|t[ií]o|amiga|amigo|pareja|novio|novia|vecina|vecino"
)
_CAP_NAME = r"[A-Z][a-zA-Z'\u00c0-\u017f-]+(?:[ \t]+[A-Z][a-zA-Z'\u00c0-\u017f-]+){0,2}"
_LOWER_NAME = r"[a-z\u00e0-\u017f][a-z'\u00e0-\u017f-]{2,}"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTHS_ES = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre"
)
_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Loop|Row|Pike"
    r"|Alley|Plaza|Crescent|Close"
)
_STREET_ABBREVIATIONS = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "lane": "ln",
    "drive": "dr",
    "court": "ct",
    "place": "pl",
    "terrace": "ter",
    "circle": "cir",
    "parkway": "pkwy",
    "highway": "hwy",
    "apartment": "apt",
    "suite": "ste",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
}
_US_STATES = frozenset(
    """
    al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj
    nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc usa us alabama alaska
    arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
    tennessee texas utah vermont virginia washington wisconsin wyoming
    """.split()
)
_NOT_NAMES = frozenset(
    """
    I The A An My He She It We They This That These Those Not Very So And But Or Is Was Has Have
    Had Just Also Yes No Hi Hello Dear Thanks Thank Please Today Tomorrow Yesterday Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December What When Where Why How Who Can Could
    Should Would Will Do Does Did Am Are Be Being Been Sorry Ok Okay Mr Mrs Ms Dr Type Stage
    Doctor Nurse In On At For From With About Of To If Because Since After Before Then Now
    """.split()
)

# (type, regex, group holding the value) in precedence order after the record identifiers.
_GENERAL: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("EMAIL", re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"), 0),
    ("URL", re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.I), 0),
    (
        "URL",
        re.compile(
            r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|io|us|info|health|co|me|app)"
            r"(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?(?![\w@])",
            re.I,
        ),
        0,
    ),
    (
        "IP",
        re.compile(
            r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
        ),
        0,
    ),
    (
        "IP",
        re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::?[0-9a-f]{1,4}){1,7}(?![\w:])", re.I),
        0,
    ),
    ("SSN", re.compile(r"(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])"), 0),
    (
        "SSN",
        re.compile(
            r"\b(?:ssn|social security(?: number| no\.?| #)?|seguro social)\s*(?:is|:|#|es)?\s*"
            r"(\d{3}[- ]?\d{2}[- ]?\d{4})\b",
            re.I,
        ),
        1,
    ),
    (
        "SSN",
        re.compile(
            r"\b(?:last\s+(?:4|four)(?:\s+digits)?\s+of\s+(?:my\s+)?(?:ssn|social(?:\s+security)?"
            r"(?:\s+number)?)|(?:ssn|social security(?: number| no\.?| #)?|seguro social)"
            r"(?:\s+(?:ending|ends)(?:\s+(?:in|with))?|\s+last\s+(?:4|four)(?:\s+digits)?))"
            r"\s*(?:is|are|:|#|es|=)?\s*(\d{4})\b",
            re.I,
        ),
        1,
    ),
    (
        "MRN",
        re.compile(
            r"\b(?:mrn|medical record(?: number| no\.?| #)?|record (?:number|no\.?|#)|chart"
            r" (?:number|no\.?|#)|expediente)\s*(?:is|:|#|es|number)?\s*#?\s*"
            r"([A-Za-z]{0,4}[- ]?\d[\dA-Za-z-]{3,})\b",
            re.I,
        ),
        1,
    ),
    (
        "ID",
        re.compile(
            r"\b(?:account|acct|member|policy|insurance|claim|patient|medicare|medicaid|subscriber"
            r"|group|case|license|licence|passport|id|invoice|confirmation|reference|ref)"
            r"(?: (?:id|number|no\.?|#|card))?\s*(?:is|:|#|number)?\s*#?\s*"
            r"([A-Za-z]{0,4}[- ]?\d[\dA-Za-z-]{3,})\b",
            re.I,
        ),
        1,
    ),
    (
        "PHONE",
        re.compile(
            r"(?<![\w/.+-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}"
            r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?![\w/-])",
            re.I,
        ),
        0,
    ),
    ("PHONE", re.compile(r"(?<![\w/])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5}(?![\w/])"), 0),
    ("DATE", re.compile(r"(?<![\w/.-])\d{4}-\d{1,2}-\d{1,2}(?![\w/-])"), 0),
    ("DATE", re.compile(r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\w/-])"), 0),
    (
        "DATE",
        re.compile(
            rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
            rf"|(?:{_MONTHS})\.?,?\s+\d{{4}})\b",
            re.I,
        ),
        0,
    ),
    (
        "DATE",
        re.compile(rf"\b\d{{1,2}}\s+de\s+(?:{_MONTHS_ES})(?:\s+(?:de|del)\s+\d{{4}})?\b", re.I),
        0,
    ),
    (
        "DATE",
        re.compile(
            r"\b(?:on|since|from|until|till|by|before|after|dated|el)\s+(\d{1,2}/\d{1,2})(?![\w/])",
            re.I,
        ),
        1,
    ),
    (
        "ADDRESS",
        re.compile(
            rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][A-Za-z0-9'.-]*\s+){{1,4}}"
            rf"(?:{_STREET_SUFFIX})\b\.?(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*"
            r"[A-Za-z0-9-]+)?(?:,\s*[A-Z][A-Za-z .'-]+,\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?)?"
        ),
        0,
    ),
    ("ADDRESS", re.compile(r"\b(?:P\.?\s*O\.?\s*Box|PO Box)\s+\d+\b", re.I), 0),
    ("ADDRESS", re.compile(r"\b(?:[A-Z]{2})\s+(\d{5}(?:-\d{4})?)\b"), 1),
    (
        "ADDRESS",
        re.compile(
            r"\b(?:calle|avenida|av\.|carrera|colonia)\s+[A-Za-z0-9 .'-]{2,40}?\s+(?:#\s*)?\d{1,5}"
            r"\b",
            re.I,
        ),
        0,
    ),
    ("ID", re.compile(r"(?<![\w.,/-])[A-Za-z]{1,4}-?\d{5,}[A-Za-z\d]*(?![\w.,/-])"), 0),
    ("ID", re.compile(r"(?<![\w.,/+-])\d{7,}(?:-\d{1,4})?(?![\w.,/-])"), 0),
    (
        "NAME",
        re.compile(
            rf"\b(?i:my name is|my name's|name is|i am called|call me|me llamo|mi nombre es"
            rf"|this is|soy)\s+({_CAP_NAME})"
        ),
        1,
    ),
    (
        "NAME",
        re.compile(
            rf"\b(?i:my|mi|our|his|her|their)\s+(?i:{_RELATIONS})(?:'s)?,?\s+(?:(?i:is|es)\s+)?"
            rf"({_CAP_NAME})"
        ),
        1,
    ),
    ("NAME", re.compile(rf"\b(?i:my|mi|our)\s+(?i:{_RELATIONS})\s+({_LOWER_NAME})\b"), 1),
    ("NAME", re.compile(rf"\b(?i:named|called|llamad[oa])\s+({_CAP_NAME})"), 1),
    (
        "NAME",
        re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|Sr|Sra|Srta|Dra)\.?\s+({_CAP_NAME})"),
        1,
    ),
    (
        "NAME",
        re.compile(
            rf"\b(?i:la|el|mi|my|the|our|your)\s+(?i:doctora|doctor|dra|dr|enfermera|enfermero"
            rf"|nurse|therapist|terapeuta|pharmacist|farmaceutic[oa])\.?\s+({_CAP_NAME})"
        ),
        1,
    ),
    (
        "NAME",
        re.compile(
            rf"(?m)^\s*(?:-+|—|best|thanks|thank you|regards|sincerely|cheers)?,?"
            rf"\s*(?i:thanks|thank you|regards|best|sincerely|cheers|love),?\s*\n"
            rf"\s*({_CAP_NAME})\s*$"
        ),
        1,
    ),
)
# Introductions after which the next capitalised words are a name even if they are words.
_STRONG_INTRO = re.compile(r"(?:my name|name is|i am called|call me|me llamo|mi nombre|named)")
_PLACEHOLDER = re.compile(r"\[(" + "|".join(TYPES) + r")_(\d+)\]")


def _flexible(literal: str) -> str:
    """Regex for ``literal`` with any run of whitespace allowed to vary."""
    return r"\s+".join(re.escape(part) for part in literal.split())


def _name_patterns(name: str) -> list[re.Pattern[str]]:
    """The full name (any case) and each part (any case unless it is a common word)."""
    parts = name.lower().split()
    full_flags = 0 if any(p in _COMMON_WORDS for p in parts) else re.I
    out = [re.compile(rf"(?<![\w]){_flexible(name)}(?![\w])", full_flags)] if parts else []
    for part in re.split(r"[\s,]+", name):
        part = part.strip(".-'")
        if len(part) < 2 or part.lower() in {"jr", "sr", "ii", "iii", "iv", "de", "la", "del"}:
            continue
        flags = 0 if part.lower() in _COMMON_WORDS else re.I
        out.append(re.compile(rf"(?<![\w]){re.escape(part)}(?![\w])", flags))
    return out


def _digits_pattern(value: str, *, min_digits: int) -> re.Pattern[str] | None:
    digits = re.sub(r"\D", "", value)
    if len(digits) < min_digits:
        return None
    sep = r"[\s().+-]*"
    lead = r"(?:\+?1[\s.-]*)?\(?" if len(digits) == 10 else ""
    return re.compile(rf"(?<![\d(+]){lead}{sep.join(digits)}(?![\d])")


def _alnum_pattern(value: str) -> re.Pattern[str] | None:
    chars = re.sub(r"[^A-Za-z0-9]", "", value)
    if len(chars) < 3:
        return None
    body = r"[\s-]?".join(map(re.escape, chars))
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.I)


def _date_strings(day: date) -> list[str]:
    month = day.strftime("%B")
    short = day.strftime("%b")
    d, m, y = day.day, day.month, day.year
    spanish = (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ).split()[m - 1]
    forms = {
        day.isoformat(),
        f"{m}/{d}/{y}",
        f"{m:02d}/{d:02d}/{y}",
        f"{m}/{d}/{y % 100:02d}",
        f"{m:02d}/{d:02d}/{y % 100:02d}",
        f"{m}-{d}-{y}",
        f"{m:02d}-{d:02d}-{y}",
        f"{m}.{d}.{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{month} {d}, {y}",
        f"{month} {d} {y}",
        f"{short} {d}, {y}",
        f"{short}. {d}, {y}",
        f"{short} {d} {y}",
        f"{d} {month} {y}",
        f"{d} {short} {y}",
        f"{month} {d}th, {y}",
        f"{d} de {spanish} de {y}",
    }
    return sorted(forms, key=len, reverse=True)


def _address_patterns(address: str) -> list[re.Pattern[str]]:
    """The whole address and its parts (street line, city, ZIP), with suffix spellings."""
    parts = [address] + [p.strip() for p in address.split(",")]
    out: list[re.Pattern[str]] = []
    for part in parts:
        zip_match = re.search(r"\b\d{5}(?:-\d{4})?\b", part)
        if zip_match and part != address:
            out.append(re.compile(rf"(?<!\d){re.escape(zip_match.group())}(?!\d)"))
            part = part[: zip_match.start()].strip()
        words = part.split()
        if not words or part.lower() in _US_STATES or len(part) < 3:
            continue
        if len(words) == 1 and part.lower() in _COMMON_WORDS:
            continue
        pieces = []
        for word in words:
            bare = word.rstrip(".").lower()
            abbreviation = _STREET_ABBREVIATIONS.get(bare)
            full = {v: k for k, v in _STREET_ABBREVIATIONS.items()}.get(bare)
            options = {re.escape(word.rstrip("."))}
            if abbreviation:
                options.add(re.escape(abbreviation))
            if full:
                options.add(re.escape(full))
            pieces.append("(?:" + "|".join(sorted(options)) + ")" + (r"\.?" if full else ""))
        out.append(re.compile(r"(?<![\w])" + r",?\s+".join(pieces) + r"(?![\w])", re.I))
    return out


def _canonical(kind: str, value: str) -> str:
    """The key under which a value gets its placeholder (so spellings of it share one)."""
    if kind in ("PHONE", "SSN"):
        digits = re.sub(r"\D", "", value)
        return digits[-10:] if kind == "PHONE" else digits
    if kind in ("MRN", "ID"):
        return re.sub(r"[^a-z0-9]", "", value.lower())
    if kind == "DATE":
        return _date_key(value)
    return " ".join(value.lower().split())


def _date_key(value: str) -> str:
    text = value.lower().strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text)
    if m:
        year = int(m[3])
        year += 1900 if year < 100 and year > 30 else 2000 if year < 100 else 0
        return f"{year:04d}-{int(m[1]):02d}-{int(m[2]):02d}"
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", text)
    if m and m[1][:3] in months:
        return f"{int(m[3]):04d}-{months.index(m[1][:3]) + 1:02d}-{int(m[2]):02d}"
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})", text)
    if m and m[2][:3] in months:
        return f"{int(m[3]):04d}-{months.index(m[2][:3]) + 1:02d}-{int(m[1]):02d}"
    return " ".join(text.split())


class Redactor:
    """Redacts PHI for one conversation and restores it in replies.

    One instance per conversation: placeholders are numbered per type in order of first
    appearance and reused for the same value, so "[NAME_1]" means the same person in every
    message of the conversation. Not thread-safe.
    """

    def __init__(self, identifiers: PatientIdentifiers | None = None) -> None:
        ids = identifiers or PatientIdentifiers()
        exact: list[tuple[str, re.Pattern[str]]] = []
        for name in ids.names + ids.relatives:
            exact += [("NAME", p) for p in _name_patterns(name)]
        if ids.birth_date is not None:
            forms = "|".join(_flexible(f) for f in _date_strings(ids.birth_date))
            exact.append(("DATE", re.compile(rf"(?<![\w/.-])(?:{forms})(?![\w/-])", re.I)))
        if ids.mrn:
            pattern = _alnum_pattern(ids.mrn)
            if pattern is not None:
                exact.append(("MRN", pattern))
        if ids.ssn:
            pattern = _digits_pattern(ids.ssn, min_digits=9)
            if pattern is not None:
                exact.append(("SSN", pattern))
        for phone in ids.phones:
            digits = re.sub(r"\D", "", phone)
            pattern = _digits_pattern(digits[-10:], min_digits=7)
            if pattern is not None:
                exact.append(("PHONE", pattern))
        for email in ids.emails:
            exact.append(
                ("EMAIL", re.compile(rf"(?<![\w.]){re.escape(email.strip())}(?![\w])", re.I))
            )
        for address in ids.addresses:
            exact += [("ADDRESS", p) for p in _address_patterns(address)]
        self._exact = tuple(exact)
        self._placeholder: dict[tuple[str, str], str] = {}
        self._original: dict[str, str] = {}
        self._counter: dict[str, int] = {}

    @property
    def count(self) -> int:
        """Number of distinct values replaced so far in this conversation."""
        return len(self._original)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans ``(start, end, type)`` to redact in ``text``, sorted, not overlapping."""
        found: list[tuple[int, int, int, str]] = []
        for kind, pattern in self._exact:
            found += [
                (m.start(), m.end(), 0, kind)
                for m in pattern.finditer(text)
                if not (kind == "NAME" and _clinical_use(text, m.start(), m.end()))
            ]
        for kind, pattern, group in _GENERAL:
            for m in pattern.finditer(text):
                start, end = m.span(group)
                strong = kind == "NAME" and _STRONG_INTRO.match(m.group().lower()) is not None
                if start < end and not (
                    kind == "NAME" and not strong and _not_a_name(text[start:end])
                ):
                    if kind == "NAME":
                        start, end = _trim_name(text, start, end)
                    found.append((start, end, 1, kind))
        found.sort(key=lambda s: (s[2], -(s[1] - s[0]), s[0]))
        taken: list[tuple[int, int, str]] = []
        for start, end, _, kind in found:
            if all(end <= a or start >= b for a, b, _ in taken):
                taken.append((start, end, kind))
        return sorted(taken)

    def redact(self, text: str) -> Redaction:
        """Replace every span of ``find`` with its conversation-wide placeholder."""
        spans = self.find(text)
        out: list[str] = []
        last = 0
        for start, end, kind in spans:
            out.append(text[last:start])
            out.append(self._placeholder_for(kind, text[start:end]))
            last = end
        out.append(text[last:])
        return Redaction("".join(out), tuple(spans))

    def restore(self, text: str) -> str:
        """Put the original values back for every placeholder this redactor issued.

        Unknown placeholders (which the model invented) are left as they are.
        """
        return _PLACEHOLDER.sub(lambda m: self._original.get(m.group(), m.group()), text)

    def _placeholder_for(self, kind: str, value: str) -> str:
        key = (kind, _canonical(kind, value))
        placeholder = self._placeholder.get(key)
        if placeholder is None:
            self._counter[kind] = self._counter.get(kind, 0) + 1
            placeholder = f"[{kind}_{self._counter[kind]}]"
            self._placeholder[key] = placeholder
            self._original[placeholder] = value
        return placeholder


_EPONYM_AFTER = re.compile(
    r"['\u2019]s\s+(?:disease|syndrome|thyroiditis|palsy|disorder|lymphoma|sarcoma|phenomenon"
    r"|sign|test|ulcer|esophagus|node|reflex)\b|\s+(?:disease|syndrome)\b",
    re.I,
)
_MODAL_START = re.compile(
    r"\s+(?:my|you|your|i|he|she|it|we|they|the|this|that|there|someone)\b", re.I
)


def _clinical_use(text: str, start: int, end: int) -> bool:
    """True when a name part is used as a word: an eponym ("Hashimoto's thyroiditis") or a
    sentence-initial common word ("Will my son...", "May I...")."""
    if _EPONYM_AFTER.match(text, end):
        return True
    word = text[start:end].lower()
    sentence_start = start == 0 or text[:start].rstrip()[-1:] in {".", "!", "?", "\n", ""}
    return word in _COMMON_WORDS and sentence_start and _MODAL_START.match(text, end) is not None


def _not_a_name(value: str) -> bool:
    first = value.split()[0]
    if first in _NOT_NAMES:
        return True
    if value.islower():
        word = value.lower()
        return word in _COMMON_WORDS or word in PATTERN_WORDS or word.endswith(("ed", "ing", "ly"))
    return False


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing words that are not part of a name ("Maria Has") and a possessive 's."""
    words = list(re.finditer(r"\S+", text[start:end]))
    last = words[0]
    for word in words[1:]:
        if word.group().strip(",.") in _NOT_NAMES:
            break
        last = word
    stop = start + last.end()
    while stop > start and text[stop - 1] in ",.":
        stop -= 1
    if text[start:stop].endswith(("'s", "\u2019s")):
        stop -= 2
    return start, stop
