"""What the patient is told when the guard decides not to answer from the library.

Plain Python: texts and actions per guard action. The emergency number and crisis line
come from settings through the caller. Every text is short and says what to do now.
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


def safety_reply(action: Action, *, emergency: str, crisis: str) -> SafetyReply:
    call = {"type": "call", "number": emergency, "label": f"Call {emergency}"}
    if action is Action.EMERGENCY:
        return SafetyReply(
            "emergency",
            f"This may be an emergency. Call {emergency} now, or go to the nearest emergency "
            "room. Do not wait for a reply here. If someone is with you, ask them to help. "
            "We have also told your care team.",
            [call],
        )
    if action is Action.CRISIS:
        return SafetyReply(
            "crisis",
            f"You deserve support right now. Call or text {crisis} to reach the Suicide & "
            f"Crisis Lifeline, any time, day or night. If you are in danger now, call "
            f"{emergency}. We have also told your care team.",
            [
                {"type": "call", "number": crisis, "label": f"Call {crisis}"},
                {"type": "text", "number": crisis, "label": f"Text {crisis}"},
                call,
            ],
        )
    if action is Action.URGENT:
        return SafetyReply(
            "urgent",
            "This needs a clinician's attention today. We have sent your message to your care "
            f"team as urgent. If it gets worse, or you cannot reach them, call {emergency} "
            "or go to urgent care.",
            [call],
        )
    if action is Action.OUT_OF_SCOPE:
        return SafetyReply(
            "out_of_scope",
            "This is a question for your care team: I can explain your diagnoses and "
            "preventive care, but I cannot diagnose new symptoms, prescribe, or change a "
            "medicine or dose. Do you want me to send your question to your care team?",
            [{"type": "send_to_care_team", "label": "Send to my care team"}],
        )
    return SafetyReply(
        "refused",
        "I can't help with that. I can explain your diagnoses, your test results and the "
        "preventive care that is due for you. If you have a question for your care team, "
        "I can send it to them.",
        [{"type": "send_to_care_team", "label": "Send a question to my care team"}],
    )


NO_ANSWER_TEXT = (
    "I don't have approved information that answers this. "
    "I can send your question to your care team."
)
FALLBACK_TEXT = (
    "Sorry, I could not finish an answer just now. Your question is saved. "
    "You can ask again, or send it to your care team."
)
