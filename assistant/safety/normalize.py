"""Text normalisation for the safety rules: one canonical form for many spellings.

Every input rule is written against the canonical text produced by ``normalize``: lower case,
ASCII letters, one space between tokens, apostrophes removed ("can't" -> "cant"), sentence
ends as " . " and clause breaks as " , ". The steps, in order:

1. ``fold``: Unicode NFKD (full-width and mathematical letters become plain letters,
   accents split off and dropped, so Spanish "respiración" matches "respiracion"), case
   folding, removal of invisible format characters (zero-width spaces, joiners, bidi
   controls, soft hyphens), decoding of Unicode tag characters (invisible ASCII used to
   smuggle instructions) into the ASCII they spell, and folding of look-alike letters
   (Cyrillic, Greek, small capitals) into the Latin letter they imitate.
2. Tokenising, joining letter-spaced words ("c h e s t" -> "chest") and words split by a
   stray space when the joined form is a key term ("bre athe" -> "breathe").
3. Per token (cached): the variants table (text-speak and frequent misspellings), then
   leetspeak ("k1ll" -> "kill", only when the decoded word is a key term, so "a1c" and
   "b12" stay as they are), then fuzzy matching to a key term (one edit for words of five
   letters or more, two edits from eight letters, a swap of two letters for four-letter
   words). Real words that sit within that reach of a key term ("threat" vs "throat",
   "hecho" vs "pecho") are listed in ``_protected`` and never corrected.

Why correct only towards key terms: the rules need to recognise a few hundred words
reliably; correcting everything else would only add risk of turning a harmless word into a
dangerous one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import product

from assistant.safety._protected import PROTECTED
from assistant.safety.input_rules import ALL_RULES, MACROS

# Words the input rules depend on. A misspelling is corrected only towards one of these.
KEY_TERMS: frozenset[str] = frozenset(
    """
    abdomen abdominal abuse abused abusing abusive accidentally allergic allergy anaphylactic
    anaphylaxis antifreeze attack attacked bleach bleeding bleed bleeds blood breath breathe
    breathing breathless bruises burning choke choked choking chest collapsed collapse
    concussion confused confusion conscious consciousness convulsing convulsion convulsions
    crushing cutting dehydrated dehydration diarrhea difficulty dizziness dizzy drooping droop
    drowsy dying emergency epipen faint fainted fainting fever feverish gasping hanging harming
    headache heart hemorrhage hitting hives hurting infection inhaler instructions insulin
    killing lethal lightheaded medication medications medicine myself newborn numbness numb
    overdose overdosed overdosing paralyzed poison poisoned poisoning pregnancy pregnant
    pressure prescription previous prompt pulse rash respond responding responsive seizure
    seizures seizing shaking shortness slurred slurring someone squeezing stabbed stroke
    suicidal suicide swallowed swelling swollen threatened threatening throat tightness
    tongue unconscious unresponsive urinating vision vomiting vomit wheezing without worst
    yourself ignore disregard override jailbreak pretend restrictions system unfiltered
    pills tablets bottle strangle strangled overdosis suicidarme suicidio matarme morirme
    respirar pecho desmayo desmayado inconsciente convulsiones convulsion sangrado sangre
    sangrando garganta embarazada veneno envenenado pastillas ahogando ahogo infarto derrame
    golpea pega maltrata lastimarme cortarme head kill pills pain numb face blue limp die
    confundida confundido deshidratada deshidratado envenenada envenenarla envenenarlo
    inflamada inflamado
    """.split()
)


def _pattern_words() -> frozenset[str]:
    """Every literal word written in an input rule: such a token is never corrected."""
    sources = list(MACROS.values())
    for rule in ALL_RULES:
        sources += [*rule.patterns, *rule.context, *rule.unless]
    found: set[str] = set()
    for source in sources:
        found.update(re.findall(r"(?<![\\a-z])[a-z]{2,}(?![a-z])", source))
    return frozenset(found)


def _pattern_stems() -> frozenset[str]:
    """Rule words written as stems ("desmay\\w*"): kept as tokens, never correction targets."""
    sources = list(MACROS.values())
    for rule in ALL_RULES:
        sources += [*rule.patterns, *rule.context, *rule.unless]
    found: set[str] = set()
    for source in sources:
        found.update(re.findall(r"(?<![\\a-z])([a-z]{2,})(?=\\w|\(|\[)", source))
    return frozenset(found)


PATTERN_WORDS: frozenset[str] = _pattern_words()
# Letter-and-digit words written in rules ("spo2", "o2") stay whole.
_ALNUM_WORDS: frozenset[str] = frozenset(
    w
    for r in ALL_RULES
    for p in r.patterns + r.context
    for w in re.findall(r"(?<![\\a-z0-9])[a-z0-9]*(?:[a-z][0-9]|[0-9][a-z])[a-z0-9]*", p)
)
# Fuzzy matching corrects towards these: the curated key terms and every longer rule word.
FUZZY_TARGETS: frozenset[str] = KEY_TERMS | {
    w for w in PATTERN_WORDS - _pattern_stems() if len(w) >= 5
}
# Short words that may stand between others when a run-together token is split.
_GLUE = frozenset("i a my me to".split())
_SEGMENT_VOCAB = PATTERN_WORDS | KEY_TERMS | _GLUE
# Words that are certainly whole: never glued to a neighbour.
_KNOWN = PATTERN_WORDS | KEY_TERMS | frozenset(".,")
_KNOWN_WORDS = frozenset(w for w in _KNOWN if len(w) > 1)  # single letters may be spaced out
_ODD_PAIR = re.compile(b"(?=\x00\x00)")

# Text-speak and misspellings that fuzzy matching cannot reach safely (too short, or too
# far from the right word). Values may be several words.
VARIANTS: dict[str, str] = {
    # Spanish plurals and verb forms kept as they are. Debian's wspanish lists lemmas only
    # ("año", not "años"), so _protected.py misses them and fuzzy matching "corrected" real
    # words into rule words: "años" -> "manos" (the history cue "hace años" never fired),
    # "síntomas" -> "sin to mas" (a negation), "mandarme" -> "matarme" (a crisis).
    **{
        word: word
        for word in """
        anos veces entiendo viven vacaciones mandarlo mandarme hermanos sintomas tosiendo
        intente diciendo dijeron estres gotas puse hazlo escribe llegaron cargando ando damos
        nomas esten casas cuidarme habia poniendo leves ratito asusto suele informatica viene
        contrate denegado padel copio cuidando aparezca hazte empezamos omitas exmarido
        presiona hoyitos hunden vence pidieron metio conto parpados peque pari huele terminan
        babeando mordiendo midio complico pense noticias reconocen presenta suben ratas
        plantillas juguetes locos fuman paises estatinas sobrepeso mexicana visito controla
        revela tratando llorando medi hipos saliendo raras nego trajo suene metodos salven
        finde peleando comillas atendido lleve perdimos cambiamos
        """.split()
    },
    # Record words patients type when they give their own details: "mrn" had become
    # "maroon" (a sign of bleeding in a rule), and "dob" must stay a date of birth.
    "mrn": "mrn",
    "dob": "dob",
    "u": "you",
    "ur": "your",
    "youre": "you are",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "rn": "right now",
    "wnt": "want",
    "preg": "pregnant",
    "vsn": "vision",
    "hdache": "headache",
    "dxd": "diagnosed",
    "pyelo": "kidney infection",
    "atm": "at the moment",
    "b4": "before",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "2morrow": "tomorrow",
    "2moro": "tomorrow",
    "vison": "vision",
    "beo": "veo",
    "abla": "habla",
    "icut": "i cut",
    "ablar": "hablar",
    "vebe": "bebe",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bcuz": "because",
    "idk": "i dont know",
    "cnt": "cant",
    "cannt": "cant",
    "caint": "cant",
    "kant": "cant",
    "dnt": "dont",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "kinda": "kind of",
    "tho": "though",
    "thru": "through",
    "abt": "about",
    "ppl": "people",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "every1": "everyone",
    "no1": "no one",
    "sumthin": "something",
    "nuthin": "nothing",
    "hubby": "husband",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "mum": "mom",
    "mommy": "mom",
    "mama": "mom",
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "unaliving": "killing",
    "unalived": "killed",
    "sewerslide": "suicide",
    "suicidle": "suicidal",
    "sucidal": "suicidal",
    "suicidel": "suicidal",
    "suisidal": "suicidal",
    "sucide": "suicide",
    "suside": "suicide",
    "suiside": "suicide",
    "suicde": "suicide",
    "breth": "breath",
    "brethe": "breathe",
    "breeth": "breath",
    "brth": "breath",
    "hart": "heart",
    "hbp": "high blood pressure",
    "bp": "blood pressure",
    "bs": "blood sugar",
    "bg": "blood sugar",
    "hr": "heart rate",
    "sx": "symptoms",
    "dx": "diagnosis",
    "rx": "prescription",
    "meds": "medications",
    "med": "medication",
    "bday": "birthday",
    "od": "overdose",
    "oding": "overdosing",
    "thx": "thanks",
    "ty": "thanks",
    "yr": "year",
    "yrs": "years",
    "mo": "month",
    "mos": "months",
    "wk": "week",
    "wks": "weeks",
    "hrs": "hours",
    "mins": "minutes",
    "min": "minutes",
    "xq": "porque",
    "pq": "porque",
    "porq": "porque",
    "q": "que",
    "tb": "tambien",
    "toke": "took",
    "tuk": "took",
    "lyk": "like",
    "dyin": "dying",
    "breathin": "breathing",
    "bleedin": "bleeding",
    "chokin": "choking",
    "hurtin": "hurting",
    "killin": "killing",
    "throwin": "throwing",
    "cuttin": "cutting",
    "shakin": "shaking",
    "havin": "having",
    "feelin": "feeling",
    "seizin": "seizing",
    "passin": "passing",
    "goin": "going",
    "tryin": "trying",
    "somethin": "something",
    "nothin": "nothing",
    # Misspellings that are also rare dictionary words, so fuzzy matching leaves them alone.
    "wat": "what",
    "kiero": "quiero",
    "wut": "what",
    "pian": "pain",
    "seizer": "seizure",
    "siezure": "seizure",
    "bleading": "bleeding",
    "unconcious": "unconscious",
    "vomitting": "vomiting",
    "feaver": "fever",
    "fevr": "fever",
    "temprature": "temperature",
    "diarhea": "diarrhea",
    "dizy": "dizzy",
    "throte": "throat",
    "stomache": "stomach",
    "hed": "head",
    "brest": "breast",
    "cheast": "chest",
}

_LEET: dict[str, tuple[str, ...]] = {
    "0": ("o",),
    "1": ("i", "l"),
    "3": ("e",),
    "4": ("a",),
    "5": ("s",),
    "7": ("t",),
    "8": ("b",),
    "@": ("a",),
    "$": ("s",),
    "!": ("i",),
    "|": ("l", "i"),
    "+": ("t",),
}

# Letters that imitate Latin ones. Applied after case folding, so only lower case is needed.
_HOMOGLYPHS: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "г": "r",
    "д": "d",
    "е": "e",
    "ё": "e",
    "з": "3",
    "и": "u",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "л": "n",
    "м": "m",
    "н": "h",
    "о": "o",
    "п": "n",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "һ": "h",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ӏ": "l",
    "ь": "b",
    "ы": "bi",
    "ц": "u",
    "ш": "w",
    "щ": "w",
    "я": "r",
    # Greek
    "α": "a",
    "β": "b",
    "γ": "y",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "n",
    "θ": "o",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "u",
    "ν": "v",
    "ο": "o",
    "π": "n",
    "ρ": "p",
    "σ": "o",
    "ς": "s",
    "τ": "t",
    "υ": "u",
    "φ": "o",
    "χ": "x",
    "ψ": "w",
    "ω": "w",
    # Armenian and other look-alikes
    "օ": "o",
    "ո": "n",
    "ս": "u",
    "ց": "g",
    "հ": "h",
    "ı": "i",
    "ȷ": "j",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ħ": "h",
    "ŀ": "l",
    "ɑ": "a",
    "ɡ": "g",
    "ɩ": "i",
    "ɪ": "i",
    "ʀ": "r",
    "ʏ": "y",
    "ᴀ": "a",
    "ʙ": "b",
    "ᴄ": "c",
    "ᴅ": "d",
    "ᴇ": "e",
    "ꜰ": "f",
    "ɢ": "g",
    "ʜ": "h",
    "ᴊ": "j",
    "ᴋ": "k",
    "ʟ": "l",
    "ᴍ": "m",
    "ɴ": "n",
    "ᴏ": "o",
    "ᴘ": "p",
    "ꞯ": "q",
    "ꜱ": "s",
    "ᴛ": "t",
    "ᴜ": "u",
    "ᴠ": "v",
    "ᴡ": "w",
    "ᴢ": "z",
    "‘": "'",
    "’": "'",
    "‛": "'",
    "`": "'",
    "´": "'",
    "ʼ": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "¡": " ",
    "¿": " ",
}
_HOMOGLYPH_TABLE = str.maketrans(_HOMOGLYPHS)

# Invisible format characters: zero-width space/joiners, word joiner, BOM, soft hyphen,
# bidi controls, Mongolian vowel separator, invisible operators, interlinear annotations.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e001f"
    "\U000e007f-\U000e01ef]"
)
_TAG_CHARS = re.compile("[\U000e0020-\U000e007e]")
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)

_TOKEN = re.compile(
    r"\d+(?:[.,/:]\d+)*%?(?![a-z0-9@$])"  # numbers, decimals, readings such as 140/90
    r"|[a-z0-9@$]+(?:['!|*+][a-z0-9@$]+)*"  # words, with apostrophes and leet symbols inside
    r"|[.!?;\n]+"  # sentence ends
    r"|[,:()\[\]\"]|\s-+\s|--+"  # clause breaks
)
_SENTENCE_END = frozenset(".!?;\n")
_W_SLASH = re.compile(r"\bw/o\b|\bw/(?=\s|[a-z])")


def has_tag_characters(text: str) -> bool:
    """True if ``text`` carries Unicode tag characters (invisible ASCII)."""
    return _TAG_CHARS.search(text) is not None


def fold(text: str) -> str:
    """Fold ``text`` to lower-case ASCII-like letters (see the module docstring, step 1).

    Characters are not guaranteed to keep their offsets; use this for matching only.
    """
    if text.isascii():
        text = text.lower()
        return _W_SLASH.sub(_w_slash, text) if "w/" in text else text
    text = _TAG_CHARS.sub(lambda m: chr(ord(m.group()) - 0xE0000), text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFKD", text).casefold()
    text = _COMBINING.sub("", text)
    # Only the runs of characters the table knows are translated: a whole-text translate
    # looks every character up (0.7 ms on 2,000 words).
    text = _TRANSLATED_RUN.sub(_translate_run, text)
    return _W_SLASH.sub(_w_slash, text) if "w/" in text else text


_TRANSLATED_RUN = re.compile("[" + re.escape("".join(sorted(map(chr, _HOMOGLYPH_TABLE)))) + "]+")


def _translate_run(match: re.Match[str]) -> str:
    return match.group().translate(_HOMOGLYPH_TABLE)


def _w_slash(match: re.Match[str]) -> str:
    return " without " if match.group() == "w/o" else " with "


def damerau(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment edit distance between ``a`` and ``b``, capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` of its letters deleted, in every way: deleting k letters
    is deleting one from a word with k - 1 deleted, so each round cuts one more."""
    out = {word}
    last = {word}
    for _ in range(depth):
        last = {w[:i] + w[i + 1 :] for w in last for i in range(len(w))}
        out |= last
    return out


def _build_index(terms: Iterable[str]) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for term in terms:
        for key in _deletions(term, 2 if len(term) >= 7 else 1):
            index.setdefault(key, set()).add(term)
    return {k: frozenset(v) for k, v in index.items()}


_INDEX = _build_index(FUZZY_TARGETS)


def fuzzy_key_term(word: str, *, protected: frozenset[str] = PROTECTED) -> str | None:
    """The key term ``word`` is a likely misspelling of, or None.

    Reach: a missing letter for three- and four-letter words (or a swap of two adjacent
    letters), one edit from five letters, two edits from eight. Words in ``protected``
    (real words near a key term) and
    key terms themselves are never corrected. Ties go to the term with the same first
    letter, then alphabetical order, so the result is deterministic.
    """
    n = len(word)
    if (
        n < 3
        or word in KEY_TERMS
        or word in PATTERN_WORDS
        or word in protected
        or not word.isalpha()
    ):
        return None
    limit = 2 if n >= 8 else 1
    candidates: set[str] = set().union(*filter(None, map(_INDEX.get, _deletions(word, limit))))
    best: tuple[int, bool, bool, str] | None = None
    for term in candidates:
        if len(term) < 4:
            continue
        if n <= 4:
            swapped = len(term) == n and sorted(term) == sorted(word)
            missing = len(term) == n + 1 and word in _deletions(term, 1)
            if not (swapped or missing):
                continue
        dist = damerau(word, term, limit)
        if dist > limit:
            continue
        rank = (dist, term not in KEY_TERMS, term[0] != word[0], term)
        if best is None or rank < best:
            best = rank
    return None if best is None else best[3]


_VOWELS = frozenset("aeiou")


def skeleton(word: str) -> str:
    """The word as text-speak writes it with its vowels dropped: first letter kept."""
    return word[:1] + "".join(c for c in word[1:] if c not in _VOWELS)


def _skeletons(terms: Iterable[str]) -> dict[str, str]:
    """Skeleton -> the one term that has it (skeletons shared by two terms are left out)."""
    seen: dict[str, set[str]] = {}
    for term in terms:
        if len(term) >= 4 and term.isalpha():
            seen.setdefault(skeleton(term), set()).add(term)
    return {key: next(iter(t)) for key, t in seen.items() if len(t) == 1 and len(key) >= 3}


_SKELETONS = _skeletons(FUZZY_TARGETS | PATTERN_WORDS)


def vowelless_term(word: str, *, protected: frozenset[str] = PROTECTED) -> str | None:
    """The rule word that ``word`` spells without its vowels ("injry", "swllen", "bby"), or
    None. Only for words missing most of their vowels (at most one after the first letter)
    that are not rule words or protected real words, and only when one rule word fits."""
    if (
        len(word) < 3
        or not word.isalpha()
        or word in PATTERN_WORDS
        or word in KEY_TERMS
        or word in protected
        or sum(c in _VOWELS for c in word[1:]) > 1
    ):
        return None
    term = _SKELETONS.get(skeleton(word))
    return term if term is not None and term != word else None


def _leet_candidates(token: str) -> list[str]:
    slots = [_LEET.get(c, (c,)) for c in token]
    if sum(len(s) > 1 for s in slots) > 3:
        return []
    return ["".join(p) for p in product(*slots)]


def _segment(word: str, *, strict: bool = True) -> str | None:
    """Split a run-together token ("iwanttokillmyself") into rule words, or None.

    Accepted only if every piece is a known word and, for a split in two, one of them is a
    key term or a rule word of five letters or more, so ordinary long words are not cut up.
    """
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 16), end):
            prefix = best[start]
            piece = word[start:end]
            if prefix is None or piece not in _SEGMENT_VOCAB:
                continue
            if len(piece) < 3 and piece not in _GLUE:
                continue
            candidate = prefix + [piece]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    pieces = best[n]
    if not pieces or len(pieces) < 2 or len(pieces) > 6:
        return None
    if strict and len(pieces) < 3 and not any(p in KEY_TERMS or len(p) >= 5 for p in pieces):
        return None
    return " ".join(pieces)


def _split_alnum(token: str) -> str | None:
    """Split "my6weekold" into "my 6 week old" when every letter run is a known word.

    Clinical codes ("a1c", "b12", "spo2", "h1n1") have a letter run that is not a word on
    its own, so they stay whole; leetspeak is tried after this.
    """
    parts = re.findall(r"[a-z]+|\d+(?:[.,]\d+)?", token)
    if len(parts) < 2 or "".join(parts) != token or token in _ALNUM_WORDS:
        return None
    out: list[str] = []
    for part in parts:
        if part[0].isdigit() or (part in _SEGMENT_VOCAB and (len(part) >= 2 or part == "i")):
            out.append(part)
            continue
        segmented = _segment(part, strict=False) if len(part) >= 5 else None
        if segmented is None:
            return None
        out.append(segmented)
    return " ".join(out)


@lru_cache(maxsize=65536)
def canonical_token(token: str) -> str:
    """Canonical spelling of one folded token (may expand to several words)."""
    token = token.replace("'", "").replace("*", "")
    if token in VARIANTS:
        return VARIANTS[token]
    if token.isalpha():
        if len(token) >= 5 and token.endswith("in") and token + "g" in PATTERN_WORDS:
            return token + "g"  # dropped g: "hittin", "bleedin", "pukin"
        hit = fuzzy_key_term(token) or vowelless_term(token)
        if hit is not None:
            return hit
        if len(token) >= 6 and token not in PATTERN_WORDS and token not in PROTECTED:
            return _segment(token) or token
        return token
    if any(c.isalpha() for c in token) and any(c.isdigit() for c in token):
        split = _split_alnum(token)
        if split is not None:
            return split
    if any(c.isalpha() for c in token) and any(c in _LEET for c in token):
        for candidate in _leet_candidates(token):
            if candidate in VARIANTS:
                return VARIANTS[candidate]
            if candidate in KEY_TERMS or candidate in PATTERN_WORDS:
                return candidate
        for candidate in _leet_candidates(token):
            if candidate.isalpha():
                hit = fuzzy_key_term(candidate)
                if hit is not None:
                    return hit
    return token


def _join_spaced(tokens: list[str]) -> list[str]:
    """Join letter-spaced runs ("c h e s t") and key terms split in two ("bre athe").

    Both need two neighbouring tokens that are each a single letter or an unknown word;
    only the stretches around such pairs are walked, the rest is kept as it is.
    """
    # One byte per token, 0 where it is a single letter or unknown: pairs are b"\0\0".
    known = bytes(map(_KNOWN_WORDS.__contains__, tokens))
    pairs = [m.start() for m in _ODD_PAIR.finditer(known)]
    if not pairs:
        return tokens
    at_pair = set(pairs)
    out: list[str] = []
    i = 0
    for start in pairs:
        if start < i:  # already consumed by a join
            continue
        out.extend(tokens[i:start])
        i = start
        while i in at_pair:
            i = _join_at(tokens, i, out)
    out.extend(tokens[i:])
    return out


def _join_at(tokens: list[str], i: int, out: list[str]) -> int:
    """One step of the join at token ``i``: append what it becomes, return the next index."""
    n = len(tokens)
    tok = tokens[i]
    if len(tok) == 1 and tok.isalpha():
        j = i
        while j < n and len(tokens[j]) == 1 and tokens[j].isalpha():
            j += 1
        if j - i >= 3:
            out.append("".join(tokens[i:j]))
            return j
    elif i + 1 < n and tok not in _KNOWN and tokens[i + 1] not in _KNOWN:
        joined = tok + tokens[i + 1]
        if len(joined) >= 6 and joined in KEY_TERMS:
            out.append(joined)
            return i + 2
    out.append(tok)
    return i + 1


_DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z][.\-_*] ?){3,}[a-z](?![a-z0-9])")
_DOTTED_HINT = re.compile(r"[.\-_*] ?[a-z][.\-_*]")


def tokens(text: str) -> list[str]:
    """Canonical tokens of ``text``: words, numbers, "." (sentence end) and "," (clause)."""
    folded = fold(text)
    if _DOTTED_HINT.search(folded):  # cheaper than _DOTTED, needed by every match of it
        folded = _DOTTED.sub(lambda m: re.sub(r"[^a-z]", "", m.group()), folded)
    raw = _each(_PUNCT, _punct, _TOKEN.findall(folded))
    out = _each(_CANONICAL, canonical_token, _join_spaced(raw))
    # Text-speak "2" for "to" after a verb of wanting or going ("want 2 die"); elsewhere a
    # 2 stays a number ("2 pills").
    for i in _indexes(out, "2", 1, len(out) - 1):
        if (
            out[i - 1].rsplit(" ", 1)[-1] in _TO_BEFORE
            and out[i + 1].isalpha()
            and out[i + 1] not in _COUNTED
        ):
            out[i] = "to"
    return out


def _indexes(items: list[str], value: str, start: int, stop: int) -> Iterator[int]:
    """Where ``value`` stands in ``items[start:stop]``, in order, found by ``list.index``."""
    while True:
        try:
            start = items.index(value, start, stop)
        except ValueError:
            return
        yield start
        start += 1


# Token -> what it becomes, for the two per-token steps: one dictionary lookup per token
# (the distinct new ones computed first) instead of one cached call each.
_PUNCT: dict[str, str] = {}
_CANONICAL: dict[str, str] = {}
_MEMO_SIZE = 65536


def _each(memo: dict[str, str], step: Callable[[str], str], tokens: list[str]) -> list[str]:
    """``[step(t) for t in tokens]`` for a pure ``step``, remembered in ``memo``."""
    new = set(tokens).difference(memo)
    if new:
        if len(memo) + len(new) > _MEMO_SIZE:
            memo.clear()
            new = set(tokens)
        for token in new:
            memo[token] = step(token)
    return list(map(memo.__getitem__, tokens))


_TO_BEFORE = frozenset(
    "want wanna need needs going gonna have has had trying try ready about plan planning"
    " decided like wanted urge tempted scared afraid able".split()
)
_COUNTED = frozenset(
    "pills tablets tabs capsules caps doses units shots puffs drinks times days weeks hours"
    " minutes months years kids more of or and extra whole full".split()
)


@lru_cache(maxsize=65536)
def _punct(tok: str) -> str:
    first = tok[0]
    if first in _SENTENCE_END:
        return "."
    if not (first.isalnum() or first in "@$"):
        return ","
    return tok


def normalize(text: str) -> str:
    """The canonical text the input rules match against (see the module docstring)."""
    return " ".join(tokens(text))
