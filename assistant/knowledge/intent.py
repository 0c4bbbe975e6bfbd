"""Which article section a question is asking for.

A data table of rules, checked in order; the first that matches names the preferred
section. Order matters: "when should I go to the ER" is about emergency help even though
it also starts like a "when to call" question. Rules read the folded question (lower
case, accents and apostrophes removed, text-speak expanded), so "wat can i do" matches
like "what can I do".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.knowledge.text import words

WHAT_IT_IS = "What it is"
WHAT_IT_MEANS = "What it means for you"
WHAT_YOU_CAN_DO = "What you can do"
QUESTIONS_TO_ASK = "Questions to ask your care team"
WHEN_TO_CALL = "When to call your care team"
EMERGENCY = "When to get emergency help"


@dataclass(frozen=True)
class IntentRule:
    id: str
    heading: str
    pattern: re.Pattern[str]


def _rule(rule_id: str, heading: str, pattern: str) -> IntentRule:
    return IntentRule(rule_id, heading, re.compile(pattern))


INTENT_RULES: tuple[IntentRule, ...] = (
    _rule(
        "intent.emergency",
        EMERGENCY,
        r"\b(emergency|911|er|ambulance|call 911|life threatening|go to (the )?hospital)\b"
        r"|\b(emergencia|ambulancia|sala de emergencias?)\b",
    ),
    _rule(
        "intent.call",
        WHEN_TO_CALL,
        r"\bwhen (should|do|must|would|to) (i |we )?(call|see|contact|phone|talk to|worry)"
        r"|\b(call|see|contact|phone) (my|the|a) (doctor|care team|nurse|provider)\b"
        r"|\bcuando (debo|tengo que|hay que) (llamar|ir|ver)\b|\bllamar al? (medico|doctor)\b"
        r"|\bworr(y|ied) about\b|\bshould i (worry|be worried)\b",
    ),
    _rule(
        "intent.ask",
        QUESTIONS_TO_ASK,
        r"\b(what|which) questions\b|\bwhat (should|can|do) i ask\b|\bask (my|the) "
        r"(doctor|care team|nurse|provider)\b|\bque (preguntas|puedo preguntar|debo preguntar)\b",
    ),
    _rule(
        "intent.can_do",
        WHAT_YOU_CAN_DO,
        r"\bwhat (can|should|do) (i|we) do\b|\bwhat (helps|can help|will help)\b"
        r"|\bhow (do|can|should|to) (i |we )?(lower|reduce|manage|treat|prevent|control|"
        r"improve|help|get rid|stop|avoid|cope|deal|handle|live|keep|bring|fix|relieve|ease|"
        r"calm|lose|quit|pass|eat)\b|\b(tips|diet|exercise|foods?|eat|remedy|remedies|relief|"
        r"treatment|treated|prevent|prevention|cope|manage)\b"
        r"|\bque (puedo|debo|tengo que) hacer\b|\bcomo (puedo )?(bajar|controlar|mejorar|"
        r"prevenir|tratar|manejar|evitar)\b|\b(tratamiento|dieta|ejercicio)\b",
    ),
    _rule(
        "intent.means",
        WHAT_IT_MEANS,
        r"\bwhat does (it|this|that|my \w+( \w+)?) mean\b|\bmean for (me|my)\b|\b(serious|"
        r"dangerous|bad|outlook|long term|get worse|go away|curable|cured|contagious|"
        r"reversed?|normal)\b|\bwill i\b|\bcan i still\b|\bhow long\b",
    ),
    _rule(
        "intent.what_is",
        WHAT_IT_IS,
        r"^(what|wat|whats) (is|are)\b|\bwhat (causes|is a|is an)\b|\b(define|definition|"
        r"explain|cause[sd]?|symptoms?|signs?)\b|^que (es|son)\b|\b(sintomas?|causas?)\b",
    ),
)


def section_intent(question: str) -> IntentRule | None:
    """The first rule that matches `question`, or None when it states no preference."""
    folded = " ".join(words(question))
    for rule in INTENT_RULES:
        if rule.pattern.search(folded):
            return rule
    return None
