"""A short summary of an escalated conversation for the clinician, from stored messages.

Offline and grounded: it only restates what was stored (the question, the guard's
finding, what the assistant said and its sources). It invents nothing.
"""

from __future__ import annotations

from assistant.models import Message, Role
from portal.careteam.models import Escalation

REASONS = {
    "emergency": "The safety guard found signs of an emergency and showed emergency instructions.",
    "crisis": "The safety guard found signs of a mental health crisis and showed crisis resources.",
    "urgent": "The safety guard judged this to need same-day attention.",
    "patient_request": "The patient asked to send this to the care team.",
}


def escalation_summary(escalation: Escalation) -> str:
    question = escalation.message
    replies = list(
        Message.objects.filter(reply_to=question).exclude(role=Role.PATIENT).order_by("seq")
    )
    lines = [f'Patient asked: "{question.text}"']
    lines.append(REASONS.get(escalation.reason, f"Guard decision: {escalation.reason}."))
    rules = escalation.verdict.get("rules") or []
    if rules:
        lines.append("Guard rules matched: " + ", ".join(rules) + ".")
    for reply in replies:
        if reply.role == Role.ASSISTANT:
            lines.append(f'Assistant replied ({reply.kind}): "{reply.text}"')
            titles = sorted({c["title"] for c in reply.citations})
            if titles:
                lines.append("Sources: " + "; ".join(titles) + ".")
    return "\n".join(lines)
