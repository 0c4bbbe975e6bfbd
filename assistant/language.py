"""Which language to answer in: the patient's preference, unless the question is plainly
written in the other language. Plain Python."""

from __future__ import annotations

import re
import unicodedata

SUPPORTED = ("en", "es")
_SPANISH = frozenset(
    "que qué es el la los las mi mis de del para por como cómo cuando cuándo donde dónde "
    "tengo tiene puedo debo hay una un sobre significa necesito estoy esta está muy "
    "diabetes presion presión azucar azúcar dolor médico medico salud".split()
)
_ENGLISH = frozenset(
    "what is the my how can do does should when where why i have am are of for about "
    "mean means need to it this that".split()
)
_WORD = re.compile(r"[a-záéíóúñü]+")


def answer_language(text: str, preferred: str) -> str:
    """The language to answer `text` in: "en" or "es"."""
    folded = unicodedata.normalize("NFC", text.lower())
    words = _WORD.findall(folded)
    spanish = sum(w in _SPANISH for w in words) + 2 * bool(re.search(r"[¿¡ñ]", folded))
    english = sum(w in _ENGLISH for w in words)
    if spanish >= 2 and spanish > english:
        return "es"
    if english >= 2 and english > spanish:
        return "en"
    return preferred if preferred in SUPPORTED else "en"
