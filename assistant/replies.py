"""What the patient is told when the guard decides not to answer from the library.

Plain Python: fixed texts and actions per guard action, in English and Spanish. The
emergency number and crisis line come from settings through the caller. Every text is
short and says what to do now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.safety import Action


@dataclass(frozen=True)
class SafetyReply:
    level: str  # emergency | crisis | urgent | out_of_scope | refused
    text: str
    actions: list[dict[str, Any]] = field(default_factory=list)


TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "emergency": (
            "This may be an emergency. Call {emergency} now, or go to the nearest emergency "
            "room. Do not wait for a reply here. If someone is with you, ask them to help. "
            "We have also told your care team."
        ),
        "crisis": (
            "You deserve support right now. Call or text {crisis} to reach the Suicide & "
            "Crisis Lifeline, any time, day or night. If you are in danger now, call "
            "{emergency}. We have also told your care team."
        ),
        "urgent": (
            "This needs a clinician's attention today. We have sent your message to your care "
            "team as urgent. If it gets worse, or you cannot reach them, call {emergency} "
            "or go to urgent care."
        ),
        "out_of_scope": (
            "This is a question for your care team: I can explain your diagnoses and "
            "preventive care, but I cannot diagnose new symptoms, prescribe, or change a "
            "medicine or dose. Do you want me to send your question to your care team?"
        ),
        "refused": (
            "I can't help with that. I can explain your diagnoses, your test results and the "
            "preventive care that is due for you. If you have a question for your care team, "
            "I can send it to them."
        ),
        "call": "Call {number}",
        "text": "Text {number}",
        "send": "Send to my care team",
    },
    "es": {
        "emergency": (
            "Esto puede ser una emergencia. Llame al {emergency} ahora o vaya a la sala de "
            "emergencias más cercana. No espere una respuesta aquí. Si alguien está con usted, "
            "pídale ayuda. También avisamos a su equipo de atención."
        ),
        "crisis": (
            "Usted merece apoyo ahora mismo. Llame o envíe un mensaje de texto al {crisis} "
            "(oprima 2 para español), a cualquier hora. Si está en peligro ahora, llame al "
            "{emergency}. También avisamos a su equipo de atención."
        ),
        "urgent": (
            "Esto necesita la atención de un profesional hoy. Enviamos su mensaje a su equipo "
            "de atención como urgente. Si empeora o no puede comunicarse con ellos, llame al "
            "{emergency} o vaya a una clínica de atención urgente."
        ),
        "out_of_scope": (
            "Esta pregunta es para su equipo de atención: puedo explicarle sus diagnósticos y "
            "su atención preventiva, pero no puedo diagnosticar síntomas nuevos, recetar ni "
            "cambiar un medicamento o una dosis. ¿Quiere que envíe su pregunta a su equipo "
            "de atención?"
        ),
        "refused": (
            "No puedo ayudar con eso. Puedo explicarle sus diagnósticos, sus resultados y la "
            "atención preventiva que le corresponde. Si tiene una pregunta para su equipo de "
            "atención, puedo enviársela."
        ),
        "call": "Llamar al {number}",
        "text": "Mensaje al {number}",
        "send": "Enviar a mi equipo de atención",
    },
}

NO_ANSWER_TEXT = {
    "en": (
        "I don't have approved information that answers this. "
        "I can send your question to your care team."
    ),
    "es": (
        "No tengo información aprobada que responda a esto. "
        "Puedo enviar su pregunta a su equipo de atención."
    ),
}
FALLBACK_TEXT = {
    "en": (
        "Sorry, I could not finish an answer just now. Your question is saved. "
        "You can ask again, or send it to your care team."
    ),
    "es": (
        "Lo siento, no pude terminar una respuesta ahora. Su pregunta está guardada. "
        "Puede preguntar de nuevo o enviarla a su equipo de atención."
    ),
}
NOT_YET_TRANSLATED = {
    "es": "Todavía no tenemos un artículo aprobado en español sobre esto. "
    "Puede leer el artículo en inglés: {title}.",
}


def safety_reply(
    action: Action, *, emergency: str, crisis: str, language: str = "en"
) -> SafetyReply:
    t = TEXTS.get(language, TEXTS["en"])
    call = {"type": "call", "number": emergency, "label": t["call"].format(number=emergency)}
    send = {"type": "send_to_care_team", "label": t["send"]}
    if action is Action.EMERGENCY:
        return SafetyReply("emergency", t["emergency"].format(emergency=emergency), [call])
    if action is Action.CRISIS:
        return SafetyReply(
            "crisis",
            t["crisis"].format(crisis=crisis, emergency=emergency),
            [
                {"type": "call", "number": crisis, "label": t["call"].format(number=crisis)},
                {"type": "text", "number": crisis, "label": t["text"].format(number=crisis)},
                call,
            ],
        )
    if action is Action.URGENT:
        return SafetyReply("urgent", t["urgent"].format(emergency=emergency), [call])
    if action is Action.OUT_OF_SCOPE:
        return SafetyReply("out_of_scope", t["out_of_scope"], [send])
    return SafetyReply("refused", t["refused"], [send])
